"""A school's request for a methodical visit (seed 002: «Организация методического десанта в ОО с большим процентом
педагогов, сдавших ИКУ на недопустимый уровень — по заявкам ОО»). Its state is read from what happened to it — an
answering event (held or not), a refusal, a withdrawal — so no stored state can disagree with them."""

from django.conf import settings
from django.db import models


class VisitState(models.TextChoices):
    SUBMITTED = "submitted", "Подана"
    ACCEPTED = "accepted", "Назначен десант"
    HELD = "held", "Десант проведён"
    DECLINED = "declined", "Отклонена"
    WITHDRAWN = "withdrawn", "Отозвана школой"


OPEN_STATES = {VisitState.SUBMITTED, VisitState.ACCEPTED}


class VisitRequest(models.Model):
    organization = models.ForeignKey("participants.Organization", on_delete=models.CASCADE,
                                     related_name="visit_requests", verbose_name="школа")
    topic = models.CharField("с чем нужна помощь", max_length=400,
                             help_text="Например: «работа с детьми с ОВЗ: 4 педагога сдали ИКУ на недопустимый уровень».")
    teachers = models.PositiveSmallIntegerField("сколько педагогов", default=1)
    wished_from = models.DateField("желательно с")
    wished_until = models.DateField("по")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    event = models.OneToOneField("roadmaps.Event", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="visit_request", verbose_name="событие-десант")
    declined_on = models.DateField("отклонена", null=True, blank=True)
    decline_reason = models.CharField("причина", max_length=400, blank=True)
    withdrawn_on = models.DateField("отозвана", null=True, blank=True)

    class Meta:
        app_label = "roadmaps"
        verbose_name = "заявка на методический десант"
        verbose_name_plural = "заявки на методический десант"
        ordering = ["-requested_at", "-pk"]
        constraints = [models.CheckConstraint(
            name="visit_request_ends_one_way",
            condition=~(models.Q(event__isnull=False) & models.Q(declined_on__isnull=False))
            & ~(models.Q(declined_on__isnull=False) & models.Q(withdrawn_on__isnull=False)),
            violation_error_message="Заявку либо принимают, либо отклоняют, либо отзывают.")]

    def __str__(self) -> str:
        return f"{self.organization}: {self.topic}"

    @property
    def state(self) -> str:
        if self.withdrawn_on:
            return VisitState.WITHDRAWN
        if self.declined_on:
            return VisitState.DECLINED
        if self.event_id:
            return VisitState.HELD if self.event.held_on else VisitState.ACCEPTED
        return VisitState.SUBMITTED

    @property
    def state_label(self) -> str:
        return VisitState(self.state).label
