"""What each app plugs into the mechanisms to its left (mentoring_portal/lib/plugins.py), listed: a contribution that
stops being registered (its module no longer imported by ready()) or that no longer resolves fails here, not on the
page that silently loses a block."""

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import get_template
from django.urls import reverse

from mentoring_portal.jobs.kinds import EXPORT_LABELS, HANDLERS
from mentoring_portal.lib.exports import EXPORTERS
from mentoring_portal.lib.plugins import Plugins
from mentoring_portal.lib.warming import WARMERS
from participants.audit_trail.logged import LOGGED
from participants.cabinet.page import CABINET_BLOCKS
from participants.caches.where import HOPS
from participants.documents.drafts import DRAFTS
from participants.landing import KEPT_BY, PROVIDERS
from participants.letters.addressees import ADDRESSEES
from participants.navigation import NAV_ENTRIES
from participants.nudges.selectors import NUDGES
from participants.public.blocks import PUBLIC_BLOCKS
from participants.public.content_plan import SUGGESTIONS
from participants.services.erasure import ERASURE_COPIES


def _name(function) -> str:
    return f"{function.__module__}.{function.__qualname__}"


REGISTERED = {
    EXPORTERS: {("analytical-report", "pdf"), ("analytical-report", "xlsx"), ("district", "vzroslye"),
                ("organization", "pary"), ("organization", "reestr"), ("region", "formy"), ("region", "monitoring"),
                ("region", "obzor"), ("region", "obzor-pdf"), ("region", "vzroslye"), ("region-campaign", "table"),
                ("roadmap", "docx"), ("roadmap", "execution"), ("roadmap", "pdf"), ("roadmap", "xlsx"),
                ("round-comparison", "pdf"), ("round-comparison", "xlsx")},
    HANDLERS: {"participants.registry-import", "participants.export", "participants.training-import",
               "participants.deficit-import", "roadmaps.import", "roadmaps.order", "roadmaps.sign-in-sheet",
               "monitoring.district-report", "monitoring.region-campaign-table"},
    EXPORT_LABELS: {"participants.export", "monitoring.region-campaign-table", "monitoring.district-report"},
    WARMERS: {"deadlines:region", "roadmap-table", "district-figures", "region-passport", "region-overview"},
    NAV_ENTRIES: {"district", "organization"},
    PROVIDERS: {"home", "district"},
    PUBLIC_BLOCKS: {"news", "documents", "programmes", "forms", "mentors", "practices", "contact", "roadmap", "events",
                    "figures"},
    HOPS: {"roadmaps.attendance", "roadmaps.application", "monitoring.target"},
    DRAFTS: {"kuratory", "plany", "pooshchrenie", "itogi-monitoringa"},
    ADDRESSEES: {f"passport:{mark}" for mark in ("curator", "regulation", "roadmap", "programmes", "public", "content",
                                                 "consents", "orders", "monitoring")},
}
UNKEYED = {
    NUDGES: {"participants.nudges.selectors.no_meeting", "participants.nudges.selectors.plan_behind",
             "participants.nudges.selectors.consent_missing", "participants.nudges.selectors.account_not_accepted",
             "monitoring.nudges.unanswered", "monitoring.nudges.final_missing"},
    SUGGESTIONS: {"participants.public.content_plan.published_practices", "roadmaps.news_suggestions.held_events",
                  "roadmaps.news_suggestions.contest_results"},
    ERASURE_COPIES: {"roadmaps.events.services.erase_attendance_names"},
    CABINET_BLOCKS: {"roadmaps.events.cabinet_blocks.invited_events", "monitoring.cabinet_blocks.questionnaires"},
}


def test_every_kind_of_plug_in_is_listed_here():
    listed = set(REGISTERED) | set(UNKEYED) | {KEPT_BY, LOGGED}
    assert {kind.name for kind in listed} == set(Plugins.kinds())


@pytest.mark.parametrize("kind", list(REGISTERED), ids=lambda kind: kind.name)
def test_what_each_keyed_kind_holds(kind):
    assert set(kind.keys()) == REGISTERED[kind]


@pytest.mark.parametrize("kind", list(UNKEYED), ids=lambda kind: kind.name)
def test_what_each_list_of_providers_holds(kind):
    assert {_name(provider) for provider in kind} == UNKEYED[kind]


def test_every_export_says_what_it_makes():
    for exporter in EXPORTERS:
        assert exporter.label and exporter.extension and exporter.content_type, exporter


def test_every_job_kind_has_a_handler_and_every_export_a_job_kind():
    assert all(callable(handler) for handler in HANDLERS)
    assert set(EXPORT_LABELS.keys()) <= set(HANDLERS.keys())
    assert all(label.strip() for label in EXPORT_LABELS)


def test_every_home_page_provider_is_called_and_every_kept_block_is_shown():
    assert all(callable(provider) for provider in PROVIDERS)
    shown = set(PROVIDERS)
    assert all(provider in shown and callable(kept) for provider, kept in KEPT_BY.items())


def test_every_navigation_entry_opens_a_page():
    for entry in NAV_ENTRIES:
        assert entry.group in {key for key, _ in __import__("participants.navigation").navigation.GROUPS[entry.kind]}
        assert reverse(entry.url_name, args=["code"]).startswith("/")


def test_every_public_block_has_its_template():
    for block in PUBLIC_BLOCKS:
        get_template(block.template)
        assert callable(block.context)


def test_every_draft_order_is_for_a_kind_of_place_and_every_letters_group_lists_schools():
    assert {draft.kind for draft in DRAFTS} <= {"district", "organization"}
    assert all(callable(group.schools) and group.label for group in ADDRESSEES)


def test_every_hop_of_a_changed_record_is_from_a_model():
    for label in HOPS.keys():
        assert apps.get_model(str(label))


def test_every_audited_model_exists_and_its_personal_fields_are_its_own():
    assert len(LOGGED) >= 20
    for logged in LOGGED:
        model = apps.get_model(logged.label)
        assert logged.personal <= {field.name for field in model._meta.get_fields()}


def test_a_key_two_apps_claim_is_refused_at_start_up_and_a_second_ready_doubles_nothing():
    kind = Plugins("tests: a unique kind", unique=True)
    try:
        kind.add(print, key="a")
        kind.add(print, key="a")
        assert kind.under("a") == [print]
        with pytest.raises(ImproperlyConfigured, match="'a' is taken"):
            kind.add(len, key="a")
        with pytest.raises(KeyError):
            kind.get("b")
    finally:
        Plugins._kinds.pop(kind.name)


def test_a_kind_is_declared_once():
    with pytest.raises(ImproperlyConfigured):
        Plugins(HANDLERS.name)
