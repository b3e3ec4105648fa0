"""{% load wording %}: {{ count|ru_plural:"организация,организации,организаций" }} → «21 организация»."""

from django import template

from mentoring_portal.lib.wording import counted

register = template.Library()


@register.filter
def ru_plural(number, forms: str) -> str:
    one, few, many = forms.split(",")
    return counted(int(number or 0), one, few, many)
