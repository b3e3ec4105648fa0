"""Contests: the district's list and new contest, a school's contests and its application, the contest's page
(applications, the jury's scores, the results and their draft order)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mentoring_portal.lib.exports import DOCX_TYPE, PDF_TYPE, attachment
from mentoring_portal.lib.feedback import applied
from mentoring_portal.lib.uploads import download
from participants.access import (
    CAN_EDIT_DISTRICT,
    CAN_EDIT_PAIRS,
    CAN_EDIT_REGION,
    VIEW,
    access_of,
    district_view,
    organization_view,
    place_fields,
    place_kind,
    region_view,
    require_capability,
    resolved_view,
)
from participants.models import District, Organization
from roadmaps.contests.forms import ApplicationForm, ContestForm, ScoreForm
from roadmaps.contests.models import Application, Contest, Nomination
from roadmaps.contests.rules import CONTEST
from roadmaps.contests.services import contest_apply, contest_publish, contest_score, mean_score, results_order

CAN_RUN_CONTEST = "can_run_contest"  # the district's curator or the region's coordinator who announced it
CAN_JUDGE = "can_judge"  # a member of the contest's jury


def get_contest_for_view(request, pk: int, capability: str = VIEW) -> Contest:
    contest = get_object_or_404(Contest.objects.visible_to(request.user).select_related("district", "region"), pk=pk)
    on_owner = access_of(request.user).capabilities_on(contest.owner)
    caps = {VIEW, *on_owner}
    if (CAN_EDIT_DISTRICT if contest.district_id else CAN_EDIT_REGION) in on_owner:
        caps.add(CAN_RUN_CONTEST)
    if contest.jury.filter(pk=request.user.pk).exists():
        caps.add(CAN_JUDGE)
    request.capabilities = frozenset(caps)
    require_capability(request, request.capabilities, capability)
    return contest


def contest_view(capability: str = VIEW):
    return resolved_view(get_contest_for_view, "pk", capability)


def _list(request, place):
    return render(request, "roadmaps/contests/list.html", {
        "place": place, "kind": place_kind(place), "contests": place.contests.prefetch_related("nominations"),
        "can_run": (CAN_EDIT_DISTRICT if place_kind(place) == "district" else CAN_EDIT_REGION) in request.capabilities})


def _create(request, place):
    form = ContestForm(request.POST or None, request.FILES or None,
                       instance=Contest(**place_fields(place)), place=place)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            contest = form.save()
            Nomination.objects.bulk_create([Nomination(contest=contest, name=n)
                                            for n in form.cleaned_data["nominations"]])
        messages.success(request, f"Конкурс «{contest.title}» объявлен: школы видят его и подают заявки.")
        return redirect(contest)
    return render(request, "roadmaps/contests/form.html", {"place": place, "kind": place_kind(place), "form": form},
                  status=400 if request.method == "POST" else 200)


contests_of = {"district": district_view(VIEW)(_list), "region": region_view(VIEW)(_list)}
contest_create = {"district": district_view(CAN_EDIT_DISTRICT)(_create), "region": region_view(CAN_EDIT_REGION)(_create)}


@organization_view(VIEW)
def school_list(request, organization):
    contests = Contest.objects.visible_to(request.user).open_to(organization).prefetch_related("nominations")
    applications = organization.contest_applications.select_related("contest", "nomination")
    return render(request, "roadmaps/contests/school.html", {
        "organization": organization, "contests": contests, "applications": applications,
        "today": timezone.localdate()})


@organization_view(CAN_EDIT_PAIRS)
def school_apply(request, organization, pk):
    contest = get_object_or_404(Contest.objects.visible_to(request.user).open_to(organization), pk=pk)
    application = Application(contest=contest, organization=organization, submitted_by=request.user)
    form = ApplicationForm(request.POST or None, request.FILES or None, instance=application, contest=contest,
                           organization=organization, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            contest_apply(contest=contest, application=form.save(commit=False), today=timezone.localdate())
        except ValidationError as error:
            for problem in error.messages:
                form.add_error(None, problem)
        else:
            messages.success(request, f"Заявка на конкурс «{contest.title}» подана.")
            return redirect("roadmaps:school-contests", organization=organization.code)
    return render(request, "roadmaps/contests/apply.html", {"organization": organization, "contest": contest,
                                                            "form": form}, status=400 if request.method == "POST" else 200)


def _own_applications(request, contest):
    """The district's readers and the jury see every application; a school only its own."""
    applications = contest.applications.select_related("nomination", "organization", "pair__mentor", "mentor",
                                                       "practice").prefetch_related("scores")
    if CAN_RUN_CONTEST in request.capabilities or CAN_JUDGE in request.capabilities or (
            contest.district_id and District.objects.visible_to(request.user).filter(pk=contest.district_id).exists()):
        return applications
    return applications.filter(organization__in=Organization.objects.visible_to(request.user))


@contest_view(VIEW)
def contest_detail(request, contest):
    page = Paginator(_own_applications(request, contest).order_by("nomination", "place", "pk"), 50).get_page(
        request.GET.get("page"))
    is_juror = CAN_JUDGE in request.capabilities
    criteria = contest.criteria_list
    rows = []
    for a in page:  # the scoring forms of this page only
        mine = next((s for s in a.scores.all() if s.juror_id == request.user.pk), None)
        rows.append({"application": a, "mean": round(mean_score(a), 1), "scored": len(a.scores.all()),
                     "form": ScoreForm(criteria=criteria, prefix=f"a{a.pk}",
                                       initial={f"c{i}": p for i, p in enumerate(mine.points)} if mine else None)})
    can_edit = CAN_RUN_CONTEST in request.capabilities
    return render(request, "roadmaps/contests/detail.html", {
        "contest": contest, "rows": rows, "page": page, "is_juror": is_juror, "can_edit": can_edit,
        "not_yet": CONTEST.problems("publish", contest=contest, today=timezone.localdate()) if can_edit else []})


@contest_view(CAN_JUDGE)
@require_POST
def contest_score_view(request, contest, application_id):
    """The jury's marks: only the members of this contest's jury."""
    application = get_object_or_404(contest.applications, pk=application_id)
    form = ScoreForm(request.POST, criteria=contest.criteria_list, prefix=f"a{application.pk}")
    if not form.is_valid():
        messages.error(request, f"Поставьте по каждому критерию от 0 до 10 баллов («{application.title}»).")
        return redirect(contest)
    applied(request, lambda: contest_score(application=application, juror=request.user, points=form.points()),
            done=lambda _: f"Оценка сохранена: «{application.title}».")
    return redirect(contest)


@contest_view(CAN_RUN_CONTEST)
@require_POST
def contest_publish_view(request, contest):
    applied(request, lambda: contest_publish(contest=contest, today=timezone.localdate()),
            done="Итоги опубликованы: школы видят места, победители отмечены у пар и наставников.")
    return redirect(contest)


@contest_view(VIEW)
def contest_order(request, contest, fmt: str):
    if not contest.results_published_on or fmt not in ("pdf", "docx"):
        raise Http404
    order, today = results_order(contest), timezone.localdate()
    response = HttpResponse(order.docx(today) if fmt == "docx" else order.pdf(today),
                            content_type=DOCX_TYPE if fmt == "docx" else PDF_TYPE)
    response["Content-Disposition"] = attachment(f"{order.filename}.{fmt}")
    return response


@contest_view(VIEW)
def contest_file(request, contest, application_id=None):
    if application_id is None:
        field = contest.rules
    else:
        field = get_object_or_404(_own_applications(request, contest), pk=application_id).file
    if not field:
        raise Http404
    return download(field)
