from django import forms
from django.db.models import Q

from mentoring_portal.lib.collation import search_text
from mentoring_portal.lib.uploads.fields import DOCUMENT_HELP, checked_file
from participants.models import MentoringForm, Pair, Practice, PracticeLevel

SELECT = "form-select form-select-sm"


class PracticeForm(forms.ModelForm):
    class Meta:
        model = Practice
        fields = ["title", "form", "level", "description", "results", "programme", "pairs", "file"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}), "results": forms.Textarea(attrs={"rows": 3}),
                   "pairs": forms.SelectMultiple(attrs={"size": 6})}
        help_texts = {"file": DOCUMENT_HELP}

    def __init__(self, *args, organization, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form"].queryset = MentoringForm.objects.filter(Q(district=None) | Q(district=organization.district_id))
        self.fields["programme"].queryset = organization.programmes.all()
        self.fields["pairs"].queryset = Pair.objects.visible_to(user).filter(organization=organization).select_related(
            "mentor", "form")
        self.fields["pairs"].required = False

    def clean_file(self):
        return checked_file(self.cleaned_data.get("file"))


class ReviewPracticeForm(forms.Form):
    comment = forms.CharField(label="Комментарий", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class BankSearch(forms.Form):
    q = forms.CharField(label="Слова", required=False,
                        widget=forms.TextInput(attrs={"class": "form-control form-control-sm", "type": "search",
                                                      "placeholder": "Слова из названия, описания, результатов"}))
    form = forms.ModelChoiceField(label="Форма", queryset=MentoringForm.objects.none(), required=False,
                                  empty_label="все формы", widget=forms.Select(attrs={"class": SELECT}))
    level = forms.ChoiceField(label="Уровень", choices=[("", "все уровни"), *PracticeLevel.choices], required=False,
                              widget=forms.Select(attrs={"class": SELECT}))

    def __init__(self, *args, district_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form"].queryset = MentoringForm.objects.filter(Q(district=None) | Q(district=district_id))

    def filter(self, practices):
        if not self.is_valid():
            return practices
        data = self.cleaned_data
        for word in search_text(data["q"]).split():
            practices = practices.filter(search__contains=word)
        if data["form"]:
            practices = practices.filter(form=data["form"])
        if data["level"]:
            practices = practices.filter(level=data["level"])
        return practices
