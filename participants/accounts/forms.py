"""The invitation form: who (e-mail and name), which role, and for a mentor his entry in the school's registry."""

from __future__ import annotations

from django import forms

from participants.models import Category, Membership, Organization, Person, Role


class InviteForm(forms.Form):
    email = forms.EmailField(label="Электронная почта", help_text="На неё придёт ссылка для выбора пароля.")
    last_name = forms.CharField(label="Фамилия", max_length=150)
    first_name = forms.CharField(label="Имя", max_length=150)
    role = forms.ChoiceField(label="Роль")
    position = forms.CharField(label="Должность", max_length=200, required=False)
    person = forms.ModelChoiceField(label="Запись в реестре (для наставника)", queryset=Person.objects.none(),
                                    required=False, help_text="Учётная запись наставника связывается с его записью в "
                                                              "реестре: он увидит свои пары и встречи.")

    def __init__(self, *args, roles: list[str], place, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r, Role(r).label) for r in roles]
        if len(roles) == 1:
            self.fields["role"].initial = roles[0]
        if isinstance(place, Organization) and Role.MENTOR in roles:
            self.fields["person"].queryset = (Person.objects.filter(organization=place, user__isnull=True,
                                                                    anonymised_on__isnull=True)
                                              .exclude(category=Category.STUDENT).in_russian_order())
        else:
            del self.fields["person"]

    def clean(self):
        data = super().clean()
        if data.get("person") and data.get("role") != Role.MENTOR:
            self.add_error("person", "Запись в реестре связывается только с ролью «Наставник».")
        return data


class RoleForm(forms.Form):
    role = forms.ChoiceField(label="Новая роль")

    def __init__(self, *args, roles: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r, Role(r).label) for r in roles]


class AppointmentForm(forms.ModelForm):
    """A curator's line in the base: position, phone, the order that appointed him."""

    class Meta:
        model = Membership
        fields = ["position", "phone", "order_number", "order_date"]
        widgets = {"order_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
