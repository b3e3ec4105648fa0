from django.contrib.auth.forms import AuthenticationForm


class PortalAuthenticationForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Неверное имя пользователя или пароль. Проверьте раскладку клавиатуры.",
        "inactive": "Эта учётная запись отключена. Обратитесь к администратору портала.",
    }
