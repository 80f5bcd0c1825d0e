"""PostgreSQL: a second full-text index of people's names, on pairs of their words
("nguyen van hai" -> nguyen>van, nguyen>hai, van>nguyen, van>hai, hai>nguyen, hai>van).

A national search for "nguyen van hai" read the whole lists of "nguyen", "van" and every word
starting with "hai" from the word index (migration 0006) to keep their few hundred common rows:
about 200,000 entries read for 178 people, 26 ms of a 30 ms query on a million people. A pair
occurs in a few thousand names, so the lists of "nguyen>van" and "nguyen>hai…" are short
(org.search adds the pairs' test beside the words' test, which alone decides the answer).

The pairs are made of the lexemes of ``to_tsvector('simple', search_name)``, the words the
first index holds, so every name the words' test finds also has the pairs. SQLite is unchanged
(its FTS5 index reads the lists by skipping)."""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION thidua_word_pairs(name text) RETURNS tsvector
IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$
  SELECT coalesce(array_to_tsvector(array_agg(a.w || '>' || b.w)), ''::tsvector)
  FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig, name))) AS a(w),
       unnest(tsvector_to_array(to_tsvector('simple'::regconfig, name))) AS b(w)
  WHERE a.w <> b.w
$$
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION)
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS org_person_search_pairs "
            "ON org_person USING gin (thidua_word_pairs(search_name))"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS org_person_search_pairs")
        schema_editor.execute("DROP FUNCTION IF EXISTS thidua_word_pairs(text)")


class Migration(migrations.Migration):
    dependencies = [("org", "0008_l_api_token_expiry")]
    operations = [migrations.RunPython(forwards, backwards)]
