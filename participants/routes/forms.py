from django import forms

from mentoring_portal.lib.forms import OwnIds
from participants.models import Category, Person
from participants.routes.models import Deficit, Diagnostic, RouteStep

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def teachers_of(organization):
    return Person.objects.filter(organization=organization, category=Category.TEACHER,
                                 anonymised_on__isnull=True).in_russian_order()


class DeficitForm(OwnIds, forms.ModelForm):
    id_prefix = "deficit"

    class Meta:
        model = Deficit
        fields = ["person", "competence", "description", "diagnostic", "found_on", "result", "unacceptable"]
        widgets = {"found_on": DATE}

    def __init__(self, *args, organization, person=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = teachers_of(organization)
        if person is not None:
            self.fields["person"].initial = person.pk


class StepForm(OwnIds, forms.ModelForm):
    id_prefix = "step"

    class Meta:
        model = RouteStep
        fields = ["kind", "title", "due_on", "deficit"]
        widgets = {"due_on": DATE}

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deficit"].queryset = person.deficits.filter(closed_on__isnull=True)
        self.fields["deficit"].empty_label = "— общий шаг маршрута —"


class CloseForm(forms.Form):
    """Shown once per open deficit on the route's page: its fields carry the deficit's prefix (`d<pk>`)."""

    closed_on = forms.DateField(label="Ликвидирован", widget=DATE)
    closed_how = forms.CharField(label="Чем подтверждено", max_length=300)


class DeficitImportForm(OwnIds, forms.Form):
    id_prefix = "import"
    file = forms.FileField(label="Файл Excel по шаблону")
    diagnostic = forms.ChoiceField(label="Диагностика", choices=Diagnostic.choices)
