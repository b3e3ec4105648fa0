"""An order (приказ) of a district imported as tasks: its duties are the items of a tasks roadmap of the district
(roadmaps.orders), the duties addressed to schools copied into each school's roadmap."""

from django.db import models
from django.urls import reverse


class Order(models.Model):
    district = models.ForeignKey("participants.District", on_delete=models.CASCADE, related_name="orders",
                                 verbose_name="муниципалитет")
    number = models.CharField("номер", max_length=50)
    date = models.DateField("дата")
    title = models.TextField("заголовок", blank=True)
    roadmap = models.OneToOneField("roadmaps.Roadmap", on_delete=models.CASCADE, related_name="order",
                                   verbose_name="задачи по приказу")
    source_name = models.CharField("файл", max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "приказ"
        verbose_name_plural = "приказы"
        ordering = ["-date", "-id"]
        constraints = [models.UniqueConstraint(fields=["district", "number", "date"], name="order_once_per_district")]

    def __str__(self) -> str:
        return f"Приказ от {self.date:%d.%m.%Y} № {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("roadmaps:order", kwargs={"district": self.district.code, "pk": self.pk})
