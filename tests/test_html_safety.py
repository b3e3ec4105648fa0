"""Nothing a user typed can run in the browser: every page carries a Content-Security-Policy without inline script
or style, no page has inline script, style or event attributes (which that policy would block), and charts escape
what users typed."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from monitoring.models import Indicator, Target
from tests.cast import OnTheStandingCast
from tests.test_scoping import DISTRICT, ROADMAP, SCHOOL

INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<style[\s>]", re.I), "<style> element"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "event handler attribute"),
    (re.compile(r"\shx-on", re.I), "hx-on attribute (needs eval)"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]
PAGES = [(name, args, "curator") for name, args, _ in DISTRICT + ROADMAP] + [
    (name, args, "school_curator") for name, args, _ in SCHOOL]


def inline_code(html: str) -> list[str]:
    return [f"{label}: {m.group(0)[:60]}" for pattern, label in INLINE for m in pattern.finditer(html)]


def test_every_response_carries_the_policy(client, db):
    policy = client.get(reverse("login"))["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy


class TestEveryPage(OnTheStandingCast):
    @pytest.mark.parametrize("name, args, who", PAGES, ids=[p[0] for p in PAGES])
    def test_no_page_has_code_the_policy_would_block(self, login, world, objects, name, args, who):
        response = login(getattr(world, who)).get(reverse(name, args=args(objects)))
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            return
        assert inline_code(response.content.decode()) == []


def test_the_landing_and_sign_in_pages_have_no_inline_code(client, login, world, objects):
    assert inline_code(client.get(reverse("login")).content.decode()) == []
    for who in ("coordinator", "curator", "school_curator", "mentor"):
        assert inline_code(login(getattr(world, who)).get(reverse("participants:home")).content.decode()) == []


def test_a_unit_typed_with_markup_is_escaped_in_the_charts(login, world):
    indicator = Indicator.objects.create(district=world.district, position=1, name="Доля <b>пар</b>",
                                         formula="students_in_mentoring", unit="<script>x</script>")
    Target.objects.create(indicator=indicator, year=2025, value=Decimal(50))
    client = login(world.methodist)
    for url in (reverse("monitoring:dashboard", args=[world.district.code]),
                reverse("monitoring:district-report", args=[world.district.code])):
        page = client.get(url).content.decode()
        assert "<script>x</script>" not in page and "<b>пар</b>" not in page
        assert "&lt;script&gt;x&lt;/script&gt;" in page
