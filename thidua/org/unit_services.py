"""The administrator's changes of the unit tree: create, edit (rename), move, close, merge
(sáp nhập: several units closed on a date, succeeded by one), and the unit types.

Each action checks scope and permission (``MANAGE_UNITS`` over the units it touches: 404
outside the administrator's subtrees, 403 inside without the right), writes in one
transaction and records an audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet

from thidua.core import audit
from thidua.core.text import text_key

from . import access, services
from .access import Actor, Perm
from .models import Unit, UnitType, forget_unit_type_names
from .services import OrgError

EDITABLE_FIELDS = ("name", "kind", "code", "place_name", "valid_from", "valid_to", "sort_order")


@dataclass
class UnitData:
    """What the form (page or API) says about a unit."""

    name: str
    kind: str
    code: str = ""
    place_name: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    sort_order: int = 0


def manageable_units(actor: Actor) -> QuerySet[Unit]:
    """Units the administrator may change: their subtrees."""
    return access.units_with(actor, Perm.MANAGE_UNITS)


def get_managed_unit_or_404(actor: Actor, pk: int) -> Unit:
    return access.get_unit_or_404(actor, pk, Perm.MANAGE_UNITS)


def _check(data: UnitData) -> None:
    if not data.name.strip():
        raise OrgError("Tên đơn vị không được để trống.")
    if not UnitType.objects.filter(code=data.kind).exists():
        raise OrgError(f"Loại đơn vị “{data.kind}” không có trong danh mục loại đơn vị.")
    if data.valid_from and data.valid_to and data.valid_to < data.valid_from:
        raise OrgError("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.")


def _check_sibling_name(parent: Unit | None, name: str, *exclude_pks: int | None) -> None:
    """Two units in force under one parent may not share a name: imports and pickers find a
    unit by its name ("Có 2 đơn vị tên …" would refuse every row naming it)."""
    if parent is None:
        return
    key = text_key(name)
    siblings = Unit.objects.filter(parent=parent, valid_to__isnull=True).exclude(
        pk__in=[pk for pk in exclude_pks if pk]
    )
    if any(text_key(other) == key for other in siblings.values_list("name", flat=True)):
        raise OrgError(
            f"{parent.name} đã có đơn vị trực thuộc tên “{name.strip()}”. Đặt tên khác để phân "
            "biệt (tên đơn vị được dùng khi nhập danh sách từ Excel)."
        )


@transaction.atomic
def create_unit(
    *, actor: Actor, parent: Unit, data: UnitData, replacing: tuple[int, ...] = ()
) -> Unit:
    """A new unit under ``parent`` (which must be in the administrator's subtree).
    ``replacing``: units a merge closes, whose name the new unit may take."""
    access.require(actor, parent, Perm.MANAGE_UNITS)
    _check(data)
    _check_sibling_name(parent, data.name, *replacing)
    unit = Unit.objects.create(
        parent=parent,
        name=data.name.strip(),
        kind=data.kind,
        code=data.code.strip(),
        place_name=data.place_name.strip(),
        valid_from=data.valid_from,
        valid_to=data.valid_to,
        sort_order=data.sort_order,
    )
    audit.record(
        actor=actor,
        action="org.unit.created",
        obj=unit,
        message=f"{unit.name} (thuộc {parent.name})",
        data={"parent": parent.pk},
    )
    return unit


@transaction.atomic
def update_unit(*, actor: Actor, unit: Unit, data: UnitData) -> Unit:
    """Rename a unit or change its type, symbol, place name, validity or order."""
    access.require(actor, unit, Perm.MANAGE_UNITS)
    _check(data)
    current = Unit.objects.select_for_update().get(pk=unit.pk)
    if text_key(data.name) != text_key(current.name):
        _check_sibling_name(current.parent, data.name, current.pk)
    changes = {}
    for field in EDITABLE_FIELDS:
        value = getattr(data, field)
        value = value.strip() if isinstance(value, str) else value
        if getattr(current, field) != value:
            changes[field] = [_plain(getattr(current, field)), _plain(value)]
            setattr(current, field, value)
    if changes:
        current.save()
        audit.record(
            actor=actor,
            action="org.unit.renamed" if "name" in changes else "org.unit.updated",
            obj=current,
            message=(f"{changes['name'][0]} → {changes['name'][1]}" if "name" in changes else ""),
            data=changes,
        )
    return current


def _plain(value):
    return value.isoformat() if isinstance(value, date) else value


def move_unit(*, actor: Actor, unit: Unit, new_parent: Unit) -> Unit:
    """Scope first (404 outside the administrator's subtrees), then ``org.services.move_unit``."""
    access.require(actor, unit, Perm.MANAGE_UNITS)
    access.require(actor, new_parent, Perm.MANAGE_UNITS)
    return services.move_unit(actor=actor, unit=unit, new_parent=new_parent)


@transaction.atomic
def close_unit(*, actor: Actor, unit: Unit, closed_on: date, successor: Unit | None = None) -> Unit:
    """The unit's last day is ``closed_on``; optionally another unit takes over its work.
    Nothing is deleted: its people, dossiers and awards stay readable."""
    access.require(actor, unit, Perm.MANAGE_UNITS)
    current = Unit.objects.select_for_update().get(pk=unit.pk)
    if current.valid_from and closed_on < current.valid_from:
        raise OrgError(
            f"Ngày thôi hoạt động ({closed_on:%d/%m/%Y}) trước ngày đơn vị bắt đầu hiệu lực "
            f"({current.valid_from:%d/%m/%Y})."
        )
    if successor is not None:
        access.require(actor, successor, Perm.MANAGE_UNITS)
        _check_successor(successor, [current], closed_on)
        current.successor = successor
    current.valid_to = closed_on
    current.save()
    audit.record(
        actor=actor,
        action="org.unit.closed",
        obj=current,
        message=f"Hiệu lực đến {closed_on:%d/%m/%Y}"
        + (f"; đơn vị kế thừa: {successor.name}" if successor else ""),
        data={"valid_to": closed_on.isoformat(), "successor": successor.pk if successor else None},
    )
    return current


def _check_successor(successor: Unit, units: list[Unit], closed_on: date) -> None:
    for unit in units:
        if successor.pk == unit.pk or successor.path.startswith(unit.path):
            raise OrgError(
                f"Đơn vị kế thừa không thể là {unit.name} hoặc một đơn vị cấp dưới của nó."
            )
    if successor.valid_to and successor.valid_to <= closed_on:
        raise OrgError(
            f"{successor.name} hết hiệu lực ngày {successor.valid_to:%d/%m/%Y}: "
            "không thể là đơn vị kế thừa."
        )
    # No circle: the successor must not itself be succeeded by one of the closed units.
    ids, step = {u.pk for u in units}, successor
    for _ in range(20):
        if step.successor_id is None:
            break
        if step.successor_id in ids:
            raise OrgError("Quan hệ kế thừa tạo thành vòng lặp.")
        step = Unit.objects.get(pk=step.successor_id)


@transaction.atomic
def merge_units(
    *,
    actor: Actor,
    units: list[Unit],
    closed_on: date,
    successor: Unit | None = None,
    new_parent: Unit | None = None,
    new_unit: UnitData | None = None,
) -> Unit:
    """Sáp nhập: ``units`` are closed on ``closed_on`` (their last day) and succeeded by
    ``successor``, an existing unit, or by a new unit created under ``new_parent`` from the
    next day. Their history stays readable under the successor (its page lists them)."""
    if not units:
        raise OrgError("Chọn ít nhất một đơn vị được sáp nhập.")
    for unit in units:
        access.require(actor, unit, Perm.MANAGE_UNITS)
    if (successor is None) == (new_unit is None):
        raise OrgError("Chọn một đơn vị kế thừa đã có hoặc nhập tên đơn vị mới.")
    if successor is None:
        assert new_unit is not None
        if new_parent is None:
            raise OrgError("Chọn đơn vị cấp trên của đơn vị mới.")
        new_unit.valid_from = new_unit.valid_from or closed_on + timedelta(days=1)
        successor = create_unit(
            actor=actor, parent=new_parent, data=new_unit, replacing=tuple(u.pk for u in units)
        )
    else:
        access.require(actor, successor, Perm.MANAGE_UNITS)
    locked = list(Unit.objects.select_for_update().filter(pk__in=[u.pk for u in units]))
    _check_successor(successor, locked, closed_on)
    for unit in locked:
        if unit.valid_from and closed_on < unit.valid_from:
            raise OrgError(f"{unit.name} bắt đầu hiệu lực sau ngày {closed_on:%d/%m/%Y}.")
        unit.valid_to, unit.successor = closed_on, successor
        unit.save()
        audit.record(
            actor=actor,
            action="org.unit.closed",
            obj=unit,
            message=f"Sáp nhập vào {successor.name}, hiệu lực đến {closed_on:%d/%m/%Y}",
            data={"valid_to": closed_on.isoformat(), "successor": successor.pk},
        )
    audit.record(
        actor=actor,
        action="org.unit.merged",
        obj=successor,
        message="Tiếp nhận: " + ", ".join(u.name for u in locked),
        data={"units": [u.pk for u in locked], "closed_on": closed_on.isoformat()},
    )
    return successor


def predecessors(unit: Unit) -> list[Unit]:
    """The units this one succeeded, and theirs (a few levels), newest first."""
    found: list[Unit] = []
    frontier = [unit.pk]
    for _ in range(5):
        rows = list(Unit.objects.filter(successor_id__in=frontier).order_by("-valid_to", "name"))
        if not rows:
            break
        found += rows
        frontier = [u.pk for u in rows]
    return found


# Unit types: data kept by the administrator of a top unit (a province), used by every unit.


def can_edit_unit_types(actor: Actor) -> bool:
    return any(u.parent_id is None for u in access.assigned_units(actor, Perm.MANAGE_UNITS))


def _check_type_editor(actor: Actor) -> None:
    if not can_edit_unit_types(actor):
        raise PermissionDenied("Chỉ quản trị hệ thống cấp tỉnh được sửa danh mục loại đơn vị.")


@transaction.atomic
def save_unit_type(
    *,
    actor: Actor,
    unit_type: UnitType | None,
    code: str,
    name: str,
    is_people_committee: bool = False,
    order: int = 0,
) -> UnitType:
    """Create (``unit_type`` None) or change a unit type. The code of a type in use stays."""
    _check_type_editor(actor)
    code, name = code.strip(), name.strip()
    if not code or not name:
        raise OrgError("Nhập mã và tên loại đơn vị.")
    others = UnitType.objects.filter(code=code)
    if unit_type is not None:
        others = others.exclude(pk=unit_type.pk)
    if others.exists():
        raise OrgError(f"Mã loại đơn vị “{code}” đã có.")
    creating = unit_type is None
    if unit_type is None:
        unit_type = UnitType(code=code)
    elif unit_type.code != code and Unit.objects.filter(kind=unit_type.code).exists():
        raise OrgError("Loại đơn vị đang được dùng: không đổi mã được.")
    unit_type.code, unit_type.name = code, name
    unit_type.is_people_committee, unit_type.order = is_people_committee, order
    unit_type.save()
    forget_unit_type_names()
    audit.record(
        actor=actor,
        action="org.unit_type.created" if creating else "org.unit_type.updated",
        obj=unit_type,
        message=f"{code}: {name}",
    )
    return unit_type


@transaction.atomic
def delete_unit_type(*, actor: Actor, unit_type: UnitType) -> None:
    _check_type_editor(actor)
    used = Unit.objects.filter(kind=unit_type.code).count()
    if used:
        raise OrgError(f"Loại đơn vị đang được dùng cho {used} đơn vị: không xóa được.")
    audit.record(
        actor=actor,
        action="org.unit_type.deleted",
        obj=unit_type,
        message=f"{unit_type.code}: {unit_type.name}",
    )
    unit_type.delete()
    forget_unit_type_names()


def not_in_force(unit: Unit, day: date) -> str:
    """Why ``unit`` cannot act on ``day`` (closed, or not yet in force), in Vietnamese; empty
    when it is in force. Launching a campaign and opening a dossier ask it."""
    if unit.is_valid_on(day):
        return ""
    if unit.valid_to and day > unit.valid_to:
        successor = unit.successor
        heir = f" Đơn vị kế thừa: {successor.name}." if successor is not None else ""
        return (
            f"{unit.name} đã thôi hoạt động từ sau ngày {unit.valid_to:%d/%m/%Y} "
            f"(ngày {day:%d/%m/%Y} nằm ngoài thời hạn hiệu lực của đơn vị).{heir}"
        )
    assert unit.valid_from is not None
    return f"{unit.name} chỉ có hiệu lực từ ngày {unit.valid_from:%d/%m/%Y}."
