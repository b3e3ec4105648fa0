"""The second factor of sign-in: anyone may turn it on; a region may require it of its curators. With it, the code
comes after the password and before any page."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory


def code_for(device) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def sign_in(client, user):
    return client.post(reverse("login"), {"username": user.username, "password": "pass-word-123"})


@pytest.fixture
def no_throttle(settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code makes the next one wait 1 s, 2 s, 4 s… (tested below)


def test_a_user_turns_it_on_with_a_code_from_the_app(client, world, no_throttle):
    sign_in(client, world.methodist)
    page = client.get(reverse("participants:second-factor"))
    assert "data:image/svg+xml;base64," in page.content.decode() and "Ключ:" in page.content.decode()
    device = TOTPDevice.objects.get(user=world.methodist)
    assert client.post(reverse("participants:second-factor"), {"code": "000000"}).status_code == 400
    response = client.post(reverse("participants:second-factor"), {"code": code_for(device)})
    assert response.status_code == 302
    assert TOTPDevice.objects.get(user=world.methodist).confirmed


def test_with_it_the_code_comes_before_any_page(client, world, no_throttle):
    device = TOTPDevice.objects.create(user=world.methodist, name="app", confirmed=True)
    sign_in(client, world.methodist)
    district = reverse("participants:district", args=[world.district.code])
    response = client.get(district)
    assert response.status_code == 302 and response.url.startswith(reverse("participants:second-factor-verify"))
    page = client.post(reverse("participants:second-factor-verify"), {"code": "123456", "next": district})
    assert page.status_code == 400 and "Неверный код" in page.content.decode()
    response = client.post(reverse("participants:second-factor-verify"), {"code": code_for(device), "next": district})
    assert response.status_code == 302 and response.url == district
    assert client.get(district).status_code == 200


def test_without_the_code_the_password_cannot_be_changed(client, world):
    """The password alone opens nothing: /accounts/ holds the password change, not only the sign-in pages."""
    TOTPDevice.objects.create(user=world.methodist, name="app", confirmed=True)
    sign_in(client, world.methodist)
    for url in (reverse("password_change"), reverse("password_change_done")):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("participants:second-factor-verify"))
    response = client.post(reverse("password_change"), {"old_password": "pass-word-123",
                                                        "new_password1": "Новый-пароль-2026",
                                                        "new_password2": "Новый-пароль-2026"})
    assert response.status_code == 302 and "second-factor" in response.url
    world.methodist.refresh_from_db()
    assert world.methodist.check_password("pass-word-123")
    assert client.get(reverse("participants:second-factor-verify")).status_code == 200  # its own page is open


def test_a_session_opened_before_the_device_was_added_is_asked_for_the_code(client, world):
    sign_in(client, world.methodist)
    district = reverse("participants:district", args=[world.district.code])
    assert client.get(district).status_code == 200  # no device yet: the session is let through
    TOTPDevice.objects.create(user=world.methodist, name="app", confirmed=True)  # added from another session
    response = client.get(district)
    assert response.status_code == 302 and response.url.startswith(reverse("participants:second-factor-verify"))


def test_the_verify_page_never_sends_elsewhere(client, world):
    device = TOTPDevice.objects.create(user=world.methodist, name="app", confirmed=True)
    sign_in(client, world.methodist)
    response = client.post(reverse("participants:second-factor-verify"),
                           {"code": code_for(device), "next": "https://evil.example/"})
    assert response.url == reverse("participants:home")


@pytest.mark.parametrize("who, must", [("curator", True), ("school_curator", True), ("coordinator", True),
                                       ("methodist", False), ("mentor", False), ("outsider_curator", False)])
def test_a_region_can_require_it_of_its_curators(client, world, who, must):
    world.region.second_factor_for_curators = True
    world.region.save()
    sign_in(client, getattr(world, who))
    response = client.get(reverse("participants:home"))
    if must:
        assert response.status_code == 302 and response.url == reverse("participants:second-factor")
    else:
        assert response.status_code == 200


def test_a_required_second_factor_cannot_be_turned_off(client, world):
    world.region.second_factor_for_curators = True
    world.region.save()
    device = TOTPDevice.objects.create(user=world.curator, name="app", confirmed=True)
    sign_in(client, world.curator)
    client.post(reverse("participants:second-factor-verify"), {"code": code_for(device)})
    page = client.post(reverse("participants:second-factor"), {"code": code_for(device)}, follow=True)
    assert "отключить его нельзя" in page.content.decode()
    assert TOTPDevice.objects.filter(user=world.curator, confirmed=True).exists()


def test_without_it_a_page_costs_no_extra_queries_after_the_first(client, db, django_assert_max_num_queries):
    user = UserFactory()
    sign_in(client, user)
    client.get(reverse("participants:home"))
    with django_assert_max_num_queries(12):
        assert client.get(reverse("participants:my-pairs")).status_code == 200


def test_guessing_codes_is_slowed_down(client, world):
    device = TOTPDevice.objects.create(user=world.methodist, name="app", confirmed=True)
    sign_in(client, world.methodist)
    client.post(reverse("participants:second-factor-verify"), {"code": "000000"})
    page = client.post(reverse("participants:second-factor-verify"), {"code": code_for(device)})
    assert page.status_code == 400 and "подождите" in page.content.decode()
