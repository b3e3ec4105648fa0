"""The open form (its fields follow the audience) and the curator's form that makes a link."""

from __future__ import annotations

from django import forms

from participants.models import Category
from participants.recruitment.models import Audience, RecruitmentForm, Wish
from participants.recruitment.rules import AUDIENCES


class RecruitmentFormForm(forms.ModelForm):
    class Meta:
        model = RecruitmentForm
        fields = ["audience", "title"]


class CandidateForm(forms.Form):
    """What the open link asks. `website` is a trap for robots: hidden from people, a robot fills it in."""

    wish = forms.ChoiceField(label="Я хочу", widget=forms.RadioSelect)
    last_name = forms.CharField(label="Фамилия", max_length=100)
    first_name = forms.CharField(label="Имя", max_length=100)
    patronymic = forms.CharField(label="Отчество", max_length=100, required=False)
    birth_date = forms.DateField(label="Дата рождения", required=False,
                                 widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    grade = forms.CharField(label="Класс", max_length=20, required=False, help_text="Например: 8Б")
    position = forms.CharField(label="Должность", max_length=200, required=False)
    phone = forms.CharField(label="Телефон", max_length=50, required=False)
    email = forms.EmailField(label="Электронная почта", required=False)
    about = forms.CharField(label="Чем можете помочь / какая помощь нужна", max_length=2000,
                            widget=forms.Textarea(attrs={"rows": 3}))
    consent_by = forms.CharField(label="ФИО родителя (законного представителя)", max_length=200, required=False)
    consent = forms.BooleanField(label="Даю согласие на обработку персональных данных", required=False)
    website = forms.CharField(label="Сайт (не заполняйте)", required=False,
                              widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))

    def __init__(self, *args, audience: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.audience = audience
        category, wishes, _ = AUDIENCES[audience]
        self.fields["wish"].choices = [(w, Wish(w).label) for w in wishes]
        if len(wishes) == 1:
            self.fields["wish"].initial = wishes[0]
            self.fields["wish"].widget = forms.HiddenInput()
        if category != Category.STUDENT:
            del self.fields["grade"]
        else:
            del self.fields["position"]
            self.fields["birth_date"].required = True
        if audience == Audience.PARENTS:
            for name, label in (("last_name", "Фамилия ребёнка"), ("first_name", "Имя ребёнка"),
                                ("patronymic", "Отчество ребёнка"), ("birth_date", "Дата рождения ребёнка"),
                                ("phone", "Ваш телефон"), ("email", "Ваша электронная почта")):
                self.fields[name].label = label
            self.fields["consent"].label = ("Я — родитель (законный представитель) и даю согласие на обработку "
                                            "персональных данных ребёнка")
        elif audience == Audience.CLASS:
            self.fields["consent_by"].help_text = "С 14 до 18 лет согласие даётся с согласия родителя."
            self.fields["consent"].label = "Даю согласие на обработку персональных данных, мой родитель согласен"
        else:
            del self.fields["consent_by"]
