"""Where the work happens: regions, districts (municipalities with their education administration), organizations."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from mentoring_portal.lib.collation import russian
from mentoring_portal.lib.schoolyear import school_year_label


class Region(models.Model):
    name = models.CharField("название", max_length=200, unique=True)
    code = models.SlugField("код", max_length=50, unique=True)
    second_factor_for_curators = models.BooleanField(
        "кураторы входят со вторым фактором", default=False,
        help_text="Региональный координатор, муниципальные кураторы и кураторы ОО региона входят с кодом из "
                  "приложения-аутентификатора (TOTP).")

    class Meta:
        verbose_name = "регион"
        verbose_name_plural = "регионы"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class DistrictQuerySet(models.QuerySet):
    def visible_to(self, user) -> "DistrictQuerySet":
        from participants.access import access_of

        return access_of(user).districts(self)

    def in_russian_order(self) -> "DistrictQuerySet":
        return self.order_by(russian("name"))


class District(models.Model):
    """A municipality together with its education administration (УО, РУО)."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="districts", verbose_name="регион")
    name = models.CharField("муниципальное образование", max_length=200)
    administration_name = models.CharField("орган управления образованием", max_length=300)
    administration_short_name = models.CharField("сокращённо", max_length=50, blank=True)
    code = models.SlugField("код", max_length=50, unique=True, help_text="Используется в адресах страниц: /d/<код>/")

    objects = DistrictQuerySet.as_manager()

    class Meta:
        verbose_name = "муниципалитет"
        verbose_name_plural = "муниципалитеты"
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="district_unique_name_in_region")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("participants:district", kwargs={"district": self.code})


class OrganizationKind(models.TextChoices):
    GENERAL = "general", "Общеобразовательная организация"
    ADDITIONAL = "additional", "Организация дополнительного образования"
    COLLEGE = "college", "Профессиональная образовательная организация"
    PRESCHOOL = "preschool", "Дошкольная образовательная организация"


class OrganizationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "OrganizationQuerySet":
        from participants.access import access_of

        return access_of(user).organizations(self)

    def in_russian_order(self) -> "OrganizationQuerySet":
        return self.order_by(russian("short_name"))


class Organization(models.Model):
    """An educational organization (ОО). Most belong to a district; some are under the region directly."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="organizations", verbose_name="регион")
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="organizations",
        null=True,
        blank=True,
        verbose_name="муниципалитет",
        help_text="Пусто, если организация подчинена региону напрямую.",
    )
    name = models.CharField("полное наименование", max_length=500)
    short_name = models.CharField("краткое наименование", max_length=200)
    code = models.SlugField("код", max_length=50, unique=True, help_text="Используется в адресах страниц: /o/<код>/")
    kind = models.CharField("тип", max_length=20, choices=OrganizationKind.choices, default=OrganizationKind.GENERAL)
    head_name = models.CharField("руководитель", max_length=200, blank=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = "образовательная организация"
        verbose_name_plural = "образовательные организации"
        ordering = ["short_name"]

    def __str__(self) -> str:
        return self.short_name

    def get_absolute_url(self) -> str:
        return reverse("participants:organization", kwargs={"organization": self.code})

    def clean(self) -> None:
        if self.district_id and self.region_id and self.district.region_id != self.region_id:
            raise ValidationError({"district": "Муниципалитет находится в другом регионе."})

    @property
    def is_under_region(self) -> bool:
        return self.district_id is None


class HeadCount(models.Model):
    """Contingent of an organization in one school year: the denominators of the target indicators."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="head_counts", verbose_name="организация"
    )
    school_year = models.PositiveSmallIntegerField("учебный год (год начала)")
    students = models.PositiveIntegerField("обучающихся", default=0)
    teachers = models.PositiveIntegerField("педагогических работников", default=0)
    young_teachers = models.PositiveIntegerField(
        "педагогов до 35 лет в первые три года работы", default=0
    )
    additional_students = models.PositiveIntegerField(
        "обучающихся по дополнительным общеобразовательным программам", default=0
    )
    updated_at = models.DateTimeField("изменено", auto_now=True)

    class Meta:
        verbose_name = "контингент"
        verbose_name_plural = "контингент по годам"
        ordering = ["organization", "-school_year"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "school_year"], name="headcount_one_per_year"),
            models.CheckConstraint(
                condition=Q(young_teachers__lte=models.F("teachers")), name="headcount_young_within_teachers"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} · {self.school_year_label}"

    @property
    def school_year_label(self) -> str:
        return school_year_label(self.school_year)

    def clean(self) -> None:
        if self.young_teachers > self.teachers:
            raise ValidationError(
                {"young_teachers": "Молодых педагогов не может быть больше, чем всех педагогических работников."}
            )
