from django import forms
from django.db.models import Q

from mentoring_portal.lib.uploads.fields import DOCUMENT_HELP, checked_file
from participants.models import MentoringForm, Organization, Programme, ProgrammeStatus

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SELECT = "form-select form-select-sm"


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["title", "form", "target_group", "goals", "duration", "start_date", "end_date", "file"]
        widgets = {"goals": forms.Textarea(attrs={"rows": 3}), "start_date": DATE, "end_date": DATE}
        help_texts = {"file": DOCUMENT_HELP}

    def __init__(self, *args, district, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form"].queryset = MentoringForm.objects.filter(Q(district=None) | Q(district=district))

    def clean_file(self):
        return checked_file(self.cleaned_data.get("file"))

    def clean(self):
        data = super().clean()
        if data.get("start_date") and data.get("end_date") and data["start_date"] > data["end_date"]:
            self.add_error("end_date", "Окончание раньше начала.")
        return data


class ApproveProgrammeForm(forms.Form):
    order_number = forms.CharField(label="Номер приказа ОО", max_length=50)
    order_date = forms.DateField(label="Дата приказа", widget=DATE)


class ReviewProgrammeForm(forms.Form):
    comment = forms.CharField(label="Заключение экспертизы", widget=forms.Textarea(attrs={"rows": 3}))


class CopyProgrammeForm(forms.Form):
    schools = forms.ModelMultipleChoiceField(label="Организации", queryset=Organization.objects.none(),
                                             widget=forms.CheckboxSelectMultiple,
                                             error_messages={"required": "Отметьте хотя бы одну организацию."})

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["schools"].queryset = schools


class ProgrammeFilter(forms.Form):
    form = forms.ModelChoiceField(label="Форма", queryset=MentoringForm.objects.none(), required=False,
                                  empty_label="все формы", widget=forms.Select(attrs={"class": SELECT}))
    status = forms.ChoiceField(label="Статус", choices=[("", "все статусы"), *ProgrammeStatus.choices], required=False,
                               widget=forms.Select(attrs={"class": SELECT}))

    def __init__(self, *args, district, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form"].queryset = MentoringForm.objects.filter(Q(district=None) | Q(district=district))
