"""«Пользователи и роли» of a region, a district or an organization, and the page where an invited person sets a
password. The same views serve the three kinds of place (`access.place_views` wraps each with its place's decorator)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy

from participants.access import (
    CAN_EDIT_DISTRICT,
    CAN_MANAGE_USERS,
    CAN_VIEW_REPORTS,
    VIEW,
    access_of,
    district_view,
    place_kind,
    place_views,
)
from participants.accounts import services
from participants.accounts.curators import CuratorsXlsx, curators_base, district_experts, without_curator
from participants.accounts.forms import AppointmentForm, InviteForm, RoleForm
from participants.accounts.selectors import invitable_places, memberships_at, role_changes_at
from participants.models import Role

PAGE_SIZE = 50


def users_url(place) -> str:
    return reverse(f"participants:{place_kind(place)}-users", args=[place.code])


def _site_url(request) -> str:
    return request.build_absolute_uri("/")


def _users(request, place):
    access = access_of(request.user)
    page = Paginator(memberships_at(place), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = []
    for membership in page:
        roles = access.grantable_roles(membership.place)
        rows.append({"membership": membership, "may_manage": membership.role in roles,
                     "other_roles": [(r, Role(r).label) for r in roles if r != membership.role],
                     "waiting": not membership.user.has_usable_password()})
    changes = Paginator(role_changes_at(place), 20).get_page(request.GET.get("changes"))
    return render(request, "participants/accounts/users.html", {
        "place": place, "kind": place_kind(place), "page": page, "rows": rows, "changes": changes,
        "grantable": [Role(r).label for r in access.grantable_roles(place)]})


def _invite(request, place):
    access = access_of(request.user)
    roles_at = {where: access.grantable_roles(where) for where in invitable_places(request.user, place)}
    form = InviteForm(request.POST or None, roles_at=roles_at, place=place)
    if request.method == "POST" and form.is_valid():
        try:
            done = services.invite(actor=request.user, place=form.place, site_url=_site_url(request),
                                   **form.invitation())
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            name = services.display_name(done.user)
            if form.place != place:
                name = f"{name} ({form.place})"
            if done.already:
                messages.info(request, f"У {name} уже есть эта роль здесь.")
            elif done.is_new:
                messages.success(request, f"Приглашение отправлено на {done.user.email}: по ссылке {name} задаст "
                                          "пароль и войдёт.")
            else:
                messages.success(request, f"{name} уже работает на портале: роль «{Role(done.membership.role).label}» "
                                          "добавлена.")
            return redirect(users_url(place))
    return render(request, "participants/accounts/invite.html", {"place": place, "kind": place_kind(place), "form": form})


def _membership_in(place, pk: int):
    """A membership of the place's page (404 for one elsewhere, whatever its id)."""
    return get_object_or_404(memberships_at(place), pk=pk)


def _act(request, action, done: str) -> None:
    """Run a service; its refusal is the page's message, else `done` is."""
    try:
        action()
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, done)


def _membership_action(request, place, pk: int):
    if request.method != "POST":
        return redirect(users_url(place))
    membership = _membership_in(place, pk)
    name = services.display_name(membership.user)
    what = request.POST.get("action")
    if what == "revoke":
        _act(request, lambda: services.revoke(actor=request.user, membership=membership),
             f"Роль «{membership.get_role_display()}» снята: {name}.")
    elif what == "role":
        form = RoleForm(request.POST, roles=access_of(request.user).grantable_roles(membership.place))
        if form.is_valid():
            role = form.cleaned_data["role"]
            _act(request, lambda: services.change_role(actor=request.user, membership=membership, role=role),
                 f"Роль изменена: {name} — «{Role(role).label}».")
        else:
            messages.error(request, "Эту роль здесь назначать нельзя.")
    elif what == "resend":
        _act(request, lambda: services.resend_invitation(actor=request.user, membership=membership,
                                                         site_url=_site_url(request)),
             f"Приглашение отправлено ещё раз: {name}.")
    elif what in ("deactivate", "activate"):
        active = what == "activate"
        _act(request, lambda: services.set_active(actor=request.user, user=membership.user, active=active, place=place),
             f"Учётная запись {'включена' if active else 'отключена'}: {name}.")
    return redirect(users_url(place))


users = place_views(_users, CAN_MANAGE_USERS)
invite = place_views(_invite, CAN_MANAGE_USERS)
membership_action = place_views(_membership_action, CAN_MANAGE_USERS)


@district_view(CAN_VIEW_REPORTS)
def curators(request, district):
    page = Paginator(curators_base(district, request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "participants/accounts/curators.html", {
        "district": district, "page": page, "missing": without_curator(district, request.user).count()})


@district_view(VIEW)
def experts(request, district):
    return render(request, "participants/accounts/experts.html", {"district": district,
                                                                  "experts": district_experts(district)})


@district_view(CAN_VIEW_REPORTS)
def curators_export(request, district):
    exporter = CuratorsXlsx()
    exporter.user = request.user
    return exporter.response(district)


@district_view(CAN_EDIT_DISTRICT)
def appointment_edit(request, district, pk: int):
    membership = get_object_or_404(memberships_at(district).filter(role=Role.SCHOOL_CURATOR), pk=pk)
    if not access_of(request.user).may_manage(membership):
        raise PermissionDenied("Недостаточно прав.")
    form = AppointmentForm(request.POST or None, instance=membership)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Сведения о кураторе сохранены: {services.display_name(membership.user)}.")
        return redirect("participants:curators", district=district.code)
    return render(request, "participants/accounts/appointment.html", {"district": district, "membership": membership,
                                                                      "form": form})


class InvitationAcceptView(auth_views.PasswordResetConfirmView):
    """The invited person chooses a password (Django's validators) through the one-time link, then signs in."""

    template_name = "participants/accounts/invitation_accept.html"
    success_url = reverse_lazy("login")
    post_reset_login = False

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, "Пароль задан. Войдите с адресом почты и новым паролем.")
        return response
