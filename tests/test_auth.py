"""Signing in, out and changing the password, in Russian."""

from django.urls import reverse

from tests.factories import UserFactory


def test_it_shows_the_login_page_in_russian(client, db):
    content = client.get(reverse("login")).content.decode()
    assert "Вход в портал" in content and "Пароль" in content


def test_it_explains_a_wrong_password(client, db):
    UserFactory(username="ivanova")
    response = client.post(reverse("login"), {"username": "ivanova", "password": "wrong"})
    assert "Неверное имя пользователя или пароль" in response.content.decode()


def test_it_signs_in_and_lands_on_the_home_page(client, db):
    UserFactory(username="ivanova")
    response = client.post(reverse("login"), {"username": "ivanova", "password": "pass-word-123"})
    assert response.status_code == 302 and response.url == reverse("participants:home")


def test_it_signs_out_with_a_post(client, db):
    client.force_login(UserFactory())
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("participants:home")).status_code == 302


def test_it_changes_the_password(client, db):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("password_change"),
        {"old_password": "pass-word-123", "new_password1": "Наставник-2024!", "new_password2": "Наставник-2024!"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Наставник-2024!")
    assert "Пароль изменён" in client.get(response.url).content.decode()


def test_the_admin_lists_every_registered_model_for_a_superuser(client, db):
    from django.contrib import admin
    from django.urls import reverse

    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert client.get(url).status_code == 200, url


def test_repeated_wrong_passwords_lock_the_user_out_even_with_the_right_one_after(client, db, settings):
    UserFactory(username="ivanova")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "ivanova", "password": "guess"})
    response = client.post(reverse("login"), {"username": "ivanova", "password": "pass-word-123"})
    assert response.status_code == 429 and "Вход временно закрыт" in response.content.decode()
    assert client.get(reverse("participants:home")).status_code == 302


def test_one_address_guessing_many_names_is_locked_out(client, db, settings):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 15  # a hundred in production
    UserFactory(username="petrova")
    for n in range(settings.AXES_ADDRESS_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": f"user{n}", "password": "guess"})
    response = client.post(reverse("login"), {"username": "petrova", "password": "pass-word-123"})
    assert response.status_code == 429


def test_a_lock_out_passes_after_the_cool_off(client, db, settings):
    from axes.models import AccessAttempt

    UserFactory(username="ivanova")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "ivanova", "password": "guess"})
    AccessAttempt.objects.all().delete()  # what `manage.py axes_reset` does, and what the cool-off leads to
    response = client.post(reverse("login"), {"username": "ivanova", "password": "pass-word-123"})
    assert response.status_code == 302


def test_a_user_who_forgot_the_password_gets_a_link_by_mail_and_signs_in_with_a_new_one(client, db, mailoutbox):
    """Issue #23: the log-in page had no «Забыли пароль?», and /accounts/password_reset/ was Django's admin page."""
    import re

    UserFactory(username="ivanova@school.ru", email="ivanova@school.ru")
    login = client.get(reverse("login")).content.decode()
    assert "Забыли пароль?" in login and reverse("password_reset") in login
    form = client.get(reverse("password_reset")).content.decode()
    assert "Восстановление пароля" in form and "Администрирование Django" not in form
    done = client.post(reverse("password_reset"), {"email": "ivanova@school.ru"}, follow=True).content.decode()
    assert "Проверьте почту" in done and "Администрирование Django" not in done
    assert len(mailoutbox) == 1 and mailoutbox[0].subject == "Портал наставничества: новый пароль"
    link = re.search(r"http://testserver(/accounts/reset/\S+)", mailoutbox[0].body).group(1)
    page = client.get(link, follow=True)
    assert "Новый пароль" in page.content.decode()
    complete = client.post(page.redirect_chain[-1][0], {"new_password1": "Наставник-2025!",
                                                        "new_password2": "Наставник-2025!"}, follow=True)
    assert "Пароль изменён" in complete.content.decode()
    assert client.post(reverse("login"), {"username": "ivanova@school.ru", "password": "Наставник-2025!"}).status_code == 302
    again = client.get(link, follow=True).content.decode()
    assert "Ссылка больше не действует" in again  # one-time


def test_an_unknown_address_is_told_the_same_and_gets_no_mail(client, db, mailoutbox):
    done = client.post(reverse("password_reset"), {"email": "nobody@school.ru"}, follow=True).content.decode()
    assert "Проверьте почту" in done and mailoutbox == []


def test_a_stale_form_is_explained_in_russian_not_by_djangos_english_page(db):
    """Issue #23: the CSRF failure page was Django's bare English page, even with DEBUG=0."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory())
    client.get(reverse("participants:home"))  # the CSRF cookie is set; the form's token is missing
    response = client.post(reverse("password_change"), {"old_password": "x"})
    content = response.content.decode()
    assert response.status_code == 403 and "Форма не отправлена: страница устарела" in content
    assert "CSRF verification failed" not in content and "Forbidden" not in content
    fresh = Client(enforce_csrf_checks=True).post(reverse("login"), {"username": "a", "password": "b"})
    assert fresh.status_code == 403 and "cookie" in fresh.content.decode()  # no cookie at all: said so
