import factory
from django.contrib.auth import get_user_model

from participants.models import District, HeadCount, Membership, Organization, Region, Role


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Анна Петровна"
    last_name = factory.Sequence(lambda n: f"Иванова{n}")
    password = factory.django.Password("pass-word-123")


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    name = factory.Sequence(lambda n: f"Область {n}")
    code = factory.Sequence(lambda n: f"region-{n}")


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Район {n}")
    administration_name = factory.LazyAttribute(lambda d: f"Управление образования: {d.name}")
    code = factory.Sequence(lambda n: f"district-{n}")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    district = factory.SubFactory(DistrictFactory)
    region = factory.LazyAttribute(lambda o: o.district.region if o.district else RegionFactory())
    short_name = factory.Sequence(lambda n: f"МБОУ СОШ № {n}")
    name = factory.LazyAttribute(lambda o: f"Муниципальное бюджетное общеобразовательное учреждение {o.short_name}")
    code = factory.Sequence(lambda n: f"school-{n}")


class HeadCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HeadCount

    organization = factory.SubFactory(OrganizationFactory)
    school_year = 2024
    students = 500
    teachers = 40
    young_teachers = 5
    additional_students = 300


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.SCHOOL_CURATOR


def member(role: str, place, **user_fields):
    """A new user holding `role` at `place` (a region, district or organization)."""
    scope = {Region: "region", District: "district", Organization: "organization"}[type(place)]
    return MembershipFactory(role=role, **{scope: place}, user=UserFactory(**user_fields)).user


# Roadmaps ------------------------------------------------------------------------------------------------------------
def make_roadmap(owner, *, title="План мероприятий (дорожная карта) на 2021-2024 годы", period=(2021, 2024),
                 sections=None):
    """A roadmap of `owner` with sections {title: [(name, deadline, responsible), ...]}, saved through services."""
    from datetime import date

    from roadmaps.models import Item, Roadmap, Section
    from roadmaps.occurrences import sync_occurrences

    field = "district" if isinstance(owner, District) else "organization"
    roadmap = Roadmap.objects.create(
        **{field: owner}, title=title, period_start=date(period[0], 1, 1), period_end=date(period[1], 12, 31)
    )
    for s_pos, (section_title, items) in enumerate((sections or {}).items(), start=1):
        section = Section.objects.create(roadmap=roadmap, title=section_title, position=s_pos)
        for i_pos, (name, deadline, responsible) in enumerate(items, start=1):
            item = Item(roadmap=roadmap, section=section, position=i_pos, name=name, deadline_text=deadline,
                        responsible=responsible, result="Приказ УО")
            item.refresh_derived()
            item.save()
            sync_occurrences(item)
    return roadmap


SAYANSKY_SECTIONS = {
    "Нормативное правовое регулирование": [
        ("Утверждение состава муниципальной рабочей группы", "Октябрь 2021г", "Рябцева Е.В."),
        ("Разработка муниципального плана мероприятий", "Сентябрь-октябрь 2021", "Рябцева Е.В."),
        ("Разработка дорожных карт в ОО", "Октябрь-ноябрь 2021г", "Руководители ОО"),
    ],
    "Мониторинг и оценка результатов внедрения ЦМН": [
        ("Внутренний мониторинг в ОО", "Май 2022,2023,2024", "Кураторы внедрения ЦМН ОО"),
        ("Участие в региональном мониторинге", "По отдельному графику региона", "Абашева Е.А"),
    ],
}


# Registry and pairs --------------------------------------------------------------------------------------------------
def person(organization, category="student", *, consent=True, **fields):
    """A registry person; with a consent given on 1 September 2024 unless consent=False."""
    from datetime import date

    from participants.models import Consent, Person

    defaults = {"last_name": "Иванова", "first_name": "Мария", "patronymic": "Петровна", "grade": "7Б"}
    p = Person.objects.create(organization=organization, category=category, **{**defaults, **fields})
    if consent:
        giver = "representative" if category == "student" else "self"
        Consent.objects.create(person=p, giver=giver, given_by="Иванова Е.С. (мать)" if giver == "representative"
                               else p.full_name, given_on=date(2024, 9, 1))
    return p


def form(name="ученик – ученик"):
    from participants.models import MentoringForm

    return MentoringForm.objects.get(name=name, district__isnull=True)
