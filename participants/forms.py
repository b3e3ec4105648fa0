from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms

from participants.models import HeadCount


class HeadCountForm(forms.ModelForm):
    class Meta:
        model = HeadCount
        fields = ["school_year", "students", "teachers", "young_teachers", "additional_students"]
        help_texts = {"school_year": "Например, 2024 для 2024–2025 учебного года."}

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organization = organization
        if self.instance.pk:
            self.fields["school_year"].disabled = True
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field("school_year"),
            Div(Div("students", css_class="col-md-6"), Div("additional_students", css_class="col-md-6"), css_class="row"),
            Div(Div("teachers", css_class="col-md-6"), Div("young_teachers", css_class="col-md-6"), css_class="row"),
            Submit("save", "Сохранить"),
        )

    def clean_school_year(self) -> int:
        year = self.cleaned_data["school_year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError("Укажите год начала учебного года, например 2024.")
        duplicate = HeadCount.objects.filter(organization=self.instance.organization, school_year=year)
        if duplicate.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("Контингент на этот учебный год уже внесён — измените существующую запись.")
        return year
