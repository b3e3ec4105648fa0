"""«База партнёров» of a district: its own partners and its schools' (two queries a page)."""

from django.db.models import Q

from participants.models import Partner


def district_partners(district):
    return (Partner.objects.filter(Q(district=district) | Q(organization__district=district))
            .select_related("organization").prefetch_related("schools").order_by("name", "pk"))
