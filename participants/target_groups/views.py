from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from participants.access import CAN_EDIT_PAIRS, organization_view
from participants.models import Person
from participants.target_groups.services import groups_set


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def person_groups(request, organization, pk: int):
    person = get_object_or_404(Person.objects.visible_to(request.user).filter(organization=organization,
                                                                               anonymised_on__isnull=True), pk=pk)
    groups_set(person=person, groups=set(request.POST.getlist("groups")), user=request.user)
    messages.success(request, "Целевые группы сохранены.")
    return redirect(reverse("participants:person", args=[organization.code, person.pk]) + "#groups")
