from django.conf import settings
from django.db import models


class Letter(models.Model):
    district = models.ForeignKey("participants.District", on_delete=models.CASCADE, related_name="letters",
                                 verbose_name="муниципалитет")
    title = models.CharField("тема", max_length=300)
    text = models.TextField("текст")
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "participants"
        verbose_name = "письмо муниципалитета"
        verbose_name_plural = "письма муниципалитета"
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class LetterCopy(models.Model):
    """The letter as one school got it: read or not, by whom."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="copies")
    organization = models.ForeignKey("participants.Organization", on_delete=models.CASCADE, related_name="letters")
    read_at = models.DateTimeField("прочитано", null=True, blank=True)
    read_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+")

    class Meta:
        app_label = "participants"
        verbose_name = "письмо в школе"
        verbose_name_plural = "письма в школах"
        ordering = ["organization__short_name"]
        constraints = [models.UniqueConstraint(fields=["letter", "organization"], name="letter_once_per_school")]

    def __str__(self) -> str:
        return f"{self.letter} → {self.organization}"
