"""A revoked award may point to the award that replaces it (an amendment).

On SQLite adding the column rebuilds the table, which drops the full-text triggers of 0004:
they are created again and the index rebuilt (as in 0012)."""

import importlib

import django.db.models.deletion
from django.db import migrations, models

tokens = importlib.import_module("thidua.decisions.migrations.0012_y_recipient_public_token")


class Migration(migrations.Migration):
    dependencies = [("decisions", "0014_certs_pkcs11_keys")]

    operations = [
        # Backwards, this runs last: the rebuild undoing the step below drops the triggers.
        migrations.RunPython(migrations.RunPython.noop, tokens.restore_search_triggers),
        migrations.AddField(
            model_name="recipient",
            name="replaced_by",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="replaces",
                to="decisions.recipient",
                verbose_name="khen thưởng thay thế",
            ),
        ),
        migrations.RunPython(tokens.restore_search_triggers, migrations.RunPython.noop),
    ]
