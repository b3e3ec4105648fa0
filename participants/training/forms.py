from django import forms
from django.utils import timezone

from mentoring_portal.lib.forms import OwnIds
from mentoring_portal.lib.uploads.fields import DOCUMENT_HELP, checked_file
from participants.models import Category, Person, TrainingRecord, TrainingTopic

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TrainingForm(forms.ModelForm):
    class Meta:
        model = TrainingRecord
        fields = ["person", "programme", "topic", "provider", "hours", "start_date", "end_date", "certificate_number",
                  "certificate"]
        widgets = {"start_date": DATE, "end_date": DATE}
        help_texts = {"certificate": DOCUMENT_HELP}

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(
            organization=organization, anonymised_on__isnull=True).exclude(category=Category.STUDENT).in_russian_order()

    def clean_certificate(self):
        return checked_file(self.cleaned_data.get("certificate"))

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and start > end:
            self.add_error("end_date", "Окончание раньше начала.")
        if end and end > timezone.localdate():
            self.add_error("end_date", "Вносят пройденное обучение: окончание не может быть в будущем.")
        return data


class TrainingImportForm(OwnIds, forms.Form):
    id_prefix = "import"
    file = forms.FileField(label="Файл Excel по шаблону")
    topic = forms.ChoiceField(label="Направление обучения", choices=TrainingTopic.choices)
