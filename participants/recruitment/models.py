"""An open recruitment form of a school, and the candidates it brings."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models


class Audience(models.TextChoices):
    """Where the link is given out, and so who fills the form in (rules.py says who each may be)."""

    COUNCIL = "council", "Педсовет (педагоги)"
    PARENTS = "parents", "Родительское собрание (родитель за ребёнка)"
    CLASS = "class", "Классный час (обучающиеся с 14 лет)"
    PARTNERS = "partners", "Встреча с партнёрами (представители предприятий)"


class Wish(models.TextChoices):
    MENTOR = "mentor", "стать наставником"
    MENTEE = "mentee", "получить наставника"


def _token() -> str:
    return secrets.token_urlsafe(12)


class RecruitmentForm(models.Model):
    organization = models.ForeignKey("participants.Organization", on_delete=models.CASCADE,
                                     related_name="recruitment_forms", verbose_name="организация")
    audience = models.CharField("где раздаётся ссылка", max_length=10, choices=Audience.choices)
    title = models.CharField("заголовок", max_length=200,
                             help_text="Например: «Анкета для педсовета 28 августа»")
    token = models.CharField(max_length=24, unique=True, default=_token, editable=False)
    is_open = models.BooleanField("принимает ответы", default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "participants"
        verbose_name = "анкета набора"
        verbose_name_plural = "анкеты набора"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class CandidateStatus(models.TextChoices):
    NEW = "new", "Новый"
    TAKEN = "taken", "Внесён в реестр"
    DECLINED = "declined", "Отклонён"


class Candidate(models.Model):
    """What someone typed into an open form; the consent he gave on it for what it collects."""

    form = models.ForeignKey(RecruitmentForm, on_delete=models.CASCADE, related_name="candidates")
    wish = models.CharField("хочет", max_length=10, choices=Wish.choices)
    category = models.CharField("категория", max_length=30)
    last_name = models.CharField("фамилия", max_length=100)
    first_name = models.CharField("имя", max_length=100)
    patronymic = models.CharField("отчество", max_length=100, blank=True)
    birth_date = models.DateField("дата рождения", null=True, blank=True)
    grade = models.CharField("класс", max_length=20, blank=True)
    position = models.CharField("должность", max_length=200, blank=True)
    phone = models.CharField("телефон", max_length=50, blank=True)
    email = models.EmailField("электронная почта", blank=True)
    about = models.TextField("о себе: чем может помочь или какая помощь нужна", max_length=2000)
    consent_by = models.CharField("согласие дал(а)", max_length=200)
    consent_giver = models.CharField("кто дал согласие", max_length=20)
    submitted_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField("состояние", max_length=10, choices=CandidateStatus.choices,
                              default=CandidateStatus.NEW)
    person = models.ForeignKey("participants.Person", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "participants"
        verbose_name = "кандидат из анкеты набора"
        verbose_name_plural = "кандидаты из анкет набора"
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["form", "status"])]

    def __str__(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)

    @property
    def full_name(self) -> str:
        return str(self)
