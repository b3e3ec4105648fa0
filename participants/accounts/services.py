"""Accounts and roles managed by the places' own curators (no superuser): invite, change a role, take it away, switch
an account off. Every rule of who may do it is `Access.grantable_roles` (participants/access.py); every change is
logged in `RoleChange`."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from participants.access import access_of, place_fields
from participants.models import Membership, Organization, Person, Role, RoleAction, RoleChange

User = get_user_model()


def display_name(user) -> str:
    """«Фамилия Имя Отчество», as Russian lists write it (Django's full name puts the first name first)."""
    return " ".join(part for part in (user.last_name, user.first_name) if part) or user.email or user.username


def log(actor, user, action: str, place, role: str = "", previous_role: str = "") -> RoleChange:
    return RoleChange.objects.create(actor=actor, actor_name=display_name(actor), user=user,
                                     user_name=f"{display_name(user)} ({user.email or user.username})", action=action,
                                     role=role, previous_role=previous_role, **place_fields(place))


def _require(actor, role: str, place) -> None:
    if role not in access_of(actor).grantable_roles(place):
        raise PermissionDenied("Эту роль здесь назначать нельзя.")


def invitation_link(user, site_url: str) -> str:
    """The one-time link to set a password: Django's password-reset token (it dies when the password is set, and
    after PASSWORD_RESET_TIMEOUT)."""
    path = reverse("participants:invitation-accept", args=[urlsafe_base64_encode(force_bytes(user.pk)),
                                                           default_token_generator.make_token(user)])
    return site_url.rstrip("/") + path


def send_invitation(user, *, actor, role: str, place, site_url: str) -> None:
    context = {"user": user, "actor": display_name(actor), "role": Role(role).label, "place": place,
               "link": invitation_link(user, site_url),
               "days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)}
    EmailMessage(subject="Приглашение на портал наставничества",
                 body=render_to_string("participants/accounts/email/invitation.txt", context),
                 from_email=settings.DEFAULT_FROM_EMAIL, to=[user.email]).send()


@dataclass
class Invited:
    user: object
    membership: Membership
    is_new: bool  # a new account, sent a link to set a password
    already: bool = False  # the person already held this role here


@transaction.atomic
def invite(*, actor, email: str, last_name: str, first_name: str, role: str, place, position: str = "",
           person: Person | None = None, site_url: str) -> Invited:
    """Give `role` at `place` to the holder of `email`: a new account gets a link to set its password; an existing
    one gets the role (and a line in its e-mail). A mentor may be tied to his registry entry."""
    _require(actor, role, place)
    email = User.objects.normalize_email(email).lower()
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    is_new = user is None
    if is_new:
        if User.objects.filter(username__iexact=email).exists():
            raise ValidationError({"email": "Имя входа с этим адресом уже занято."})
        user = User(username=email, email=email, first_name=first_name, last_name=last_name)
        user.set_unusable_password()
        user.full_clean(exclude=["password"], validate_unique=False)  # the database says it, even at once: below
        try:
            with transaction.atomic():
                user.save()
        except IntegrityError:  # the same invitation sent at the same instant made the account: use that one
            user, is_new = User.objects.get(username__iexact=email), False
    elif not user.is_active:
        raise ValidationError({"email": "Учётная запись с этим адресом отключена: включите её в списке пользователей."})
    membership, created = Membership.objects.get_or_create(user=user, role=role, **place_fields(place),
                                                           defaults={"position": position})
    if person is not None:
        if person.organization_id != getattr(place, "pk", None) or not isinstance(place, Organization):
            raise ValidationError({"person": "Этот человек не из реестра этой организации."})
        Person.objects.filter(pk=person.pk).update(user=user)
    if not created:
        if position and membership.position != position:  # the position given now is the one the orders print
            Membership.objects.filter(pk=membership.pk).update(position=position)
            membership.position = position
        return Invited(user, membership, is_new=False, already=True)
    log(actor, user, RoleAction.INVITED if is_new else RoleAction.GRANTED, place, role)
    if is_new:
        transaction.on_commit(lambda: send_invitation(user, actor=actor, role=role, place=place, site_url=site_url))
    return Invited(user, membership, is_new)


def resend_invitation(*, actor, membership: Membership, site_url: str) -> None:
    if not access_of(actor).may_manage(membership):
        raise PermissionDenied("Недостаточно прав.")
    if membership.user.has_usable_password():
        raise ValidationError("Пароль уже задан: приглашение не нужно.")
    send_invitation(membership.user, actor=actor, role=membership.role, place=membership.place, site_url=site_url)


@transaction.atomic
def change_role(*, actor, membership: Membership, role: str) -> Membership:
    access = access_of(actor)
    if not access.may_manage(membership):
        raise PermissionDenied("Недостаточно прав.")
    _require(actor, role, membership.place)
    if membership.user_id == actor.pk:
        raise ValidationError("Свою роль сменить нельзя: попросите другого куратора.")
    if role == membership.role:
        return membership
    if Membership.objects.filter(user=membership.user, role=role, **place_fields(membership.place)).exists():
        raise ValidationError("У пользователя уже есть эта роль здесь.")
    previous = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    log(actor, membership.user, RoleAction.CHANGED, membership.place, role, previous)
    return membership


@transaction.atomic
def revoke(*, actor, membership: Membership) -> None:
    if not access_of(actor).may_manage(membership):
        raise PermissionDenied("Недостаточно прав.")
    if membership.user_id == actor.pk:
        raise ValidationError("Свою роль снять нельзя: попросите другого куратора.")
    log(actor, membership.user, RoleAction.REVOKED, membership.place, membership.role)
    membership.delete()


def may_switch_off(actor, user) -> bool:
    """An account is switched off only by someone who manages every role it holds (and never one's own)."""
    access = access_of(actor)
    memberships = list(Membership.objects.filter(user=user).select_related("region", "district", "organization"))
    return (user.pk != actor.pk and not user.is_superuser and bool(memberships)
            and all(access.may_manage(m) for m in memberships))


@transaction.atomic
def set_active(*, actor, user, active: bool, place) -> None:
    if not may_switch_off(actor, user):
        raise PermissionDenied("Учётную запись с ролями в других местах отключает тот, кто ведёт их все.")
    if user.is_active == active:
        return
    user.is_active = active
    user.save(update_fields=["is_active"])
    log(actor, user, RoleAction.REACTIVATED if active else RoleAction.DEACTIVATED, place)
