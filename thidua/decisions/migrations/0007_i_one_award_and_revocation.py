"""One award per subject, campaign and form in force, refused by the database; decisions that
revoke a signed one (Luật TĐKT 2022 Điều 93). The recipient's columns are added nullable, so
SQLite adds them with ALTER TABLE and keeps the table and the full-text triggers of 0004. Existing
recipients get their decision's campaign and form; a duplicate made before keeps none."""

import django.db.models.deletion
from django.db import migrations, models


def fill_recipients(apps, schema_editor):
    Recipient = apps.get_model("decisions", "Recipient")
    seen = set()
    rows = Recipient.objects.values_list(
        "pk", "person_id", "unit_id", "decision__campaign_id", "decision__award_form_id"
    ).order_by("decision__signed_on", "pk")
    for pk, person_id, unit_id, campaign_id, form_id in rows:
        key = (person_id, None if person_id else unit_id, campaign_id, form_id)
        if key in seen:
            continue
        seen.add(key)
        Recipient.objects.filter(pk=pk).update(campaign_id=campaign_id, award_form_id=form_id)


class Migration(migrations.Migration):

    dependencies = [
        ('campaigns', '0001_initial'),
        ('decisions', '0006_recipient_search_index_words'),
        ('nominations', '0001_initial'),
        ('org', '0004_fill_unit_types_search_employment'),
    ]

    operations = [
        migrations.AddField(
            model_name='decision',
            name='reason',
            field=models.TextField(blank=True, verbose_name='lý do thu hồi'),
        ),
        migrations.AddField(
            model_name='decision',
            name='revokes',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='revocations', to='decisions.decision', verbose_name='quyết định bị thu hồi'),
        ),
        migrations.AddField(
            model_name='recipient',
            name='award_form',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='campaigns.awardform'),
        ),
        migrations.AddField(
            model_name='recipient',
            name='campaign',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='campaigns.campaign'),
        ),
        migrations.AddField(
            model_name='recipient',
            name='revoked_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='revoked_recipients', to='decisions.decision'),
        ),
        migrations.AddField(
            model_name='recipient',
            name='revoked_on',
            field=models.DateField(blank=True, null=True, verbose_name='ngày thu hồi'),
        ),
        migrations.AlterField(
            model_name='decision',
            name='kind',
            field=models.CharField(choices=[('issued', 'Quyết định của cơ quan'), ('higher', 'Quyết định của cấp trên (ghi nhận)'), ('revocation', 'Quyết định thu hồi, hủy bỏ khen thưởng')], default='issued', max_length=10),
        ),
        migrations.RunPython(fill_recipients, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='recipient',
            constraint=models.UniqueConstraint(condition=models.Q(('person__isnull', False), ('revoked_on__isnull', True)), fields=('person', 'campaign', 'award_form'), name='one_recipient_in_force_person'),
        ),
        migrations.AddConstraint(
            model_name='recipient',
            constraint=models.UniqueConstraint(condition=models.Q(('person__isnull', True), ('revoked_on__isnull', True)), fields=('unit', 'campaign', 'award_form'), name='one_recipient_in_force_unit'),
        ),
    ]
