"""PostgreSQL, for the public search at national scale (portal/pg_search.py): a GIN index of
the pairs of a name's words, the first of each pair cut to every length ("tran thi hai" ->
t>thi, tr>thi, tra>thi, tran>thi, …, thi>hai, hai>tran…), so that "a word starts with tran
and another with thi" is the one prefix test ``'tran>thi':*``.

The trigram index (decisions 0006) answered "tran thi" from the whole lists of " tr", "tra",
" th", "thi"…, and "nguyen van hai" from those of "ngu", "van", "hai"…: the pairs' lists are
as short as the names that have both words. Words are the name's own, split at its spaces as
``LIKE '% w%'`` sees them (not the text parser's), so every name the words' test finds has
the pairs; the words' test still decides. SQLite is unchanged (its FTS5 index has prefix
lists, decisions 0016)."""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION thidua_prefix_pairs(name text) RETURNS tsvector
IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT left(a.w, n) || '>' || b.w)), ''::tsvector)
  FROM unnest(string_to_array(name, ' ')) AS a(w)
  CROSS JOIN unnest(string_to_array(name, ' ')) AS b(w)
  CROSS JOIN generate_series(1, length(a.w)) AS n
  WHERE a.w <> b.w AND b.w <> ''
$$
"""
INDEX = (
    "CREATE INDEX IF NOT EXISTS decisions_recipient_prefix_pairs "
    "ON decisions_recipient USING gin (thidua_prefix_pairs(search_name))"
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION)
        schema_editor.execute(INDEX)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS decisions_recipient_prefix_pairs")
        schema_editor.execute("DROP FUNCTION IF EXISTS thidua_prefix_pairs(text)")


class Migration(migrations.Migration):
    dependencies = [("decisions", "0016_portal_search_indexes")]
    operations = [migrations.RunPython(forwards, backwards)]
