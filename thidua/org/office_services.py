"""The offices an issuing unit names in its documents (who proposes a decision, who executes
it, who receives it), dated, kept by the administrator; and how documents read them.

A decision of thị xã Sa Pa in 2020 is proposed by Phòng Nội vụ; a decision of phường Sa Pa in
2026 by its Phòng Văn hóa – Xã hội: the documents read the issuer's offices in force on their
date (``document_offices``) instead of naming a town's offices in code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.http import Http404

from thidua.core import audit

from . import access
from .access import Actor, Perm
from .models import Office, OfficeDuty, Unit
from .services import OrgError


@dataclass
class OfficeData:
    name: str
    abbreviation: str = ""
    duties: list[str] = field(default_factory=list)
    valid_from: date | None = None
    valid_to: date | None = None
    order: int = 0


def _check(data: OfficeData) -> None:
    if not data.name.strip():
        raise OrgError("Tên cơ quan, chức danh không được để trống.")
    unknown = [d for d in data.duties if d not in OfficeDuty.values]
    if unknown:
        raise OrgError(f"Vai trò không hợp lệ: {', '.join(unknown)}.")
    if data.valid_from and data.valid_to and data.valid_to < data.valid_from:
        raise OrgError("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.")


def get_office_or_404(actor: Actor, pk: int) -> Office:
    office = Office.objects.select_related("unit").filter(pk=pk).first()
    if office is None:
        raise Http404("Không tìm thấy cơ quan.")
    access.require(actor, office.unit, Perm.MANAGE_UNITS)
    return office


@transaction.atomic
def create_office(*, actor: Actor, unit: Unit, data: OfficeData) -> Office:
    access.require(actor, unit, Perm.MANAGE_UNITS)
    _check(data)
    office = Office.objects.create(
        unit=unit,
        name=data.name.strip(),
        abbreviation=data.abbreviation.strip(),
        duties=[d for d in OfficeDuty.values if d in data.duties],
        valid_from=data.valid_from,
        valid_to=data.valid_to,
        order=data.order,
    )
    audit.record(
        actor=actor,
        action="org.office.created",
        obj=office,
        message=f"{office.name} ({unit.name})",
        data={"unit": unit.pk, "duties": office.duties},
    )
    return office


@transaction.atomic
def update_office(*, actor: Actor, office: Office, data: OfficeData) -> Office:
    access.require(actor, office.unit, Perm.MANAGE_UNITS)
    _check(data)
    before = {
        "name": office.name,
        "duties": office.duties,
        "valid_from": office.valid_from,
        "valid_to": office.valid_to,
    }
    office.name, office.abbreviation = data.name.strip(), data.abbreviation.strip()
    office.duties = [d for d in OfficeDuty.values if d in data.duties]
    office.valid_from, office.valid_to, office.order = data.valid_from, data.valid_to, data.order
    office.save()
    audit.record(
        actor=actor,
        action="org.office.updated",
        obj=office,
        message=f"{office.name} ({office.unit.name})",
        data={k: str(v) if isinstance(v, date) else v for k, v in before.items()},
    )
    return office


@transaction.atomic
def end_office(*, actor: Actor, office: Office, valid_to: date) -> Office:
    """The office is no longer named in documents dated after ``valid_to``."""
    access.require(actor, office.unit, Perm.MANAGE_UNITS)
    if office.valid_from and valid_to < office.valid_from:
        raise OrgError("Ngày kết thúc phải sau ngày bắt đầu hiệu lực.")
    office.valid_to = valid_to
    office.save(update_fields=["valid_to"])
    audit.record(
        actor=actor,
        action="org.office.ended",
        obj=office,
        message=f"{office.name}: hiệu lực đến {valid_to:%d/%m/%Y}",
    )
    return office


# How documents read the offices.

HEAD_TITLES = (
    ("Văn phòng", "Chánh Văn phòng"),
    ("Phòng", "Trưởng phòng"),
    ("Ban", "Trưởng ban"),
    ("Sở", "Giám đốc Sở"),
    ("Trung tâm", "Giám đốc Trung tâm"),
)
TITLE_WORDS = (
    "Chánh ",
    "Trưởng ",
    "Giám đốc ",
    "Chủ tịch ",
    "Thủ trưởng ",
    "Kế toán ",
    "Thường trực ",
)


def head_title(name: str) -> str:
    """The title of an office's head as Điều 3 names it: "Phòng Nội vụ" → "Trưởng phòng Nội
    vụ", "Văn phòng HĐND và UBND thị xã" → "Chánh Văn phòng HĐND và UBND thị xã". A name that
    already is a title ("Chủ tịch UBND xã…") is kept."""
    if name.startswith(TITLE_WORDS):
        return name
    for prefix, title in HEAD_TITLES:
        if name.startswith(prefix + " "):
            return f"{title} {name[len(prefix) + 1 :]}"
    return f"Thủ trưởng {name}"


@dataclass
class DocumentOffices:
    """The issuer's offices for a document dated ``day``; empty lists where none is kept."""

    proposers: list[Office]
    executors: list[Office]
    recipients: list[Office]

    @property
    def proposer_titles(self) -> list[str]:
        return [head_title(o.name) for o in self.proposers]

    @property
    def executor_titles(self) -> list[str]:
        return [head_title(o.name) for o in self.executors]

    @property
    def recipient_names(self) -> list[str]:
        return [o.name for o in self.recipients]

    @property
    def proposer_abbreviations(self) -> list[str]:
        return [o.abbreviation for o in self.proposers if o.abbreviation]


def document_offices(unit: Unit | None, day: date) -> DocumentOffices:
    """The offices of ``unit`` in force on ``day``, by duty, in their order (one query)."""
    if unit is None:
        return DocumentOffices([], [], [])
    offices = [
        o
        for o in Office.objects.filter(unit=unit).filter(access.in_force_on(day))
        if o.is_valid_on(day)
    ]
    return DocumentOffices(
        proposers=[o for o in offices if OfficeDuty.PROPOSES in o.duties],
        executors=[o for o in offices if OfficeDuty.EXECUTES in o.duties],
        recipients=[o for o in offices if OfficeDuty.RECEIVES in o.duties],
    )
