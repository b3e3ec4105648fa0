"""Demo roadmaps: the seed documents imported through the importer, as a user would."""

import re
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q

from mentoring_portal.lib.schoolyear import school_year_of
from participants.models import District, Organization
from roadmaps import demo_events
from roadmaps.importing.services import parse_file, roadmap_import
from roadmaps.models import Item, ItemStatus, Occurrence, Roadmap, RoadmapStatus
from roadmaps.services import item_create, items_copy_to_schools, roadmap_create

SEEDS = Path(settings.BASE_DIR) / "fixtures" / "seeds"
# (file, owner model, owner code)
DOCUMENTS = [
    ("000_sayansky_district_roadmap.txt", District, "sayansky"),
    ("001_asshi2_school_roadmap.txt", Organization, "asshi-2"),
    ("002_klin_order_and_roadmap.txt", District, "klin"),
    ("004_kitezh_roadmap.txt", Organization, "kitezh"),
]
# Seed 003: Пижанский район's order, imported as tasks for its schools (roadmaps.orders).
ORDER = ("003_pizhanka_order.txt", "pizhansky")
# Items due before this day are marked done in the demo; later ones are left as they would be: some overdue.
DONE_BEFORE = date(2023, 1, 1)


@transaction.atomic
def load(today: date) -> int:
    created = 0
    for name, model, code in DOCUMENTS:
        owner = model.objects.get(code=code)
        if owner.roadmaps.filter(source_name=name).exists():
            continue
        result = parse_file(name, (SEEDS / name).read_bytes())
        roadmaps = roadmap_import(owner=owner, result=result, user=None, source_name=name)
        created += len(roadmaps)
        for roadmap in roadmaps:
            _mark_progress(roadmap, today)
    _school_draft_from_district(today)
    created += _order_as_tasks(today)
    _district_roadmap_adopted()
    demo_events.load(today)
    return created


def _district_roadmap_adopted() -> None:
    """Саянский район's roadmap approved by the district's order (seed 000, item 1.2: «Приказ УО Дорожная карта»)."""
    from roadmaps.services import roadmap_adopt

    roadmap = Roadmap.objects.filter(district__code="sayansky").first()
    if roadmap is None or roadmap.status == RoadmapStatus.APPROVED:
        return
    roadmap_adopt(roadmap=roadmap, user=None, number="121-од", date=date(2021, 10, 20))


def _order_as_tasks(today: date) -> int:
    """The order's duties become the district's tasks and each Пижанский school's checklist; duties dated before
    DONE_BEFORE were met (as the demo's roadmaps), the ongoing ones are in progress."""
    from roadmaps.importing.readers import read_blocks
    from roadmaps.orders.parse import parse_order
    from roadmaps.orders.services import order_import

    name, code = ORDER
    district = District.objects.get(code=code)
    if district.orders.exists():
        return 0
    order = order_import(district=district, parsed=parse_order(read_blocks(name, (SEEDS / name).read_bytes())),
                         user=None, source_name=name)
    for roadmap in Roadmap.objects.filter(Q(pk=order.roadmap_id) | Q(items__source_item__roadmap=order.roadmap)).distinct():
        _mark_progress(roadmap, today)
    return 1


def _mark_progress(roadmap: Roadmap, today: date) -> None:
    """Occurrences due before DONE_BEFORE were met on their due date; an item all of whose are met is done."""
    limit = min(DONE_BEFORE, today)
    met = Occurrence.objects.filter(item__roadmap=roadmap, due__lt=limit)
    met.update(done_on=F("due"), note="Выполнено в срок (демо)")
    finished = roadmap.items.exclude(occurrences__done_on__isnull=True).filter(occurrences__isnull=False)
    Item.objects.filter(pk__in=finished.values("pk")).update(status=ItemStatus.DONE)


def _school_draft_from_district(today: date) -> None:
    """Саянский district orders its schools to write their own roadmaps (item 1.5): one school has a draft for the
    current school year, made of the district items without a fixed year and one item of its own."""
    school = Organization.objects.get(code="agin-1")
    if school.roadmaps.exists():
        return
    district_roadmap = Roadmap.objects.filter(district__code="sayansky").first()
    items = [i for i in district_roadmap.items.alive() if not re.search(r"20\d\d", i.deadline_text)]
    year = school_year_of(today)
    draft = roadmap_create(
        owner=school, user=None, period_start=date(year, 9, 1), period_end=date(year + 1, 8, 31),
        title=f"План мероприятий (дорожная карта) внедрения целевой модели наставничества в {school.short_name} "
              f"на {year}-{year + 1} учебный год")
    items_copy_to_schools(items=items, schools=[school], user=None, today=today)
    item_create(section=draft.sections.order_by("position").first(), user=None, data={
        "name": "Назначение куратора внедрения ЦМН и утверждение рабочей группы ОО", "deadline_text": "Октябрь",
        "responsible": "Директор", "result": "Приказ ОО",
    })
