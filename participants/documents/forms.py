from django import forms

from mentoring_portal.lib.uploads.fields import DOCUMENT_HELP, checked_file
from participants.documents.models import Document


class DocumentForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["kind", "title", "number", "date", "approves", "file", "is_sample"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "approves": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"file": DOCUMENT_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.organization_id:  # a school's register is its own: samples come from a district or the region
            del self.fields["is_sample"]

    def clean_file(self):
        return checked_file(self.cleaned_data.get("file"))
