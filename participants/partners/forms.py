from django import forms

from mentoring_portal.lib.uploads.fields import DOCUMENT_HELP, checked_file
from participants.models import Partner, PartnerOffer

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PartnerForm(forms.ModelForm):
    """A school's partner; the district's (`with_schools`) also says which schools work with it."""

    offers = forms.MultipleChoiceField(label="Что даёт", choices=PartnerOffer.choices, required=False,
                                       widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Partner
        fields = ["name", "agreement_number", "agreement_date", "agreement_end", "agreement_file", "contact", "offers",
                  "schools"]
        widgets = {"agreement_date": DATE, "agreement_end": DATE, "schools": forms.CheckboxSelectMultiple}
        help_texts = {"agreement_file": DOCUMENT_HELP}

    def __init__(self, *args, schools=None, **kwargs):
        super().__init__(*args, **kwargs)
        if schools is None:
            del self.fields["schools"]
        else:
            self.fields["schools"].queryset = schools
            self.fields["schools"].required = False

    def clean_agreement_file(self):
        return checked_file(self.cleaned_data.get("agreement_file"))

    def clean(self):
        data = super().clean()
        start, end = data.get("agreement_date"), data.get("agreement_end")
        if start and end and end < start:
            self.add_error("agreement_end", "Срок действия кончается раньше даты соглашения.")
        return data


