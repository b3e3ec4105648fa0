from django.db import transaction

from mentoring_portal.lib import versions
from participants.caches import place as place_cache
from participants.caches.district import district_of
from participants.models import Person
from participants.target_groups.models import GroupMark, TargetGroup


@transaction.atomic
def groups_set(*, person, groups: set[str], user) -> None:
    """The person's target groups become exactly `groups` (unknown keys are ignored)."""
    groups = groups & set(TargetGroup.values)
    GroupMark.objects.filter(person=person).exclude(group__in=groups).delete()
    have = set(GroupMark.objects.filter(person=person).values_list("group", flat=True))
    GroupMark.objects.bulk_create([GroupMark(person=person, group=g, marked_by=user) for g in groups - have])
    versions.touch(GroupMark(person=person))  # the pages that count them (deletes and bulk inserts send no signal)


def _names_of(instance, created: bool = False) -> list[str]:
    """The counts are on the district's «Наставничество в цифрах», its справка and the school's page."""

    organization_id = Person.objects.filter(pk=instance.person_id).values_list("organization_id", flat=True).first()
    district_id = district_of(organization_id)
    names = place_cache.of_organization(organization_id) if organization_id else []
    return names + ([f"district-mentoring:{district_id}", f"district-work:{district_id}"] if district_id else [])


def connect() -> None:
    versions.watch("target-groups", _names_of, models=(GroupMark,))
