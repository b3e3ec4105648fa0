"""The district's table of its schools' passports and the region's summary by district, with their Excel files."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from mentoring_portal.lib.exports import XLSX_TYPE, Column, Sheet, SheetRow, attachment, file_name, write_xlsx
from monitoring.passport.kept import summary
from monitoring.passport.marks import MARKS, passports
from participants.access import CAN_VIEW_REPORTS, district_view, region_view
from participants.models import Organization


def _xlsx(name: str, sheet: Sheet) -> HttpResponse:
    response = HttpResponse(write_xlsx([sheet]), content_type=XLSX_TYPE)
    response["Content-Disposition"] = attachment(f"{name}.xlsx")
    return response


def _sign(ok: bool | None) -> str:
    return "—" if ok is None else "да" if ok else "нет"


@district_view(CAN_VIEW_REPORTS)
def district_passport(request, district, fmt: str | None = None):
    today = timezone.localdate()
    rows = passports(Organization.objects.visible_to(request.user).filter(district=district).in_russian_order(),
                     today)
    if fmt == "xlsx":
        columns = [Column("Организация", 34), Column("Этап внедрения", 24),
                   *(Column(label, 22) for label, _ in MARKS.values()),
                   Column("Выполнено", 11, "number")]
        sheet = Sheet("Паспорт соответствия", columns, heading=[
            f"Паспорт соответствия ЦМН: {district.name} на {today:%d.%m.%Y}"])
        for passport in rows:
            sheet.rows.append(SheetRow([passport.organization.short_name, passport.stage_label,
                                        *(f"{_sign(mark.ok)}: {mark.detail}" for _, mark in passport.ordered()),
                                        passport.met]))
        return _xlsx(file_name("Паспорт соответствия", district.name, today.isoformat()), sheet)
    return render(request, "monitoring/passport/district.html", {
        "district": district, "rows": rows, "marks": MARKS, "today": today})


@region_view(CAN_VIEW_REPORTS)
def region_passport(request, region, fmt: str | None = None):
    """Per district: how many of its schools meet each mark (of those where it can be checked); the region's
    schools without a district as one line of their own. Kept between changes (monitoring/passport/kept.py)."""
    today = timezone.localdate()
    found, refreshing = summary(region, today)
    if fmt == "xlsx":
        sheet = Sheet("Паспорт соответствия", [Column("Муниципалитет", 34), Column("Школ", 8, "number"),
                                               *(Column(label, 18) for label, _ in MARKS.values())],
                      heading=[f"Паспорт соответствия ЦМН: {region.name} на {today:%d.%m.%Y} — школ, где выполнено, "
                               "из тех, где есть что проверять"])
        for name, total, counts in found.lines:
            sheet.rows.append(SheetRow([name, total, *(f"{met} из {checked}" for met, checked in counts)]))
        return _xlsx(file_name("Паспорт соответствия", region.name, today.isoformat()), sheet)
    return render(request, "monitoring/passport/region.html", {
        "region": region, "lines": found.lines, "marks": MARKS, "today": today, "groups": found.groups,
        "built_at": found.built_at, "refreshing": refreshing})
