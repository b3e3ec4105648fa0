"""Target indicators: the district's catalogue, yearly targets per district and per school, values typed by hand."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import Truncator

from monitoring.formulas import FORMULA_CHOICES, FORMULAS
from participants.models import District, Organization

HEADING_CHARS = 60


class Project(models.TextChoices):
    MODERN_SCHOOL = "modern_school", "Современная школа"
    EVERY_CHILD = "every_child", "Успех каждого ребенка"
    TEACHER_OF_FUTURE = "teacher_of_future", "Учитель будущего"
    YOUNG_PROFESSIONALS = "young_professionals", "Молодые профессионалы"
    OTHER = "other", "Другое"


class Method(models.TextChoices):
    COMPUTED = "computed", "Вычисляется по реестру"
    MANUAL = "manual", "Вводится вручную"


class IndicatorQuerySet(models.QuerySet):
    def catalogue_of(self, organization_or_district) -> "IndicatorQuerySet":
        """A district's catalogue; a school uses its district's, or its region's if it is under the region. A district
        that has no catalogue of its own follows its region's (issue #15: the regional catalogue applies to districts
        that have none)."""

        place = organization_or_district
        district_id = place.pk if isinstance(place, District) else place.district_id
        if district_id and self.filter(district_id=district_id).exists():
            return self.filter(district_id=district_id)
        region_id = place.region_id if isinstance(place, (District, Organization)) else None
        return self.filter(region_id=region_id, district__isnull=True)


class Indicator(models.Model):
    """A target indicator of a district's catalogue (or of a region's, for the schools under it directly)."""

    district = models.ForeignKey("participants.District", on_delete=models.CASCADE, related_name="indicators",
                                 verbose_name="муниципалитет", null=True, blank=True)
    region = models.ForeignKey("participants.Region", on_delete=models.CASCADE, related_name="indicators",
                               verbose_name="регион", null=True, blank=True)
    position = models.PositiveSmallIntegerField("№", default=1)
    name = models.TextField("наименование показателя")
    project = models.CharField("проект", max_length=30, choices=Project.choices, default=Project.OTHER)
    unit = models.CharField("единица", max_length=20, default="%")
    method = models.CharField("как получается значение", max_length=20, choices=Method.choices,
                              default=Method.COMPUTED)
    formula = models.CharField("формула", max_length=50, blank=True, choices=FORMULA_CHOICES,
                               help_text="Для вычисляемых: что делится на что.")
    collection = models.CharField("методы сбора информации", max_length=300, blank=True)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = "целевой показатель"
        verbose_name_plural = "целевые показатели"
        ordering = ["district", "position", "id"]
        constraints = [models.CheckConstraint(
            name="indicator_has_one_owner",
            condition=Q(district__isnull=False, region__isnull=True) | Q(district__isnull=True, region__isnull=False))]

    def __str__(self) -> str:
        return self.name[:100]

    @property
    def heading(self) -> str:
        """A column's heading where the indicators stand side by side: its number and the start of its name (the
        whole name in the tooltip and in the report's first section)."""
        return f"{self.position}. {Truncator(' '.join(self.name.split())).chars(HEADING_CHARS)}"

    @property
    def counted(self) -> str:
        """What a computed indicator counts, numerator over denominator («обучающиеся в наставничестве / все
        обучающиеся»): the counts shown beside each percentage are of these."""
        formula = FORMULAS.get(self.formula) if self.method == Method.COMPUTED else None
        return formula.label if formula else ""

    def clean(self) -> None:
        if self.method == Method.COMPUTED and self.formula not in FORMULAS:
            raise ValidationError({"formula": "Выберите формулу для вычисляемого показателя."})
        if self.method == Method.MANUAL:
            self.formula = ""


class Target(models.Model):
    """The planned value for a year, for the district or for one of its schools."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    organization = models.ForeignKey("participants.Organization", on_delete=models.CASCADE, null=True, blank=True,
                                     related_name="targets", verbose_name="организация")
    year = models.PositiveSmallIntegerField("год")
    value = models.DecimalField("план", max_digits=7, decimal_places=2)

    class Meta:
        verbose_name = "плановое значение"
        verbose_name_plural = "плановые значения"
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], condition=Q(organization__isnull=True),
                                    name="target_one_district_value_a_year"),
            models.UniqueConstraint(fields=["indicator", "organization", "year"], name="target_one_school_value_a_year"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} · {self.year}: {self.value}"


class ManualValue(models.Model):
    """A value the registry cannot know (e.g. pairs in the «Педагогический дуэт» contest), typed by a school."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="manual_values")
    organization = models.ForeignKey("participants.Organization", on_delete=models.CASCADE,
                                     related_name="manual_values")
    year = models.PositiveSmallIntegerField("год")
    value = models.DecimalField("значение", max_digits=9, decimal_places=2)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "значение, введённое вручную"
        verbose_name_plural = "значения, введённые вручную"
        constraints = [models.UniqueConstraint(fields=["indicator", "organization", "year"],
                                               name="manual_value_one_a_year")]

    def __str__(self) -> str:
        return f"{self.organization} · {self.year}: {self.value}"
