"""The public «Наставничество» pages (no sign-in: /p/o/<code>/, /p/d/<code>/), their embeddable version, the news feed,
the public documents; and the curator's settings page (blocks on or off, the contact, the news).

Public pages are rendered once and cached for PUBLIC_CACHE_SECONDS under the page's version (bumped when the
curator changes the page or its news), so search engines and schools' sites reading them cost almost nothing."""

from __future__ import annotations

from csp.decorators import csp_replace
from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_POST

from mentoring_portal.lib import versions
from mentoring_portal.lib.uploads import download
from participants.access import CAN_EDIT_DOCUMENTS, place_fields, place_kind, place_views
from participants.models import ContentPlanItem, District, Document, News, Organization, PublicPage
from participants.public.blocks import PUBLIC_BLOCKS, shown
from participants.public.content_plan import counter, plan_rows, suggestions
from participants.public.forms import NewsForm, PlanItemForm, PublicPageForm

PUBLIC_CACHE_SECONDS = 300
KINDS = {"o": Organization, "d": District}


def _published(kind: str, code: str) -> PublicPage:
    model = KINDS.get(kind)
    if model is None:
        raise Http404
    place = get_object_or_404(model, code=code)
    page = PublicPage.objects.filter(**place_fields(place), is_published=True).first()
    if page is None:
        raise Http404
    return page


def version_key(page: PublicPage) -> str:
    return PublicPage.version_name(page.pk)


def _cached(page: PublicPage, variant: str, build) -> bytes:
    key = f"public:{variant}:{page.pk}:{versions.version(version_key(page))}"
    body = cache.get(key)
    if body is None:
        body = build().encode()
        cache.set(key, body, PUBLIC_CACHE_SECONDS)
    return body


def _address_key(kind: str, code: str) -> str:
    return f"public-address:{kind}:{code}"


def _served(kind: str, code: str, variant: str, template: str) -> bytes:
    """The page from the cache without a query when it is there — so a public page stays up while the database
    restarts; its address remembers the page's id, and the page's version (bumped on every change, unpublishing
    too) keeps what is served current."""
    pk = cache.get(_address_key(kind, code))
    if pk is not None:
        body = cache.get(f"public:{variant}:{pk}:{versions.version(PublicPage.version_name(pk))}")
        if body is not None:
            return body
    page = _published(kind, code)
    cache.set(_address_key(kind, code), page.pk, PUBLIC_CACHE_SECONDS)
    return _cached(page, variant, lambda: render_to_string(template, _context(page, kind)))


def _context(page: PublicPage, kind: str) -> dict:
    today = timezone.localdate()
    return {"page": page, "place": page.place, "kind": kind, "blocks": shown(page, today), "today": today}


def public_page(request, kind: str, code: str):
    return HttpResponse(_served(kind, code, "page", "public/page.html"))


@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def public_embed(request, kind: str, code: str):
    """The same blocks without the portal's chrome, for an iframe on the school's own site."""
    return HttpResponse(_served(kind, code, "embed", "public/embed.html"))


def public_document(request, kind: str, code: str, pk: int):
    page = _published(kind, code)
    if "documents" not in page.blocks:
        raise Http404
    document = get_object_or_404(Document.objects.of(page.place).exclude(file=""), pk=pk)
    return download(document.file)


class NewsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, kind: str, code: str):
        page = _published(kind, code)
        if "news" not in page.blocks:
            raise Http404
        return page

    def title(self, page):
        return f"Наставничество · {page.place}"

    def link(self, page):
        return reverse("public-page", args=[page.url_kind, page.place.code])

    def items(self, page):
        return page.news.filter(published_on__lte=timezone.localdate())[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.text

    def item_link(self, item):
        page = item.page
        return reverse("public-page", args=[page.url_kind, page.place.code]) + f"#news-{item.pk}"

    def item_pubdate(self, item):
        return timezone.make_aware(timezone.datetime.combine(item.published_on, timezone.datetime.min.time()))


# The curator's settings -------------------------------------------------------------------------------------------
def _page_of(place) -> PublicPage:
    return PublicPage.objects.get_or_create(**place_fields(place),
                                            defaults={"blocks": [b.key for b in PUBLIC_BLOCKS]})[0]


def _settings(request, place):
    page = _page_of(place)
    form = PublicPageForm(request.POST or None, instance=page)
    if request.method == "POST" and form.is_valid():
        form.save()
        versions.bump(version_key(page))
        messages.success(request, "Раздел опубликован." if page.is_published else "Раздел сохранён и скрыт от сайта.")
        return redirect(request.path)
    return _settings_page(request, place, page, form=form, status=400 if request.method == "POST" else 200)


def _settings_page(request, place, page, *, form=None, news_form=None, plan_form=None, status=200):
    """The section's settings, news and content plan; a form sent back with its problems is shown bound, as typed."""
    short = page.url_kind
    public_url = request.build_absolute_uri(reverse("public-page", args=[short, place.code]))
    embed_url = request.build_absolute_uri(reverse("public-embed", args=[short, place.code]))
    today = timezone.localdate()
    offered = suggestions(place, today)
    draft = request.GET.get("draft", "")
    chosen = offered[int(draft)] if draft.isdigit() and int(draft) < len(offered) else None
    if news_form is None:
        news_form = NewsForm(initial={"title": chosen.title, "text": chosen.text, "rubric": chosen.rubric}) \
            if chosen else NewsForm()
    return render(request, "public/settings.html", {
        "place": place, "kind": place_kind(place), "page": page, "form": form or PublicPageForm(instance=page),
        "news_form": news_form, "plan_form": plan_form or PlanItemForm(), "plan": plan_rows(page, today),
        "counter": counter(page, today), "suggestions": offered, "open_plan": page.plan.filter(news__isnull=True),
        "news": page.news.all()[:50], "public_url": public_url, "embed_url": embed_url,
        "feed_url": request.build_absolute_uri(reverse("public-feed", args=[short, place.code]))},
        status=status)


@require_POST
def _news_add(request, place):
    page = _page_of(place)
    form = NewsForm(request.POST, instance=News(page=page, author=request.user))
    if form.is_valid():
        news = form.save()
        page.plan.filter(pk=request.POST.get("plan_item") or 0, news__isnull=True).update(news=news)
        versions.bump(version_key(page))
        messages.success(request, "Новость добавлена.")
        return redirect(reverse(f"participants:{place_kind(place)}-public", args=[place.code]))
    return _settings_page(request, place, page, news_form=form, status=400)


@require_POST
def _news_delete(request, place, pk: int):
    page = _page_of(place)
    get_object_or_404(page.news, pk=pk).delete()
    versions.bump(version_key(page))
    messages.success(request, "Новость удалена.")
    return redirect(reverse(f"participants:{place_kind(place)}-public", args=[place.code]))


@require_POST
def _plan_add(request, place):
    page = _page_of(place)
    form = PlanItemForm(request.POST, instance=ContentPlanItem(page=page))
    if form.is_valid():
        form.save()
        messages.success(request, "Строка контент-плана добавлена.")
        return redirect(reverse(f"participants:{place_kind(place)}-public", args=[place.code]) + "#plan")
    return _settings_page(request, place, page, plan_form=form, status=400)


public_settings = place_views(_settings, CAN_EDIT_DOCUMENTS)
plan_add = place_views(_plan_add, CAN_EDIT_DOCUMENTS)
news_add = place_views(_news_add, CAN_EDIT_DOCUMENTS)
news_delete = place_views(_news_delete, CAN_EDIT_DOCUMENTS)
