"""The district's letters (write, see who read) and the school's (read)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from participants.access import (
    CAN_EDIT_DISTRICT,
    CAN_EDIT_PAIRS,
    CAN_VIEW_REPORTS,
    district_view,
    organization_view,
    require_capability,
)
from participants.letters import addressees, services
from participants.models import Organization, OrganizationKind


class LetterForm(forms.Form):
    title = forms.CharField(label="Тема", max_length=300)
    text = forms.CharField(label="Текст", widget=forms.Textarea(attrs={"rows": 6}))
    to = forms.ChoiceField(label="Кому", widget=forms.RadioSelect, initial=services.ALL, choices=[
        (services.ALL, "всем школам района"), (services.BY_KIND, "школам одного вида"),
        (services.BY_MARK, "школам без отметки паспорта соответствия"), (services.CHOSEN, "выбранным школам")])
    kind = forms.ChoiceField(label="Вид", choices=OrganizationKind.choices, required=False)
    group = forms.ChoiceField(label="Без отметки паспорта", required=False)
    schools = forms.ModelMultipleChoiceField(label="Школы", queryset=Organization.objects.none(), required=False,
                                             widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, district, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["schools"].queryset = Organization.objects.filter(district=district).in_russian_order()
        self.fields["group"].choices = [("", "—")] + [(g.key, g.label) for g in addressees.ADDRESSEES]


@district_view(CAN_VIEW_REPORTS)
@require_http_methods(["GET", "POST"])
def district_letters(request, district):
    form = LetterForm(request.POST if request.method == "POST" else None, district=district)
    if request.method == "POST":
        require_capability(request, request.capabilities, CAN_EDIT_DISTRICT)
        if form.is_valid():
            data = form.cleaned_data
            try:
                letter = services.letter_send(district=district, user=request.user, title=data["title"],
                                              text=data["text"], schools=services.recipients(
                                                  district, to=data["to"], kind=data["kind"], group=data["group"],
                                                  chosen=[s.pk for s in data["schools"]]))
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, f"Письмо «{letter.title}» отправлено: школ — {letter.copies.count()}.")
                return redirect("participants:district-letter", district=district.code, pk=letter.pk)
    letters = district.letters.annotate(schools=Count("copies"), read=Count("copies", filter=Q(
        copies__read_at__isnull=False)))
    return render(request, "participants/letters/district.html", {
        "district": district, "form": form, "letters": letters,
        "can_send": CAN_EDIT_DISTRICT in request.capabilities}, status=400 if form.is_bound else 200)


@district_view(CAN_VIEW_REPORTS)
def district_letter(request, district, pk: int):
    letter = get_object_or_404(district.letters, pk=pk)
    return render(request, "participants/letters/district_letter.html", {
        "district": district, "letter": letter, "copies": letter.copies.select_related("organization", "read_by")})


@organization_view(CAN_EDIT_PAIRS)
def school_letters(request, organization):
    return render(request, "participants/letters/school.html", {
        "organization": organization, "copies": organization.letters.select_related("letter").order_by(
            "-letter__sent_at")})


@organization_view(CAN_EDIT_PAIRS)
def school_letter(request, organization, pk: int):
    copy = get_object_or_404(organization.letters.select_related("letter__district"), pk=pk)
    services.letter_read(copy=copy, user=request.user)
    return render(request, "participants/letters/school_letter.html", {"organization": organization, "copy": copy,
                                                                       "letter": copy.letter})
