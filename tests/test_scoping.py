"""Every page scoped to a district, an organization or a roadmap: an outsider gets 404 (on GET and POST alike) and
a read-only role gets 403 on any change. One table, so a new view without its line is easy to spot."""


import pytest
from django.urls import reverse

from tests.cast import OnTheStandingCast

D, S = "sayansky", "agin-1"
# (url name, arguments from the objects, changes something?) — district pages first, then school pages, then roadmaps.
DISTRICT = [
    ("participants:district", lambda o: [D], False),
    ("participants:district-mentoring", lambda o: [D], False),
    ("participants:district-forms", lambda o: [D], False),
    ("participants:district-export", lambda o: [D, "vzroslye"], False),
    ("participants:district-form-create", lambda o: [D], True),
    ("roadmaps:district-list", lambda o: [D], False),
    ("roadmaps:orders", lambda o: [D], False),
    ("roadmaps:order-upload", lambda o: [D], True),
    ("roadmaps:district-create", lambda o: [D], True),
    ("roadmaps:district-import", lambda o: [D], True),
    ("participants:district-audit", lambda o: [D], False),
    ("roadmaps:district-contests", lambda o: [D], False),
    ("roadmaps:contest-create", lambda o: [D], True),
    ("roadmaps:contest", lambda o: [o["contest"].pk], False),
    ("roadmaps:contest-score", lambda o: [o["contest"].pk, o["application"].pk], True),
    ("roadmaps:contest-publish", lambda o: [o["contest"].pk], True),
    ("roadmaps:contest-order", lambda o: [o["contest"].pk, "pdf"], False),
    ("roadmaps:contest-rules", lambda o: [o["contest"].pk], False),
    ("roadmaps:contest-application-file", lambda o: [o["contest"].pk, o["application"].pk], False),
    ("roadmaps:district-events", lambda o: [D], False),
    ("roadmaps:district-visits", lambda o: [D], False),
    ("roadmaps:visit-accept", lambda o: [D, o["visit"].pk], True),
    ("roadmaps:visit-decline", lambda o: [D, o["visit"].pk], True),
    ("roadmaps:district-event-create", lambda o: [D], True),
    ("roadmaps:event", lambda o: [o["event"].pk], False),
    ("roadmaps:event-edit", lambda o: [o["event"].pk], True),
    ("roadmaps:event-invite", lambda o: [o["event"].pk], True),
    ("roadmaps:event-attendance", lambda o: [o["event"].pk], True),
    ("roadmaps:event-sign-in-sheet", lambda o: [o["event"].pk], True),
    ("roadmaps:event-held", lambda o: [o["event"].pk], True),
    ("roadmaps:event-delete", lambda o: [o["event"].pk], True),
    ("roadmaps:event-file", lambda o: [o["event"].pk, "protocol"], False),
    ("participants:district-users", lambda o: [D], False),
    ("participants:district-invite", lambda o: [D], True),
    ("participants:district-membership", lambda o: [D, o["methodist_role"].pk], True),
    ("participants:district-documents", lambda o: [D], False),
    ("participants:district-document-create", lambda o: [D], True),
    ("participants:district-document-edit", lambda o: [D, o["district_document"].pk], True),
    ("participants:district-document-delete", lambda o: [D, o["district_document"].pk], True),
    ("participants:district-document-file", lambda o: [D, o["district_document"].pk], False),
    ("participants:district-document-draft", lambda o: [D, "kuratory", "pdf"], False),
    ("participants:curators", lambda o: [D], False),
    ("participants:district-programmes", lambda o: [D], False),
    ("participants:experts", lambda o: [D], False),
    ("participants:district-public", lambda o: [D], True),
    ("participants:district-news-add", lambda o: [D], True),
    ("participants:district-plan-add", lambda o: [D], True),
    ("participants:district-news-delete", lambda o: [D, o["district_news"].pk], True),
    ("participants:district-training", lambda o: [D], False),
    ("participants:district-deficits", lambda o: [D], False),
    ("participants:partners", lambda o: [D], False),
    ("participants:partner-add", lambda o: [D], True),
    ("participants:partner-edit", lambda o: [D, o["partner"].pk], True),
    ("participants:partner-file", lambda o: [D, o["partner"].pk], False),
    ("participants:partners-export", lambda o: [D], False),
    ("participants:district-practices", lambda o: [D], False),
    ("participants:practice-review-queue", lambda o: [D], False),
    ("participants:district-practice", lambda o: [D, o["practice"].pk], False),
    ("participants:practice-review", lambda o: [D, o["practice"].pk], True),
    ("participants:practice-nominate", lambda o: [D, o["practice"].pk], True),
    ("participants:district-practice-file", lambda o: [D, o["practice"].pk], False),
    ("participants:model-programme-create", lambda o: [D], True),
    ("participants:district-programme", lambda o: [D, o["programme"].pk], False),
    ("participants:district-programme-file", lambda o: [D, o["programme"].pk], False),
    ("participants:programme-review", lambda o: [D, o["programme"].pk], True),
    ("participants:programme-copy", lambda o: [D, o["programme"].pk], True),
    ("participants:curators-export", lambda o: [D], False),
    ("participants:curator-appointment", lambda o: [D, o["curator_role"].pk], True),
    ("monitoring:dashboard", lambda o: [D], False),
    ("monitoring:indicator-create", lambda o: [D], True),
    ("monitoring:indicator-edit", lambda o: [D, o["indicator"].pk], True),
    ("monitoring:district-report", lambda o: [D], False),
    ("monitoring:district-rounds", lambda o: [D], False),
    ("monitoring:district-passport", lambda o: [D], False),
    ("monitoring:district-forecast", lambda o: [D], False),
    ("participants:district-letters", lambda o: [D], True),
    ("participants:district-letter", lambda o: [D, o["letter"].pk], False),
    ("monitoring:district-passport-export", lambda o: [D, "xlsx"], False),
    *((f"monitoring:district-builder{suffix}", args, changes) for suffix, args, changes in (
        ("", lambda o: [D], True), ("-edit", lambda o: [D, o["district_questionnaire"].pk], True),
        ("-question", lambda o: [D, o["district_questionnaire"].pk], True),
        ("-question-delete", lambda o: [D, o["district_questionnaire"].pk, o["district_question"].pk], True),
        ("-question-move", lambda o: [D, o["district_questionnaire"].pk, o["district_question"].pk, "up"], True),
        ("-publish", lambda o: [D, o["district_questionnaire"].pk], True),
        ("-copy", lambda o: [D, o["district_questionnaire"].pk], True))),
    ("monitoring:district-rounds-export", lambda o: [D, "xlsx"], False),
    ("monitoring:district-report-export", lambda o: [D, "xlsx"], False),
    ("monitoring:campaigns", lambda o: [D], False),
    ("monitoring:schedule", lambda o: [D], True),
    ("monitoring:campaign-create", lambda o: [D], True),
    ("monitoring:campaign", lambda o: [D, o["campaign"].pk], False),
    ("monitoring:campaign-edit", lambda o: [D, o["campaign"].pk], True),
    ("monitoring:campaign-close", lambda o: [D, o["campaign"].pk], True),
    ("monitoring:campaign-delete", lambda o: [D, o["campaign"].pk], True),
    ("monitoring:campaign-remind", lambda o: [D, o["campaign"].pk], True),
    ("monitoring:report-decide", lambda o: [D, o["campaign"].pk, o["report"].pk], True),
]
SCHOOL = [
    ("participants:organization", lambda o: [S], False),
    ("roadmaps:organization-orders", lambda o: [S], False),
    ("roadmaps:organization-events", lambda o: [S], False),
    ("roadmaps:visits", lambda o: [S], False),
    ("roadmaps:visit-submit", lambda o: [S], True),
    ("roadmaps:visit-withdraw", lambda o: [S, o["visit"].pk], True),
    ("roadmaps:school-contests", lambda o: [S], False),
    ("roadmaps:contest-apply", lambda o: [S, o["contest"].pk], True),
    ("roadmaps:organization-event-create", lambda o: [S], True),
    ("participants:headcount-create", lambda o: [S], True),
    ("participants:organization-audit", lambda o: [S], False),
    ("participants:organization-users", lambda o: [S], False),
    ("participants:organization-invite", lambda o: [S], True),
    ("participants:organization-membership", lambda o: [S, o["mentor_role"].pk], True),
    ("participants:organization-documents", lambda o: [S], False),
    ("participants:programmes", lambda o: [S], False),
    ("participants:practices", lambda o: [S], False),
    ("participants:training", lambda o: [S], False),
    ("participants:organization-public", lambda o: [S], True),
    ("participants:organization-news-add", lambda o: [S], True),
    ("participants:organization-plan-add", lambda o: [S], True),
    ("participants:organization-news-delete", lambda o: [S, o["school_news"].pk], True),
    ("participants:training-add", lambda o: [S], True),
    ("participants:training-import", lambda o: [S], True),
    ("participants:training-template", lambda o: [S], False),
    ("participants:training-certificate", lambda o: [S, o["training"].pk], False),
    ("participants:library", lambda o: [S], False),
    ("participants:library-file", lambda o: [S, o["sample"].pk], False),
    ("participants:library-copy", lambda o: [S, o["sample"].pk], True),
    ("participants:routes", lambda o: [S], False),
    ("participants:routes-template", lambda o: [S], False),
    ("participants:deficit-add", lambda o: [S], True),
    ("participants:deficit-import", lambda o: [S], True),
    ("participants:route", lambda o: [S, o["mentor"].pk], False),
    ("participants:route-step-add", lambda o: [S, o["mentor"].pk], True),
    ("participants:route-step-mark", lambda o: [S, o["route_step"].pk], True),
    ("participants:deficit-close", lambda o: [S, o["deficit"].pk], True),
    ("participants:deficit-reopen", lambda o: [S, o["deficit"].pk], True),
    ("participants:practice-create", lambda o: [S], True),
    ("participants:practice-edit", lambda o: [S, o["practice"].pk], True),
    ("participants:practice-file", lambda o: [S, o["practice"].pk], False),
    ("participants:practice-bank", lambda o: [S], False),
    ("participants:programme-create", lambda o: [S], True),
    ("participants:programme-edit", lambda o: [S, o["programme"].pk], True),
    ("participants:programme-file", lambda o: [S, o["programme"].pk], False),
    ("participants:organization-document-create", lambda o: [S], True),
    ("participants:organization-document-edit", lambda o: [S, o["school_document"].pk], True),
    ("participants:organization-document-delete", lambda o: [S, o["school_document"].pk], True),
    ("participants:organization-document-file", lambda o: [S, o["school_document"].pk], False),
    ("participants:organization-document-draft", lambda o: [S, "plany", "pdf"], False),
    ("participants:people", lambda o: [S], False),
    ("participants:person-create", lambda o: [S], True),
    ("participants:person", lambda o: [S, o["mentee"].pk], False),
    ("participants:person-edit", lambda o: [S, o["mentee"].pk], True),
    ("participants:person-consent", lambda o: [S, o["mentee"].pk], True),
    ("participants:person-consent-withdraw", lambda o: [S, o["mentee"].pk, o["consent"].pk], True),
    ("participants:person-profile", lambda o: [S, o["mentor"].pk], True),
    ("participants:person-request", lambda o: [S, o["mentee"].pk], True),
    ("participants:person-anonymise", lambda o: [S, o["mentee"].pk], True),
    ("participants:people-import", lambda o: [S], True),
    ("participants:people-template", lambda o: [S], False),
    ("participants:people-export", lambda o: [S], False),
    ("participants:pairs-export", lambda o: [S], False),
    ("participants:partner-create", lambda o: [S], True),
    ("participants:pairs", lambda o: [S], False),
    ("participants:pair-create", lambda o: [S], True),
    ("participants:people-search", lambda o: [S], False),
    ("participants:pair-order", lambda o: [S], False),
    ("participants:pair", lambda o: [S, o["pair"].pk], False),
    ("participants:pair-edit", lambda o: [S, o["pair"].pk], True),
    ("participants:pair-activate", lambda o: [S, o["pair"].pk], True),
    ("participants:pair-finish", lambda o: [S, o["pair"].pk], True),
    ("participants:meeting-create", lambda o: [S, o["pair"].pk], True),
    ("participants:meeting-edit", lambda o: [S, o["pair"].pk, o["meeting"].pk], True),
    ("participants:task-create", lambda o: [S, o["pair"].pk], True),
    ("participants:task-toggle", lambda o: [S, o["pair"].pk, o["task"].pk], True),
    ("participants:matching", lambda o: [S], False),
    ("participants:request-close", lambda o: [S, o["request"].pk], True),
    ("roadmaps:organization-list", lambda o: [S], False),
    ("roadmaps:organization-create", lambda o: [S], True),
    ("roadmaps:organization-import", lambda o: [S], True),
    ("monitoring:school", lambda o: [S], False),
    ("monitoring:school-targets", lambda o: [S], True),
    ("monitoring:report-fill", lambda o: [S, o["report"].pk], True),
    ("monitoring:school-report", lambda o: [S], False),
    ("monitoring:school-report-export", lambda o: [S, "pdf"], False),
    ("monitoring:invitations", lambda o: [S], False),
    ("monitoring:invitations-create", lambda o: [S], True),
    ("monitoring:answer-enter", lambda o: [S, o["invitation"].pk], True),
    ("participants:person-link", lambda o: [S, o["mentee"].pk], True),
    ("participants:person-link-revoke", lambda o: [S, o["mentee"].pk], True),
    ("participants:person-messages-read", lambda o: [S, o["mentee"].pk], True),
    ("participants:person-groups", lambda o: [S, o["mentee"].pk], True),
    ("participants:recruitment", lambda o: [S], False),
    ("monitoring:rounds", lambda o: [S], True),
    ("monitoring:invitations-create-for-category", lambda o: [S], True),
    ("monitoring:school-forecast", lambda o: [S], False),
    ("participants:school-letters", lambda o: [S], False),
    ("participants:school-letter", lambda o: [S, o["letter_copy"].pk], False),
    *((f"monitoring:organization-builder{suffix}", args, changes) for suffix, args, changes in (
        ("", lambda o: [S], True), ("-edit", lambda o: [S, o["school_questionnaire"].pk], True),
        ("-question", lambda o: [S, o["school_questionnaire"].pk], True),
        ("-question-delete", lambda o: [S, o["school_questionnaire"].pk, o["school_question"].pk], True),
        ("-question-move", lambda o: [S, o["school_questionnaire"].pk, o["school_question"].pk, "up"], True),
        ("-publish", lambda o: [S, o["school_questionnaire"].pk], True),
        ("-copy", lambda o: [S, o["school_questionnaire"].pk], True),
        ("-fill", lambda o: [S, o["school_questionnaire"].pk], True))),
    ("monitoring:rounds-export", lambda o: [S, "xlsx"], False),
    ("participants:recruitment-toggle", lambda o: [S, o["recruitment"].pk], True),
    ("participants:candidate-take", lambda o: [S, o["candidate"].pk], True),
    ("participants:candidate-decline", lambda o: [S, o["candidate"].pk], True),
]
R = lambda o: o["district_roadmap"].pk  # noqa: E731
ROADMAP = [
    ("roadmaps:detail", lambda o: [R(o)], False),
    ("roadmaps:timeline", lambda o: [R(o)], False),
    ("roadmaps:edit", lambda o: [R(o)], True),
    ("roadmaps:items-bulk", lambda o: [R(o)], True),
    ("roadmaps:items-paste", lambda o: [R(o)], True),
    ("roadmaps:export", lambda o: [R(o), "pdf"], False),
    ("roadmaps:copy", lambda o: [R(o)], True),
    ("roadmaps:adopt", lambda o: [R(o)], True),
    ("roadmaps:section-create", lambda o: [R(o)], True),
    ("roadmaps:section-edit", lambda o: [R(o), o["section"].pk], True),
    ("roadmaps:section-delete", lambda o: [R(o), o["section"].pk], True),
    ("roadmaps:section-move", lambda o: [R(o), o["section"].pk, "down"], True),
    ("roadmaps:item-create", lambda o: [R(o), o["section"].pk], True),
    ("roadmaps:item", lambda o: [R(o), o["item"].pk], False),
    ("roadmaps:item-row", lambda o: [R(o), o["item"].pk], False),
    ("roadmaps:deadline-understood", lambda o: [R(o)], False),
    ("roadmaps:item-edit", lambda o: [R(o), o["item"].pk], True),
    ("roadmaps:item-delete", lambda o: [R(o), o["item"].pk], True),
    ("roadmaps:item-restore", lambda o: [R(o), o["deleted"].pk], True),
    ("roadmaps:item-move", lambda o: [R(o), o["item"].pk, "down"], True),
    ("roadmaps:item-comment", lambda o: [R(o), o["item"].pk], True),
    ("roadmaps:item-evidence", lambda o: [R(o), o["item"].pk], True),
    ("roadmaps:evidence-file", lambda o: [R(o), o["evidence"].pk], False),
    ("roadmaps:deadline-correct", lambda o: [R(o), o["item"].pk], True),
    ("roadmaps:occurrence-done", lambda o: [R(o), o["item"].pk, o["occurrence"].pk], True),
    ("roadmaps:occurrence-undo", lambda o: [R(o), o["item"].pk, o["occurrence"].pk], True),
]
ALL = [(*row, "outsider_curator", "methodist") for row in DISTRICT + ROADMAP] + [
    (*row, "other_curator", "methodist") for row in SCHOOL]


