import re

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Layout, Submit
from django import forms
from django.conf import settings
from django.urls import reverse

from mentoring_portal.lib.forms import DATE_INPUT, OwnIds
from mentoring_portal.lib.uploads.fields import DOCUMENT_HELP, checked_file
from participants.models import Document, DocumentKind
from roadmaps.deadlines import parse_deadline
from roadmaps.models import Evidence, Item, Roadmap, Section
from roadmaps.occurrences import parse_manual_windows


class RoadmapForm(forms.ModelForm):
    class Meta:
        model = Roadmap
        fields = ["title", "period_start", "period_end", "approval_kind", "approval_number", "approval_date", "goal",
                  "tasks"]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "period_start": DATE_INPUT, "period_end": DATE_INPUT, "approval_date": DATE_INPUT,
            "goal": forms.Textarea(attrs={"rows": 3}), "tasks": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "title",
            Div(Div("period_start", css_class="col-md-6"), Div("period_end", css_class="col-md-6"), css_class="row"),
            Div(Div("approval_kind", css_class="col-md-6"), Div("approval_number", css_class="col-md-3"),
                Div("approval_date", css_class="col-md-3"), css_class="row"),
            "goal", "tasks",
            Submit("save", "Сохранить"),
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", "Конец периода раньше его начала.")
        return cleaned


UNDERSTOOD = ('<div class="form-text deadline-understood" aria-live="polite">'
              '{% include "roadmaps/deadline_understood.html" with understood=form.understood %}</div>')


def understood_deadline(text: str, roadmap: Roadmap) -> str:
    """What the portal reads in a deadline as typed («до 31.10.2021», «срок не распознан»)."""
    return parse_deadline(text, roadmap.period).describe()


class ItemForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Item
        fields = ["name", "activity", "deadline_text", "responsible", "result", "indicator", "audience", "status",
                  "completion_note", "document"]
        widgets = {
            "name": forms.Textarea(attrs={"rows": 3, "autofocus": True}),
            "activity": forms.Textarea(attrs={"rows": 1}),
            "responsible": forms.Textarea(attrs={"rows": 2}),
            "result": forms.Textarea(attrs={"rows": 2}),
            "indicator": forms.Textarea(attrs={"rows": 2}),
            "audience": forms.Textarea(attrs={"rows": 1}),
            "completion_note": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"deadline_text": "Как в документе: «Октябрь 2021г», «Май 2022,2023,2024», «В течение года»."}

    def __init__(self, *args, roadmap, progress_only: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = Document.objects.of(roadmap.owner)
        self.fields["document"].empty_label = "— нет —"
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
        self.fields["name"].error_messages["required"] = "Укажите наименование мероприятия."
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.progress_only = progress_only
        if progress_only:  # an approved plan: what the item is stays, how it is being done is marked
            for name in set(self.Meta.fields) - {"status", "completion_note", "document"}:
                del self.fields[name]
            self.fields["status"].widget.attrs["autofocus"] = True
            self.helper.layout = Layout(Div(Div("status", css_class="col-md-4"),
                                            Div("completion_note", css_class="col-md-8"), css_class="row"),
                                        "document", "version")
            return
        self.roadmap = roadmap
        # How the portal reads the deadline, said under the field and again as one types (as the import's preview).
        self.fields["deadline_text"].widget.attrs.update({
            "hx-get": reverse("roadmaps:deadline-understood", args=[roadmap.pk]),
            "hx-trigger": "input changed delay:300ms", "hx-target": "next .deadline-understood",
            "hx-swap": "innerHTML", "hx-sync": "this:replace",
        })
        self.helper.layout = Layout(
            "name",
            Div(Div("deadline_text", HTML(UNDERSTOOD), css_class="col-md-4"), Div("responsible", css_class="col-md-4"),
                Div("status", css_class="col-md-4"), css_class="row"),
            Div(Div("result", css_class="col-md-6"), Div("indicator", css_class="col-md-6"), css_class="row"),
            Div(Div("activity", css_class="col-md-6"), Div("audience", css_class="col-md-6"), css_class="row"),
            Div(Div("completion_note", css_class="col-md-6"), Div("document", css_class="col-md-6"), css_class="row"),
            "version",
        )

    @property
    def understood(self) -> str:
        text = self["deadline_text"].value() or ""
        return understood_deadline(text, self.roadmap) if text.strip() else ""

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError("Укажите наименование мероприятия.")
        return name

    def item_data(self) -> dict:
        return {f: self.cleaned_data[f] for f in self.Meta.fields if f in self.fields}


# «4. », «IV. », «Раздел 4», «Раздел IV.» at the start of a typed section title (a year, «2023 год», is not one).
SECTION_NUMBER = re.compile(r"^\s*(?:раздел\s+(?:\d{1,2}|[IVXLC]{1,6})[.)]?|(?:\d{1,2}|[IVXLC]{1,6})[.)])\s*", re.I)


class SectionForm(forms.ModelForm):
    class Meta:
        model = Section
        fields = ["title"]
        widgets = {"title": forms.Textarea(attrs={"rows": 2, "autofocus": True})}

    def clean_title(self) -> str:
        # Sections are numbered by the portal: a typed «4.» or «Раздел IV.» would read «4. 4. …».
        title = SECTION_NUMBER.sub("", self.cleaned_data["title"]).strip()
        if not title:
            raise forms.ValidationError("Укажите название раздела.")
        return title


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Файл дорожной карты",
        help_text="Документ Word (.docx), книга Excel (.xlsx) или текст с табуляциями (.txt, .tsv) "
                  f"до {settings.MAX_UPLOAD_MB} МБ.",
    )
    period_start = forms.DateField(label="Начало периода", required=False, widget=DATE_INPUT,
                                   help_text="Если период не указан в названии документа.")
    period_end = forms.DateField(label="Конец периода", required=False, widget=DATE_INPUT)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # The type is decided by content in parse_file (mentoring_portal/lib/uploads); only the size is known here.
        if upload.size > settings.MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(f"Файл больше {settings.MAX_UPLOAD_MB} МБ.")
        return upload

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if bool(start) != bool(end):
            raise forms.ValidationError("Укажите и начало, и конец периода — или оставьте оба поля пустыми.")
        if start and end and start > end:
            raise forms.ValidationError("Конец периода раньше его начала.")
        return cleaned

    @property
    def period(self):
        start, end = self.cleaned_data.get("period_start"), self.cleaned_data.get("period_end")
        return (start, end) if start and end else None


