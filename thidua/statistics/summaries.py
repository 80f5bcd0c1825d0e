"""Keep ``AwardSummary`` in step with the award history."""

from __future__ import annotations

from collections import defaultdict

from django.apps import apps as global_apps
from django.db import transaction

from thidua.org.ethnicities import KINH
from thidua.org.models import path_ids

FIELDS = ("individuals", "collectives", "women", "minorities", "workers", "leaders")


def _rows(records, AwardSummary) -> list:
    groups: dict[tuple, dict] = defaultdict(lambda: dict.fromkeys(FIELDS, 0))
    for r in records:
        path = r["person__unit__path"] or r["unit__path"]
        if not path:
            continue
        counts = dict.fromkeys(FIELDS, 0)
        if r["person_id"]:
            counts["individuals"] = 1
            counts["women"] = r["person__gender"] == "nu"
            counts["minorities"] = r["person__ethnicity"] != KINH
            counts["leaders"] = bool(r["person__is_leader"])
            counts["workers"] = not r["person__is_leader"]
        else:
            counts["collectives"] = 1
        rest = (r["decided_on"].year, r["campaign_id"], r["award_name"], r["authority_level"])
        for unit_id in path_ids(path):
            group = groups[(unit_id, *rest)]
            for name, n in counts.items():
                group[name] += n
    return [
        AwardSummary(
            unit_id=k[0], year=k[1], campaign_id=k[2], award_name=k[3], authority_level=k[4], **v
        )
        for k, v in groups.items()
    ]


VALUES = (
    "person_id",
    "person__unit__path",
    "unit__path",
    "person__gender",
    "person__ethnicity",
    "person__is_leader",
    "decided_on",
    "campaign_id",
    "award_name",
    "authority_level",
)


def add(records_queryset) -> None:
    """Append the counts of these (new) awards."""
    AwardSummary = global_apps.get_model("statistics", "AwardSummary")
    rows = _rows(records_queryset.values(*VALUES).iterator(), AwardSummary)
    AwardSummary.objects.bulk_create(rows, batch_size=2000)


def rebuild(apps=global_apps) -> int:
    """Recount everything from the award history (``apps``: a migration's historical models)."""
    AwardSummary = apps.get_model("statistics", "AwardSummary")
    AwardRecord = apps.get_model("records", "AwardRecord")
    with transaction.atomic():
        AwardSummary.objects.all().delete()
        records = AwardRecord.objects.all()
        if any(f.name == "revoked_on" for f in AwardRecord._meta.get_fields()):
            records = records.filter(revoked_on__isnull=True)  # revoked awards count no more
        rows = _rows(records.values(*VALUES).iterator(chunk_size=5000), AwardSummary)
        AwardSummary.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def count_recorded_awards(sender, awards, **kwargs) -> None:
    """Receiver of ``decisions.signals.awards_recorded``: signed decisions wrote these awards."""
    add(awards)


def recount_revoked_awards(sender, awards, **kwargs) -> None:
    """Receiver of ``decisions.signals.awards_revoked``: the groups (year, campaign, award,
    level) these awards were counted in are counted again from the awards still in force.
    A group is one campaign's form, so this reads that form's awards, not the whole history."""
    AwardSummary = global_apps.get_model("statistics", "AwardSummary")
    AwardRecord = global_apps.get_model("records", "AwardRecord")
    keys = {
        (r.decided_on.year, r.campaign_id, r.award_name, r.authority_level)
        for r in awards.only("decided_on", "campaign_id", "award_name", "authority_level")
    }
    for year, campaign_id, award_name, level in keys:
        group = {"campaign_id": campaign_id, "award_name": award_name, "authority_level": level}
        AwardSummary.objects.filter(year=year, **group).delete()
        records = AwardRecord.objects.filter(
            decided_on__year=year, revoked_on__isnull=True, **group
        )
        AwardSummary.objects.bulk_create(
            _rows(records.values(*VALUES).iterator(), AwardSummary), batch_size=2000
        )
