"""The draft orders that the registry and the accounts give: appointing curators (a district, from «База кураторов»),
the pairs and their individual plans, incentives for mentors whose plans are done (a school)."""

from __future__ import annotations

from datetime import date

from participants.access import CAN_EDIT_DOCUMENTS, CAN_EDIT_PAIRS
from participants.accounts.curators import curators_base
from participants.accounts.services import display_name
from participants.documents.drafts import DRAFTS, LEGAL_BASIS, Draft, DraftOrder, numbered
from participants.models import Pair
from participants.pairs.selectors import pair_rows

INCENTIVE_COMPLETION = 90  # % of the individual plan done: the mentor is proposed for an incentive (issue #13)


def _school_basis(organization) -> str:
    return f"{LEGAL_BASIS} и Положением о программе наставничества {organization.short_name}"


def _pair_line(pair) -> tuple[str, str, str, str]:
    mentor = pair.mentor.full_name + (f", {pair.mentor.position}" if pair.mentor.position else "")
    mentees = "; ".join(m.full_name + (f" ({m.grade})" if m.grade else "") for m in pair.mentees.all())
    form = str(pair.form) + (f" ({pair.variant})" if pair.variant else "")
    return mentor, mentees, form, f"{pair.start_date:%d.%m.%Y} – {pair.end_date:%d.%m.%Y}"


def pairs_order(organization, rows) -> DraftOrder:
    """«О закреплении наставнических пар/групп» for the chosen pairs (rows of participants.pairs.selectors.pair_rows)."""
    return DraftOrder(
        issuer=organization.name, title="О закреплении наставнических пар/групп", basis=_school_basis(organization),
        lead="1. Закрепить следующие наставнические пары/группы:",
        columns=[("№", 1.0), ("Наставник", 6.0), ("Наставляемые", 7.0), ("Форма наставничества", 4.5), ("Срок", 4.0)],
        rows=numbered(_pair_line(row.pair) for row in rows),
        clauses=["2. Наставникам разработать индивидуальные планы развития наставляемых и организовать работу "
                 "пар/групп в соответствии с ними.",
                 "3. Контроль за исполнением приказа возложить на куратора внедрения целевой модели наставничества."])


def _live_pair_rows(organization, user):
    return pair_rows(Pair.objects.visible_to(user).live().filter(organization=organization)
                     .order_by("mentor__last_name", "mentor__first_name", "pk"))


def plans_order(organization, user, today: date) -> DraftOrder | None:
    rows = [row for row in _live_pair_rows(organization, user) if row.planned]
    if not rows:
        return None
    return DraftOrder(
        issuer=organization.name, title="Об утверждении индивидуальных планов развития наставляемых",
        basis=_school_basis(organization), lead="1. Утвердить индивидуальные планы развития наставляемых:",
        columns=[("№", 1.0), ("Наставник", 5.5), ("Наставляемые", 6.5), ("Форма наставничества", 4.0),
                 ("Пунктов плана", 2.5), ("Срок", 3.5)],
        rows=numbered((*_pair_line(row.pair)[:3], str(row.planned),
                       _pair_line(row.pair)[3]) for row in rows),
        clauses=["2. Наставникам обеспечить выполнение индивидуальных планов и отмечать их выполнение на портале.",
                 "3. Контроль за исполнением приказа возложить на куратора внедрения целевой модели наставничества."])


def incentives_order(organization, user, today: date) -> DraftOrder | None:
    rows = [row for row in _live_pair_rows(organization, user)
            if row.completion is not None and row.completion >= INCENTIVE_COMPLETION]
    if not rows:
        return None
    return DraftOrder(
        issuer=organization.name, title="О поощрении наставников", basis=_school_basis(organization),
        lead=f"1. Объявить благодарность наставникам, выполнившим индивидуальные планы развития наставляемых не менее "
             f"чем на {INCENTIVE_COMPLETION} %:",
        columns=[("№", 1.0), ("Наставник", 6.5), ("Наставляемые", 7.0), ("Форма наставничества", 4.0),
                 ("Выполнение плана", 3.0)],
        rows=numbered((*_pair_line(row.pair)[:3], f"{row.completion} %") for row in rows),
        clauses=["2. Рассмотреть вопрос о материальном стимулировании наставников в соответствии с положением об "
                 "оплате труда.", "3. Контроль за исполнением приказа оставляю за собой."])


def curators_order(district, user, today: date) -> DraftOrder | None:
    lines = [(school.short_name, display_name(m.user), m.position)
             for school in curators_base(district, user) for m in school.curators]
    if not lines:
        return None
    return DraftOrder(
        issuer=district.administration_name or district.name,
        title="О назначении кураторов внедрения целевой модели наставничества в образовательных организациях",
        basis=LEGAL_BASIS, lead="1. Назначить кураторами внедрения целевой модели наставничества:",
        columns=[("№", 1.0), ("Образовательная организация", 7.0), ("Куратор", 6.0), ("Должность", 5.0)],
        rows=numbered(lines),
        clauses=["2. Кураторам обеспечить ведение персонифицированного учёта наставников и наставляемых и "
                 "мониторинг реализации программ наставничества.",
                 "3. Контроль за исполнением приказа оставляю за собой."],
        signer="Руководитель управления образования")


DRAFTS.add(Draft("kuratory", "district", "О назначении кураторов (из базы кураторов)", curators_order,
                     CAN_EDIT_DOCUMENTS, "В базе кураторов пока никого нет."))
DRAFTS.add(Draft("plany", "organization", "Об утверждении индивидуальных планов (из планов пар)", plans_order,
                     CAN_EDIT_PAIRS, "Ни у одной действующей пары нет плана."))
DRAFTS.add(Draft("pooshchrenie", "organization",
                     f"О поощрении наставников (план выполнен на {INCENTIVE_COMPLETION} % и более)", incentives_order,
                     CAN_EDIT_PAIRS, f"Ни одна действующая пара не выполнила план на {INCENTIVE_COMPLETION} %."))
