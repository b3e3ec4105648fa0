"""Issue #26: the public section gets rubrics and a content plan (what, when, who); publications count against it
(seed 001: at least two rubrics and five publications a year); a held event, a contest's results and a published
practice offer a drafted news item that the curator edits and publishes; the count is a mark of the passport."""

from datetime import date, datetime, timedelta

from django.urls import reverse
from django.utils import timezone

from monitoring.passport.marks import passports
from participants.models import ContentPlanItem, News, PublicPage
from participants.public.content_plan import counter, suggestions
from roadmaps.events.models import Event

TODAY = timezone.localdate()


def settings_url(world):
    return reverse("participants:organization-public", args=[world.school.code])


def test_a_plan_line_is_fulfilled_by_the_news_that_names_it(login, world):
    client = login(world.school_curator)
    client.get(settings_url(world))
    client.post(reverse("participants:organization-plan-add", args=[world.school.code]),
                {"rubric": "Наставник месяца", "title": "Рассказ о наставнике Ёлкине", "due": TODAY.isoformat(),
                 "responsible": "куратор ЦМН"})
    line = ContentPlanItem.objects.get()
    client.post(reverse("participants:organization-news-add", args=[world.school.code]),
                {"title": "Наставник месяца: Андрей Васильевич", "rubric": "Наставник месяца",
                 "published_on": TODAY.isoformat(), "text": "…", "plan_item": line.pk})
    line.refresh_from_db()
    assert line.news == News.objects.get()
    page = client.get(settings_url(world)).content.decode()
    assert "опубликовано: Наставник месяца" in page and "Публикаций за учебный год 1 из 5, рубрик 1 из 2" in page


def test_five_publications_in_two_rubrics_meet_the_norm_and_the_passport(world):
    page = PublicPage.objects.create(organization=world.school, is_published=True)
    for number in range(5):
        News.objects.create(page=page, title=f"Новость {number}", text="…", published_on=TODAY,
                            rubric="События" if number % 2 else "Истории пар")
    assert counter(page, TODAY).met
    mark = passports([world.school], TODAY)[0].marks["content"]
    assert mark.ok and "публикаций за учебный год 5 из 5, рубрик 2 из 2" == mark.detail
    News.objects.filter(title="Новость 4").update(published_on=date(TODAY.year - 2, 1, 1))  # another school year
    assert not counter(page, TODAY).met


def test_a_held_event_offers_a_drafted_news_item(login, world):
    held = TODAY - timedelta(days=3)
    Event.objects.create(organization=world.school, title="Педсовет о наставничестве", kind="council",
                         starts_at=timezone.make_aware(datetime.combine(held, datetime.min.time())), held_on=held,
                         place="актовый зал")
    offered = suggestions(world.school, TODAY)
    assert [s.title for s in offered] == ["Состоялось: Педсовет о наставничестве"]
    page = login(world.school_curator).get(settings_url(world), {"draft": 0}).content.decode()
    assert 'value="Состоялось: Педсовет о наставничестве"' in page and "актовый зал" in page
    PublicPage.objects.get(organization=world.school).news.create(
        title="Состоялось: Педсовет о наставничестве", text="…", published_on=TODAY)
    assert suggestions(world.school, TODAY) == []  # written about: no longer offered


def test_a_news_item_or_a_plan_line_sent_back_keeps_what_was_typed(login, world):
    """Issue #28: shown again, bound, with its problem — not a flash message over an empty form."""
    client = login(world.school_curator)
    news = client.post(reverse("participants:organization-news-add", args=[world.school.code]),
                       {"title": "Итоги конкурса «Лучшая пара»", "text": "", "published_on": "2025-05-20"})
    assert news.status_code == 400 and 'value="Итоги конкурса «Лучшая пара»"' in news.content.decode()
    line = client.post(reverse("participants:organization-plan-add", args=[world.school.code]),
                       {"rubric": "Наши наставники", "title": "Интервью с наставником", "due": "не дата"})
    assert line.status_code == 400 and 'value="Интервью с наставником"' in line.content.decode()
