"""Questionnaires of the methodology's monitoring: stage 1 (programme quality, per form) and stage 2 (entry and final
questionnaires of mentors and mentees). Participants answer through a personal link, once."""

import secrets

from django.conf import settings
from django.db import models


class QuestionnaireKind(models.TextChoices):
    PROGRAMME_QUALITY = "programme_quality", "Качество программы наставничества (этап 1)"
    MENTOR_ENTRY = "mentor_entry", "Входная анкета наставника"
    MENTOR_FINAL = "mentor_final", "Итоговая анкета наставника"
    MENTEE_ENTRY = "mentee_entry", "Входная анкета наставляемого"
    MENTEE_FINAL = "mentee_final", "Итоговая анкета наставляемого"
    CUSTOM = "custom", "Своя анкета"


class Respondent(models.TextChoices):
    """Who answers a questionnaire made in the builder."""

    MENTOR = "mentor", "наставник"
    MENTEE = "mentee", "наставляемый"
    PARENT = "parent", "родитель"
    CURATOR = "curator", "куратор"
    TEACHER = "teacher", "педагог"
    PARTNER = "partner", "партнёр"


class QuestionnaireStatus(models.TextChoices):
    DRAFT = "draft", "Черновик"
    PUBLISHED = "published", "Опубликована"


class QuestionKind(models.TextChoices):
    SCALE = "scale", "Шкала 1–10"
    SINGLE = "single", "Один вариант"
    MULTIPLE = "multiple", "Несколько вариантов"
    TEXT = "text", "Свободный ответ"
    NUMBER = "number", "Число"
    DATE = "date", "Дата"


# Entry and final questionnaires ask the same questions, so answers can be compared.
PAIRED_KINDS = {QuestionnaireKind.MENTOR_ENTRY: QuestionnaireKind.MENTOR_FINAL,
                QuestionnaireKind.MENTEE_ENTRY: QuestionnaireKind.MENTEE_FINAL}


class Questionnaire(models.Model):
    """The methodology's instruments (no owner, one of each kind) and those a region, a district or a school builds
    (kind «custom»). A published questionnaire that has been asked is never changed: an edit makes its next version
    (`family` is the first one), and answers stay with the version that was asked."""

    kind = models.CharField("анкета", max_length=30, choices=QuestionnaireKind.choices)
    title = models.CharField("название", max_length=200)
    intro = models.TextField("пояснение", blank=True)
    region = models.ForeignKey("participants.Region", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="questionnaires")
    district = models.ForeignKey("participants.District", on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="questionnaires")
    organization = models.ForeignKey("participants.Organization", on_delete=models.CASCADE, null=True, blank=True,
                                     related_name="questionnaires")
    respondent = models.CharField("кто отвечает", max_length=10, choices=Respondent.choices, blank=True)
    status = models.CharField("состояние", max_length=10, choices=QuestionnaireStatus.choices,
                              default=QuestionnaireStatus.PUBLISHED)
    version = models.PositiveSmallIntegerField("версия", default=1)
    family = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="versions",
                               help_text="Первая версия анкеты")
    copied_from = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies")
    is_current = models.BooleanField("действующая версия", default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")

    class Meta:
        verbose_name = "анкета"
        verbose_name_plural = "анкеты"
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["kind"], condition=~models.Q(kind="custom"),
                                               name="questionnaire_methodology_kind_once")]

    def __str__(self) -> str:
        return self.title + (f" (версия {self.version})" if self.version > 1 else "")

    @property
    def owner(self):
        return self.organization or self.district or self.region


class Question(models.Model):
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=1)
    text = models.CharField("вопрос", max_length=300)
    topic = models.CharField("что измеряет", max_length=100, blank=True,
                             help_text="Мотивация, компетентность, профессиональный рост, удовлетворённость…")
    is_scale = models.BooleanField("оценка от 1 до 10", default=True)
    section = models.CharField("раздел", max_length=200, blank=True)
    kind = models.CharField("вид ответа", max_length=10, choices=QuestionKind.choices, default=QuestionKind.SCALE)
    choices = models.TextField("варианты", blank=True, help_text="Каждый вариант — с новой строки")
    low_label = models.CharField("подпись к 1", max_length=100, blank=True, help_text="Например: «совсем не согласен»")
    high_label = models.CharField("подпись к 10", max_length=100, blank=True, help_text="Например: «полностью согласен»")
    required = models.BooleanField("обязательный", default=True)

    class Meta:
        ordering = ["questionnaire", "position"]

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs):
        self.is_scale = self.kind == QuestionKind.SCALE  # the results and the rounds read scale answers by it
        super().save(*args, **kwargs)

    @property
    def options(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


def _token() -> str:
    return secrets.token_urlsafe(18)


class Invitation(models.Model):
    """A personal link: one participant, one questionnaire, answered once."""

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="invitations")
    organization = models.ForeignKey("participants.Organization", on_delete=models.CASCADE,
                                     related_name="invitations")
    person = models.ForeignKey("participants.Person", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="invitations")
    pair = models.ForeignKey("participants.Pair", on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="invitations")
    form = models.ForeignKey("participants.MentoringForm", on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", verbose_name="форма наставничества")
    token = models.CharField(max_length=40, unique=True, default=_token)
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", help_text="Куратор, который внёс ответы за участника")
    sent_at = models.DateTimeField("письмо отправлено", null=True, blank=True)
    reminded_at = models.DateTimeField("напоминание отправлено", null=True, blank=True)
    round = models.ForeignKey("monitoring.Round", on_delete=models.CASCADE, null=True, blank=True,
                              related_name="invitations", verbose_name="раунд")

    class Meta:
        verbose_name = "приглашение к анкете"
        verbose_name_plural = "приглашения к анкетам"
        ordering = ["-created_at"]
        constraints = [
            # Once per participant and pair; in quarterly rounds, once per round.
            models.UniqueConstraint(fields=["questionnaire", "person", "pair"], condition=models.Q(round__isnull=True),
                                    name="invitation_once_per_participant"),
            models.UniqueConstraint(fields=["questionnaire", "person", "pair", "round"],
                                    condition=models.Q(round__isnull=False), name="invitation_once_per_round"),
        ]

    def __str__(self) -> str:
        return f"{self.questionnaire} · {self.person or self.organization}"


class Answer(models.Model):
    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["invitation", "question"], name="answer_once")]

    def __str__(self) -> str:
        return f"{self.question}: {self.score or self.text[:40]}"
