"""What a view says after a change a service may refuse (the rules raise ValidationError with every reason, in
Russian): the reasons on the form, which keeps what was typed, or on the next page; a message of success otherwise."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest


def explain(request: HttpRequest, error: ValidationError) -> None:
    """Show every message of a refused change on the next page, in the user's words."""
    messages.error(request, " ".join(error.messages))


def applied(request: HttpRequest, change: Callable[[], Any], *, done: str | Callable[[Any], str] = "",
            form: forms.BaseForm | None = None) -> bool:
    """Make `change`; True when made, with `done` (or `done(result)`) shown on the next page, if any. Refused: every
    reason goes onto `form` (shown above its fields, the typed values kept) or, without a form, onto the next page."""
    try:
        result = change()
    except ValidationError as error:
        if form is not None:
            form.add_error(None, error)
        else:
            explain(request, error)
        return False
    if message := done(result) if callable(done) else done:
        messages.success(request, message)
    return True
