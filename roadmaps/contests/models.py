"""Contests of the district (seed 000 2.10 «Лучший наставник», seed 002 «Педагогический дуэт», «Педагогический
дебют»): nominations, the stages' dates, the jury, the rules; schools apply with a pair, a mentor or a practice; the
jury scores by the criteria; the results (places, winners, laureates) are published and drafted as an order."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from mentoring_portal.lib.constraints import exactly_one
from participants.access import access_of


class ContestQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ContestQuerySet":
        """Contests of the districts and regions the user reads, those open to his schools, those he judges."""

        if user.is_superuser:
            return self
        return (access_of(user).owned(self, organization=False, region=True) | self.filter(jury=user.pk)).distinct()

    def open_to(self, organization) -> "ContestQuerySet":
        """The contests a school may enter: its district's and its region's."""
        return self.filter(models.Q(district=organization.district_id, district__isnull=False)
                           | models.Q(region=organization.region_id))


class Contest(models.Model):
    """A district's contest, or the region's (open to every school of the region)."""

    district = models.ForeignKey("participants.District", on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="contests", verbose_name="муниципалитет")
    region = models.ForeignKey("participants.Region", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="contests", verbose_name="регион")
    title = models.CharField("название", max_length=300)
    year = models.PositiveSmallIntegerField("отчётный год", help_text="Год, в показатели которого входит конкурс.")
    description = models.TextField("о конкурсе", blank=True)
    rules = models.FileField("положение о конкурсе", upload_to="contests/%Y/%m/", blank=True)
    applications_until = models.DateField("заявки до")
    judging_until = models.DateField("оценивание до")
    criteria = models.TextField("критерии оценки", help_text="По одному в строке; каждый член жюри ставит 0–10 баллов.")
    jury = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="juries", verbose_name="жюри")
    results_published_on = models.DateField("итоги опубликованы", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ContestQuerySet.as_manager()

    class Meta:
        app_label = "roadmaps"
        verbose_name = "конкурс"
        verbose_name_plural = "конкурсы"
        ordering = ["-applications_until", "pk"]
        constraints = [exactly_one("contest_has_one_owner", "district", "region",
                    message="Конкурс проводит муниципалитет или регион.")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("roadmaps:contest", kwargs={"pk": self.pk})

    @property
    def owner(self):
        return self.district or self.region

    def is_open_to(self, organization) -> bool:
        if self.district_id:
            return organization.district_id == self.district_id
        return organization.region_id == self.region_id

    @property
    def criteria_list(self) -> list[str]:
        return [line.strip() for line in self.criteria.splitlines() if line.strip()]


class Nomination(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="nominations")
    name = models.CharField("номинация", max_length=200)

    class Meta:
        app_label = "roadmaps"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class ContestResult(models.TextChoices):
    WINNER = "winner", "Победитель"
    LAUREATE = "laureate", "Призёр"
    PARTICIPANT = "participant", "Участник"


class Application(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="applications")
    nomination = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="applications",
                                   verbose_name="номинация")
    organization = models.ForeignKey("participants.Organization", on_delete=models.CASCADE,
                                     related_name="contest_applications", verbose_name="организация")
    pair = models.ForeignKey("participants.Pair", on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="contest_applications", verbose_name="пара или группа")
    mentor = models.ForeignKey("participants.Person", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="contest_applications", verbose_name="наставник")
    practice = models.ForeignKey("participants.Practice", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="contest_applications", verbose_name="практика из банка")
    title = models.CharField("тема работы", max_length=300)
    file = models.FileField("материалы", upload_to="contests/%Y/%m/", blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    submitted_at = models.DateTimeField(auto_now_add=True)
    place = models.PositiveSmallIntegerField("место", null=True, blank=True)
    result = models.CharField("итог", max_length=20, choices=ContestResult.choices, blank=True)

    class Meta:
        app_label = "roadmaps"
        verbose_name = "заявка на конкурс"
        verbose_name_plural = "заявки на конкурс"
        ordering = ["nomination", "place", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def entrant(self) -> str:
        """Who competes, as the results table names them."""
        if self.pair_id:
            return f"Пара: {self.pair.mentor.full_name}"
        if self.mentor_id:
            return self.mentor.full_name
        return f"Практика «{self.practice}»" if self.practice_id else self.title


class Score(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="scores")
    juror = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    points = models.JSONField("баллы по критериям", default=list)
    total = models.PositiveSmallIntegerField("сумма")

    class Meta:
        app_label = "roadmaps"
        constraints = [models.UniqueConstraint(fields=["application", "juror"], name="score_once_per_juror")]

    def __str__(self) -> str:
        return f"{self.application}: {self.total}"
