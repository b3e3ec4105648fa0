"""What forms of every app share."""

from typing import Any

from crispy_forms.layout import Div
from django import forms

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")  # the browser's date picker


def row(*fields: Any, size: int = 6) -> Div:
    """Fields side by side on a wide screen (Bootstrap columns of `size`), one under another on a phone."""
    return Div(*[Div(f, css_class=f"col-md-{size}") for f in fields], css_class="row")


class OwnIds:
    """A form shown on a page beside another with fields of the same names (approve and return, a mentor's profile and
    a mentee's request): its ids carry `id_prefix`, so that each label points at its own field. The names posted
    stay the same."""

    id_prefix = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"id_{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)
