from django import forms
from django.db.models import Q

from mentoring_portal.lib.uploads.fields import DOCUMENT_HELP, checked_file
from participants.models import District, Membership, Pair, Person, Practice, PracticeStatus, Role
from roadmaps.contests.models import Application, Contest

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ContestForm(forms.ModelForm):
    nominations = forms.CharField(label="Номинации", widget=forms.Textarea(attrs={"rows": 3}), required=False,
                                  help_text="По одной в строке.")

    class Meta:
        model = Contest
        fields = ["title", "year", "description", "applications_until", "judging_until", "criteria", "jury", "rules"]
        widgets = {"applications_until": DATE, "judging_until": DATE, "description": forms.Textarea(attrs={"rows": 3}),
                   "criteria": forms.Textarea(attrs={"rows": 4}), "jury": forms.CheckboxSelectMultiple}
        help_texts = {"rules": DOCUMENT_HELP}

    def __init__(self, *args, place, **kwargs):
        super().__init__(*args, **kwargs)
        if isinstance(place, District):
            reviewers = Membership.objects.filter(district=place, role__in=[Role.DISTRICT_EXPERT, Role.DISTRICT_CURATOR])
        else:  # the region's coordinators and the experts of its districts
            reviewers = Membership.objects.filter(Q(region=place, role=Role.REGIONAL_COORDINATOR) | Q(
                district__region=place, role=Role.DISTRICT_EXPERT))
        self.fields["jury"].queryset = self.fields["jury"].queryset.filter(
            pk__in=reviewers.values("user_id")).order_by("last_name", "first_name")
        self.fields["jury"].label_from_instance = lambda u: f"{u.last_name} {u.first_name}".strip() or u.username
        if self.instance.pk:
            self.fields["nominations"].initial = "\n".join(n.name for n in self.instance.nominations.all())

    def clean_rules(self):
        return checked_file(self.cleaned_data.get("rules"))

    def clean_nominations(self):
        names = [line.strip() for line in self.cleaned_data["nominations"].splitlines() if line.strip()]
        if not names:
            raise forms.ValidationError("Нужна хотя бы одна номинация.")
        return names

    def clean(self):
        data = super().clean()
        if data.get("applications_until") and data.get("judging_until") and \
                data["judging_until"] < data["applications_until"]:
            self.add_error("judging_until", "Оценивание не может кончиться раньше приёма заявок.")
        return data


class ApplicationForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = ["nomination", "title", "pair", "mentor", "practice", "file"]
        help_texts = {"file": DOCUMENT_HELP}

    def __init__(self, *args, contest, organization, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nomination"].queryset = contest.nominations.all()
        self.fields["pair"].queryset = Pair.objects.visible_to(user).filter(organization=organization).live(
        ).select_related("mentor", "form")
        self.fields["pair"].label_from_instance = lambda p: f"{p.mentor.full_name} · {p.form}"
        self.fields["mentor"].queryset = Person.objects.filter(organization=organization, mentor_profile__isnull=False
                                                               ).in_russian_order()
        self.fields["practice"].queryset = Practice.objects.filter(
            Q(organization=organization), Q(status=PracticeStatus.PUBLISHED))

    def clean_file(self):
        return checked_file(self.cleaned_data.get("file"))


class ScoreForm(forms.Form):
    def __init__(self, *args, criteria: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        for index, name in enumerate(criteria):
            self.fields[f"c{index}"] = forms.IntegerField(label=name, min_value=0, max_value=10)

    def points(self) -> list[int]:
        return [self.cleaned_data[f"c{i}"] for i in range(len(self.fields))]
