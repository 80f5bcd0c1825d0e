"""PostgreSQL: index " " || search_name instead of search_name, so that "a word of the name
starts with w" is one LIKE '% w%' per word of the query (the portal's search). With two LIKEs
per word the planner alone took longer than running the query (bench/)."""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if cursor.fetchone() is None:  # no extension (role without the right): plain search
            return
    schema_editor.execute("DROP INDEX IF EXISTS decisions_recipient_search_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS decisions_recipient_words_trgm "
        "ON decisions_recipient USING gin ((' ' || search_name) gin_trgm_ops)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS decisions_recipient_words_trgm")
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if cursor.fetchone() is not None:
            schema_editor.execute(
                "CREATE INDEX IF NOT EXISTS decisions_recipient_search_trgm "
                "ON decisions_recipient USING gin (search_name gin_trgm_ops)"
            )


class Migration(migrations.Migration):
    dependencies = [("decisions", "0005_decision_recipient_count")]
    operations = [migrations.RunPython(forwards, backwards)]
