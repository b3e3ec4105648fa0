"""«Расписание мониторинга» of a district or a region: set once, the campaigns open by themselves."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone

from monitoring.models import CampaignSchedule
from monitoring.schedules.services import open_due_campaigns
from participants.access import CAN_EDIT_DISTRICT, CAN_EDIT_REGION, district_view, place_fields, place_kind, region_view


class ScheduleForm(forms.ModelForm):
    class Meta:
        model = CampaignSchedule
        fields = ["due_dates", "open_days_before", "is_active"]


def _edit(request, place):
    kind = place_kind(place)
    schedule = (CampaignSchedule.objects.filter(**place_fields(place)).first()
                or CampaignSchedule(**place_fields(place)))
    form = ScheduleForm(request.POST or None, instance=schedule)
    if request.method == "POST" and form.is_valid():
        schedule = form.save()
        opened = open_due_campaigns(timezone.localdate(), CampaignSchedule.objects.filter(pk=schedule.pk,
                                                                                          is_active=True))
        messages.success(request, "Расписание сохранено." + (f" Открыто мониторингов по нему: {len(opened)}."
                                                             if opened else ""))
        return redirect(request.path)
    return render(request, "monitoring/schedule.html", {"place": place, "kind": kind, "form": form},
                  status=400 if request.method == "POST" else 200)


schedule_edit = {"district": district_view(CAN_EDIT_DISTRICT)(_edit), "region": region_view(CAN_EDIT_REGION)(_edit)}
