"""One award per subject, campaign and form while in force; the revoked state (Luật TĐKT 2022
Điều 93). Awards written by decisions before get their form back from the campaign's form of
the same name; a second award of the same form and campaign (a double award made before this
migration) keeps no form, so that the migration passes and the duplicate stays visible."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def fill_award_forms(apps, schema_editor):
    AwardRecord = apps.get_model("records", "AwardRecord")
    AwardForm = apps.get_model("campaigns", "AwardForm")
    forms = {(f.campaign_id, f.name): f.pk for f in AwardForm.objects.all()}
    seen = set()
    for record in AwardRecord.objects.filter(campaign__isnull=False).order_by("decided_on", "pk"):
        form_id = forms.get((record.campaign_id, record.award_name))
        key = (record.person_id, record.unit_id, record.campaign_id, form_id)
        if form_id is None or key in seen:
            continue
        seen.add(key)
        AwardRecord.objects.filter(pk=record.pk).update(award_form_id=form_id)


class Migration(migrations.Migration):

    dependencies = [
        ('campaigns', '0001_initial'),
        ('org', '0004_fill_unit_types_search_employment'),
        ('records', '0003_evidence_and_legacy_awards'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='awardrecord',
            name='award_form',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='campaigns.awardform'),
        ),
        migrations.AddField(
            model_name='awardrecord',
            name='revocation_reason',
            field=models.TextField(blank=True, verbose_name='lý do thu hồi'),
        ),
        migrations.AddField(
            model_name='awardrecord',
            name='revoked_by_number',
            field=models.CharField(blank=True, max_length=50, verbose_name='quyết định thu hồi'),
        ),
        migrations.AddField(
            model_name='awardrecord',
            name='revoked_on',
            field=models.DateField(blank=True, null=True, verbose_name='ngày thu hồi'),
        ),
        migrations.RunPython(fill_award_forms, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='awardrecord',
            constraint=models.UniqueConstraint(condition=models.Q(('person__isnull', False), ('revoked_on__isnull', True)), fields=('person', 'campaign', 'award_form'), name='one_award_in_force_person'),
        ),
        migrations.AddConstraint(
            model_name='awardrecord',
            constraint=models.UniqueConstraint(condition=models.Q(('person__isnull', True), ('revoked_on__isnull', True)), fields=('unit', 'campaign', 'award_form'), name='one_award_in_force_unit'),
        ),
    ]
