"""«База кураторов»: every school of a district with the curators who run the model in it (seed 003, item 10.7) —
name, position, contacts, the order that appointed them; a school without one is flagged. Two queries a page."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils import timezone

from mentoring_portal.lib.exports import XLSX_TYPE, Column, Exporter, Sheet, SheetRow, file_name, write_xlsx
from participants.accounts.services import display_name
from participants.models import Membership, Organization, Role


def curators_base(district, user):
    """The district's schools, each with `.curators` (its school curators, with their accounts)."""
    curators = Membership.objects.filter(role=Role.SCHOOL_CURATOR).select_related("user").order_by(
        "user__last_name", "user__first_name", "pk")
    return (Organization.objects.visible_to(user).filter(district=district)
            .prefetch_related(Prefetch("memberships", queryset=curators, to_attr="curators")).in_russian_order())


def without_curator(district, user):
    """The district's schools nobody curates (flagged on the district's page)."""
    return (Organization.objects.visible_to(user).filter(district=district)
            .exclude(memberships__role=Role.SCHOOL_CURATOR).in_russian_order())


class CuratorsXlsx(Exporter):
    """The base as the district keeps it in Excel: one line per curator, a school without one on a line of its own."""

    identifier = "kuratory"
    label = "База кураторов"
    capability = "can_view_reports"
    content_type = XLSX_TYPE
    extension = "xlsx"
    user = None

    def filename(self, district) -> str:
        return file_name(self.label, district.name, f"{timezone.localdate():%Y-%m-%d}")

    def render(self, district) -> bytes:
        columns = [Column("Организация", 34), Column("ФИО куратора", 30), Column("Должность", 24),
                   Column("Телефон", 16), Column("Эл. почта", 26), Column("Приказ о назначении", 16),
                   Column("Дата приказа", 13, "date")]
        rows = []
        for school in curators_base(district, self.user):
            if not school.curators:
                rows.append(SheetRow([school.short_name, "нет куратора", "", "", "", "", None], bold=True))
            for m in school.curators:
                rows.append(SheetRow([school.short_name, display_name(m.user),
                                      m.position, m.phone, m.user.email, m.order_number, m.order_date]))
        return write_xlsx([Sheet("Кураторы", columns, rows, heading=[f"База кураторов ОО · {district.name}"])])


def district_experts(district):
    """«База экспертов»: the district's experts with the reviews each has given (programmes and practices)."""
    from django.db.models import Count, Q

    from participants.models import Membership

    return (Membership.objects.filter(district=district, role=Role.DISTRICT_EXPERT).select_related("user")
            .annotate(programmes=Count("user__programme_reviews", filter=Q(
                user__programme_reviews__organization__district=district), distinct=True),
                      practices=Count("user__practice_reviews", filter=Q(
                          user__practice_reviews__organization__district=district), distinct=True))
            .order_by("user__last_name", "user__first_name", "pk"))