class ReturnForm(OwnIds, forms.Form):
    id_prefix = "return"
    comment = forms.CharField(label="Что нужно доработать", widget=forms.Textarea(attrs={"rows": 3}))


class ApproveForm(forms.Form):
    comment = forms.CharField(label="Комментарий (необязательно)", required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))


class CommentForm(forms.Form):
    text = forms.CharField(label="Комментарий", widget=forms.Textarea(attrs={"rows": 2}))


class EvidenceForm(forms.ModelForm):
    url = forms.URLField(label="Ссылка", required=False, max_length=1000, assume_scheme="https")

    class Meta:
        model = Evidence
        fields = ["title", "file", "url"]
        help_texts = {"file": DOCUMENT_HELP}

    def clean_file(self):
        return checked_file(self.cleaned_data.get("file"))

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("file") and not cleaned.get("url"):
            raise forms.ValidationError("Приложите файл или укажите ссылку.")
        return cleaned


class AdoptForm(forms.Form):
    """«Утвердить приказом»: an order of the district's register, or the number and date of a new one."""

    document = forms.ModelChoiceField(label="Приказ из реестра документов", queryset=Document.objects.none(),
                                      required=False, empty_label="— новый приказ —")
    number = forms.CharField(label="Номер нового приказа", max_length=50, required=False)
    date = forms.DateField(label="Дата нового приказа", required=False,
                           widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    file = forms.FileField(label="Файл приказа", required=False, help_text=DOCUMENT_HELP)

    def __init__(self, *args, roadmap, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = Document.objects.of(roadmap.owner).filter(kind__in=DocumentKind.orders())

    def clean_file(self):
        return checked_file(self.cleaned_data.get("file"))

    def clean(self):
        data = super().clean()
        if not data.get("document") and not (data.get("number", "").strip() and data.get("date")):
            raise forms.ValidationError("Выберите приказ из реестра или укажите номер и дату нового приказа.")
        return data


class CopyToSchoolsForm(forms.Form):
    items = forms.ModelMultipleChoiceField(queryset=Item.objects.none(), widget=forms.CheckboxSelectMultiple,
                                           label="Мероприятия",
                                           error_messages={"required": "Отметьте хотя бы одно мероприятие."})
    schools = forms.ModelMultipleChoiceField(queryset=None, widget=forms.CheckboxSelectMultiple,
                                             label="Организации", required=False)
    all_schools = forms.BooleanField(label="Во все организации муниципалитета", required=False)

    def __init__(self, *args, roadmap, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].queryset = roadmap.items.alive()
        self.fields["schools"].queryset = schools

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("all_schools"):
            cleaned["schools"] = list(self.fields["schools"].queryset)
        if not cleaned.get("schools"):
            raise forms.ValidationError("Выберите организации или отметьте «Во все организации муниципалитета».")
        return cleaned


class OccurrenceDoneForm(forms.Form):
    done_on = forms.DateField(label="Дата выполнения", widget=DATE_INPUT)
    note = forms.CharField(label="Отметка", required=False, max_length=1000,
                           widget=forms.TextInput(attrs={"placeholder": "например: приказ № 12 от 05.10.2021"}))


class DeadlineCorrectionForm(forms.Form):
    windows = forms.CharField(
        label="Сроки вручную", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="По строке на срок: «31.05.2022» или «01.05.2022 – 31.05.2022». Пусто — понимать срок по тексту.",
    )

    def clean_windows(self):
        return parse_manual_windows(self.cleaned_data["windows"])


class OrderUploadForm(forms.Form):
    file = forms.FileField(label="Файл приказа",
                           help_text=f"Документ Word (.docx) или текст (.txt) до {settings.MAX_UPLOAD_MB} МБ: номер и "
                                     "дата приказа, пронумерованные пункты («11.3. назначить куратора … в срок до …»).")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(f"Файл больше {settings.MAX_UPLOAD_MB} МБ.")
        return upload
