"""Setting up the second factor, entering its code after the password, turning it off."""

from base64 import b32encode, b64encode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from participants.second_factor.middleware import SESSION_KEY, not_needed
from participants.second_factor.policy import required_for


class CodeForm(forms.Form):
    code = forms.RegexField(label="Код из приложения", regex=r"^\s*\d{6}\s*$", max_length=8,
                            error_messages={"invalid": "Код — шесть цифр из приложения-аутентификатора."},
                            widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric",
                                                          "autofocus": True}))

    def clean_code(self) -> str:
        return self.cleaned_data["code"].strip()


def _qr_data_uri(url: str) -> str:
    import qrcode
    import qrcode.image.svg

    svg = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage).to_string(encoding="unicode")
    return "data:image/svg+xml;base64," + b64encode(svg.encode()).decode()


def _verified(request, device) -> None:
    otp_login(request, device)
    request.session[SESSION_KEY] = "verified"


@login_required
@require_http_methods(["GET", "POST"])
def setup(request):
    confirmed = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    required = required_for(request.user)
    form = CodeForm(request.POST or None)
    if confirmed:
        if request.method == "POST" and form.is_valid():
            if required:
                messages.error(request, "Ваш регион требует второй фактор у кураторов: отключить его нельзя.")
            elif confirmed.verify_token(form.cleaned_data["code"]):
                TOTPDevice.objects.filter(user=request.user).delete()
                request.session[SESSION_KEY] = not_needed(request.user)
                messages.success(request, "Второй фактор отключён: вход снова только по паролю.")
                return redirect("participants:home")
            else:
                form.add_error("code", "Неверный код: проверьте время на телефоне и введите новый код.")
        return render(request, "participants/second_factor_setup.html",
                      {"confirmed": True, "required": required, "form": form})
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first() or TOTPDevice.objects.create(
        user=request.user, name="Приложение-аутентификатор", confirmed=False)
    if request.method == "POST" and form.is_valid():
        if not device.verify_is_allowed()[0]:
            form.add_error("code", "Слишком много неверных кодов: подождите минуту и попробуйте снова.")
        elif device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            _verified(request, device)
            messages.success(request, "Второй фактор включён: при входе портал спросит код из приложения.")
            return redirect("participants:home")
        else:
            form.add_error("code", "Неверный код: проверьте время на телефоне и введите новый код.")
    return render(request, "participants/second_factor_setup.html", {
        "confirmed": False, "required": required, "form": form, "qr": _qr_data_uri(device.config_url),
        "secret": b32encode(device.bin_key).decode(),
    }, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def verify(request):
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = ""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in TOTPDevice.objects.filter(user=request.user, confirmed=True):
            allowed, _ = device.verify_is_allowed()
            if not allowed:
                form.add_error("code", "Слишком много неверных кодов: подождите минуту и попробуйте снова.")
                break
            if device.verify_token(form.cleaned_data["code"]):
                _verified(request, device)
                return redirect(next_url or "participants:home")
        else:
            form.add_error("code", "Неверный код: проверьте время на телефоне и введите новый код.")
    return render(request, "participants/second_factor_verify.html", {"form": form, "next": next_url},
                  status=400 if form.errors else 200)
