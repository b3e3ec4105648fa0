"""The work of mentoring: forms of the methodology, pairs and groups, their meetings and plan tasks (the programmes
live in participants/programmes/models.py)."""

from django.db import models
from django.db.models import Q
from django.urls import reverse

from participants.models.registry import Category


class FormQuerySet(models.QuerySet):
    def for_organization(self, organization) -> "FormQuerySet":
        """The methodology's forms and the ones its district added."""
        return self.filter(Q(district__isnull=True) | Q(district=organization.district_id), is_active=True)


class MentoringForm(models.Model):
    """«ученик – ученик», «учитель – учитель», …: a reference table the district can extend."""

    name = models.CharField("форма наставничества", max_length=100)
    is_teacher_form = models.BooleanField("наставничество педагогов", default=False)
    district = models.ForeignKey("participants.District", on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="mentoring_forms", verbose_name="добавлена муниципалитетом")
    position = models.PositiveSmallIntegerField("порядок", default=100)
    is_active = models.BooleanField("используется", default=True)
    mentor_categories = models.JSONField("кто может быть наставником", default=list, blank=True,
                                         help_text="Категории реестра; пусто — любая.")
    mentee_categories = models.JSONField("кто может быть наставляемым", default=list, blank=True,
                                         help_text="Категории реестра; пусто — любая.")

    objects = FormQuerySet.as_manager()

    class Meta:
        verbose_name = "форма наставничества"
        verbose_name_plural = "формы наставничества"
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name"], condition=Q(district__isnull=True), name="form_unique_standard"),
            models.UniqueConstraint(fields=["name", "district"], name="form_unique_in_district"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def roles(self) -> str:
        """«обучающийся → обучающийся»; «любой» where the form leaves a role open."""
        return f"{_categories(self.mentor_categories) or 'любой'} → {_categories(self.mentee_categories) or 'любой'}"

    def role_problems(self, mentor, mentees) -> list[str]:
        """The form's roles: «ученик – ученик» takes a pupil as the mentor, never a teacher."""
        problems = []
        if self.mentor_categories and mentor.category not in self.mentor_categories:
            problems.append(f"В форме «{self.name}» наставник — {_categories(self.mentor_categories)}; "
                            f"{mentor.full_name} — {mentor.get_category_display().lower()}.")
        wrong = [m for m in mentees if self.mentee_categories and m.category not in self.mentee_categories]
        if wrong:
            problems.append(f"В форме «{self.name}» наставляемый — {_categories(self.mentee_categories)}: "
                            + ", ".join(f"{m.full_name} ({m.get_category_display().lower()})" for m in wrong) + ".")
        return problems


def _categories(categories) -> str:
    """Registry categories as words: «студент колледжа/вуза, выпускник»."""
    return ", ".join(Category(c).label.lower() for c in categories)


class FormVariant(models.Model):
    form = models.ForeignKey(MentoringForm, on_delete=models.CASCADE, related_name="variants")
    name = models.CharField("ролевая модель", max_length=150)

    class Meta:
        verbose_name = "ролевая модель"
        verbose_name_plural = "ролевые модели"
        ordering = ["form", "name"]

    def __str__(self) -> str:
        return self.name


class PairStatus(models.TextChoices):
    FORMING = "forming", "Формируется"
    ACTIVE = "active", "Работает"
    COMPLETED = "completed", "Завершена"
    TERMINATED = "terminated", "Прекращена досрочно"


LIVE_STATUSES = (PairStatus.FORMING, PairStatus.ACTIVE)
# A pair counts in a reporting year when it worked (active or completed, not forming or stopped) during the year.
COUNTED_STATUSES = (PairStatus.ACTIVE, PairStatus.COMPLETED)


def counted_conditions(period, prefix: str = "") -> dict:
    """The conditions of a pair counted in a reporting period (`prefix` reaches the pair from a join: "pair__")."""
    start, end = period
    return {f"{prefix}status__in": COUNTED_STATUSES, f"{prefix}start_date__lte": end, f"{prefix}end_date__gte": start}


class PairQuerySet(models.QuerySet):
    def visible_to(self, user) -> "PairQuerySet":
        from participants.access import access_of

        return access_of(user).pairs(self)

    def live(self) -> "PairQuerySet":
        return self.filter(status__in=LIVE_STATUSES)

    def counted_in(self, period) -> "PairQuerySet":
        """The pairs of a reporting period (the indicators' Snapshot and the annual statistics read the same)."""
        return self.filter(**counted_conditions(period))


class Pair(models.Model):
    """A mentor with one mentee (a pair) or several (a group)."""

    organization = models.ForeignKey("participants.Organization", on_delete=models.CASCADE, related_name="pairs",
                                     verbose_name="организация")
    mentor = models.ForeignKey("participants.Person", on_delete=models.PROTECT, related_name="mentoring",
                               verbose_name="наставник")
    mentees = models.ManyToManyField("participants.Person", related_name="mentored_in", verbose_name="наставляемые")
    form = models.ForeignKey(MentoringForm, on_delete=models.PROTECT, verbose_name="форма наставничества")
    variant = models.ForeignKey(FormVariant, on_delete=models.SET_NULL, null=True, blank=True,
                                verbose_name="ролевая модель")
    programme = models.ForeignKey("participants.Programme", on_delete=models.SET_NULL, null=True, blank=True,
                                  verbose_name="программа")
    start_date = models.DateField("начало")
    end_date = models.DateField("окончание")
    status = models.CharField("статус", max_length=20, choices=PairStatus.choices, default=PairStatus.FORMING)
    termination_reason = models.TextField("причина досрочного прекращения", blank=True)
    order_number = models.CharField("номер приказа о закреплении", max_length=50, blank=True)
    order_date = models.DateField("дата приказа", null=True, blank=True)
    result = models.TextField("результат", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PairQuerySet.as_manager()

    class Meta:
        verbose_name = "наставническая пара или группа"
        verbose_name_plural = "наставнические пары и группы"
        ordering = ["-start_date", "id"]
        constraints = [models.CheckConstraint(name="pair_end_after_start",
                                              condition=Q(end_date__gte=models.F("start_date")),
                                              violation_error_message="Дата окончания раньше даты начала.")]

    def __str__(self) -> str:
        return f"{self.mentor.short_name} — {self.form}"

    def get_absolute_url(self) -> str:
        return reverse("participants:pair", kwargs={"organization": self.organization.code, "pk": self.pk})

    @property
    def is_group(self) -> bool:
        return len(self.mentees.all()) > 1


class MeetingKind(models.TextChoices):
    ACQUAINTANCE = "acquaintance", "Встреча-знакомство"
    TRIAL = "trial", "Пробная встреча"
    PLANNING = "planning", "Встреча-планирование"
    WORK = "work", "Совместная работа"
    FINAL = "final", "Итоговая встреча"


class Meeting(models.Model):
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField("встреча", max_length=20, choices=MeetingKind.choices)
    topic = models.CharField("тема", max_length=300, blank=True)
    planned_on = models.DateField("запланирована на", null=True, blank=True)
    held_on = models.DateField("проведена", null=True, blank=True)
    notes = models.TextField("заметки", blank=True)

    class Meta:
        verbose_name = "встреча"
        verbose_name_plural = "встречи"
        ordering = ["planned_on", "id"]

    def __str__(self) -> str:
        return self.get_kind_display()


class PlanTask(models.Model):
    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField("задача", max_length=300)
    due = models.DateField("срок", null=True, blank=True)
    done = models.BooleanField("выполнена", default=False)

    class Meta:
        verbose_name = "задача плана"
        verbose_name_plural = "задачи плана"
        ordering = ["due", "id"]

    def __str__(self) -> str:
        return self.title
