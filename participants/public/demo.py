"""The demo's content plans (seed 001: at least two rubrics, a content plan, five publications a year): МБОУ Агинская
СОШ № 1 (Саянский район) has its plan with the first line fulfilled by its news; ЦК «Китеж» (Клин) started its
section with a plan of its own — so the passport's mark «Публикации» is computed for both."""

from __future__ import annotations

from datetime import date, timedelta

from mentoring_portal.lib.schoolyear import school_year_of
from participants.models import ContentPlanItem, News, Organization, PublicPage

PLAN = [  # (rubric, what, month of the school year from September, who)
    ("Новости", "Старт учебного года наставничества", 9, "куратор ЦМН"),
    ("Наши наставники", "Интервью с наставником пары «учитель – учитель»", 11, "куратор ЦМН"),
    ("Новости", "Итоги школьного конкурса «Лучшая пара»", 2, "заместитель директора по УВР"),
    ("Наши наставники", "Истории пар «ученик – ученик»", 4, "совет обучающихся"),
    ("Новости", "Итоговая встреча пар", 5, "куратор ЦМН"),
]


def load(today: date) -> int:
    start = school_year_of(today)
    made = 0
    for code in ("agin-1", "kitezh"):
        school = Organization.objects.filter(code=code).first()
        if school is None:
            continue
        page, _ = PublicPage.objects.get_or_create(organization=school, defaults={
            "is_published": True, "blocks": ["news", "documents", "programmes", "forms", "contact"]})
        if page.plan.exists():
            continue
        for rubric, title, month, who in PLAN:
            due = date(start + (month < 9), month, 20)
            news = None
            if due <= today and month == 9:
                news = News.objects.filter(page=page).order_by("published_on").first() or News.objects.create(
                    page=page, title=title, rubric=rubric, published_on=min(due - timedelta(days=10), today),
                    text="Педагоги и обучающиеся начали работу в парах по программам наставничества.")
                if not news.rubric:
                    news.rubric = rubric
                    news.save(update_fields=["rubric"])
            ContentPlanItem.objects.create(page=page, rubric=rubric, title=title, due=due, responsible=who, news=news)
            made += 1
    return made
