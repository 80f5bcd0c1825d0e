"""SQLite, for the public search at national scale (bench/portal.py):

- the FTS5 index of decisions 0004 rebuilt with the words' first one to six letters indexed as
  well (FTS5 ``prefix``). Every word of a search is read as a prefix ("tran" finds "Trang"):
  without these lists FTS5 merged the lists of every word that begins with it, and read them
  to the end before giving the newest match. About twice the index's size;
- the keys that the search sorts its matches by, for the awards in force, in an index of their
  own (portal/public.py reads it with INDEXED BY): read from the table, the newest 500
  matches of a common name were 500 table pages.

PostgreSQL's trigram index (decisions 0006) already answers prefixes, and reads the matches'
rows to check them: nothing to do there."""

from django.db import migrations

TABLE = (
    "CREATE VIRTUAL TABLE decisions_recipient_fts USING fts5(search_name, "
    "content='decisions_recipient', content_rowid='id', tokenize='unicode61'{prefix})"
)
TRIGGERS = [
    "CREATE TRIGGER decisions_recipient_fts_ai AFTER INSERT ON decisions_recipient BEGIN "
    "INSERT INTO decisions_recipient_fts(rowid, search_name) VALUES (new.id, new.search_name); END",
    "CREATE TRIGGER decisions_recipient_fts_ad AFTER DELETE ON decisions_recipient BEGIN "
    "INSERT INTO decisions_recipient_fts(decisions_recipient_fts, rowid, search_name) "
    "VALUES ('delete', old.id, old.search_name); END",
    "CREATE TRIGGER decisions_recipient_fts_au AFTER UPDATE ON decisions_recipient BEGIN "
    "INSERT INTO decisions_recipient_fts(decisions_recipient_fts, rowid, search_name) "
    "VALUES ('delete', old.id, old.search_name); "
    "INSERT INTO decisions_recipient_fts(rowid, search_name) VALUES (new.id, new.search_name); END",
]
DROP = [
    "DROP TRIGGER IF EXISTS decisions_recipient_fts_ai",
    "DROP TRIGGER IF EXISTS decisions_recipient_fts_ad",
    "DROP TRIGGER IF EXISTS decisions_recipient_fts_au",
    "DROP TABLE IF EXISTS decisions_recipient_fts",
]
# Vietnamese syllables have at most seven letters: a longer prefix is nearly a whole word.
PREFIXES = ", prefix='1 2 3 4 5 6'"
KEYS = (
    "CREATE INDEX IF NOT EXISTS decisions_recipient_public_keys "
    'ON decisions_recipient (id, decision_id, "order") WHERE revoked_on IS NULL'
)


def _text_index(schema_editor, prefix: str) -> None:
    for statement in [*DROP, TABLE.format(prefix=prefix), *TRIGGERS]:
        schema_editor.execute(statement)
    schema_editor.execute(
        "INSERT INTO decisions_recipient_fts(decisions_recipient_fts) VALUES ('rebuild')"
    )


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        _text_index(schema_editor, PREFIXES)
        schema_editor.execute(KEYS)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP INDEX IF EXISTS decisions_recipient_public_keys")
        _text_index(schema_editor, "")


class Migration(migrations.Migration):
    dependencies = [("decisions", "0015_certs_recipient_replaced_by")]
    operations = [migrations.RunPython(forwards, backwards)]
