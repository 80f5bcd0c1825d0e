"""Each award gets an unguessable token for its public verification page (issue 15).

On SQLite the last step rebuilds the table, which drops the full-text triggers of 0004:
they are created again and the index rebuilt."""

import importlib

from django.db import migrations, models

import thidua.decisions.qr

search_index = importlib.import_module("thidua.decisions.migrations.0004_recipient_search_index")


def fill(apps, schema_editor):
    Recipient = apps.get_model("decisions", "Recipient")
    rows = list(Recipient.objects.filter(public_token__isnull=True).only("pk"))
    for row in rows:
        row.public_token = thidua.decisions.qr.new_token()
    Recipient.objects.bulk_update(rows, ["public_token"], batch_size=1000)


def restore_search_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in search_index.SQLITE_DROP[:3]:  # the triggers, if still there
        schema_editor.execute(statement)
    for statement in search_index.SQLITE[1:]:  # triggers again, then rebuild the index
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("decisions", "0011_t_signed_decisions_index")]

    operations = [
        # Backwards, this runs last: the rebuilds undoing the steps below drop the triggers.
        migrations.RunPython(migrations.RunPython.noop, restore_search_triggers),
        migrations.AddField(
            model_name="recipient",
            name="public_token",
            field=models.CharField(editable=False, max_length=32, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="recipient",
            name="public_token",
            field=models.CharField(
                default=thidua.decisions.qr.new_token, editable=False, max_length=32, unique=True
            ),
        ),
        migrations.RunPython(restore_search_triggers, migrations.RunPython.noop),
    ]
