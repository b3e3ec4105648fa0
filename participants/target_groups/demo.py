"""The demo's target groups: some pupils of МБОУ Агинская СОШ № 1 (Саянский район) and of ЦК «Китеж» (Клин) are
marked, so the districts' pages, the справка and the region's passport show coverage — as counts."""

from __future__ import annotations

from datetime import date

from participants.models import Category, Organization
from participants.target_groups.models import GroupMark, TargetGroup

PLAN = {"agin-1": [(TargetGroup.RURAL, 14), (TargetGroup.LOW_INCOME, 7), (TargetGroup.DISABILITIES, 3),
                   (TargetGroup.GIFTED, 6)],
        "kitezh": [(TargetGroup.GIFTED, 9), (TargetGroup.HARDSHIP, 2)]}


def load(today: date) -> int:
    made = 0
    for code, groups in PLAN.items():
        organization = Organization.objects.filter(code=code).first()
        if organization is None or GroupMark.objects.filter(person__organization=organization).exists():
            continue
        pupils = list(organization.people.filter(category=Category.STUDENT, anonymised_on__isnull=True).order_by("pk"))
        start = 0
        for group, count in groups:
            chosen = pupils[start:start + count]
            GroupMark.objects.bulk_create([GroupMark(person=p, group=group) for p in chosen])
            made += len(chosen)
            start += count
    return made
