"""What the engine reads and writes: a criterion as data, a candidate's facts, a result."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import NamedTuple


class Status(str, Enum):
    DAT = "dat"
    KHONG_DAT = "khong_dat"
    CAN_XAC_NHAN = "can_xac_nhan"

    @property
    def label(self) -> str:
        return {"dat": "Đạt", "khong_dat": "Không đạt", "can_xac_nhan": "Cần xác nhận"}[self.value]


@dataclass(frozen=True)
class CriterionSpec:
    key: str
    kind: str
    text: str
    params: Mapping[str, object] = field(default_factory=dict)
    children: tuple[CriterionSpec, ...] = ()


@dataclass(frozen=True)
class InitiativeFact:
    key: str
    title: str
    recognized_on: date
    authority_level: str
    used_for: str | None = None  # an award it already served: one initiative, one award


@dataclass(frozen=True)
class DisciplineFact:
    form: str
    decided_on: date
    ends_on: date | None = None
    person_name: str = ""


@dataclass(frozen=True)
class MemberFact:
    """A member of a collective: employed in the unit's subtree from ``valid_from`` to
    ``valid_to`` (open ends: always), with their annual ratings by year."""

    person_id: int
    valid_from: date | None
    valid_to: date | None
    ratings: Mapping[int, str]

    def member_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True)
class Attestation:
    confirmed: bool
    note: str = ""
    by: str = ""


@dataclass(slots=True)
class Facts:
    subject_kind: str  # "individual" | "collective"
    reference_date: date
    period_start: date | None = None
    ratings: dict[int, str] = field(default_factory=dict)
    initiatives: list[InitiativeFact] = field(default_factory=list)
    disciplines: list[DisciplineFact] = field(default_factory=list)
    numbers: dict[str, float | int | None] = field(default_factory=dict)
    campaigns_asked: list[tuple[str, str]] | None = None
    campaigns_launched: set[str] = field(default_factory=set)
    attestations: dict[str, Attestation] = field(default_factory=dict)
    # Years with maternity leave: counted as working time (NĐ 152/2025/NĐ-CP Điều 4).
    maternity_years: set[int] = field(default_factory=set)
    # A collective's members with their ratings (None: not read, the criteria say so).
    members: tuple[MemberFact, ...] | None = None


class CriterionResult(NamedTuple):
    # A named tuple, not a frozen dataclass: a campaign creates hundreds of thousands.
    key: str
    text: str
    status: Status
    explanation: str
    children: tuple[CriterionResult, ...] = ()
