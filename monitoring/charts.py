"""Small SVG charts drawn on the server: the same markup goes into the page and into the PDF (WeasyPrint draws SVG)."""

from __future__ import annotations

from html import escape

PLAN_COLOUR, ACTUAL_COLOUR, BEHIND_COLOUR = "#adb5bd", "#198754", "#dc3545"


def grouped_bars(groups: list[tuple[str, float | None, float | None]], *, title: str = "", width: int = 520,
                 height: int = 220, maximum: float | None = None, unit: str = "%") -> str:
    """Bars of plan and actual for each group (a year or a school). None draws no bar and writes «нет данных»."""
    if not groups:
        return ""
    values = [v for _, plan, actual in groups for v in (plan, actual) if v is not None]
    top = maximum or max([100.0, *values]) if unit == "%" else max([1.0, *values])
    left, bottom, top_pad = 34, 34, 22
    plot_w, plot_h = width - left - 8, height - bottom - top_pad
    slot = plot_w / len(groups)
    bar = min(26.0, slot / 3)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, sans-serif" font-size="10" role="img" '
             f'aria-label="{escape(title)}">']
    if title:
        parts.append(f'<text x="{left}" y="12" font-size="11" font-weight="bold">{escape(title[:90])}</text>')
    for tick in (0, 0.25, 0.5, 0.75, 1):
        y = top_pad + plot_h * (1 - tick)
        parts.append(f'<line x1="{left}" x2="{width - 8}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e9ecef"/>')
        parts.append(f'<text x="{left - 4}" y="{y + 3:.1f}" text-anchor="end" fill="#6c757d">{top * tick:.0f}</text>')
    for index, (label, plan, actual) in enumerate(groups):
        x = left + slot * index + slot / 2
        for offset, value, colour in ((-bar, plan, PLAN_COLOUR),
                                      (0, actual, ACTUAL_COLOUR if plan is None or actual is None or actual >= plan
                                       else BEHIND_COLOUR)):
            if value is None:
                continue
            h = plot_h * min(value, top) / top
            parts.append(f'<rect x="{x + offset:.1f}" y="{top_pad + plot_h - h:.1f}" width="{bar:.1f}" '
                         f'height="{h:.1f}" fill="{colour}"><title>{value:g}{unit}</title></rect>')
            parts.append(f'<text x="{x + offset + bar / 2:.1f}" y="{top_pad + plot_h - h - 3:.1f}" '
                         f'text-anchor="middle" font-size="9">{value:g}</text>')
        if actual is None:
            parts.append(f'<text x="{x:.1f}" y="{top_pad + plot_h - 4:.1f}" text-anchor="middle" font-size="8" '
                         f'fill="#6c757d">нет данных</text>')
        parts.append(f'<text x="{x:.1f}" y="{height - bottom + 14}" text-anchor="middle">{escape(label[:18])}</text>')
    legend_y = height - 6
    parts.append(f'<rect x="{left}" y="{legend_y - 8}" width="10" height="8" fill="{PLAN_COLOUR}"/>'
                 f'<text x="{left + 14}" y="{legend_y}">план</text>'
                 f'<rect x="{left + 50}" y="{legend_y - 8}" width="10" height="8" fill="{ACTUAL_COLOUR}"/>'
                 f'<text x="{left + 64}" y="{legend_y}">факт</text>'
                 f'<rect x="{left + 100}" y="{legend_y - 8}" width="10" height="8" fill="{BEHIND_COLOUR}"/>'
                 f'<text x="{left + 114}" y="{legend_y}">факт ниже плана</text>')
    parts.append("</svg>")
    return "".join(parts)
