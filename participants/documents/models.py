"""The documents of the model at each place (seed 000 items 1.3–1.7, seed 003 items 10.7–10.12): положение о
наставничестве, orders, programmes, protocols — number, date, file and what each approves."""

from django.conf import settings
from django.db import models

from mentoring_portal.lib.constraints import exactly_one


class DocumentKind(models.TextChoices):
    REGULATION = "regulation", "Положение о наставничестве"
    ORDER_WORKING_GROUP = "order_working_group", "Приказ о рабочей группе"
    ORDER_CURATOR = "order_curator", "Приказ о назначении куратора"
    ORDER_ROADMAP = "order_roadmap", "Приказ об утверждении дорожной карты"
    ORDER_PAIRS = "order_pairs", "Приказ о закреплении пар и индивидуальных планах"
    ORDER_INCENTIVES = "order_incentives", "Приказ о поощрении наставников"
    ORDER_FINAL = "order_final", "Итоговый приказ по результатам мониторинга"
    ORDER_OTHER = "order_other", "Иной приказ"
    PROGRAMME = "programme", "Программа наставничества"
    PROTOCOL = "protocol", "Протокол"
    MEDIA_PLAN = "media_plan", "Медиаплан"
    FORM = "form", "Форма (шаблон) документа"
    OTHER = "other", "Иной документ"

    @classmethod
    def orders(cls) -> list[str]:
        return [kind for kind in cls.values if kind.startswith("order_")]


class DocumentQuerySet(models.QuerySet):
    def adopted(self) -> "DocumentQuerySet":
        """Without the samples a school took from the library and has not yet adopted by its own order."""
        return self.exclude(copied_from__isnull=False, number="")

    def of(self, place) -> "DocumentQuerySet":
        from participants.access import place_fields

        return self.filter(**place_fields(place))


class Document(models.Model):
    kind = models.CharField("вид", max_length=30, choices=DocumentKind.choices)
    title = models.CharField("название", max_length=500)
    number = models.CharField("номер", max_length=50, blank=True)
    date = models.DateField("дата")
    approves = models.TextField("что утверждает", blank=True,
                                help_text="Например: «дорожную карту на 2021–2024 годы», «состав рабочей группы».")
    file = models.FileField("файл", upload_to="documents/%Y/%m/", blank=True)
    region = models.ForeignKey("participants.Region", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="documents")
    district = models.ForeignKey("participants.District", on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="documents")
    organization = models.ForeignKey("participants.Organization", on_delete=models.CASCADE, null=True, blank=True,
                                     related_name="documents")
    is_sample = models.BooleanField("образец для школ", default=False,
                                    help_text="Документ появится в библиотеке образцов у каждой школы, которая может "
                                              "взять его в свой реестр.")
    copied_from = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies",
                                    verbose_name="взят из библиотеки образцов")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        app_label = "participants"
        verbose_name = "документ"
        verbose_name_plural = "документы"
        ordering = ["-date", "-id"]
        constraints = [exactly_one("document_has_one_place", "region", "district", "organization",
                    message="Документ принадлежит одному месту: региону, муниципалитету или организации."),
                       models.UniqueConstraint(fields=["organization", "copied_from"], name="sample_copied_once",
                                               condition=models.Q(copied_from__isnull=False),
                                               violation_error_message="Этот образец уже в реестре школы.")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def place(self):
        return self.organization or self.district or self.region

    @property
    def file_url(self) -> str:
        from django.urls import reverse

        from participants.access import place_kind

        return reverse(f"participants:{place_kind(self.place)}-document-file", args=[self.place.code, self.pk])

    @property
    def is_draft(self) -> bool:
        """A sample taken from the library stays the school's draft until the school gives it its own order's
        number: the passport does not count it as the school's положение."""
        return bool(self.copied_from_id) and not self.number

    @property
    def reference(self) -> str:
        """«Приказ о назначении куратора от 01.09.2021 № 45-од» — how an item or a roadmap cites it."""
        parts = [self.get_kind_display() if self.kind != DocumentKind.OTHER else self.title, f"от {self.date:%d.%m.%Y}"]
        if self.number:
            parts.append(f"№ {self.number}")
        return " ".join(parts)
