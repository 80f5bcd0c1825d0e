"""Searching people without diacritics at national scale: FTS5 on SQLite, trigrams on
``' ' || search_name`` on PostgreSQL (org.search). Without it a search scans every person."""

from django.db import DatabaseError, migrations, transaction

SQLITE = [
    "CREATE VIRTUAL TABLE org_person_fts USING fts5("
    "search_name, content='org_person', content_rowid='id', tokenize='unicode61')",
    "CREATE TRIGGER org_person_fts_ai AFTER INSERT ON org_person BEGIN "
    "INSERT INTO org_person_fts(rowid, search_name) VALUES (new.id, new.search_name); END",
    "CREATE TRIGGER org_person_fts_ad AFTER DELETE ON org_person BEGIN "
    "INSERT INTO org_person_fts(org_person_fts, rowid, search_name) "
    "VALUES ('delete', old.id, old.search_name); END",
    "CREATE TRIGGER org_person_fts_au AFTER UPDATE OF search_name ON org_person BEGIN "
    "INSERT INTO org_person_fts(org_person_fts, rowid, search_name) "
    "VALUES ('delete', old.id, old.search_name); "
    "INSERT INTO org_person_fts(rowid, search_name) VALUES (new.id, new.search_name); END",
    "INSERT INTO org_person_fts(org_person_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS org_person_fts_ai",
    "DROP TRIGGER IF EXISTS org_person_fts_ad",
    "DROP TRIGGER IF EXISTS org_person_fts_au",
    "DROP TABLE IF EXISTS org_person_fts",
]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
            if cursor.fetchone() is None:
                return
        try:  # in a savepoint: a refused CREATE EXTENSION must not abort the migrate run
            with transaction.atomic(using=schema_editor.connection.alias):
                schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except DatabaseError:  # not allowed for this role: the search works, unindexed
            return
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS org_person_words_trgm "
            "ON org_person USING gin ((' ' || search_name) gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS org_person_words_trgm")


class Migration(migrations.Migration):
    dependencies = [("org", "0004_fill_unit_types_search_employment")]
    operations = [migrations.RunPython(forwards, backwards)]
