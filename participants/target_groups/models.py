from django.conf import settings
from django.db import models


class TargetGroup(models.TextChoices):
    DISABILITIES = "disabilities", "С ОВЗ, дети-инвалиды"
    GIFTED = "gifted", "Одарённые"
    HARDSHIP = "hardship", "В трудной жизненной ситуации"
    LOW_INCOME = "low_income", "Из малообеспеченных семей"
    ORPHANS = "orphans", "Дети-сироты и оставшиеся без попечения родителей"
    RURAL = "rural", "Проживающие в сельской местности"
    MIGRANTS = "migrants", "Из семей мигрантов"
    AT_RISK = "at_risk", "Состоящие на профилактическом учёте"


class GroupMark(models.Model):
    """One person in one target group, set by the school's curator."""

    person = models.ForeignKey("participants.Person", on_delete=models.CASCADE, related_name="group_marks")
    group = models.CharField("целевая группа", max_length=20, choices=TargetGroup.choices)
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    marked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "participants"
        verbose_name = "целевая группа участника"
        verbose_name_plural = "целевые группы участников"
        constraints = [models.UniqueConstraint(fields=["person", "group"], name="group_mark_once")]

    def __str__(self) -> str:
        return self.get_group_display()
