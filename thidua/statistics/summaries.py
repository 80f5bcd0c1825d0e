"""Keep ``AwardSummary`` in step with the award history."""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction

from thidua.org.ethnicities import KINH
from thidua.records.models import AwardRecord

from .models import AwardSummary

FIELDS = ("individuals", "collectives", "women", "minorities", "workers", "leaders")


def _rows(records) -> list[AwardSummary]:
    groups: dict[tuple, dict] = defaultdict(lambda: dict.fromkeys(FIELDS, 0))
    for r in records:
        unit_id = r["person__unit_id"] or r["unit_id"]
        if unit_id is None:
            continue
        key = (
            unit_id,
            r["decided_on"].year,
            r["campaign_id"],
            r["award_name"],
            r["authority_level"],
        )
        counts = groups[key]
        if r["person_id"]:
            counts["individuals"] += 1
            counts["women"] += r["person__gender"] == "nu"
            counts["minorities"] += r["person__ethnicity"] != KINH
            counts["leaders"] += bool(r["person__is_leader"])
            counts["workers"] += not r["person__is_leader"]
        else:
            counts["collectives"] += 1
    return [
        AwardSummary(
            unit_id=k[0], year=k[1], campaign_id=k[2], award_name=k[3], authority_level=k[4], **v
        )
        for k, v in groups.items()
    ]


VALUES = ("person_id", "unit_id", "person__unit_id", "person__gender", "person__ethnicity", "person__is_leader",
          "decided_on", "campaign_id", "award_name", "authority_level")  # fmt: skip


def add(records_queryset) -> None:
    """Append the counts of these (new) awards."""
    AwardSummary.objects.bulk_create(
        _rows(records_queryset.values(*VALUES).iterator()), batch_size=2000
    )


@transaction.atomic
def rebuild() -> int:
    AwardSummary.objects.all().delete()
    rows = _rows(AwardRecord.objects.values(*VALUES).iterator(chunk_size=5000))
    AwardSummary.objects.bulk_create(rows, batch_size=2000)
    return len(rows)
