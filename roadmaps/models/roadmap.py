"""A roadmap (дорожная карта): sections of numbered items, each with a deadline as officials write it."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property

from mentoring_portal.lib.collation import search_text
from participants.access import access_of
from participants.models import District, Organization
from roadmaps.deadlines import Deadline, parse_deadline


class RoadmapStatus(models.TextChoices):
    DRAFT = "draft", "Черновик"
    SUBMITTED = "submitted", "На согласовании"
    APPROVED = "approved", "Утверждена"
    RETURNED = "returned", "Возвращена на доработку"


class RoadmapQuerySet(models.QuerySet):
    def visible_to(self, user) -> "RoadmapQuerySet":
        return self.filter(
            Q(district__in=District.objects.visible_to(user))
            | Q(organization__in=Organization.objects.visible_to(user))
        )

    def in_force_for(self, user) -> "RoadmapQuerySet":
        """Whose deadlines are the user's business: every roadmap of a place where the user has a role, whatever its
        state, and another place's only once approved — a school's draft (last year's plan imported to be reworked)
        is not the district's overdue, nor a district's draft the region's."""

        memberships = access_of(user).memberships
        return self.filter(
            Q(status=RoadmapStatus.APPROVED)
            | Q(district_id__in={m.district_id for m in memberships if m.district_id})
            | Q(organization_id__in={m.organization_id for m in memberships if m.organization_id})
        )


class Roadmap(models.Model):
    district = models.ForeignKey(
        District, on_delete=models.CASCADE, null=True, blank=True, related_name="roadmaps", verbose_name="муниципалитет"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, null=True, blank=True, related_name="roadmaps",
        verbose_name="организация",
    )
    title = models.TextField("название")
    period_start = models.DateField("начало периода")
    period_end = models.DateField("конец периода")
    status = models.CharField("статус", max_length=20, choices=RoadmapStatus.choices, default=RoadmapStatus.DRAFT)
    approval_kind = models.CharField(
        "утверждающий документ", max_length=200, blank=True, help_text="Например: «Приложение № 1 к приказу»"
    )
    approval_number = models.CharField("номер документа", max_length=50, blank=True)
    approval_date = models.DateField("дата документа", null=True, blank=True)
    goal = models.TextField("цель", blank=True)
    tasks = models.TextField("задачи", blank=True)
    review_comment = models.TextField("комментарий согласующего", blank=True)
    submitted_at = models.DateTimeField("отправлена на согласование", null=True, blank=True)
    reviewed_at = models.DateTimeField("рассмотрена", null=True, blank=True)
    reviewed_by = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="рассмотрел"
    )
    approval_document = models.ForeignKey("participants.Document", on_delete=models.SET_NULL, null=True, blank=True,
                                          related_name="roadmaps", verbose_name="утверждена приказом")
    source_name = models.CharField("импортирована из файла", max_length=255, blank=True)
    created_at = models.DateTimeField("создана", auto_now_add=True)
    updated_at = models.DateTimeField("изменена", auto_now=True)

    objects = RoadmapQuerySet.as_manager()

    class Meta:
        verbose_name = "дорожная карта"
        verbose_name_plural = "дорожные карты"
        ordering = ["-period_start", "id"]
        constraints = [
            models.CheckConstraint(
                name="roadmap_has_one_owner",
                condition=Q(district__isnull=False, organization__isnull=True)
                | Q(district__isnull=True, organization__isnull=False),
            ),
            models.CheckConstraint(name="roadmap_period_ordered", condition=Q(period_start__lte=models.F("period_end"))),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("roadmaps:detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_start > self.period_end:
            raise ValidationError({"period_end": "Конец периода раньше его начала."})

    @property
    def owner(self) -> District | Organization:
        return self.district or self.organization

    @property
    def is_school_roadmap(self) -> bool:
        return self.organization_id is not None

    @property
    def period(self) -> tuple[date, date]:
        return self.period_start, self.period_end

    @property
    def period_label(self) -> str:
        if self.period_start.year == self.period_end.year:
            return str(self.period_start.year)
        if (self.period_start.month, self.period_end.month) == (9, 8):
            return f"{self.period_start.year}–{self.period_end.year} учебный год"
        return f"{self.period_start.year}–{self.period_end.year}"

    @property
    def approval_line(self) -> str:
        """As written in the top-right approval block: «Приложение № 1 к приказу от 01.09.2023 № 179/1-од»."""
        if not self.approval_kind:
            return ""
        parts = [self.approval_kind]
        if self.approval_date:
            parts.append(f"от {self.approval_date:%d.%m.%Y}")
        if self.approval_number:
            parts.append(f"№ {self.approval_number}")
        return " ".join(parts)

    @property
    def is_locked(self) -> bool:
        """A school roadmap waiting for the district's decision is not changed under the reviewer's eyes."""
        return self.status == RoadmapStatus.SUBMITTED

    @property
    def plan_is_approved(self) -> bool:
        """An approved school roadmap is the agreed plan: its items are marked done, not rewritten. To change the plan
        the school opens it for changes and sends it for approval again (roadmaps.services.roadmap_reopen)."""
        return self.is_school_roadmap and self.status == RoadmapStatus.APPROVED


class Section(models.Model):
    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="sections", verbose_name="дорожная карта")
    position = models.PositiveIntegerField("порядок", default=0)
    title = models.TextField("название раздела", blank=True)
    is_stage = models.BooleanField("этап программы наставничества", default=False)

    class Meta:
        verbose_name = "раздел"
        verbose_name_plural = "разделы"
        ordering = ["roadmap", "position", "id"]

    def __str__(self) -> str:
        return self.title or "Без раздела"


class ItemStatus(models.TextChoices):
    PLANNED = "planned", "Запланировано"
    IN_PROGRESS = "in_progress", "Выполняется"
    DONE = "done", "Выполнено"
    CANCELLED = "cancelled", "Отменено"


class ItemQuerySet(models.QuerySet):
    def alive(self) -> "ItemQuerySet":
        return self.filter(deleted_at__isnull=True)


class Item(models.Model):
    """One numbered line of a roadmap. Texts are kept exactly as typed; the parsed deadline is kept beside them."""

    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="items", verbose_name="дорожная карта")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="items", verbose_name="раздел")
    position = models.PositiveIntegerField("порядок", default=0)
    name = models.TextField("наименование мероприятия")
    activity = models.TextField("мероприятие (направление)", blank=True)
    deadline_text = models.CharField("срок (как в документе)", max_length=500, blank=True)
    deadline_parsed = models.JSONField("срок (как понят)", default=dict, blank=True)
    deadline_manual = models.JSONField(
        "срок (исправлен вручную)", null=True, blank=True,
        help_text="Окна сроков, заданные куратором, когда разбор текста ошибся; имеют приоритет.",
    )
    responsible = models.TextField("ответственные", blank=True)
    responsible_users = models.ManyToManyField(
        "auth.User", blank=True, related_name="responsible_items", verbose_name="ответственные пользователи"
    )
    result = models.TextField("результат, вид документа", blank=True)
    indicator = models.TextField("показатель эффективности", blank=True)
    audience = models.TextField("целевая аудитория", blank=True)
    status = models.CharField("статус", max_length=20, choices=ItemStatus.choices, default=ItemStatus.PLANNED)
    completion_note = models.TextField("отметка о выполнении", blank=True)
    document = models.ForeignKey("participants.Document", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="items", verbose_name="документ, которым выполнено",
                                 help_text="Из реестра документов: приказ, положение, протокол.")
    search = models.TextField(editable=False, blank=True)
    version = models.PositiveIntegerField("версия", default=1)
    source_item = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies",
        verbose_name="скопировано из",
    )
    deleted_at = models.DateTimeField("удалено", null=True, blank=True)
    created_at = models.DateTimeField("создано", auto_now_add=True)
    updated_at = models.DateTimeField("изменено", auto_now=True)

    objects = ItemQuerySet.as_manager()

    class Meta:
        verbose_name = "мероприятие"
        verbose_name_plural = "мероприятия"
        ordering = ["section__position", "position", "id"]
        indexes = [models.Index(fields=["roadmap", "deleted_at"])]

    def __str__(self) -> str:
        return self.name[:80]

    @cached_property
    def deadline(self) -> Deadline:
        if self.deadline_manual:
            return Deadline.from_dict(self.deadline_manual)
        if self.deadline_parsed:
            return Deadline.from_dict(self.deadline_parsed)
        return parse_deadline(self.deadline_text, self.roadmap.period)

    def refresh_derived(self) -> None:
        """Recompute what is derived from the typed text: call before saving changed texts."""
        self.deadline_parsed = parse_deadline(self.deadline_text, self.roadmap.period).to_dict()
        self.search = search_text(self.name, self.activity, self.responsible, self.result)
        self.__dict__.pop("deadline", None)
