"""Backup and restore as docs/SECURITY.md describes them: the demo data dumped and restored into an empty database,
every row of every table found again (pg_dump / pg_restore on PostgreSQL, the online backup API on SQLite)."""

import io
import sqlite3
import subprocess

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection


def row_counts(cursor, tables) -> dict[str, int]:
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        counts[table] = cursor.fetchone()[0]
    return counts


@pytest.fixture
def demo_tables(reference_data):
    call_command("load_demo", stdout=io.StringIO())
    tables = connection.introspection.table_names()
    with connection.cursor() as cursor:
        counts = row_counts(cursor, tables)
    assert counts["participants_person"] > 100 and counts["roadmaps_item"] > 100
    return counts


@pytest.mark.slow
@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump is PostgreSQL's")
def test_a_pg_dump_restores_into_an_empty_database_with_every_row(demo_tables, tmp_path):
    db = settings.DATABASES["default"]
    where = ["-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432), "-U", db["USER"] or "postgres"]
    dump, restored = tmp_path / "portal.dump", f"{db['NAME']}_restored"
    subprocess.run(["pg_dump", "--format=custom", "--file", str(dump), *where, db["NAME"]], check=True)
    subprocess.run(["dropdb", "--if-exists", *where, restored], check=True)
    subprocess.run(["createdb", *where, restored], check=True)
    try:
        subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", "--dbname", restored, *where, str(dump)],
                       check=True)
        import psycopg2

        copy = psycopg2.connect(host=where[1], port=where[3], user=where[5], dbname=restored)
        try:
            assert row_counts(copy.cursor(), demo_tables) == demo_tables
        finally:
            copy.close()
    finally:
        subprocess.run(["dropdb", "--if-exists", *where, restored], check=True)


@pytest.mark.slow
@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite default's backup")
def test_a_sqlite_backup_restores_with_every_row(demo_tables, tmp_path):
    connection.ensure_connection()
    backup = sqlite3.connect(tmp_path / "backup.sqlite3")
    connection.connection.backup(backup)  # what `sqlite3 db.sqlite3 ".backup …"` does, safe while the portal runs
    backup.close()
    restored = sqlite3.connect(tmp_path / "backup.sqlite3")
    assert row_counts(restored.cursor(), demo_tables) == demo_tables
