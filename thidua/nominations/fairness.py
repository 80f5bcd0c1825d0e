"""Fairness of a campaign's proposals and awards inside a scope: by unit, sex, ethnicity and
level (leaders and managers vs people working directly), beside the head-count, and the
collectives by size (Luật Thi đua, khen thưởng 2022, Điều 5: favour small collectives and
people who work directly in production, at the grassroots).

Counts are grouped by the database: a fixed number of queries whatever the number of people."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from thidua.campaigns.models import Campaign
from thidua.org.models import Person, Unit, path_ids
from thidua.records.models import AwardRecord

from .models import Candidate

SMALL_COLLECTIVE = 10  # people: a "small" collective for the fairness view

GROUPS = (
    ("nam", "Nam"),
    ("nu", "Nữ"),
    ("kinh", "Dân tộc Kinh"),
    ("dtts", "Dân tộc thiểu số"),
    ("leader", "Lãnh đạo, quản lý"),
    ("staff", "Trực tiếp công tác, sản xuất"),
)


@dataclass
class Row:
    label: str
    headcount: int = 0
    proposed: int = 0
    awarded: int = 0

    @property
    def proposed_rate(self) -> str:
        return _rate(self.proposed, self.headcount)

    @property
    def awarded_rate(self) -> str:
        return _rate(self.awarded, self.headcount)


@dataclass
class UnitRow(Row):
    collectives_proposed: int = 0
    collectives_awarded: int = 0


def _rate(n: int, of: int) -> str:
    return f"{100 * n / of:.1f}".replace(".", ",") + " %" if of else "–"


def _groups(gender: str, ethnicity: str, is_leader: bool) -> tuple[str, str, str]:
    return (
        "nu" if gender == "nu" else "nam",
        "kinh" if ethnicity == "01" else "dtts",
        "leader" if is_leader else "staff",
    )


def fairness(campaign: Campaign, scope: Unit) -> dict:
    """{"units": [UnitRow], "groups": [Row], "sizes": [Row]} for ``scope``'s subtree."""
    children = list(
        Unit.objects.filter(parent=scope).order_by("sort_order", "name").only("pk", "name")
    )
    rows: dict[int, UnitRow] = {u.pk: UnitRow(u.name) for u in children}
    own = UnitRow(f"{scope.name} (trực thuộc)")
    depth = scope.path.count("/") - 1  # index of a child's id in path_ids

    def row_of(path: str) -> UnitRow:
        ids = path_ids(path)
        return rows.get(ids[depth], own) if len(ids) > depth else own

    groups = {code: Row(label) for code, label in GROUPS}
    people = Person.objects.filter(unit__path__startswith=scope.path, left_on__isnull=True)
    size: Counter[int] = Counter()
    for path, gender, ethnicity, leader, n in (
        people.values("unit__path", "gender", "ethnicity", "is_leader")
        .annotate(n=Count("pk"))
        .values_list("unit__path", "gender", "ethnicity", "is_leader", "n")
    ):
        row_of(path).headcount += n
        for ancestor in path_ids(path):  # a collective counts the people of its subtree
            size[ancestor] += n
        for code in _groups(gender, ethnicity, leader):
            groups[code].headcount += n

    def count_people(queryset: QuerySet, attr: str) -> None:
        fields = ("person__unit__path", "person__gender", "person__ethnicity", "person__is_leader")
        for path, gender, ethnicity, leader, n in (
            queryset.filter(person__unit__path__startswith=scope.path)
            .values(*fields)
            .annotate(n=Count("person", distinct=True))
            .values_list(*fields, "n")
        ):
            row = row_of(path)
            setattr(row, attr, getattr(row, attr) + n)
            for code in _groups(gender, ethnicity, leader):
                setattr(groups[code], attr, getattr(groups[code], attr) + n)

    candidates = Candidate.objects.filter(dossier__campaign=campaign)
    awards = AwardRecord.objects.filter(campaign=campaign, revoked_on__isnull=True)
    count_people(candidates, "proposed")
    count_people(awards, "awarded")

    sizes = {
        "small": Row(f"Tập thể nhỏ (đến {SMALL_COLLECTIVE} người)"),
        "large": Row(f"Tập thể trên {SMALL_COLLECTIVE} người"),
    }
    for pk in (
        Unit.objects.filter(path__startswith=scope.path)
        .exclude(pk=campaign.issuer_id)
        .values_list("pk", flat=True)
    ):
        sizes["small" if size[pk] <= SMALL_COLLECTIVE else "large"].headcount += 1
    for queryset, attr in ((candidates, "proposed"), (awards, "awarded")):
        for unit_id, path in (
            queryset.filter(unit__path__startswith=scope.path)
            .values_list("unit_id", "unit__path")
            .distinct()
        ):
            row = row_of(path)
            name = f"collectives_{attr}"
            setattr(row, name, getattr(row, name) + 1)
            bucket = sizes["small" if size[unit_id] <= SMALL_COLLECTIVE else "large"]
            setattr(bucket, attr, getattr(bucket, attr) + 1)
    unit_rows = [rows[u.pk] for u in children]
    if own.headcount or own.proposed or own.awarded or own.collectives_proposed:
        unit_rows.append(own)
    return {
        "units": unit_rows,
        "groups": [groups[code] for code, _l in GROUPS],
        "sizes": list(sizes.values()),
    }