class TestEveryPlacesPage(OnTheStandingCast):
    @pytest.mark.parametrize("name, args, changes, outsider, reader", ALL, ids=[row[0] for row in ALL])
    def test_an_outsider_gets_404_and_a_reader_403_on_change(self, login, world, objects, name, args, changes,
                                                              outsider, reader):
        url = reverse(name, args=args(objects))
        client = login(getattr(world, outsider))
        assert client.get(url).status_code == 404
        assert client.post(url, {"title": "x", "name": "x", "comment": "x"}).status_code == 404
        if changes:
            response = login(getattr(world, reader)).post(url, {"title": "x", "name": "x", "comment": "x"})
            assert response.status_code == 403


def test_a_school_roadmap_is_hidden_from_another_school(login, world, objects):
    url = reverse("roadmaps:detail", args=[objects["school_roadmap"].pk])
    assert login(world.other_curator).get(url).status_code == 404
    assert login(world.mentor).post(reverse("roadmaps:submit", args=[objects["school_roadmap"].pk])).status_code == 403


def url_patterns(patterns=None, prefix: str = "", namespace: str = ""):
    """(route, name) of every pattern the resolver knows, included ones too, whether or not it has a name."""
    from django.urls import URLResolver, get_resolver

    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(n for n in (namespace, pattern.namespace or "") if n)
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        else:
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield prefix + str(pattern.pattern), name


