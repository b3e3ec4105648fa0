"""The audit trail of a place reads its own entries (issue #24): django-auditlog keeps the place in its JSON
`additional_data`, unindexed, so a school's trail read the whole installation's log (0.6 s on a region of a million
entries, and growing every month). An index on each place key, in the trail's order, makes a page of the trail and its
count cost what the place's own entries cost. PostgreSQL only (the production database); SQLite's demo needs none."""

from django.db import migrations

PLACES = ("organization", "district", "region")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for key in PLACES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS auditlog_logentry_{key}_time ON auditlog_logentry "
            f"(((additional_data -> '{key}')), \"timestamp\" DESC, id DESC)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for key in PLACES:
        schema_editor.execute(f"DROP INDEX IF EXISTS auditlog_logentry_{key}_time")


class Migration(migrations.Migration):
    dependencies = [
        ("participants", "0010_public_section"),
        ("auditlog", "0017_add_actor_email"),
    ]

    operations = [migrations.RunPython(create, drop)]
