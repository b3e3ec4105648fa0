from django.conf import settings
from django.db import models


class ExportLog(models.Model):
    """Every download of personal data: who, when, what and how many rows."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    organization = models.ForeignKey("participants.Organization", on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+")
    what = models.CharField("что выгружено", max_length=200)
    rows = models.PositiveIntegerField("строк", default=0)
    created_at = models.DateTimeField("когда", auto_now_add=True)

    class Meta:
        verbose_name = "выгрузка персональных данных"
        verbose_name_plural = "журнал выгрузок персональных данных"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.created_at:%d.%m.%Y %H:%M} {self.user}: {self.what}"
