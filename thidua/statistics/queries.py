"""Statistics in a fixed number of aggregate queries, whatever the size of the data."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, Q, Sum

from thidua.campaigns.models import Campaign
from thidua.nominations.models import DossierStatus
from thidua.org import access
from thidua.org.access import Perm
from thidua.org.models import path_ids
from thidua.records.levels import AUTHORITY_LEVELS, label

from .models import AwardSummary, DossierCount, DossierTally
from .summaries import FIELDS


@dataclass
class Share:
    label: str
    count: int
    total: int

    @property
    def percent(self) -> float:
        return round(self.count * 100 / self.total, 1) if self.total else 0.0


def scope_roots(user) -> list[int]:
    """The units at the top of the user's statistics scope (none nested in another): the
    summary rows of these units hold everything under them."""
    paths = sorted(access.scope_paths(user, Perm.APPRAISE_DOSSIERS))
    tops = [p for n, p in enumerate(paths) if not any(p.startswith(q) for q in paths[:n])]
    return [path_ids(p)[-1] for p in tops]


STATUS_COLUMNS = DossierStatus.values  # DossierTally has one column per status


OWN_DOSSIER = "{name} (hồ sơ của đơn vị)"


def dossier_table(roots: list[int], campaign_id: int | None):
    """Dossiers by status and candidates: first the dossiers of the user's own units (a ward's
    own dossier, when it files one), then each unit directly under the user's scope (the wards
    for a town, the provinces for the nation) with its whole subtree. Two queries (the own
    dossiers' counts, the children's tallies), one row per unit shown."""
    rows = DossierTally.objects.filter(unit__parent_id__in=roots)
    if campaign_id:
        rows = rows.filter(campaign_id=campaign_id)
    columns = [*STATUS_COLUMNS, "candidates", "eligible"]
    children = list(
        rows.values("unit_id", unit_name=F("unit__name"))
        .annotate(**{c: Sum(c) for c in columns})
        .order_by("unit__name")
    )
    return own_dossiers(roots, campaign_id) + children


def own_dossiers(roots: list[int], campaign_id: int | None) -> list[dict]:
    """One row per unit of ``roots`` that filed dossiers itself, counted from the per-dossier
    figures the tallies keep (``DossierCount``)."""
    counts = DossierCount.objects.filter(dossier__unit_id__in=roots)
    if campaign_id:
        counts = counts.filter(dossier__campaign_id=campaign_id)
    rows: dict[int, dict] = {}
    for unit_id, name, status, number, candidates, eligible in (
        counts.values_list("dossier__unit_id", "dossier__unit__name", "status")
        .annotate(Count("pk"), Sum("candidates"), Sum("eligible"))
        .order_by("dossier__unit__name", "status")
    ):
        row = rows.setdefault(
            unit_id,
            {
                "unit_id": unit_id,
                "unit_name": OWN_DOSSIER.format(name=name),
                **{c: 0 for c in STATUS_COLUMNS},
                "candidates": 0,
                "eligible": 0,
            },
        )
        if status in row:
            row[status] += number
        row["candidates"] += candidates or 0
        row["eligible"] += eligible or 0
    return list(rows.values())


def _summaries(roots: list[int], year: int | None, campaign_id: int | None):
    rows = AwardSummary.objects.filter(unit_id__in=roots)
    if year:
        rows = rows.filter(year=year)
    if campaign_id:
        rows = rows.filter(campaign_id=campaign_id)
    return rows


def campaigns(roots: list[int]):
    """Campaigns to filter by: those of the user's units and of the units directly under them
    (a town's and its wards' own campaigns), newest first."""
    return (
        Campaign.objects.filter(Q(issuer_id__in=roots) | Q(issuer__parent_id__in=roots))
        .only("pk", "title")
        .order_by("-period_start", "-pk")
    )


def awards(
    roots: list[int], year: int | None, campaign_id: int | None
) -> tuple[list[dict], list[Share]]:
    """Awards by form, level and year, and among the individuals awarded the share of women,
    ethnic minorities, direct workers and leaders: one grouped query on the summary table."""
    rows = list(
        _summaries(roots, year, campaign_id)
        .values("award_name", "authority_level", "year")
        .annotate(**{f: Sum(f) for f in FIELDS})
        .order_by("-year", "award_name")
    )
    counts = [
        {
            "award": r["award_name"],
            "level": label(AUTHORITY_LEVELS, r["authority_level"]),
            "year": r["year"],
            "individuals": r["individuals"],
            "collectives": r["collectives"],
        }
        for r in rows
    ]
    total = {f: sum(r[f] for r in rows) for f in FIELDS}
    people = total["individuals"]
    shares = [
        Share("Nữ", total["women"], people),
        Share("Người dân tộc thiểu số", total["minorities"], people),
        Share("Người trực tiếp lao động, công tác", total["workers"], people),
        Share("Lãnh đạo, quản lý", total["leaders"], people),
    ]
    return counts, shares
