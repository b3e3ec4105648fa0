from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mentoring_portal.lib import versions
from participants.caches import place as place_cache
from participants.letters import addressees
from participants.letters.models import Letter, LetterCopy
from participants.models import Organization

ALL, BY_KIND, BY_MARK, CHOSEN = "all", "kind", "mark", "chosen"


def recipients(district, *, to: str, kind: str = "", chosen=(), group: str = "", today=None) -> list[Organization]:
    """The district's schools a letter goes to: all, of one kind, picked, or of a group (`addressees`: those without
    a mark of the passport, as of `today`)."""
    schools = Organization.objects.filter(district=district)
    if to == BY_KIND:
        schools = schools.filter(kind=kind)
    elif to == CHOSEN:
        schools = schools.filter(pk__in=list(chosen))
    elif to == BY_MARK:
        found = addressees.ADDRESSEES.find(group)
        if found is None:
            raise ValidationError("Выберите, каким школам по паспорту соответствия отправить письмо.")
        schools = schools.filter(pk__in=found.schools(district, today or timezone.localdate()))
    return list(schools)


@transaction.atomic
def letter_send(*, district, user, title: str, text: str, schools: list[Organization]) -> Letter:
    if not schools:
        raise ValidationError("Выберите школы, которым отправить письмо.")
    letter = Letter.objects.create(district=district, title=title, text=text, sent_by=user)
    LetterCopy.objects.bulk_create([LetterCopy(letter=letter, organization=school) for school in schools])
    versions.touch(LetterCopy(letter=letter, organization=schools[0]))  # the schools' landing (bulk: no signal)
    for school in schools[1:]:
        versions.touch(LetterCopy(letter=letter, organization=school))
    return letter


def letter_read(*, copy: LetterCopy, user) -> None:
    if copy.read_at is None:
        copy.read_at, copy.read_by = timezone.now(), user
        copy.save(update_fields=["read_at", "read_by"])


def _names_of(instance, created: bool = False) -> list[str]:
    """A letter to a school moves the school's landing and navigation (place version)."""

    return [place_cache.version_of("organization", instance.organization_id),
            *place_cache.of_district(Letter.objects.filter(pk=instance.letter_id).values_list(
                "district_id", flat=True).first())]


def connect() -> None:
    versions.watch("letters", _names_of, models=(LetterCopy,))
