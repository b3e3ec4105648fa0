"""The district's base of partners in Excel, as the district keeps it."""

from django.utils import timezone

from mentoring_portal.lib.exports import XLSX_TYPE, Column, Exporter, Sheet, SheetRow, file_name, write_xlsx
from participants.partners.selectors import district_partners

STATES = {"ending": "истекает в ближайшие 30 дней", "ended": "истекло"}


class PartnersXlsx(Exporter):
    identifier = "partnery"
    label = "База партнёров"
    capability = "view"
    content_type = XLSX_TYPE
    extension = "xlsx"

    def filename(self, district) -> str:
        return file_name(self.label, district.name, f"{timezone.localdate():%Y-%m-%d}")

    def render(self, district) -> bytes:
        today = timezone.localdate()
        columns = [Column("Партнёр", 32), Column("Чей", 28), Column("Соглашение №", 14), Column("От", 12, "date"),
                   Column("Действует до", 12, "date"), Column("Срок", 22), Column("Что даёт", 24),
                   Column("С какими школами", 36), Column("Контакт", 28)]
        rows = [SheetRow([
            p.name, p.organization.short_name if p.organization else "муниципалитет", p.agreement_number,
            p.agreement_date, p.agreement_end, STATES.get(p.agreement_state(today), ""), p.offers_label,
            "; ".join(s.short_name for s in p.schools.all()), p.contact,
        ]) for p in district_partners(district)]
        return write_xlsx([Sheet("Партнёры", columns, rows, heading=[f"База партнёров · {district.name}"])])
