from django import forms

from mentoring_portal.lib.uploads.fields import DOCUMENT_HELP, checked_file
from participants.models import Organization
from roadmaps.events.models import Event
from roadmaps.events.services import INVITED, SCHOOL_ONLY
from roadmaps.models import Item


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ["title", "kind", "starts_at", "place", "online_link", "audience", "schools", "programme", "organizer",
                  "item", "materials"]
        widgets = {"starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
                   "programme": forms.Textarea(attrs={"rows": 3}), "schools": forms.CheckboxSelectMultiple}
        help_texts = {"materials": DOCUMENT_HELP,
                      "item": "Когда событие проведено, срок этого мероприятия отмечается выполненным, а протокол "
                              "прикладывается как подтверждение."}

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        kind = "district" if not isinstance(owner, Organization) else "organization"
        self.fields["item"].queryset = Item.objects.alive().filter(**{f"roadmap__{kind}": owner}).select_related(
            "roadmap").order_by("roadmap__period_start", "position")
        self.fields["item"].label_from_instance = lambda item: f"{item.roadmap.period_label}: {item.name[:120]}"
        if kind == "district":
            self.fields["schools"].queryset = Organization.objects.filter(district=owner).in_russian_order()
            self.fields["schools"].required = False
        else:
            del self.fields["schools"]

    def clean_materials(self):
        return checked_file(self.cleaned_data.get("materials"))


class InviteForm(forms.Form):
    groups = forms.MultipleChoiceField(label="Кого пригласить", choices=list(INVITED.items()),
                                       widget=forms.CheckboxSelectMultiple,
                                       error_messages={"required": "Отметьте, кого пригласить."})
    grades = forms.CharField(label="Классы (для обучающихся)", required=False, max_length=200,
                             help_text="Через запятую: 5А, 5Б — или 5 (все пятые)")

    def __init__(self, *args, school_event: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not school_event:  # children and parents come to a school's own events (services.SCHOOL_ONLY)
            self.fields["groups"].choices = [(k, v) for k, v in INVITED.items() if k not in SCHOOL_ONLY]
            del self.fields["grades"]


class HeldForm(forms.Form):
    held_on = forms.DateField(label="Дата проведения", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    protocol = forms.FileField(label="Протокол", required=False, help_text=DOCUMENT_HELP)

    def clean_protocol(self):
        return checked_file(self.cleaned_data.get("protocol"))


class SignInSheetForm(forms.Form):
    file = forms.FileField(label="Лист подписей (Excel, столбец «ФИО»)")


