"""The portal's list of signed decisions, newest first, read from an index of the signed ones
alone (a partial index, on PostgreSQL and SQLite alike), so a page of the list reads its 20
rows instead of sorting every decision of the country. The recipients' name search already has
its text index (FTS5 on SQLite, migration 0004; trigrams on " " || search_name on PostgreSQL,
migration 0006): names are stored without accents (search_name), so no unaccent is needed."""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS decisions_decision_signed_newest "
    "ON decisions_decision (signed_on DESC, id DESC) WHERE status = 'approved'"
)
DROP = "DROP INDEX IF EXISTS decisions_decision_signed_newest"


class Migration(migrations.Migration):
    dependencies = [("decisions", "0010_r_signing")]
    operations = [migrations.RunSQL(CREATE, DROP)]
