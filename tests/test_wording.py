"""Russian plurals after a number: «1 организация», «2 организации», «11 организаций», «21 балл»."""

import pytest
from django.template import Context, Template

from mentoring_portal.lib.wording import counted


@pytest.mark.parametrize("number, expected", [
    (1, "1 организация"), (2, "2 организации"), (4, "4 организации"), (5, "5 организаций"), (11, "11 организаций"),
    (12, "12 организаций"), (14, "14 организаций"), (21, "21 организация"), (22, "22 организации"),
    (111, "111 организаций"), (0, "0 организаций"),
])
def test_a_noun_takes_the_form_its_number_asks_for(number, expected):
    assert counted(number, "организация", "организации", "организаций") == expected


def test_templates_say_it_the_same_way():
    rendered = Template('{% load wording %}{{ n|ru_plural:"балл,балла,баллов" }}').render(Context({"n": 9}))
    assert rendered == "9 баллов"
