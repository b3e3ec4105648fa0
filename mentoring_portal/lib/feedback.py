from django.contrib import messages
from django.core.exceptions import ValidationError


def explain(request, error: ValidationError) -> None:
    """Show every message of a refused change on the next page, in the user's words."""
    messages.error(request, " ".join(error.messages))