SIGN_IN = {"login", "logout", "password_change", "password_change_done", "password_reset", "password_reset_done",
           "password_reset_confirm", "password_reset_complete"}
# The public «Наставничество» section: no sign-in by design (tests/test_public.py)
PUBLIC = {"public-page", "public-embed", "public-feed", "public-document"}
BY_SECRET_LINK = {"roadmaps:calendar-feed": ["0" * 32], "monitoring:answer": ["0" * 32],  # no sign-in, a token
                  "participants:join": ["0" * 16], "participants:join-thanks": ["0" * 16],
                  **{f"participants:cabinet{action}": ["0" * 32, *extra] for action, extra in (
                      ("", []), ("-task", [1]), ("-write", []), ("-mentors", []), ("-consent", []), ("-consent-withdraw", []))}}
JOB = "6f1c7f0e-0000-4000-8000-000000000000"
# The signed-in user's own pages
OWN = {"participants:home": [], "participants:workplace": [],
       "participants:my-pairs": [], "roadmaps:calendar": [], "roadmaps:deadlines": [],
       "participants:second-factor": [],
       "participants:second-factor-verify": [], "job-progress": [JOB], "my-exports": [], "export-file": [JOB],
       "export-retry": [JOB], "participants:my-mentoring-choose": [],
       **{f"participants:my-mentoring{action}": [1, *extra] for action, extra in (
           ("", []), ("-task", [1]), ("-write", []), ("-mentors", []), ("-consent", []), ("-consent-withdraw", []))}}
