"""The bank of best practices (банк лучших практик: seed 002 item 7 of the indicators, seed 003): a school submits
a practice, the district's curator or an expert reviews it, the accepted ones are published in the district's bank;
the district may nominate one to the region."""

from django.conf import settings
from django.db import models

from mentoring_portal.lib.collation import search_text


class PracticeLevel(models.TextChoices):
    PRIMARY = "primary", "Начальное общее образование"
    BASIC = "basic", "Основное общее образование"
    SECONDARY = "secondary", "Среднее общее образование"
    ADDITIONAL = "additional", "Дополнительное образование"
    VOCATIONAL = "vocational", "Среднее профессиональное образование"
    TEACHERS = "teachers", "Педагоги"


class PracticeStatus(models.TextChoices):
    DRAFT = "draft", "Черновик"
    SUBMITTED = "submitted", "На рассмотрении"
    RETURNED = "returned", "Возвращена на доработку"
    PUBLISHED = "published", "Опубликована в банке"


class PracticeQuerySet(models.QuerySet):
    def visible_to(self, user) -> "PracticeQuerySet":
        """The practices of the schools the user reads or reviews as the district's expert, and the published ones
        of his schools' districts' banks."""
        from participants.access import access_of
        from participants.models import Organization

        access = access_of(user)
        if access.is_superuser:
            return self
        read = Organization.objects.visible_to(user)
        return self.filter(
            models.Q(organization__in=read) | models.Q(organization__district_id__in=access.expert_district_ids)
            | models.Q(status=PracticeStatus.PUBLISHED, organization__district__in=read.exclude(district=None).values(
                "district_id")))

    def of_district(self, district) -> "PracticeQuerySet":
        return self.filter(organization__district=district)

    def bank_of(self, district_id) -> "PracticeQuerySet":
        """The district's bank: the practices of its schools it published."""
        return self.filter(organization__district_id=district_id, status=PracticeStatus.PUBLISHED)


class Practice(models.Model):
    organization = models.ForeignKey("participants.Organization", on_delete=models.CASCADE, related_name="practices",
                                     verbose_name="организация")
    title = models.CharField("название практики", max_length=300)
    form = models.ForeignKey("participants.MentoringForm", on_delete=models.PROTECT, null=True, blank=True,
                             verbose_name="форма наставничества")
    level = models.CharField("уровень", max_length=20, choices=PracticeLevel.choices)
    description = models.TextField("описание")
    results = models.TextField("результаты (с цифрами)", help_text="Например: «8 из 10 наставляемых повысили оценки».")
    file = models.FileField("файл (презентация, описание)", upload_to="practices/%Y/%m/", blank=True)
    programme = models.ForeignKey("participants.Programme", on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="practices", verbose_name="по программе")
    pairs = models.ManyToManyField("participants.Pair", blank=True, related_name="practices",
                                   verbose_name="пары и группы, из опыта которых")
    status = models.CharField("статус", max_length=20, choices=PracticeStatus.choices, default=PracticeStatus.DRAFT)
    review_comment = models.TextField("комментарий рецензента", blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="practice_reviews", verbose_name="рецензент")
    submitted_at = models.DateTimeField("отправлена", null=True, blank=True)
    published_on = models.DateField("опубликована", null=True, blank=True)
    nominated_on = models.DateField("выдвинута на региональный уровень", null=True, blank=True)
    search = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        app_label = "participants"
        verbose_name = "практика наставничества"
        verbose_name_plural = "банк практик"
        ordering = ["-published_on", "title", "pk"]
        indexes = [models.Index(fields=["status", "published_on"])]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.search = search_text(self.title, self.description, self.results)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search"}
        super().save(*args, **kwargs)
