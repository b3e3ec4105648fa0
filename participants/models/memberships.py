"""Who may see and do what: one row per user, place and role."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q


class Role(models.TextChoices):
    REGIONAL_COORDINATOR = "regional_coordinator", "Региональный координатор"
    DISTRICT_CURATOR = "district_curator", "Муниципальный куратор"
    DISTRICT_METHODIST = "district_methodist", "Методист муниципалитета"
    DISTRICT_EXPERT = "district_expert", "Эксперт муниципалитета"
    SCHOOL_CURATOR = "school_curator", "Куратор ОО"
    MENTOR = "mentor", "Наставник"


REGION_ROLES = (Role.REGIONAL_COORDINATOR,)
DISTRICT_ROLES = (Role.DISTRICT_CURATOR, Role.DISTRICT_METHODIST, Role.DISTRICT_EXPERT)
ORGANIZATION_ROLES = (Role.SCHOOL_CURATOR, Role.MENTOR)


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name="пользователь"
    )
    role = models.CharField("роль", max_length=30, choices=Role.choices)
    region = models.ForeignKey(
        "participants.Region", on_delete=models.CASCADE, null=True, blank=True, related_name="memberships",
        verbose_name="регион",
    )
    district = models.ForeignKey(
        "participants.District", on_delete=models.CASCADE, null=True, blank=True, related_name="memberships",
        verbose_name="муниципалитет",
    )
    organization = models.ForeignKey(
        "participants.Organization", on_delete=models.CASCADE, null=True, blank=True, related_name="memberships",
        verbose_name="организация",
    )
    position = models.CharField("должность", max_length=200, blank=True)
    phone = models.CharField("телефон", max_length=50, blank=True)
    # The order that appointed a curator («База кураторов»: seed 003, item 10.7)
    order_number = models.CharField("номер приказа о назначении", max_length=50, blank=True)
    order_date = models.DateField("дата приказа о назначении", null=True, blank=True)

    class Meta:
        verbose_name = "роль пользователя"
        verbose_name_plural = "роли пользователей"
        constraints = [
            # Each role is held in exactly one kind of place.
            models.CheckConstraint(
                name="membership_scope_matches_role",
                condition=(
                    Q(role__in=list(REGION_ROLES), region__isnull=False, district__isnull=True,
                      organization__isnull=True)
                    | Q(role__in=list(DISTRICT_ROLES), region__isnull=True, district__isnull=False,
                        organization__isnull=True)
                    | Q(role__in=list(ORGANIZATION_ROLES), region__isnull=True, district__isnull=True,
                        organization__isnull=False)
                ),
            ),
            *(
                models.UniqueConstraint(
                    fields=["user", "role", place], condition=Q(**{f"{place}__isnull": False}),
                    name=f"membership_unique_{place}",
                )
                for place in ("region", "district", "organization")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.place}"

    @property
    def place(self):
        return self.organization or self.district or self.region

    def clean(self) -> None:
        expected = (
            "region" if self.role in REGION_ROLES else "district" if self.role in DISTRICT_ROLES else "organization"
        )
        places = {"region": self.region_id, "district": self.district_id, "organization": self.organization_id}
        if not places[expected] or any(v for k, v in places.items() if k != expected):
            labels = {"region": "регион", "district": "муниципалитет", "organization": "организацию"}
            raise ValidationError(f"Для роли «{self.get_role_display()}» укажите только {labels[expected]}.")


class RoleAction(models.TextChoices):
    INVITED = "invited", "приглашён(а)"
    GRANTED = "granted", "назначена роль"
    CHANGED = "changed", "роль изменена"
    REVOKED = "revoked", "роль снята"
    DEACTIVATED = "deactivated", "учётная запись отключена"
    REACTIVATED = "reactivated", "учётная запись включена"


class RoleChange(models.Model):
    """Every change of someone's roles: who did it, when, what. Kept with the place, so the district curator reads
    the changes of the district and of its schools; names are copied, so the line outlives the accounts."""

    at = models.DateTimeField("когда", auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                              verbose_name="кто")
    actor_name = models.CharField("кто (имя)", max_length=200)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="role_changes",
                             verbose_name="чья учётная запись")
    user_name = models.CharField("чья учётная запись (имя)", max_length=200)
    action = models.CharField("что", max_length=20, choices=RoleAction.choices)
    role = models.CharField("роль", max_length=30, choices=Role.choices, blank=True)
    previous_role = models.CharField("прежняя роль", max_length=30, choices=Role.choices, blank=True)
    region = models.ForeignKey("participants.Region", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    district = models.ForeignKey("participants.District", on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="+")
    organization = models.ForeignKey("participants.Organization", on_delete=models.CASCADE, null=True, blank=True,
                                     related_name="+")

    class Meta:
        verbose_name = "изменение ролей"
        verbose_name_plural = "журнал изменений ролей"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["district", "-at"]), models.Index(fields=["organization", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%d.%m.%Y %H:%M} · {self.actor_name} · {self.user_name}: {self.get_action_display()}"

    @property
    def place(self):
        return self.organization or self.district or self.region