# Tested in their own modules:
ELSEWHERE = {"roadmaps:submit", "roadmaps:review", "roadmaps:reopen", "roadmaps:order", "participants:headcount-edit",
             "participants:region-export", "participants:region-users", "participants:region-invite",
             "participants:region-membership", "participants:invitation-accept",  # these four: tests/test_accounts.py
             "participants:region-documents", "participants:region-document-create", "participants:region-document-edit",
             "participants:region-document-delete", "participants:region-document-file",
             "participants:region-document-draft",  # tests/test_documents.py
             "participants:region-practices",  # tests/test_practices.py
             "roadmaps:region-contests", "roadmaps:region-contest-create",  # tests/test_contests.py
             "monitoring:region-overview", "monitoring:region-schedule", "monitoring:region-campaigns",
             "monitoring:region-campaign-create", "monitoring:region-campaign",
             "monitoring:region-campaign-xlsx", "monitoring:region-report-decide"}  # tests/test_region_overview.py


def test_every_url_pattern_is_classified():
    """A new view fails this test until it is put in a table above (and so tested) or in one of these classes."""
    scoped = {row[0] for row in DISTRICT + SCHOOL + ROADMAP}
    known = scoped | {row[0] for row in REGION} | SIGN_IN | set(BY_SECRET_LINK) | set(OWN) | ELSEWHERE | PUBLIC
    unclassified = [(route, name) for route, name in url_patterns()
                    if name not in known and not route.startswith("admin/") and (route, name) != ("", None)]
    assert unclassified == []


