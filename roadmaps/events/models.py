"""Events of the model (seed 000 2.7, seed 002 items 2–15, seed 001's final meeting of pairs): a district's or a
school's совещание, семинар, педсовет… with whom it invites, who came, the protocol and materials. An event may
fulfil a roadmap item: when it is held, the item's window that holds its date is marked done, the protocol its
evidence."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from mentoring_portal.lib.constraints import exactly_one


class EventKind(models.TextChoices):
    MEETING = "meeting", "Совещание"
    SEMINAR = "seminar", "Семинар, практикум"
    COUNCIL = "council", "Педагогический совет"
    METHODICAL_DAY = "methodical_day", "Методический день"
    FESTIVAL = "festival", "Фестиваль, форум"
    PAIRS_MEETING = "pairs_meeting", "Итоговая встреча пар"
    OPEN_LESSON = "open_lesson", "Открытый урок, мастер-класс"
    CLASS_HOUR = "class_hour", "Классный час"
    PARENTS_MEETING = "parents_meeting", "Родительское собрание"
    BUSINESS_GAME = "business_game", "Итоговая деловая игра"
    METHODICAL_VISIT = "methodical_visit", "Методический десант"
    OTHER = "other", "Другое"


class EventQuerySet(models.QuerySet):
    def alive(self) -> "EventQuerySet":
        return self.filter(deleted_at__isnull=True)


class Event(models.Model):
    district = models.ForeignKey("participants.District", on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="events", verbose_name="муниципалитет")
    organization = models.ForeignKey("participants.Organization", on_delete=models.CASCADE, null=True, blank=True,
                                     related_name="events", verbose_name="организация")
    title = models.CharField("название", max_length=300)
    kind = models.CharField("вид", max_length=20, choices=EventKind.choices, default=EventKind.MEETING)
    starts_at = models.DateTimeField("начало")
    place = models.CharField("место", max_length=300, blank=True)
    online_link = models.URLField("ссылка на трансляцию", blank=True, max_length=500)
    audience = models.CharField("для кого", max_length=300, blank=True,
                                help_text="Например: «кураторы ОО, педагоги-наставники», «пары «учитель – учитель»».")
    schools = models.ManyToManyField("participants.Organization", blank=True, related_name="invited_to_events",
                                     verbose_name="школы-участники")
    programme = models.TextField("программа", blank=True)
    organizer = models.CharField("организатор", max_length=300, blank=True)
    item = models.ForeignKey("roadmaps.Item", on_delete=models.SET_NULL, null=True, blank=True, related_name="events",
                             verbose_name="выполняет мероприятие дорожной карты")
    held_on = models.DateField("проведено", null=True, blank=True)
    protocol = models.FileField("протокол", upload_to="events/%Y/%m/", blank=True)
    materials = models.FileField("материалы", upload_to="events/%Y/%m/", blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        app_label = "roadmaps"
        verbose_name = "событие"
        verbose_name_plural = "события"
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["district", "starts_at"]), models.Index(fields=["organization", "starts_at"])]
        constraints = [exactly_one("event_has_one_owner", "district", "organization",
                    message="Событие проводит муниципалитет или организация.")]

    def __str__(self) -> str:
        return f"{self.title} ({self.starts_at:%d.%m.%Y})"

    def get_absolute_url(self) -> str:
        return reverse("roadmaps:event", kwargs={"pk": self.pk})

    @property
    def owner(self):
        return self.district or self.organization


class Attendance(models.Model):
    """One invited participant: a person of a registry or an account (a curator), and whether he came."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey("participants.Person", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="attendances")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="attendances")
    organization = models.ForeignKey("participants.Organization", on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+")
    name = models.CharField("участник", max_length=300)  # copied: the list outlives a deleted entry
    role = models.CharField("в качестве", max_length=100, blank=True)
    attended = models.BooleanField("присутствовал", default=False)

    class Meta:
        app_label = "roadmaps"
        verbose_name = "участник события"
        verbose_name_plural = "участники событий"
        ordering = ["organization__short_name", "name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], condition=Q(person__isnull=False),
                                    name="attendance_person_once"),
            models.UniqueConstraint(fields=["event", "user"], condition=Q(user__isnull=False),
                                    name="attendance_user_once"),
        ]

    def __str__(self) -> str:
        return self.name
