"""Statistics in a fixed number of aggregate queries, whatever the size of the data."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, Sum

from thidua.nominations.models import Candidate, Dossier, DossierStatus
from thidua.org import access
from thidua.org.access import Perm
from thidua.org.models import Unit
from thidua.records.levels import AUTHORITY_LEVELS, label

from .models import AwardSummary


@dataclass
class Share:
    label: str
    count: int
    total: int

    @property
    def percent(self) -> float:
        return round(self.count * 100 / self.total, 1) if self.total else 0.0


def scope_q(user, field: str) -> Q:
    return access.path_q(access.scope_paths(user, Perm.APPRAISE_DOSSIERS), field)


def _child_of_scope(path: str, roots: list[str]) -> int | None:
    """The unit directly under the user's scope that contains ``path`` (itself if it is one)."""
    for root in roots:
        if path.startswith(root) and path != root:
            return int(path[len(root) :].split("/")[0])
    return None


def dossier_table(user, campaign_id: int | None):
    """Dossiers by status and candidates, rolled up to the units directly under the user's
    scope (the wards for a town, the provinces for the nation): a readable table at any scale,
    from two grouped queries."""
    roots = access.scope_paths(user, Perm.APPRAISE_DOSSIERS)
    dossiers = Dossier.objects.filter(scope_q(user, "unit__path"))
    candidates = Candidate.objects.filter(scope_q(user, "dossier__unit__path"))
    if campaign_id:
        dossiers = dossiers.filter(campaign_id=campaign_id)
        candidates = candidates.filter(dossier__campaign_id=campaign_id)
    rows: dict[int, dict] = {}

    def row(path):
        key = _child_of_scope(path, roots)
        return rows.setdefault(key, {"unit_id": key, "candidates": 0, "eligible": 0,
                                     **dict.fromkeys(DossierStatus.values, 0)}) if key else None  # fmt: skip

    for r in dossiers.values("unit__path", "status").annotate(n=Count("id")):
        if (target := row(r["unit__path"])) is not None:
            target[r["status"]] += r["n"]
    for r in candidates.values("dossier__unit__path").annotate(
        n=Count("id"), eligible=Count("id", filter=Q(appraisal="du"))
    ):
        if (target := row(r["dossier__unit__path"])) is not None:
            target["candidates"] += r["n"]
            target["eligible"] += r["eligible"]
    names = dict(Unit.objects.filter(pk__in=list(rows)).values_list("pk", "name"))
    for r in rows.values():
        r["unit"] = names.get(r["unit_id"], "")
    return sorted(rows.values(), key=lambda r: r["unit"])


def _summaries(user, year: int | None, campaign_id: int | None):
    rows = AwardSummary.objects.filter(scope_q(user, "unit__path"))
    if year:
        rows = rows.filter(year=year)
    if campaign_id:
        rows = rows.filter(campaign_id=campaign_id)
    return rows


def award_counts(user, year: int | None, campaign_id: int | None):
    """Awards by form, level and year, from the summary table (one grouped query)."""
    rows = (
        _summaries(user, year, campaign_id)
        .values("award_name", "authority_level", "year")
        .annotate(individuals=Sum("individuals"), collectives=Sum("collectives"))
        .order_by("-year", "award_name")
    )
    return [
        {"award": r["award_name"], "level": label(AUTHORITY_LEVELS, r["authority_level"]), "year": r["year"],
         "individuals": r["individuals"], "collectives": r["collectives"]}
        for r in rows
    ]  # fmt: skip


def people_shares(user, year: int | None, campaign_id: int | None) -> list[Share]:
    """Among individuals awarded: women, ethnic minorities, direct workers (one query)."""
    totals = _summaries(user, year, campaign_id).aggregate(
        total=Sum("individuals"), women=Sum("women"), minorities=Sum("minorities"),
        workers=Sum("workers"), leaders=Sum("leaders"),
    )  # fmt: skip
    total = totals["total"] or 0
    return [
        Share("Nữ", totals["women"] or 0, total),
        Share("Người dân tộc thiểu số", totals["minorities"] or 0, total),
        Share("Người trực tiếp lao động, công tác", totals["workers"] or 0, total),
        Share("Lãnh đạo, quản lý", totals["leaders"] or 0, total),
    ]
