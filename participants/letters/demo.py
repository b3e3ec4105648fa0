"""The demo's letters: Саянский район and Клин each wrote to their schools; one school has read it."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from participants.letters.models import Letter
from participants.letters.services import letter_send, recipients
from participants.models import District


def load(today: date) -> int:
    sent = 0
    for code, title, text in (
            ("sayansky", "О майском мониторинге ЦМН",
             "Коллеги! Отчёты о реализации целевой модели наставничества сдаются на портале до 20 мая. Просим "
             "проверить контингент и пары."),
            ("klin", "О конкурсе «Педагогический дуэт»",
             "Приглашаем пары «учитель – учитель» к участию в конкурсе; заявки — на портале в разделе «Конкурсы».")):
        district = District.objects.filter(code=code).first()
        if district is None or Letter.objects.filter(district=district).exists():
            continue
        letter = letter_send(district=district, user=None, title=title, text=text, schools=recipients(district, to="all"))
        first = letter.copies.order_by("organization__short_name").first()
        if first is not None:
            first.read_at = timezone.now()
            first.save(update_fields=["read_at"])
        sent += 1
    return sent
