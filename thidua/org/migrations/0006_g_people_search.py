"""Searching people without diacritics at national scale (org.search): FTS5 on SQLite, a GIN
full-text index of ``to_tsvector('simple', search_name)`` on PostgreSQL, queried with word
prefixes ("nguyen:* & van:* & hai:*"). Without it a search scans every person. Trigrams were
tried first: with the few family and middle names of a country (nguyen, van, thi…) every
trigram of a query is in most names and the index was slower than a scan (bench/people.py)."""

from django.db import migrations

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
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS org_person_search_tsv "
            "ON org_person USING gin (to_tsvector('simple', search_name))"
        )


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS org_person_search_tsv")


class Migration(migrations.Migration):
    dependencies = [("org", "0005_f_account_profile")]
    operations = [migrations.RunPython(forwards, backwards)]
