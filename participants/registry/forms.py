"""Forms of the registry: a person, a consent, a mentor's profile, a mentee's request."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout, Submit
from django import forms

from mentoring_portal.lib.forms import DATE_INPUT, OwnIds, row
from participants.models import (
    Consent,
    ConsentGiver,
    MenteeRequest,
    MentorProfile,
    Person,
)


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["last_name", "first_name", "patronymic", "category", "grade", "birth_date", "teaching_since",
                  "position", "partner", "phone", "email"]
        widgets = {"birth_date": DATE_INPUT, "teaching_since": DATE_INPUT}

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organization = organization
        self.fields["partner"].queryset = organization.partners.all()
        self.helper = FormHelper()
        self.helper.layout = Layout(
            row("last_name", "first_name", "patronymic", size=4),
            row("category", "grade", "birth_date", size=4),
            row("position", "teaching_since", "partner", size=4),
            row("phone", "email"),
            Submit("save", "Сохранить"),
        )

    def clean(self):
        cleaned = super().clean()
        for name in ("last_name", "first_name", "patronymic"):
            if cleaned.get(name):
                cleaned[name] = " ".join(cleaned[name].split())
        if cleaned.get("teaching_since") and cleaned.get("category") != "teacher":
            self.add_error("teaching_since", "Начало педагогической деятельности указывается только для педагогов.")
        return cleaned


class ConsentForm(forms.ModelForm):
    """Who gave it comes first: for a child the form starts on the parent (legal representative)."""

    class Meta:
        model = Consent
        fields = ["giver", "given_by", "given_on", "document"]
        widgets = {"given_on": DATE_INPUT, "giver": forms.RadioSelect}
        labels = {"given_by": "ФИО подписавшего"}
        help_texts = {"given_by": "За ребёнка — ФИО родителя (законного представителя); если согласие дал сам "
                                  "участник, можно не заполнять."}

    def __init__(self, *args, person=None, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["given_by"].required = False
        if person is not None and not self.is_bound:
            self.initial.setdefault("giver", ConsentGiver.REPRESENTATIVE if person.is_minor(today)
                                    else ConsentGiver.SELF)


class MentorProfileForm(forms.ModelForm):
    class Meta:
        model = MentorProfile
        fields = ["competencies", "achievements", "interests", "preferred_age_min", "preferred_age_max",
                  "preferred_format", "max_mentees", "public_name_consent"]
        widgets = {f: forms.Textarea(attrs={"rows": 2}) for f in ("competencies", "achievements", "interests")}

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("preferred_age_min"), cleaned.get("preferred_age_max")
        if low is not None and high is not None and low > high:
            self.add_error("preferred_age_max", "Верхняя граница возраста меньше нижней.")
        if cleaned.get("max_mentees") == 0:
            self.add_error("max_mentees", "Наставник ведёт хотя бы одного наставляемого.")
        return cleaned


class MenteeRequestForm(OwnIds, forms.ModelForm):
    id_prefix = "request"
    class Meta:
        model = MenteeRequest
        fields = ["help_wanted", "interests"]
        widgets = {"help_wanted": forms.Textarea(attrs={"rows": 2}), "interests": forms.Textarea(attrs={"rows": 2})}
