"""A programme of mentoring (программа наставничества): a school's own, or the district's model programme."""

from django.conf import settings
from django.db import models

from mentoring_portal.lib.constraints import exactly_one


class ProgrammeQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ProgrammeQuerySet":
        """The programmes of the places the user reads, and the model programmes of his schools' districts."""
        from participants.access import access_of

        return access_of(user).owned(self)

    def of_district(self, district) -> "ProgrammeQuerySet":
        """The district's model programmes and those of its schools."""
        return self.filter(models.Q(district=district) | models.Q(organization__district=district))

    def for_school(self, organization) -> "ProgrammeQuerySet":
        """The school's own and its district's model programmes (which it may copy)."""
        return self.filter(models.Q(organization=organization)
                           | models.Q(district=organization.district_id, district__isnull=False))


class ProgrammeStatus(models.TextChoices):
    DRAFT = "draft", "Проект"
    APPROVED = "approved", "Утверждена приказом ОО"
    RECOMMENDED = "recommended", "Рекомендована муниципалитетом"


class Programme(models.Model):
    """A programme of mentoring (программа наставничества): a school's own, or the district's model programme
    (типовая) that it copies to schools. Draft → approved by the school's order → recommended by the district after an
    expert review (participants/programmes)."""

    organization = models.ForeignKey("participants.Organization", on_delete=models.CASCADE, null=True, blank=True,
                                     related_name="programmes", verbose_name="организация")
    district = models.ForeignKey("participants.District", on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="model_programmes", verbose_name="типовая программа муниципалитета")
    title = models.CharField("программа наставничества", max_length=300)
    form = models.ForeignKey("participants.MentoringForm", on_delete=models.PROTECT, null=True, blank=True, verbose_name="форма")
    target_group = models.CharField("целевая группа", max_length=300, blank=True,
                                    help_text="Например: «обучающиеся 7–9 классов с низкой мотивацией к учёбе».")
    goals = models.TextField("цели и задачи", blank=True)
    duration = models.CharField("срок реализации", max_length=100, blank=True, help_text="Например: «1 учебный год».")
    start_date = models.DateField("начало", null=True, blank=True)
    end_date = models.DateField("окончание", null=True, blank=True)
    file = models.FileField("файл программы", upload_to="programmes/%Y/%m/", blank=True)
    status = models.CharField("статус", max_length=20, choices=ProgrammeStatus.choices, default=ProgrammeStatus.DRAFT)
    order_number = models.CharField("номер приказа об утверждении", max_length=50, blank=True)
    order_date = models.DateField("дата приказа об утверждении", null=True, blank=True)
    review_comment = models.TextField("заключение экспертизы", blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="programme_reviews", verbose_name="рассмотрел")
    reviewed_at = models.DateTimeField("рассмотрена", null=True, blank=True)
    source = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies",
                               verbose_name="скопирована из типовой программы")
    created_at = models.DateTimeField(auto_now_add=True, null=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = "программа наставничества"
        verbose_name_plural = "программы наставничества"
        ordering = ["title", "pk"]
        constraints = [exactly_one("programme_has_one_owner", "organization", "district",
                    message="Программа принадлежит организации или муниципалитету (типовая).")]

    def __str__(self) -> str:
        return self.title

    @property
    def owner(self):
        return self.organization or self.district

    @property
    def is_model(self) -> bool:
        return self.district_id is not None

    @property
    def approval_line(self) -> str:
        if not self.order_number and not self.order_date:
            return ""
        date_part = f" от {self.order_date:%d.%m.%Y}" if self.order_date else ""
        return f"приказ{date_part}" + (f" № {self.order_number}" if self.order_number else "")
