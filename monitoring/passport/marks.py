"""The marks of the passport, in one table, and their computation for any number of schools in a fixed number of
queries (the district's table reads each kind of record once)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse_lazy
from django.utils.text import format_lazy

from monitoring.models import SchoolReport
from monitoring.passport.stages import STAGES, stages
from participants.models import (
    Consent,
    Document,
    DocumentKind,
    Membership,
    Pair,
    PairStatus,
    Programme,
    ProgrammeStatus,
    PublicPage,
    Role,
)
from participants.models.pairs import LIVE_STATUSES
from participants.public.content_plan import Counter, year_news
from roadmaps.models import Order, Roadmap, RoadmapStatus
from roadmaps.orders.selectors import checklist

# key → (the column's heading, the norm it checks)
MARKS = {
    "curator": ("Куратор назначен приказом", "Р-145, методология: куратор внедрения ЦМН назначается приказом ОО"),
    "regulation": ("Положение о наставничестве", "Р-145: положение о программе наставничества утверждено в ОО"),
    "roadmap": ("Дорожная карта утверждена", "Р-145: дорожная карта внедрения ЦМН на текущий период"),
    "programmes": ("Программа на каждую форму", "методология: программа наставничества для каждой формы в работе"),
    "public": ("Раздел на сайте", "000 §2.8: раздел «Наставничество» на сайте ОО опубликован"),
    "content": ("Публикации", "001: не менее пяти публикаций и двух рубрик за учебный год"),
    "consents": ("Согласия участников", "152-ФЗ: согласие у каждого участника работающей пары"),
    "orders": ("Приказы района исполнены", "пункты приказов муниципалитета для школ — в срок"),
    "monitoring": ("Мониторинг сдан в срок", "003 п.8: отчёт последнего мониторинга сдан не позднее срока"),
}


@dataclass
class Mark:
    ok: bool | None  # None: nothing to check yet (no pairs, no monitoring)
    detail: str
    url: str = ""


@dataclass
class Passport:
    organization: object
    marks: dict[str, Mark] = field(default_factory=dict)
    stage: int = 0  # the index in stages.STAGES of the stage of introduction the school is at

    @property
    def stage_label(self) -> str:
        return f"{self.stage + 1}. {STAGES[self.stage]}"

    @property
    def met(self) -> int:
        return sum(1 for m in self.marks.values() if m.ok)

    @property
    def checked(self) -> int:
        return sum(1 for m in self.marks.values() if m.ok is not None)

    def ordered(self) -> list[tuple[str, Mark]]:
        return [(key, self.marks[key]) for key in MARKS]


def _url(name: str, *args):
    """Made when a page shows it: the region's summary computes every school's marks and shows none of their links
    (13,000 reversals were a third of its time)."""
    return reverse_lazy(name, args=args)


def passports(organizations, today: date) -> list[Passport]:
    schools = list(organizations)
    ids = [o.pk for o in schools]
    curators = set(Membership.objects.filter(organization_id__in=ids, role=Role.SCHOOL_CURATOR)
                   .values_list("organization_id", flat=True))
    documents = defaultdict(dict)
    kinds = (DocumentKind.ORDER_CURATOR, DocumentKind.REGULATION)
    for doc in Document.objects.adopted().filter(organization_id__in=ids, kind__in=kinds).order_by("date"):
        documents[doc.organization_id][doc.kind] = doc  # the latest of each kind
    roadmaps = {r.organization_id: r for r in Roadmap.objects.filter(
        organization_id__in=ids, status=RoadmapStatus.APPROVED, period_start__lte=today, period_end__gte=today)}
    forms_in_use = defaultdict(set)
    for organization_id, form_id, form_name in Pair.objects.filter(organization_id__in=ids, status__in=LIVE_STATUSES
                                                                   ).values_list("organization_id", "form_id",
                                                                                 "form__name").distinct():
        forms_in_use[organization_id].add((form_id, form_name))
    programmes = defaultdict(set)
    for organization_id, form_id in Programme.objects.filter(
            organization_id__in=ids, status__in=(ProgrammeStatus.APPROVED, ProgrammeStatus.RECOMMENDED)
    ).values_list("organization_id", "form_id"):
        programmes[organization_id].add(form_id)
    published = set(PublicPage.objects.filter(organization_id__in=ids, is_published=True)
                    .values_list("organization_id", flat=True))
    news = {row["page__organization_id"]: Counter(row["n"], row["rubrics"]) for row in year_news(
        PublicPage.objects.filter(organization_id__in=ids), today).values("page__organization_id").annotate(
        n=Count("pk"), rubrics=Count("rubric", distinct=True, filter=~Q(rubric="")))}
    valid = Consent.objects.filter(Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=today), given_on__lte=today)
    # People of active pairs without a valid consent, counted by the database (a district has thousands of pairs):
    # each mentor of a pair and each of its mentees, as many times as they take part.
    without_consent = defaultdict(int)
    active_pairs = Pair.objects.filter(organization_id__in=ids, status=PairStatus.ACTIVE)
    mentees = Pair.mentees.through.objects.filter(pair__in=active_pairs)
    for rows, person, place in ((active_pairs, "mentor_id", "organization_id"),
                                (mentees, "person_id", "pair__organization_id")):
        for organization_id, n in (rows.annotate(ok=Exists(valid.filter(person_id=OuterRef(person)))).filter(ok=False)
                                   .values(place).annotate(n=Count("pk")).values_list(place, "n")):
            without_consent[organization_id] += n
    active = set(Pair.objects.filter(organization_id__in=ids, status=PairStatus.ACTIVE)
                 .values_list("organization_id", flat=True))
    overdue = defaultdict(int)
    district_ids = {o.district_id for o in schools if o.district_id}
    for order in Order.objects.filter(district_id__in=district_ids).select_related("roadmap"):
        found = checklist(order, [o for o in schools if o.district_id == order.district_id], today)
        for (_, school_id), state in found.states.items():
            overdue[school_id] += int(state.overdue)
    reports = {}
    for report in SchoolReport.objects.filter(organization_id__in=ids).select_related("campaign").order_by(
            "campaign__due_on", "pk"):
        reports[report.organization_id] = report  # the latest campaign's

    result = []
    for school in schools:
        code, docs = school.code, documents.get(school.pk, {})
        marks = {}
        order = docs.get(DocumentKind.ORDER_CURATOR)
        has_curator = school.pk in curators
        marks["curator"] = Mark(
            has_curator and order is not None,
            ("назначен" if has_curator else "нет куратора") + "; " +
            (f"приказ № {order.number} от {order.date:%d.%m.%Y}" if order else "приказа о назначении в реестре нет"),
            _url("participants:organization-documents", code))
        regulation = docs.get(DocumentKind.REGULATION)
        marks["regulation"] = Mark(regulation is not None,
                                   f"от {regulation.date:%d.%m.%Y}" if regulation else "в реестре документов нет",
                                   _url("participants:organization-documents", code))
        roadmap = roadmaps.get(school.pk)
        marks["roadmap"] = Mark(roadmap is not None, roadmap.period_label if roadmap else "нет утверждённой на сегодня",
                                roadmap.get_absolute_url() if roadmap else _url("roadmaps:organization-list", code))
        missing = sorted(name for form_id, name in forms_in_use.get(school.pk, set())
                         if form_id not in programmes.get(school.pk, set()))
        in_use = forms_in_use.get(school.pk)
        marks["programmes"] = Mark(None if not in_use else not missing,
                                   "пар нет" if not in_use else ("есть на все формы" if not missing else
                                                                 "нет программы: " + ", ".join(missing)),
                                   _url("participants:programmes", code))
        marks["public"] = Mark(school.pk in published, "опубликован" if school.pk in published else "не опубликован",
                               _url("public-page", "o", code) if school.pk in published else
                               _url("participants:organization-public", code))
        written = news.get(school.pk, Counter(0, 0))
        marks["content"] = Mark(written.met, written.text, format_lazy("{}#plan", _url("participants:organization-public", code)))
        lacking = without_consent.get(school.pk, 0)
        marks["consents"] = Mark(None if school.pk not in active else lacking == 0,
                                 "работающих пар нет" if school.pk not in active else
                                 ("у всех есть" if not lacking else f"нет согласия у {lacking}"),
                                 _url("participants:pairs", code))
        late = overdue.get(school.pk, 0)
        marks["orders"] = Mark(late == 0, "просроченных пунктов нет" if not late else f"просрочено пунктов: {late}",
                               _url("roadmaps:organization-orders", code))
        report = reports.get(school.pk)
        marks["monitoring"] = Mark(None if report is None else not report.is_late(today),
                                   "мониторингов не было" if report is None else
                                   f"«{report.campaign.title}»: {report.state_label(today)}",
                                   _url("monitoring:report-fill", code, report.pk) if report else
                                   _url("monitoring:school", code))
        result.append(Passport(school, marks))
    conditions = {p.organization.pk for p in result if all(p.marks[k].ok for k in ("curator", "regulation", "roadmap"))}
    at = stages(ids, conditions, today)
    for passport in result:
        passport.stage = at[passport.organization.pk]
    return result
