"""A partner organization (предприятие, вуз, НКО, другая школа) working with the model under an agreement."""

from django.db import models

from mentoring_portal.lib.constraints import exactly_one


class PartnerQuerySet(models.QuerySet):
    def visible_to(self, user) -> "PartnerQuerySet":
        """The partners of the places the user reads (a school's user: his schools' and their districts')."""
        from participants.access import access_of

        return access_of(user).owned(self)

    def of_district(self, district) -> "PartnerQuerySet":
        """«База партнёров» of a district: its own partners and its schools'."""
        return self.filter(models.Q(district=district) | models.Q(organization__district=district))


class PartnerOffer(models.TextChoices):
    MENTORS = "mentors", "наставников"
    SITES = "sites", "площадки"
    PROGRAMMES = "programmes", "программы"
    EXPERTS = "experts", "экспертов"


AGREEMENT_ENDING_DAYS = 30  # an agreement ending this soon is flagged on the district's base of partners


class Partner(models.Model):
    """An organization that works with the model (предприятие, вуз, НКО, другая школа) under an agreement: a school's
    partner, or the district's (then `schools` says which schools work with it)."""

    organization = models.ForeignKey("participants.Organization", on_delete=models.CASCADE, null=True, blank=True,
                                     related_name="partners", verbose_name="организация")
    district = models.ForeignKey("participants.District", on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="partners", verbose_name="партнёр муниципалитета")
    name = models.CharField("организация-партнёр", max_length=300)
    agreement_number = models.CharField("номер соглашения", max_length=50, blank=True)
    agreement_date = models.DateField("дата соглашения", null=True, blank=True)
    agreement_end = models.DateField("соглашение действует до", null=True, blank=True)
    agreement_file = models.FileField("файл соглашения", upload_to="partners/%Y/%m/", blank=True)
    contact = models.CharField("контакт", max_length=300, blank=True)
    offers = models.JSONField("что даёт", default=list, blank=True)  # PartnerOffer values
    schools = models.ManyToManyField("participants.Organization", blank=True, related_name="district_partners",
                                     verbose_name="с какими школами работает")

    objects = PartnerQuerySet.as_manager()

    class Meta:
        verbose_name = "партнёр"
        verbose_name_plural = "партнёры"
        ordering = ["name"]
        constraints = [exactly_one("partner_has_one_owner", "organization", "district",
                    message="Партнёр принадлежит школе или муниципалитету.")]

    def __str__(self) -> str:
        return self.name

    @property
    def offers_label(self) -> str:
        labels = dict(PartnerOffer.choices)
        return ", ".join(labels.get(o, o) for o in self.offers)

    def agreement_state(self, today) -> str:
        """«ending» within AGREEMENT_ENDING_DAYS, «ended», or "" (no end date, or far off)."""
        if not self.agreement_end:
            return ""
        if self.agreement_end < today:
            return "ended"
        return "ending" if (self.agreement_end - today).days <= AGREEMENT_ENDING_DAYS else ""
