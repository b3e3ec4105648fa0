"""The figures of a public «Наставничество» page: the share of pupils and of young teachers in mentoring against the
target, for the last judged year (numbers only, no names)."""

from __future__ import annotations

from datetime import date

from monitoring.models import Indicator, Method
from monitoring.selectors import last_complete_year, plan_versus_actual
from participants.models import District, Organization
from participants.public.blocks import PUBLIC_BLOCKS, PublicBlock

SHOWN = ("students_in_mentoring", "young_teachers_supported")


def figures(place, today: date) -> dict | None:
    indicators = list(Indicator.objects.catalogue_of(place).filter(method=Method.COMPUTED, formula__in=SHOWN))
    if not indicators:
        return None
    organizations = list(Organization.objects.filter(district=place)) if isinstance(place, District) else [place]
    year = last_complete_year(today)
    rows = plan_versus_actual(indicators, organizations, [year], today)
    return {"rows": [(row.indicator.name, row.cells[year]) for row in rows], "year": year}


PUBLIC_BLOCKS.add(PublicBlock("figures", "Показатели", "public/blocks/figures.html", 60, figures))
