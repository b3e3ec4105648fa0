from decimal import Decimal

from django import forms
from django.utils import timezone

from mentoring_portal.lib.collation import search_text
from mentoring_portal.lib.forms import DATE_INPUT
from monitoring.formulas import FORMULA_CHOICES
from monitoring.models import Campaign, Indicator, Method, ReportStatus


def target_field(label: str) -> forms.DecimalField:
    return forms.DecimalField(label=label, required=False, min_value=Decimal(0), max_digits=7, decimal_places=2,
                              widget=forms.NumberInput(attrs={"step": "0.1", "class": "form-control form-control-sm"}))


class IndicatorForm(forms.ModelForm):
    """An indicator of the district's catalogue with its yearly targets for the district."""

    class Meta:
        model = Indicator
        fields = ["position", "name", "project", "unit", "method", "formula", "collection"]
        widgets = {"name": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, years: list[int], targets: dict[int, Decimal], **kwargs):
        super().__init__(*args, **kwargs)
        self.years = years
        self.fields["formula"].choices = [("", "— (вводится вручную)")] + FORMULA_CHOICES
        for year in years:
            self.fields[f"target_{year}"] = target_field(str(year))
            self.initial[f"target_{year}"] = targets.get(year)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("method") == Method.COMPUTED and not cleaned.get("formula"):
            self.add_error("formula", "Выберите, как вычислять показатель, или сделайте его вводимым вручную.")
        return cleaned

    def target_fields(self):
        return [self[f"target_{year}"] for year in self.years]

    def targets(self) -> dict[int, Decimal | None]:
        return {year: self.cleaned_data.get(f"target_{year}") for year in self.years}


class SchoolTargetsForm(forms.Form):
    """A school's own targets; none may be below the district's (Пижанский район, приказ № 78-ОД, п. 11.5)."""

    def __init__(self, *args, rows: list[tuple[Indicator, dict[int, Decimal | None], dict[int, Decimal | None]]],
                 years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.rows, self.years = rows, years
        for indicator, _district, own in rows:
            for year in years:
                name = f"t_{indicator.pk}_{year}"
                self.fields[name] = target_field(f"{indicator.position}. {year}")
                self.initial[name] = own.get(year)

    def clean(self):
        cleaned = super().clean()
        for indicator, district, _ in self.rows:
            for year in self.years:
                value, floor = cleaned.get(f"t_{indicator.pk}_{year}"), district.get(year)
                if value is not None and floor is not None and value < floor:
                    self.add_error(f"t_{indicator.pk}_{year}",
                                   f"Не ниже районного: {floor.normalize():f}{indicator.unit} на {year} год.")
        return cleaned

    def grid(self):
        return [(indicator, district, [(year, self[f"t_{indicator.pk}_{year}"], district.get(year))
                                       for year in self.years]) for indicator, district, _ in self.rows]

    def values(self):
        return {(indicator.pk, year): self.cleaned_data.get(f"t_{indicator.pk}_{year}")
                for indicator, _, _ in self.rows for year in self.years}


class CampaignForm(forms.ModelForm):
    """A campaign's name is the district's own (no two alike) and its deadline is still ahead: a deadline in the past
    would make every school late the moment it opens."""

    class Meta:
        model = Campaign
        fields = ["title", "year", "due_on"]
        widgets = {"due_on": DATE_INPUT}

    def __init__(self, *args, owner, **kwargs):
        """`owner`: the district, or the region for a region's campaign."""
        super().__init__(*args, **kwargs)
        self.owner = owner
        if self.instance.pk and self.instance.reports.exclude(status=ReportStatus.DRAFT).exists():
            self.fields["year"].disabled = True
            self.fields["year"].help_text = "Отчёты уже сданы: отчётный год не меняется."

    def clean_title(self) -> str:
        title = " ".join(self.cleaned_data["title"].split())
        others = self.owner.campaigns.exclude(pk=self.instance.pk)
        if any(search_text(t) == search_text(title) for t in others.values_list("title", flat=True)):
            raise forms.ValidationError("Мониторинг с таким названием в муниципалитете уже есть: назовите его иначе, "
                                        "например, указав месяц и год.")
        return title

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        if not 2019 <= year <= timezone.localdate().year + 1:
            raise forms.ValidationError("Отчётный год — с 2019 (начало ЦМН) по следующий.")
        return year

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on < timezone.localdate() and due_on != self.initial.get("due_on"):
            raise forms.ValidationError("Срок сдачи уже прошёл: все организации сразу окажутся опоздавшими. "
                                        "Укажите сегодняшнюю или будущую дату.")
        return due_on


class ReportForm(forms.Form):
    achievements = forms.CharField(label="Достижения", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    problems = forms.CharField(label="Трудности", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    plans = forms.CharField(label="Планы", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, manual: list[tuple[Indicator, Decimal | None]], **kwargs):
        super().__init__(*args, **kwargs)
        self.manual = manual
        for indicator, value in manual:
            self.fields[f"m_{indicator.pk}"] = forms.DecimalField(
                label=f"{indicator.position}. {indicator.name} ({indicator.unit})", required=False, min_value=0,
                max_digits=9, decimal_places=2)
            self.initial[f"m_{indicator.pk}"] = value

    def manual_values(self) -> dict[int, Decimal | None]:
        return {indicator.pk: self.cleaned_data.get(f"m_{indicator.pk}") for indicator, _ in self.manual}


class ReturnForm(forms.Form):
    comment = forms.CharField(label="Что доработать", widget=forms.Textarea(attrs={"rows": 2}))
