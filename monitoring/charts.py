"""Small SVG charts drawn on the server: the same markup goes into the page and into the PDF (WeasyPrint draws SVG).

Every piece is built with `format_html`, so a label, a title or a unit typed by a user is escaped; the chart is
safe markup because of how it is built, and templates print it without `|safe`."""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

PLAN_COLOUR, ACTUAL_COLOUR, BEHIND_COLOUR = "#adb5bd", "#198754", "#dc3545"


def _n(number: float, spec: str = ".1f") -> str:
    return format(number, spec)


def _join(parts: list[SafeString]) -> SafeString:
    return mark_safe("".join(parts))  # each part came out of format_html: escaped


def grouped_bars(groups: list[tuple[str, float | None, float | None]], *, title: str = "", width: int = 520,
                 height: int = 220, maximum: float | None = None, unit: str = "%") -> SafeString:
    """Bars of plan and actual for each group (a year or a school). None draws no bar and writes «нет данных»."""
    if not groups:
        return SafeString("")
    values = [v for _, plan, actual in groups for v in (plan, actual) if v is not None]
    top = maximum or max([100.0, *values]) if unit == "%" else max([1.0, *values])
    left, bottom, top_pad = 34, 34, 22
    plot_w, plot_h = width - left - 8, height - bottom - top_pad
    slot = plot_w / len(groups)
    bar = min(26.0, slot / 3)
    parts = [format_html('<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {} {}" '
                         'font-family="DejaVu Sans, sans-serif" font-size="10" role="img" aria-label="{}">',
                         width, height, width, height, title)]
    if title:
        parts.append(format_html('<text x="{}" y="12" font-size="11" font-weight="bold">{}</text>', left, title[:90]))
    for tick in (0, 0.25, 0.5, 0.75, 1):
        y = top_pad + plot_h * (1 - tick)
        parts.append(format_html('<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#e9ecef"/>',
                                 left, width - 8, _n(y), _n(y)))
        parts.append(format_html('<text x="{}" y="{}" text-anchor="end" fill="#6c757d">{}</text>',
                                 left - 4, _n(y + 3), _n(top * tick, ".0f")))
    for index, (label, plan, actual) in enumerate(groups):
        x = left + slot * index + slot / 2
        for offset, value, colour in ((-bar, plan, PLAN_COLOUR),
                                      (0, actual, ACTUAL_COLOUR if plan is None or actual is None or actual >= plan
                                       else BEHIND_COLOUR)):
            if value is None:
                continue
            h = plot_h * min(value, top) / top
            parts.append(format_html('<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}{}</title></rect>',
                                     _n(x + offset), _n(top_pad + plot_h - h), _n(bar), _n(h), colour,
                                     _n(value, "g"), unit))
            parts.append(format_html('<text x="{}" y="{}" text-anchor="middle" font-size="9">{}</text>',
                                     _n(x + offset + bar / 2), _n(top_pad + plot_h - h - 3), _n(value, "g")))
        if actual is None:
            parts.append(format_html('<text x="{}" y="{}" text-anchor="middle" font-size="8" fill="#6c757d">'
                                     'нет данных</text>', _n(x), _n(top_pad + plot_h - 4)))
        parts.append(format_html('<text x="{}" y="{}" text-anchor="middle">{}</text>',
                                 _n(x), height - bottom + 14, label[:18]))
    legend_y = height - 6
    for offset, colour, text in ((0, PLAN_COLOUR, "план"), (50, ACTUAL_COLOUR, "факт"),
                                 (100, BEHIND_COLOUR, "факт ниже плана")):
        parts.append(format_html('<rect x="{}" y="{}" width="10" height="8" fill="{}"/><text x="{}" y="{}">{}</text>',
                                 left + offset, legend_y - 8, colour, left + offset + 14, legend_y, text))
    parts.append(SafeString("</svg>"))
    return _join(parts)


def meter(value: float | None, target: float | None, *, width: int = 80, height: int = 10) -> SafeString:
    """A small bar of a share (0–100 %) with the target as a tick: the region overview's cell chart."""
    if value is None:
        return SafeString("")
    filled = max(0.0, min(value, 100.0)) * width / 100
    colour = ACTUAL_COLOUR if target is None or value >= target else BEHIND_COLOUR
    tick = format_html('<line x1="{}" y1="0" x2="{}" y2="{}" stroke="#212529" stroke-width="2"/>',
                       _n(target * width / 100), _n(target * width / 100), height) if target is not None else ""
    return format_html('<svg class="meter" width="{}" height="{}" viewBox="0 0 {} {}" role="img" aria-label="{} %">'
                       '<rect width="{}" height="{}" fill="#e9ecef"/><rect width="{}" height="{}" fill="{}"/>{}</svg>',
                       width, height, width, height, _n(value), width, height, _n(filled), height, colour, tick)
