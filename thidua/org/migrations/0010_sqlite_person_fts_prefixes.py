"""SQLite: the people's FTS5 index (migration 0006) also holds the first one, two and three
letters of every word, so an unfinished last word is one list instead of the merge of every
word starting so.

A search's last word may be unfinished ("thi" finds Thị, Thiện, Thịnh…). Without prefixes FTS5
merges the whole lists of every such word before giving the first row: for "thi" a quarter of
a million names nationally, 5 ms of a page that needs 501 of them (bench/people.py); for
"nguyen van h", 28 ms. With them: 0.3 and 5 ms, the same rows. The index is rebuilt (≈ 10 s
for a million people) and merged into one segment; the triggers of 0006 write to it by name
and are kept. PostgreSQL is unchanged."""

from django.db import migrations


def _create(prefix: str) -> list[str]:
    return [
        "DROP TABLE IF EXISTS org_person_fts",
        "CREATE VIRTUAL TABLE org_person_fts USING fts5(search_name, content='org_person',"
        f" content_rowid='id', tokenize='unicode61'{prefix})",
        "INSERT INTO org_person_fts(org_person_fts) VALUES ('rebuild')",
        "INSERT INTO org_person_fts(org_person_fts) VALUES ('optimize')",
    ]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in _create(", prefix='1 2 3'"):
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in _create(""):
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("org", "0009_pgsearch_person_word_pairs")]
    operations = [migrations.RunPython(forwards, backwards)]
