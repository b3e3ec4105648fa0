"""Long lists a page at a time: the page comes from `?page=`, a wrong number gives the nearest page, and the
pagination template keeps the other filters of the address ({% querystring %} of Django 5.1+)."""

from __future__ import annotations

from django.core.paginator import Page, Paginator

PER_PAGE = 50


def page_of(request, items, per_page: int = PER_PAGE) -> Page:
    return Paginator(items, per_page).get_page(request.GET.get("page"))
