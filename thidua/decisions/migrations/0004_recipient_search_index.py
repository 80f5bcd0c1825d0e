"""A text index for the public search of awarded people: FTS5 on SQLite, trigrams on
PostgreSQL. Without it the search scans every recipient (see bench/)."""

from django.db import DatabaseError, migrations, transaction

SQLITE = [
    "CREATE VIRTUAL TABLE decisions_recipient_fts USING fts5("
    "search_name, content='decisions_recipient', content_rowid='id', tokenize='unicode61')",
    "CREATE TRIGGER decisions_recipient_fts_ai AFTER INSERT ON decisions_recipient BEGIN "
    "INSERT INTO decisions_recipient_fts(rowid, search_name) VALUES (new.id, new.search_name); END",
    "CREATE TRIGGER decisions_recipient_fts_ad AFTER DELETE ON decisions_recipient BEGIN "
    "INSERT INTO decisions_recipient_fts(decisions_recipient_fts, rowid, search_name) "
    "VALUES ('delete', old.id, old.search_name); END",
    "CREATE TRIGGER decisions_recipient_fts_au AFTER UPDATE ON decisions_recipient BEGIN "
    "INSERT INTO decisions_recipient_fts(decisions_recipient_fts, rowid, search_name) "
    "VALUES ('delete', old.id, old.search_name); "
    "INSERT INTO decisions_recipient_fts(rowid, search_name) VALUES (new.id, new.search_name); END",
    "INSERT INTO decisions_recipient_fts(decisions_recipient_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS decisions_recipient_fts_ai",
    "DROP TRIGGER IF EXISTS decisions_recipient_fts_ad",
    "DROP TRIGGER IF EXISTS decisions_recipient_fts_au",
    "DROP TABLE IF EXISTS decisions_recipient_fts",
]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        # The extension needs a privileged role; without it the search still works, unindexed.
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
            if cursor.fetchone() is None:
                return
        # In a savepoint: a refused CREATE EXTENSION would otherwise leave the migration's
        # transaction aborted, and every later statement of the migrate run would fail.
        try:
            with transaction.atomic(using=schema_editor.connection.alias):
                schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except DatabaseError:  # not allowed for this role: keep the plain search
            return
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS decisions_recipient_search_trgm "
            "ON decisions_recipient USING gin (search_name gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS decisions_recipient_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("decisions", "0003_recipient_search_name")]
    operations = [migrations.RunPython(forwards, backwards)]
