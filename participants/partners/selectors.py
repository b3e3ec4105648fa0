"""«База партнёров» of a district: its own partners and its schools' (two queries a page)."""

from participants.models import Partner


def district_partners(district):
    return (Partner.objects.of_district(district)
            .select_related("organization").prefetch_related("schools").order_by("name", "pk"))