@pytest.mark.parametrize("name", sorted(OWN))
def test_pages_of_ones_own_ask_a_stranger_to_sign_in(client, db, name):
    response = client.get(reverse(name, args=OWN[name]))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.mark.parametrize("name", sorted(BY_SECRET_LINK))
def test_secret_links_with_a_wrong_token_find_nothing(client, db, name):
    assert client.get(reverse(name, args=BY_SECRET_LINK[name])).status_code == 404


def test_the_admin_is_for_staff_only(login, world):
    response = login(world.curator).get(reverse("admin:index"))
    assert response.status_code == 302 and "login" in response.url


@pytest.fixture
def region_objects(world):
    from datetime import date

    from django.core.files.base import ContentFile

    from monitoring.models import Questionnaire
    from monitoring.services import region_campaign_open
    from participants.models import Document

    campaign = region_campaign_open(region=world.region, title="Региональный", year=2027, due_on=date(2030, 1, 20))
    questionnaire = Questionnaire.objects.create(kind="custom", title="Анкета региона", region=world.region,
                                                 respondent="mentee")
    return {"questionnaire": questionnaire, "question": questionnaire.questions.create(text="?"),
            "document": Document.objects.create(region=world.region, kind="regulation", title="Положение",
                                                date=date(2021, 9, 1), file=ContentFile(b"%PDF-1.4", name="p.pdf")),
            "campaign": campaign, "report": campaign.reports.get(),
            "membership": world.coordinator.memberships.get()}


