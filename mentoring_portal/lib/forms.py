"""What forms of every app share."""


class OwnIds:
    """A form shown on a page beside another with fields of the same names (approve and return, a mentor's profile and
    a mentee's request): its ids carry `id_prefix`, so that each label points at its own field. The names posted
    stay the same."""

    id_prefix = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"id_{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)
