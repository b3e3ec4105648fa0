"""A personal link to a participant's page, and what a participant writes to the curator."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models


class LinkKind(models.TextChoices):
    MENTEE = "mentee", "наставляемого"
    PARENT = "parent", "родителя (законного представителя)"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(24)


class PersonalLink(models.Model):
    """The link a curator gives a mentee or a pupil's parent. Only its hash is kept: the link is shown once, when it
    is made; a new link of the same kind ends the previous one."""

    person = models.ForeignKey("participants.Person", on_delete=models.CASCADE, related_name="personal_links",
                               verbose_name="участник")
    kind = models.CharField("для кого", max_length=10, choices=LinkKind.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField("отключена", null=True, blank=True)
    last_opened_at = models.DateTimeField("последний вход", null=True, blank=True)

    class Meta:
        app_label = "participants"
        verbose_name = "личная ссылка участника"
        verbose_name_plural = "личные ссылки участников"
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["person", "kind"], condition=models.Q(revoked_at__isnull=True),
                                               name="one_live_link_per_person_and_kind")]

    def __str__(self) -> str:
        return f"Ссылка {self.get_kind_display()}: {self.person}"


class ParticipantMessage(models.Model):
    """A question or a note from a mentee or a parent to the school's curator."""

    person = models.ForeignKey("participants.Person", on_delete=models.CASCADE, related_name="messages_sent",
                               verbose_name="участник")
    author = models.CharField("кто написал", max_length=10, choices=LinkKind.choices)
    text = models.TextField("сообщение", max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField("прочитано", null=True, blank=True)
    read_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+")

    class Meta:
        app_label = "participants"
        verbose_name = "сообщение участника"
        verbose_name_plural = "сообщения участников"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["person", "read_at"])]

    def __str__(self) -> str:
        return f"{self.person}: {self.text[:40]}"


class MentorChoice(models.Model):
    """After the group meeting (methodology, stage 5: «анкетирование на предмет предпочитаемого наставника») a mentee —
    or a parent for a child — names up to three mentors in order; matching shows them beside its own reasons."""

    person = models.ForeignKey("participants.Person", on_delete=models.CASCADE, related_name="mentor_choices",
                               verbose_name="наставляемый")
    mentor = models.ForeignKey("participants.Person", on_delete=models.CASCADE, related_name="chosen_by",
                               verbose_name="наставник")
    rank = models.PositiveSmallIntegerField("место в выборе")
    author = models.CharField("кто выбрал", max_length=10, choices=LinkKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "participants"
        verbose_name = "выбор наставника"
        verbose_name_plural = "выбор наставников наставляемыми"
        ordering = ["person", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["person", "rank"], name="mentor_choice_rank_once"),
            models.UniqueConstraint(fields=["person", "mentor"], name="mentor_choice_mentor_once"),
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.mentor} ({self.rank})"