RG = "krasnoyarsk"
REGION = [
    ("participants:region-users", lambda o: [RG]),
    ("participants:region-invite", lambda o: [RG]),
    ("participants:region-membership", lambda o: [RG, o["membership"].pk]),
    ("participants:region-documents", lambda o: [RG]),
    ("participants:region-document-create", lambda o: [RG]),
    ("participants:region-document-edit", lambda o: [RG, o["document"].pk]),
    ("participants:region-document-delete", lambda o: [RG, o["document"].pk]),
    ("participants:region-document-file", lambda o: [RG, o["document"].pk]),
    ("participants:region-export", lambda o: [RG, "obzor"]),
    ("participants:region-practices", lambda o: [RG]),
    ("roadmaps:region-contests", lambda o: [RG]),
    ("roadmaps:region-contest-create", lambda o: [RG]),
    ("monitoring:region-overview", lambda o: [RG]),
    ("monitoring:region-schedule", lambda o: [RG]),
    ("monitoring:region-campaigns", lambda o: [RG]),
    ("monitoring:region-campaign-create", lambda o: [RG]),
    ("monitoring:region-campaign", lambda o: [RG, o["campaign"].pk]),
    ("monitoring:region-passport", lambda o: [RG]),
    ("monitoring:region-passport-export", lambda o: [RG, "xlsx"]),
    ("monitoring:region-campaign-xlsx", lambda o: [RG, o["campaign"].pk]),
    ("monitoring:region-report-decide", lambda o: [RG, o["campaign"].pk, o["report"].pk]),
    *((f"monitoring:region-builder{suffix}", args) for suffix, args in (
        ("", lambda o: [RG]), ("-edit", lambda o: [RG, o["questionnaire"].pk]),
        ("-question", lambda o: [RG, o["questionnaire"].pk]),
        ("-question-delete", lambda o: [RG, o["questionnaire"].pk, o["question"].pk]),
        ("-question-move", lambda o: [RG, o["questionnaire"].pk, o["question"].pk, "up"]),
        ("-publish", lambda o: [RG, o["questionnaire"].pk]), ("-copy", lambda o: [RG, o["questionnaire"].pk]))),
]


@pytest.mark.parametrize("name, args", REGION, ids=[row[0] for row in REGION])
@pytest.mark.parametrize("who", ["curator", "school_curator", "outsider_curator"])
def test_a_regions_pages_are_its_coordinators_only(login, world, region_objects, name, args, who):
    url = reverse(name, args=args(region_objects))
    client = login(getattr(world, who))
    assert client.get(url).status_code == 404
    assert client.post(url, {"title": "x", "name": "x", "comment": "x"}).status_code == 404
