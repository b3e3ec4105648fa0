"""What happened to a roadmap and its items: history, comments, evidence of completion."""

from django.conf import settings
from django.db import models


class Change(models.Model):
    """One logged action: who did what and when, on the roadmap or on one of its items."""

    roadmap = models.ForeignKey("roadmaps.Roadmap", on_delete=models.CASCADE, related_name="changes")
    item = models.ForeignKey("roadmaps.Item", on_delete=models.CASCADE, null=True, blank=True, related_name="changes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(max_length=30)
    summary = models.TextField()
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "изменение"
        verbose_name_plural = "история изменений"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.summary


class Comment(models.Model):
    item = models.ForeignKey("roadmaps.Item", on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField("комментарий")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "комментарий"
        verbose_name_plural = "комментарии"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class Evidence(models.Model):
    """A document or link proving an item was done (приказ, протокол, публикация)."""

    item = models.ForeignKey("roadmaps.Item", on_delete=models.CASCADE, related_name="evidence")
    title = models.CharField("название", max_length=300)
    file = models.FileField("файл", upload_to="evidence/%Y/%m/", blank=True)
    url = models.URLField("ссылка", blank=True, max_length=1000)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "подтверждение"
        verbose_name_plural = "подтверждения выполнения"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.title
