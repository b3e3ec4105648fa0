from participants.models import ExportLog


def export_logged(*, user, organization, what: str, rows: int) -> ExportLog:
    """Every download of personal data leaves a line: who, when, what, how many rows."""
    return ExportLog.objects.create(user=user, organization=organization, what=what, rows=rows)
