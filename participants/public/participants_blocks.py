"""The blocks participants' own data gives to a public page."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q

from participants.models import (
    Category,
    District,
    Document,
    DocumentKind,
    MentorProfile,
    Organization,
    Pair,
    Practice,
    PracticeStatus,
    Programme,
    ProgrammeStatus,
)
from participants.models.registry import adult
from participants.public.blocks import PUBLIC_BLOCKS, PublicBlock


def _schools(place):
    return Organization.objects.filter(district=place) if isinstance(place, District) else [place]


def documents(place, today: date) -> dict | None:
    kinds = [DocumentKind.REGULATION, *DocumentKind.orders(), DocumentKind.PROGRAMME]
    # A sample taken from the library is the school's draft until adopted: not published.
    found = list(Document.objects.of(place).adopted().filter(kind__in=kinds).order_by("-date")[:30])
    return {"documents": found} if found else None


def programmes(place, today: date) -> dict | None:
    shown = Q(status__in=[ProgrammeStatus.APPROVED, ProgrammeStatus.RECOMMENDED])
    found = (Programme.objects.filter(shown, Q(district=place) | Q(organization__district=place)) if isinstance(
        place, District) else Programme.objects.filter(shown, organization=place)).select_related("form", "organization")
    found = list(found.order_by("organization__short_name", "title")[:50])
    return {"programmes": found} if found else None


def forms(place, today: date) -> dict | None:
    rows = list(Pair.objects.live().filter(organization__in=_schools(place)).values("form__name")
                .annotate(pairs=Count("pk")).order_by("-pairs", "form__name"))
    return {"forms": rows, "total": sum(r["pairs"] for r in rows)} if rows else None


def mentors(place, today: date) -> dict | None:
    """Only mentors who agreed to be named, only adults, only their name, position and competencies."""
    found = list(MentorProfile.objects.filter(public_name_consent=True, person__organization__in=_schools(place),
                                              person__anonymised_on__isnull=True)
                 .filter(adult(today, "person__"))  # and, for the public, without a birth date a teacher only
                 .filter(Q(person__birth_date__isnull=False) | Q(person__category=Category.TEACHER))
                 .select_related("person__organization").order_by("person__last_name", "person__first_name")[:100])
    return {"mentors": found} if found else None


def practices(place, today: date) -> dict | None:
    found = list(Practice.objects.filter(organization__in=_schools(place), status=PracticeStatus.PUBLISHED)
                 .select_related("organization", "form").order_by("-published_on")[:20])
    return {"practices": found} if found else None


def news(place, today: date) -> dict | None:
    page = getattr(place, "public_page", None)
    found = list(page.news.filter(published_on__lte=today)[:10]) if page else []
    return {"news": found} if found else None


def contact(place, today: date) -> dict | None:
    page = getattr(place, "public_page", None)
    return {"contact": page.contact} if page and page.contact else None


for block in (
    PublicBlock("news", "Новости", "public/blocks/news.html", 10, news),
    PublicBlock("documents", "Положение и приказы", "public/blocks/documents.html", 20, documents),
    PublicBlock("programmes", "Программы наставничества", "public/blocks/programmes.html", 40, programmes),
    PublicBlock("forms", "Формы наставничества и пары", "public/blocks/forms.html", 50, forms),
    PublicBlock("mentors", "Наставники (с их согласия)", "public/blocks/mentors.html", 70, mentors),
    PublicBlock("practices", "Лучшие практики", "public/blocks/practices.html", 80, practices),
    PublicBlock("contact", "Контакт куратора", "public/blocks/contact.html", 100, contact),
):
    PUBLIC_BLOCKS.add(block)
