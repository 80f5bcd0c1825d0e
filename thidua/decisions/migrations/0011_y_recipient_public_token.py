"""Each award gets an unguessable token for its public verification page (issue 15)."""

from django.db import migrations, models

import thidua.decisions.qr


def fill(apps, schema_editor):
    Recipient = apps.get_model("decisions", "Recipient")
    rows = list(Recipient.objects.filter(public_token__isnull=True).only("pk"))
    for row in rows:
        row.public_token = thidua.decisions.qr.new_token()
    Recipient.objects.bulk_update(rows, ["public_token"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("decisions", "0010_r_signing")]

    operations = [
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
    ]
