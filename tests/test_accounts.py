"""Users and roles without a superuser: a district curator invites a school curator, who sets a password through a
one-time link and signs in; the school curator invites a mentor tied to the registry; nobody grants a role above
their own or outside their place; every change of roles is logged and shown to the district curator."""

import io
import re
from datetime import datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from participants.access import access_of
from participants.models import Membership, Role, RoleAction, RoleChange
from tests.factories import OrganizationFactory, person

User = get_user_model()


def invite(client, kind, code, **data):
    fields = {"email": "new@school.example", "last_name": "Новикова", "first_name": "Анна", "position": "",
              **data}
    return client.post(reverse(f"participants:{kind}-invite", args=[code]), fields)


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def test_a_district_curator_invites_a_school_curator_who_sets_a_password_and_signs_in(
        client, login, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(login(world.curator), "organization", world.school.code, role=Role.SCHOOL_CURATOR)
    assert response.status_code == 302
    new = User.objects.get(email="new@school.example")
    assert not new.has_usable_password()
    assert Membership.objects.filter(user=new, role=Role.SCHOOL_CURATOR, organization=world.school).exists()
    assert len(mail.outbox) == 1 and "Куратор ОО" in mail.outbox[0].body
    path = link_in(mail.outbox[0]).removeprefix("http://testserver")

    client.logout()
    form_page = client.get(path, follow=True)  # Django moves the token into the session, then shows the form
    assert "Придумайте пароль" in form_page.content.decode()
    form_url = form_page.redirect_chain[-1][0]
    weak = client.post(form_url, {"new_password1": "12345", "new_password2": "12345"})
    assert "слишком" in weak.content.decode().lower()  # Django's validators, in Russian
    client.post(form_url, {"new_password1": "Наставник-2026!", "new_password2": "Наставник-2026!"})
    signed_in = client.post(reverse("login"), {"username": "new@school.example", "password": "Наставник-2026!"})
    assert signed_in.status_code == 302 and "_auth_user_id" in client.session
    # The link was for one use
    client.logout()
    again = client.get(path, follow=True)
    assert "Ссылка больше не действует" in again.content.decode()


def test_the_link_expires(client, login, world, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(login(world.curator), "organization", world.school.code, role=Role.SCHOOL_CURATOR)
    path = link_in(mail.outbox[0]).removeprefix("http://testserver")
    client.logout()
    settings.PASSWORD_RESET_TIMEOUT = -1
    assert "Ссылка больше не действует" in client.get(path, follow=True).content.decode()


def test_a_school_curator_invites_a_mentor_tied_to_his_registry_entry(login, world,
                                                                       django_capture_on_commit_callbacks):
    teacher = person(world.school, "teacher", grade="", last_name="Петров", email="petrov@school.example")
    client = login(world.school_curator)
    page = client.get(reverse("participants:organization-invite", args=[world.school.code])).content.decode()
    assert "Петров" in page and 'value="school_curator"' not in page  # a school curator offers only the mentor's role
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, "organization", world.school.code, role=Role.MENTOR, person=teacher.pk,
               email="petrov@school.example")
    teacher.refresh_from_db()
    assert teacher.user.email == "petrov@school.example"
    assert teacher.user.memberships.get().role == Role.MENTOR


@pytest.mark.parametrize("role", [Role.SCHOOL_CURATOR, Role.DISTRICT_CURATOR])
def test_a_school_curator_cannot_grant_a_role_above_his_own(login, world, role):
    response = invite(login(world.school_curator), "organization", world.school.code, role=role)
    assert response.status_code == 200 and "Выберите корректный вариант" in response.content.decode()
    assert not User.objects.filter(email="new@school.example").exists()


def test_nobody_grants_a_role_outside_their_place(login, world):
    assert invite(login(world.curator), "district", world.other_district.code,
                  role=Role.DISTRICT_CURATOR).status_code == 404
    assert invite(login(world.school_curator), "organization", world.other_school.code,
                  role=Role.MENTOR).status_code == 404
    assert invite(login(world.methodist), "organization", world.school.code, role=Role.MENTOR).status_code == 403
    assert invite(login(world.mentor), "organization", world.school.code, role=Role.MENTOR).status_code == 403
    # The coordinator runs the districts and the schools under the region, not the districts' schools
    assert invite(login(world.coordinator), "organization", world.school.code,
                  role=Role.SCHOOL_CURATOR).status_code == 403
    assert not User.objects.filter(email="new@school.example").exists()


def test_who_may_grant_what_where(world):
    DISTRICT = [Role.DISTRICT_CURATOR, Role.DISTRICT_METHODIST, Role.DISTRICT_EXPERT]  # noqa: N806
    roles = {
        "coordinator": [access_of(world.coordinator).grantable_roles(p)
                        for p in (world.region, world.district, world.direct_school, world.school)],
        "curator": [access_of(world.curator).grantable_roles(p)
                    for p in (world.region, world.district, world.school, world.other_district)],
        "school_curator": [access_of(world.school_curator).grantable_roles(p)
                           for p in (world.district, world.school, world.other_school)],
    }
    assert roles == {
        "coordinator": [[Role.REGIONAL_COORDINATOR], DISTRICT, [Role.SCHOOL_CURATOR, Role.MENTOR], []],
        "curator": [[], DISTRICT, [Role.SCHOOL_CURATOR, Role.MENTOR], []],
        "school_curator": [[], [Role.MENTOR], []],
    }
    for reader in (world.methodist, world.mentor):
        assert all(access_of(reader).grantable_roles(p) == [] for p in (world.district, world.school))


def test_an_existing_user_gets_the_role_without_a_new_account(login, world):
    world.mentor.email = "mentor@school.example"
    world.mentor.save()
    invite(login(world.curator), "organization", world.other_school.code, role=Role.MENTOR,
           email=world.mentor.email.upper())
    assert User.objects.filter(email__iexact=world.mentor.email).count() == 1
    assert set(world.mentor.memberships.values_list("organization__code", flat=True)) == {"agin-1", "tinskaya"}
    assert RoleChange.objects.get(user=world.mentor).action == RoleAction.GRANTED


def test_roles_change_and_go_and_the_district_curator_reads_the_log(login, world):
    client = login(world.curator)
    membership = world.school_curator.memberships.get()
    url = reverse("participants:district-membership", args=[world.district.code, membership.pk])
    client.post(url, {"action": "role", "role": Role.MENTOR})
    assert Membership.objects.get(pk=membership.pk).role == Role.MENTOR
    client.post(url, {"action": "revoke"})
    assert not Membership.objects.filter(pk=membership.pk).exists()
    page = client.get(reverse("participants:district-users", args=[world.district.code])).content.decode()
    assert "«Куратор ОО» → «Наставник»" in page and "роль снята" in page


def test_one_cannot_take_away_ones_own_role(login, world):
    client = login(world.curator)
    own = world.curator.memberships.get()
    response = client.post(reverse("participants:district-membership", args=[world.district.code, own.pk]),
                           {"action": "revoke"}, follow=True)
    assert "Свою роль снять нельзя" in response.content.decode()
    assert Membership.objects.filter(pk=own.pk).exists()


def test_a_membership_of_another_place_is_not_found_by_its_number(login, world):
    elsewhere = world.outsider_curator.memberships.get()
    url = reverse("participants:district-membership", args=[world.district.code, elsewhere.pk])
    assert login(world.curator).post(url, {"action": "revoke"}).status_code == 404
    assert Membership.objects.filter(pk=elsewhere.pk).exists()


def test_an_account_is_switched_off_only_by_who_runs_all_its_roles(login, world):
    world.mentor.set_password("Пароль-наставника-1")
    world.mentor.save()
    curator = login(world.curator)
    url = reverse("participants:district-membership", args=[world.district.code, world.mentor.memberships.get().pk])
    curator.post(url, {"action": "deactivate"})
    world.mentor.refresh_from_db()
    assert not world.mentor.is_active
    stranger = Client()
    refused = stranger.post(reverse("login"), {"username": world.mentor.username, "password": "Пароль-наставника-1"})
    assert refused.status_code == 200 and "_auth_user_id" not in stranger.session
    curator.post(url, {"action": "activate"})
    world.mentor.refresh_from_db()
    assert world.mentor.is_active
    # With a role in another district too, the district may take its own role away but not switch the account off
    Membership.objects.create(user=world.mentor, role=Role.MENTOR,
                              organization=OrganizationFactory(district=world.other_district, code="klin-1"))
    response = curator.post(url, {"action": "deactivate"}, follow=True)
    world.mentor.refresh_from_db()
    assert world.mentor.is_active and "ведёт их все" in response.content.decode()
    assert [c.action for c in RoleChange.objects.order_by("at", "pk")] == [RoleAction.DEACTIVATED,
                                                                           RoleAction.REACTIVATED]


def test_the_coordinator_invites_a_district_curator(login, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(login(world.coordinator), "district", world.district.code, role=Role.DISTRICT_CURATOR)
    assert Membership.objects.filter(user__email="new@school.example", district=world.district).exists()
    page = login(world.coordinator).get(reverse("participants:region-users", args=[world.region.code]))
    assert "new@school.example" in page.content.decode()
    assert login(world.curator).get(reverse("participants:region-users", args=[world.region.code])).status_code == 404


def test_an_invited_person_waits_and_can_be_sent_the_link_again(login, world, django_capture_on_commit_callbacks):
    client = login(world.curator)
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, "district", world.district.code, role=Role.DISTRICT_METHODIST)
    membership = Membership.objects.get(user__email="new@school.example")
    assert "ждёт пароля" in client.get(reverse("participants:district-users", args=[world.district.code])).content.decode()
    client.post(reverse("participants:district-membership", args=[world.district.code, membership.pk]),
                {"action": "resend"})
    assert len(mail.outbox) == 2


def test_the_form_keeps_what_was_typed_and_says_what_is_wrong(login, world):
    response = invite(login(world.curator), "district", world.district.code, role=Role.DISTRICT_METHODIST,
                      email="не-адрес", last_name="Иванова")
    page = response.content.decode()
    assert response.status_code == 200 and "Введите правильный адрес электронной почты" in page
    assert 'value="Иванова"' in page and 'value="не-адрес"' in page


def test_the_log_keeps_the_names_after_the_account_is_gone(login, world):
    client = login(world.curator)
    membership = world.methodist.memberships.get()
    client.post(reverse("participants:district-membership", args=[world.district.code, membership.pk]),
                {"action": "revoke"})
    name = world.methodist.email
    world.methodist.delete()
    change = RoleChange.objects.get()
    assert change.user is None and name in change.user_name and change.at > timezone.now() - timedelta(minutes=1)


def test_a_person_with_roles_in_two_places_chooses_where_they_work(login, world):
    Membership.objects.create(user=world.school_curator, role=Role.MENTOR, organization=world.other_school)
    client = login(world.school_curator)
    page = client.get(reverse("participants:home")).content.decode()
    assert "Где я работаю" in page and "Агинская" in page and "Тинская" in page
    mentor_role = world.school_curator.memberships.get(role=Role.MENTOR)
    client.post(reverse("participants:workplace"), {"workplace": mentor_role.pk})
    page = client.get(reverse("participants:home")).content.decode()
    assert "Я наставник" in page and "Моя организация" not in page
    client.post(reverse("participants:workplace"), {"workplace": world.curator.memberships.get().pk})  # not his
    page = client.get(reverse("participants:home")).content.decode()
    assert "Я наставник" in page and "Моя организация" in page  # back to all of his roles


def test_the_curators_base_lists_every_school_and_flags_one_without_a_curator(login, world):
    Membership.objects.filter(user=world.school_curator).update(position="заместитель директора по УВР",
                                                                phone="+7 391 000-00-01", order_number="45-од",
                                                                order_date="2021-09-01")
    OrganizationFactory(district=world.district, short_name="МБОУ Кавказская СОШ", code="kavkaz")
    client = login(world.curator)
    page = client.get(reverse("participants:curators", args=[world.district.code])).content.decode()
    assert "заместитель директора по УВР" in page and "№ 45-од от 01.09.2021" in page
    assert "Без куратора: 1 организация" in page and "нет куратора" in page
    district_page = client.get(reverse("participants:district", args=[world.district.code])).content.decode()
    assert "Без куратора: МБОУ Кавказская СОШ" in district_page

    response = client.get(reverse("participants:curators-export", args=[world.district.code]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    lines = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    curator = world.school_curator
    assert ["МБОУ Агинская СОШ № 1", f"{curator.last_name} {curator.first_name}",
            "заместитель директора по УВР", "+7 391 000-00-01", curator.email or None, "45-од",
            datetime(2021, 9, 1)] in lines
    assert ["МБОУ Кавказская СОШ", "нет куратора", None, None, None, None, None] in lines


def test_the_district_curator_records_the_appointing_order(login, world):
    membership = world.school_curator.memberships.get()
    url = reverse("participants:curator-appointment", args=[world.district.code, membership.pk])
    client = login(world.curator)
    bad = client.post(url, {"position": "педагог", "order_number": "12", "order_date": "31.02.2024"})
    assert bad.status_code == 200 and "Введите правильную дату" in bad.content.decode()
    assert 'value="педагог"' in bad.content.decode()
    client.post(url, {"position": "педагог", "order_number": "12", "order_date": "2024-02-20"})
    membership.refresh_from_db()
    assert (membership.order_number, str(membership.order_date)) == ("12", "2024-02-20")
    # A methodist reads the base but does not edit it
    assert login(world.methodist).post(url, {"order_number": "x"}).status_code == 403


def test_one_cannot_change_ones_own_role_either(login, world):
    own = world.curator.memberships.get()
    client = login(world.curator)
    response = client.post(reverse("participants:district-membership", args=[world.district.code, own.pk]),
                           {"action": "role", "role": Role.DISTRICT_METHODIST}, follow=True)
    assert "Свою роль сменить нельзя" in response.content.decode()
    assert Membership.objects.get(pk=own.pk).role == Role.DISTRICT_CURATOR
    assert "это вы" in client.get(reverse("participants:district-users", args=[world.district.code])).content.decode()


def test_the_coordinator_is_not_offered_to_edit_a_district_schools_curator(login, world):
    page = login(world.coordinator).get(reverse("participants:curators", args=[world.district.code])).content.decode()
    membership = world.school_curator.memberships.get()
    assert reverse("participants:curator-appointment", args=[world.district.code, membership.pk]) not in page


def test_the_districts_invitation_offers_its_schools_roles_too(login, world, django_capture_on_commit_callbacks):
    """Issue #23 item 6: «Пользователи и роли → Пригласить» of the district offered district roles only; a school
    curator could be invited only from the school's own page. The district's form offers each of its schools."""
    client = login(world.curator)
    page = client.get(reverse("participants:district-invite", args=["sayansky"])).content.decode()
    assert "Куратор ОО" in page and "Где работает" in page and "МБОУ Агинская СОШ № 1" in page
    assert "Городской округ Клин" not in page  # another district's schools are not offered
    where = f"organization:{world.school.pk}"
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, "district", "sayansky", role=Role.SCHOOL_CURATOR, where=where)
    assert response.status_code == 302
    assert Membership.objects.filter(user__email="new@school.example", role=Role.SCHOOL_CURATOR,
                                     organization=world.school).exists()
    refused = invite(client, "district", "sayansky", email="other@school.example", role=Role.SCHOOL_CURATOR,
                     where=f"district:{world.district.pk}")  # a school's role at the district: said on the page
    assert refused.status_code == 200 and "выберите школу" in refused.content.decode()
    foreign = invite(client, "district", "sayansky", email="x@school.example", role=Role.SCHOOL_CURATOR,
                     where=f"organization:{OrganizationFactory(district=world.other_district).pk}")
    assert foreign.status_code == 200 and not Membership.objects.filter(user__email="x@school.example").exists()
