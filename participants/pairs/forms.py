"""Forms of the pairs and the district's forms of mentoring; each validates and normalises, the rules of pairs live
in pairs/services.py."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout, Submit
from django import forms
from django.urls import reverse
from django.utils import timezone

from mentoring_portal.lib.forms import DATE_INPUT, row
from participants.models import Category, Meeting, MentoringForm, Pair, Person, PlanTask


class _Described:
    """A choice of people that tells namesakes apart: «Иванов Иван Петрович — 7Б, 13 лет, обучающийся»."""

    def label_from_instance(self, person) -> str:
        return person.described(timezone.localdate())


class PersonChoiceField(_Described, forms.ModelChoiceField):
    pass


class PeopleChoiceField(_Described, forms.ModelMultipleChoiceField):
    pass


# A searchable picker (Tom Select, static/js/portal.js) over a plain select: without script the select still works.
PICKER = {"data-picker": "", "data-placeholder": "Начните вводить фамилию, класс или категорию"}
# A school with more people than this gets only the chosen ones in the page; the rest are found as one types
# (participants:people-search): the pair form costs the same for 200 or 2,000 people (issue #24).
PICKER_INLINE = 150


class PairForm(forms.ModelForm):
    mentor = PersonChoiceField(label="Наставник", queryset=Person.objects.none(), widget=forms.Select(attrs=PICKER))
    mentees = PeopleChoiceField(label="Наставляемые", queryset=Person.objects.none(),
                                widget=forms.SelectMultiple(attrs=PICKER),
                                help_text="Один наставляемый — пара, несколько — группа.")

    class Meta:
        model = Pair
        fields = ["form", "variant", "mentor", "mentees", "programme", "start_date", "end_date", "order_number",
                  "order_date"]
        widgets = {"start_date": DATE_INPUT, "end_date": DATE_INPUT, "order_date": DATE_INPUT}

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        people = Person.objects.pickable_in(organization).in_russian_order()
        self.fields["mentor"].queryset = people
        self.fields["mentees"].queryset = people
        if people.count() > PICKER_INLINE:
            self._only_chosen(people, reverse("participants:people-search", args=[organization.code]))
        self.fields["form"].queryset = MentoringForm.objects.for_organization(organization)
        self.fields["variant"].queryset = self.fields["variant"].queryset.filter(
            form__in=self.fields["form"].queryset)
        self.fields["programme"].queryset = organization.programmes.all()
        self.helper = FormHelper()
        self.helper.layout = Layout(
            row("form", "variant"), row("mentor", "programme"), "mentees",
            row("start_date", "end_date", size=3), row("order_number", "order_date", size=3),
            Submit("save", "Сохранить"),
        )

    def _only_chosen(self, people, search_url: str) -> None:
        """The selects hold the people already chosen (typed, from a matching suggestion, or the pair's own); the
        picker fetches the others from `search_url` as the user types. Validation still uses the whole scope."""
        for name in ("mentor", "mentees"):
            field = self[name]
            value = field.value()
            chosen = [v for v in (value if isinstance(value, (list, tuple)) else [value]) if str(v or "").isdigit()]
            options = [(person.pk, field.field.label_from_instance(person)) for person in people.filter(pk__in=chosen)]
            self.fields[name].widget.choices = ([("", "---------")] if name == "mentor" else []) + options
            self.fields[name].widget.attrs["data-search-url"] = search_url

    def clean(self):
        cleaned = super().clean()
        variant, form = cleaned.get("variant"), cleaned.get("form")
        if variant and form and variant.form_id != form.pk:
            self.add_error("variant", f"Ролевая модель «{variant}» относится к другой форме наставничества.")
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "Дата окончания раньше даты начала.")
        return cleaned

    def pair_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["mentees"] = list(data["mentees"])
        return data


class FinishForm(forms.Form):
    status = forms.ChoiceField(label="Итог", choices=[("completed", "Завершить"), ("terminated", "Прекратить досрочно")])
    result = forms.CharField(label="Результат", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    reason = forms.CharField(label="Причина досрочного прекращения", required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["kind", "topic", "planned_on", "held_on", "notes"]
        widgets = {"planned_on": DATE_INPUT, "held_on": DATE_INPUT, "notes": forms.Textarea(attrs={"rows": 2})}


class TaskForm(forms.ModelForm):
    class Meta:
        model = PlanTask
        fields = ["title", "due"]
        widgets = {"due": DATE_INPUT}


class DistrictFormForm(forms.Form):
    name = forms.CharField(label="Форма наставничества", max_length=100,
                           widget=forms.TextInput(attrs={"placeholder": "например: «выпускник – ученик»"}))
    is_teacher_form = forms.BooleanField(label="Наставничество педагогов", required=False)
    variants = forms.CharField(label="Ролевые модели", required=False, widget=forms.Textarea(attrs={"rows": 3}),
                               help_text="По одной в строке.")
    mentor_categories = forms.MultipleChoiceField(label="Кто наставник", required=False, choices=Category.choices,
                                                  widget=forms.CheckboxSelectMultiple, help_text="Ничего не отмечено — любой.")
    mentee_categories = forms.MultipleChoiceField(label="Кто наставляемый", required=False, choices=Category.choices,
                                                  widget=forms.CheckboxSelectMultiple, help_text="Ничего не отмечено — любой.")

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())

    def clean_variants(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["variants"].splitlines() if line.strip()]
