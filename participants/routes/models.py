"""A teacher's professional deficits (found by a diagnostic — РИКУ, ИКУ, a visit to lessons, self-diagnosis) and the
individual educational route (индивидуальный образовательный маршрут, ИОМ): the steps that close them — a course, the
mentor's work, an event, self-study — each with a date and its completion (seed 002: «способствовать ликвидации
профессиональных дефицитов, выявленных по результатам РИКУ»; «Проектирование и методическое сопровождение
прохождения индивидуальных образовательных маршрутов»). The rules are in `rules.py`."""

from django.conf import settings
from django.db import models


class Competence(models.TextChoices):
    SUBJECT = "subject", "Предметные"
    METHODICAL = "methodical", "Методические"
    PSYCHOLOGICAL = "psychological", "Психолого-педагогические"
    COMMUNICATIVE = "communicative", "Коммуникативные"
    DIGITAL = "digital", "Цифровые (ИКТ)"


class Diagnostic(models.TextChoices):
    RIKU = "riku", "РИКУ"
    IKU = "iku", "ИКУ"
    LESSONS = "lessons", "Посещение уроков"
    SELF = "self", "Самодиагностика"
    OTHER = "other", "Иная диагностика"


class StepKind(models.TextChoices):
    COURSE = "course", "Курсы повышения квалификации"
    MENTOR = "mentor", "Работа с наставником"
    EVENT = "event", "Мероприятие (семинар, открытый урок, мастер-класс)"
    SELF_STUDY = "self_study", "Самообразование"
    OTHER = "other", "Иное"


class DeficitQuerySet(models.QuerySet):
    def open_on(self, day) -> "DeficitQuerySet":
        """Found by `day` and not closed by it."""
        return self.filter(found_on__lte=day).exclude(closed_on__lte=day)


class Deficit(models.Model):
    person = models.ForeignKey("participants.Person", on_delete=models.CASCADE, related_name="deficits",
                               verbose_name="педагог")
    competence = models.CharField("область компетенций", max_length=20, choices=Competence.choices)
    description = models.CharField("дефицит", max_length=400, help_text="Что именно: «формулирование учебных задач "
                                                                         "урока», «работа с детьми с ОВЗ».")
    diagnostic = models.CharField("чем выявлен", max_length=20, choices=Diagnostic.choices)
    found_on = models.DateField("дата диагностики")
    result = models.CharField("результат", max_length=100, blank=True, help_text="Например: «8 из 20 баллов».")
    unacceptable = models.BooleanField("недопустимый уровень", default=False,
                                       help_text="ИКУ/РИКУ сдана на недопустимый уровень.")
    closed_on = models.DateField("ликвидирован", null=True, blank=True)
    closed_how = models.CharField("чем подтверждено", max_length=300, blank=True,
                                  help_text="Например: «повторная диагностика РИКУ, 15 из 20», «открытый урок».")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DeficitQuerySet.as_manager()

    class Meta:
        app_label = "participants"
        verbose_name = "профессиональный дефицит"
        verbose_name_plural = "профессиональные дефициты"
        ordering = [models.F("closed_on").asc(nulls_first=True), "-found_on", "pk"]
        indexes = [models.Index(fields=["person", "found_on"])]
        constraints = [models.CheckConstraint(
            name="deficit_closed_after_found",
            condition=models.Q(closed_on__isnull=True) | models.Q(closed_on__gte=models.F("found_on")),
            violation_error_message="Дефицит ликвидируют не раньше, чем выявили.")]

    def __str__(self) -> str:
        return self.description

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class RouteStep(models.Model):
    """A line of the teacher's ИОМ: what, by when, done when; the deficit it closes, if one."""

    person = models.ForeignKey("participants.Person", on_delete=models.CASCADE, related_name="route_steps",
                               verbose_name="педагог")
    deficit = models.ForeignKey(Deficit, on_delete=models.SET_NULL, null=True, blank=True, related_name="steps",
                                verbose_name="какой дефицит закрывает")
    kind = models.CharField("вид", max_length=20, choices=StepKind.choices)
    title = models.CharField("что сделать", max_length=400)
    due_on = models.DateField("срок")
    done_on = models.DateField("выполнено", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "participants"
        verbose_name = "шаг ИОМ"
        verbose_name_plural = "шаги индивидуальных образовательных маршрутов"
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title
