"""What a document reads of its issuing unit on its date: whether it is a People's Committee
(its header then carries its own full name only), who signs for it (the chairman or head in
office on that day), which office drafted it (the "Lưu: VT, NV." line) and which kinds of units
stand below it (whom a plan may address: "các cơ quan, đơn vị, UBND các xã, phường").

Read from data: unit types, dated role assignments, the issuer's offices; nothing in code
names a town's or a ward's offices or people.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from thidua.core import docx as d

from .access import in_force_on
from .models import Role, RoleAssignment, Unit, UnitKind, UnitType
from .office_services import document_offices


def is_people_committee(unit: Unit | None) -> bool:
    """True for a People's Committee (its unit type says so; the built-in UBND kinds without
    a type row)."""
    if unit is None:
        return False
    flag = UnitType.objects.filter(code=unit.kind).values_list("is_people_committee", flat=True)
    for value in flag:
        return bool(value)
    return unit.kind in d.PEOPLE_COMMITTEE_KINDS


def parent_line(unit: Unit) -> str:
    """The line above the issuer's name in the header: the governing body of an office or a
    school ("UBND THỊ XÃ SA PA" over "PHÒNG NỘI VỤ"); none for a People's Committee, whose
    documents carry its own full name only."""
    if unit.parent is None or is_people_committee(unit):
        return ""
    return d.agency_name(unit.parent)


def issuer_line(unit: Unit) -> str:
    """The issuer's own name in the header: in full for a People's Committee."""
    return d.agency_full_name(unit) if is_people_committee(unit) else d.agency_name(unit)


@dataclass(frozen=True)
class Signer:
    authority: str  # "TM. ỦY BAN NHÂN DÂN", or empty
    title: str  # "CHỦ TỊCH", "THỦ TRƯỞNG"
    name: str  # empty when nobody holds the office on that day: the line is left to sign


def head_of(unit: Unit, day: date) -> Signer:
    """Who signs for ``unit`` on ``day``: the holder of its chairman's role (CHU_TICH), else of
    its head's role (THU_TRUONG), assigned on the unit itself and in force on that day. A
    People's Committee signs "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"; another unit "THỦ TRƯỞNG"."""
    committee = is_people_committee(unit)
    holders = {
        a.role: a
        for a in RoleAssignment.objects.filter(
            unit=unit, role__in=[Role.CHU_TICH, Role.THU_TRUONG], user__is_active=True
        )
        .filter(in_force_on(day))
        .select_related("user")
        .order_by("id")  # the latest assignment of a role wins
    }
    holder = holders.get(Role.CHU_TICH) or holders.get(Role.THU_TRUONG)
    name = holder.user.get_full_name() if holder else ""
    if committee:
        return Signer("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", name)
    return Signer("", "THỦ TRƯỞNG", name)


def drafter_abbreviation(unit: Unit | None, day: date) -> str:
    """The abbreviation of the issuer's proposing office in force on ``day`` ("NV" for Phòng
    Nội vụ of the town in 2020, "VHXH" for the ward's office in 2026), or empty."""
    abbreviations = document_offices(unit, day).proposer_abbreviations
    return abbreviations[0] if abbreviations else ""


# How a plan addresses the units below its issuer, by the kind of unit found there.
_ADDRESSEES = (
    ("agencies", "các cơ quan, đơn vị"),
    ("committees", "UBND các xã, phường"),
    ("hamlets", "các thôn, tổ dân phố"),
)


def subordinate_addressees(unit: Unit, day: date) -> str:
    """Whom the issuer's plan addresses, from the units directly below it on ``day``: "các cơ
    quan, đơn vị, UBND các xã, phường" for a town, "các cơ quan, đơn vị, các thôn, tổ dân phố"
    for a ward of the two-tier structure (it has no communes or wards below it)."""
    committees = set(
        UnitType.objects.filter(is_people_committee=True).values_list("code", flat=True)
    ) or set(d.PEOPLE_COMMITTEE_KINDS)
    found = set()
    for kind in (
        Unit.objects.filter(parent=unit).filter(in_force_on(day)).values_list("kind", flat=True)
    ):
        if kind in committees:
            found.add("committees")
        elif kind == UnitKind.THON:
            found.add("hamlets")
        else:
            found.add("agencies")
    parts = [text for key, text in _ADDRESSEES if key in found]
    return ", ".join(parts) or "các cơ quan, đơn vị"
