"""Statistics in a fixed number of aggregate queries, whatever the size of the data."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear

from thidua.nominations.models import Candidate, Dossier, DossierStatus
from thidua.org import access
from thidua.org.access import Perm
from thidua.org.ethnicities import KINH
from thidua.records.levels import AUTHORITY_LEVELS, label
from thidua.records.models import AwardRecord


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


def dossier_table(user, campaign_id: int | None):
    """Per proposing unit: dossiers by status and candidates (one grouped query each)."""
    dossiers = Dossier.objects.filter(scope_q(user, "unit__path"))
    candidates = Candidate.objects.filter(scope_q(user, "dossier__unit__path"))
    if campaign_id:
        dossiers = dossiers.filter(campaign_id=campaign_id)
        candidates = candidates.filter(dossier__campaign_id=campaign_id)
    rows: dict[int, dict] = {}
    for r in dossiers.values("unit_id", "unit__name", "status").annotate(n=Count("id")):
        row = rows.setdefault(r["unit_id"], {"unit": r["unit__name"], "candidates": 0, "eligible": 0,
                                             **{s: 0 for s in DossierStatus.values}})  # fmt: skip
        row[r["status"]] = r["n"]
    for r in candidates.values("dossier__unit_id").annotate(
        n=Count("id"), eligible=Count("id", filter=Q(appraisal="du"))
    ):
        if r["dossier__unit_id"] in rows:
            rows[r["dossier__unit_id"]]["candidates"] = r["n"]
            rows[r["dossier__unit_id"]]["eligible"] = r["eligible"]
    return sorted(rows.values(), key=lambda r: r["unit"])


def award_counts(user, year: int | None, campaign_id: int | None):
    """Awards by form and level, and by year (one grouped query)."""
    awards = AwardRecord.objects.filter(
        scope_q(user, "person__unit__path") | scope_q(user, "unit__path")
    ).annotate(year=ExtractYear("decided_on"))
    if year:
        awards = awards.filter(year=year)
    if campaign_id:
        awards = awards.filter(campaign_id=campaign_id)
    by_form = defaultdict(lambda: {"individuals": 0, "collectives": 0})
    for r in awards.values("award_name", "authority_level", "year").annotate(
        individuals=Count("id", filter=Q(person__isnull=False)),
        collectives=Count("id", filter=Q(unit__isnull=False)),
    ):
        key = (r["award_name"], label(AUTHORITY_LEVELS, r["authority_level"]), r["year"])
        by_form[key]["individuals"] += r["individuals"]
        by_form[key]["collectives"] += r["collectives"]
    return [
        {"award": k[0], "level": k[1], "year": k[2], **v}
        for k, v in sorted(by_form.items(), key=lambda i: (-i[0][2], i[0][0]))
    ]


def people_shares(user, year: int | None, campaign_id: int | None) -> list[Share]:
    """Among individuals awarded: women, ethnic minorities, direct workers (one query)."""
    awards = AwardRecord.objects.filter(person__isnull=False).filter(
        scope_q(user, "person__unit__path")
    )
    if year:
        awards = awards.filter(decided_on__year=year)
    if campaign_id:
        awards = awards.filter(campaign_id=campaign_id)
    totals = awards.aggregate(
        total=Count("id"),
        women=Count("id", filter=Q(person__gender="nu")),
        minorities=Count("id", filter=~Q(person__ethnicity=KINH)),
        workers=Count("id", filter=Q(person__is_leader=False)),
        leaders=Count("id", filter=Q(person__is_leader=True)),
    )
    total = totals["total"]
    return [
        Share("Nữ", totals["women"], total),
        Share("Người dân tộc thiểu số", totals["minorities"], total),
        Share("Người trực tiếp lao động, công tác", totals["workers"], total),
        Share("Lãnh đạo, quản lý", totals["leaders"], total),
    ]
