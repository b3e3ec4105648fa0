from django import forms

from mentoring_portal.lib.forms import OwnIds
from roadmaps.visits.models import VisitRequest

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VisitRequestForm(OwnIds, forms.ModelForm):
    id_prefix = "visit"

    class Meta:
        model = VisitRequest
        fields = ["topic", "teachers", "wished_from", "wished_until"]
        widgets = {"wished_from": DATE, "wished_until": DATE}


class AcceptForm(forms.Form):
    """Shown once per request on the district's list: its fields carry the request's prefix."""

    title = forms.CharField(label="Название события", max_length=300)
    starts_at = forms.DateTimeField(label="Начало", widget=forms.DateTimeInput(attrs={"type": "datetime-local"},
                                                                              format="%Y-%m-%dT%H:%M"))
    place = forms.CharField(label="Место", max_length=300, required=False)


class DeclineForm(forms.Form):
    reason = forms.CharField(label="Причина отказа", max_length=400)
