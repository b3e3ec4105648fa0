"""Russian names sort as in a dictionary on SQLite and PostgreSQL alike, and search ignores case and «ё»."""

from mentoring_portal.lib.collation import search_text, sort_key
from participants.models import Organization
from tests.factories import OrganizationFactory


def test_it_sorts_yo_with_ye_and_before_zh(db):
    for name in ["Жуковская СОШ", "Ёлкинская СОШ", "Агинская СОШ", "Еловская СОШ", "агинская ООШ"]:
        OrganizationFactory(short_name=name)
    names = list(Organization.objects.in_russian_order().values_list("short_name", flat=True))
    assert names == ["агинская ООШ", "Агинская СОШ", "Ёлкинская СОШ", "Еловская СОШ", "Жуковская СОШ"]


def test_its_sort_key_matches_the_database_order(db):
    names = ["Жуковская", "Ёлкин", "Ельцова", "абашева", "Ель", "ель", "Ёж", "Еж", "Яковлев", "Белов"]
    for name in names:
        OrganizationFactory(short_name=name)
    in_database = list(Organization.objects.in_russian_order().values_list("short_name", flat=True))
    assert in_database == sorted(names, key=sort_key)
    assert in_database[:3] == ["абашева", "Белов", "Еж"]


def test_it_folds_case_and_yo_for_search():
    assert search_text("Ёлкин", "АНДРЕЙ") == "елкин андрей"
