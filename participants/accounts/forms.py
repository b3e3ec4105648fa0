"""The invitation form: who (e-mail and name), which role where (a district's page invites to the district or to any of
its schools), and for a mentor his entry in the school's registry."""

from __future__ import annotations

from django import forms

from participants.models import Category, Membership, Organization, Person, Role


class InviteForm(forms.Form):
    email = forms.EmailField(label="Электронная почта", help_text="На неё придёт ссылка для выбора пароля.")
    last_name = forms.CharField(label="Фамилия", max_length=150)
    first_name = forms.CharField(label="Имя", max_length=150)
    role = forms.ChoiceField(label="Роль")
    where = forms.ChoiceField(label="Где работает", required=False,
                              help_text="Роль школы (куратор ОО, наставник) даётся в школе.")
    position = forms.CharField(label="Должность", max_length=200, required=False)
    person = forms.ModelChoiceField(label="Запись в реестре (для наставника)", queryset=Person.objects.none(),
                                    required=False, help_text="Учётная запись наставника связывается с его записью в "
                                                              "реестре: он увидит свои пары и встречи.")

    def __init__(self, *args, roles_at: dict, place, **kwargs):
        """`roles_at`: each place the user may invite to from this page (the page's own first) → its roles."""
        super().__init__(*args, **kwargs)
        self.roles_at = {place_key(p): (p, roles) for p, roles in roles_at.items() if roles}
        roles = [r for r in Role.values if any(r in rs for _, rs in self.roles_at.values())]
        self.fields["role"].choices = [(r, Role(r).label) for r in roles]
        if len(roles) == 1:
            self.fields["role"].initial = roles[0]
        self.fields["where"].choices = [(key, str(p)) for key, (p, _) in self.roles_at.items()]
        self.fields["where"].initial = self.page_place = place_key(place)
        if len(self.roles_at) == 1:
            self.fields["where"].widget = forms.HiddenInput()
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
        data["where"] = data.get("where") or self.page_place  # unsaid: the page's own place
        chosen = self.roles_at.get(data["where"])
        if chosen and data.get("role") and data["role"] not in chosen[1]:
            self.add_error("where", f"Роль «{Role(data['role']).label}» здесь не даётся: выберите "
                                    f"{'школу' if data['role'] in (Role.SCHOOL_CURATOR, Role.MENTOR) else 'место'}, "
                                    "где человек будет работать.")
        return data

    @property
    def place(self):
        return self.roles_at[self.cleaned_data["where"]][0]

    def invitation(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "where"}


def place_key(place) -> str:
    return f"{type(place).__name__.lower()}:{place.pk}"


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
