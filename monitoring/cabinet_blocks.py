"""On a participant's own page (participants/cabinet): the questionnaires addressed to him and not answered yet."""

from __future__ import annotations

from django.urls import reverse

from monitoring.models import Invitation
from participants.cabinet.page import CABINET_BLOCKS
from participants.landing import LandingBlock, Todo


@CABINET_BLOCKS.add
def questionnaires(person, today) -> list[LandingBlock]:
    waiting = Invitation.objects.filter(person=person, answered_at__isnull=True).select_related("questionnaire")
    todos = [Todo(f"Ответить на анкету «{i.questionnaire.title}»", reverse("monitoring:answer", args=[i.token]))
             for i in waiting.order_by("created_at")]
    return [LandingBlock("Анкеты", "participants/cabinet/todos.html", todos=todos, order=10)] if todos else []
