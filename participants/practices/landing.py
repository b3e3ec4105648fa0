"""«Нужно сделать» for the district's reviewers (its curators and experts): practices and programmes waiting."""

from django.db.models import Count
from django.urls import reverse

from participants.access import access_of
from participants.landing import LandingBlock, Todo
from participants.models import District, Practice, PracticeStatus, Programme, ProgrammeStatus, Role

REVIEWERS = (Role.DISTRICT_CURATOR, Role.DISTRICT_EXPERT)


def waiting_reviews(user, today, place=None) -> list[LandingBlock]:
    district_ids = {m.district_id for m in access_of(user).memberships if m.role in REVIEWERS}
    if not district_ids:
        return []
    todos = []
    practices = dict(Practice.objects.filter(organization__district_id__in=district_ids, status=PracticeStatus.SUBMITTED)
                     .values("organization__district_id").annotate(n=Count("pk"))
                     .values_list("organization__district_id", "n"))
    programmes = dict(Programme.objects.filter(organization__district_id__in=district_ids, review_comment="",
                                               status=ProgrammeStatus.APPROVED)
                      .values("organization__district_id").annotate(n=Count("pk"))
                      .values_list("organization__district_id", "n"))
    for district in District.objects.filter(pk__in=district_ids).order_by("name"):
        if practices.get(district.pk):
            todos.append(Todo(f"Практики на рассмотрении ({district.name}): {practices[district.pk]}",
                              reverse("participants:practice-review-queue", args=[district.code])))
        if programmes.get(district.pk):
            todos.append(Todo(f"Программы без экспертизы ({district.name}): {programmes[district.pk]}",
                              reverse("participants:district-programmes", args=[district.code])
                              + f"?status={ProgrammeStatus.APPROVED}"))
    return [LandingBlock("", "", todos=todos)] if todos else []

