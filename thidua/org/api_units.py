"""Units, unit types and offices through /api/v1/ (administrators).

The same forms validate the input and the same services act as on the pages
(/quan-tri/don-vi/): a unit outside the administrator's subtrees is a 404, a role without
``MANAGE_UNITS`` inside them a 403, a refused rule a 422.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from thidua.core.api import Error

from . import access, office_services, unit_services
from .access import Perm
from .api_auth import TokenAuth
from .models import Office, Unit, UnitType
from .unit_forms import CloseForm, MergeForm, OfficeForm, UnitForm, UnitTypeForm

router = Router(tags=["Quản trị đơn vị"], auth=TokenAuth())
REFUSALS = {403: Error, 404: Error, 422: Error}


class AdminUnitOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    parent_id: int | None
    depth: int
    code: str
    place_name: str
    valid_from: date | None
    valid_to: date | None
    successor_id: int | None
    sort_order: int


class UnitIn(Schema):
    name: str
    kind: str
    code: str = ""
    place_name: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    sort_order: int = 0


class NewUnitIn(UnitIn):
    parent_id: int


class MoveIn(Schema):
    new_parent_id: int


class CloseIn(Schema):
    closed_on: date
    successor_id: int | None = None


class MergeIn(Schema):
    unit_ids: list[int]
    closed_on: date
    successor_id: int | None = None
    new_name: str = ""
    new_kind: str = ""
    new_parent_id: int | None = None
    new_code: str = ""
    new_place_name: str = ""


class UnitTypeIO(Schema):
    id: int | None = None
    code: str
    name: str
    is_people_committee: bool = False
    order: int = 0


class OfficeIO(Schema):
    id: int | None = None
    unit_id: int | None = None
    name: str
    abbreviation: str = ""
    duties: list[str] = []
    valid_from: date | None = None
    valid_to: date | None = None
    order: int = 0


class EndIn(Schema):
    valid_to: date


def _out(u: Unit) -> dict:
    fields = AdminUnitOut.model_fields
    return {
        **{f: getattr(u, f) for f in fields if f != "kind_label"},
        "kind_label": u.get_kind_display(),
    }


def _office_out(o: Office) -> dict:
    return {f: getattr(o, f) for f in OfficeIO.model_fields}


def _valid(form):
    if not form.is_valid():
        raise ValidationError(
            {field: [str(e) for e in errors] for field, errors in form.errors.items()}
        )
    return form


def _managed(request, pk: int) -> Unit:
    return unit_services.get_managed_unit_or_404(request.user, pk)


def _require_admin(request) -> None:
    if not access.has_perm_anywhere(request.user, Perm.MANAGE_UNITS):
        raise PermissionDenied("Chỉ quản trị hệ thống được quản lý đơn vị.")


@router.get(
    "/admin/units",
    response={200: list[AdminUnitOut], 403: Error},
    summary="Đơn vị trong phạm vi quản trị",
)
def list_units(request):
    _require_admin(request)
    return [_out(u) for u in unit_services.manageable_units(request.user).order_by("path")]


@router.get(
    "/admin/units/{unit_id}", response={200: AdminUnitOut, **REFUSALS}, summary="Một đơn vị"
)
def get_unit(request, unit_id: int):
    return _out(_managed(request, unit_id))


@router.post("/admin/units", response={201: AdminUnitOut, **REFUSALS}, summary="Tạo đơn vị")
def create_unit(request, payload: NewUnitIn):
    parent = _managed(request, payload.parent_id)
    form = _valid(UnitForm(payload.dict(exclude={"parent_id"})))
    unit = unit_services.create_unit(actor=request.user, parent=parent, data=form.unit_data())
    return Status(201, _out(unit))


@router.put(
    "/admin/units/{unit_id}",
    response={200: AdminUnitOut, **REFUSALS},
    summary="Sửa đơn vị (đổi tên, loại, ký hiệu, hiệu lực)",
)
def update_unit(request, unit_id: int, payload: UnitIn):
    unit = _managed(request, unit_id)
    form = _valid(UnitForm(payload.dict()))
    return _out(unit_services.update_unit(actor=request.user, unit=unit, data=form.unit_data()))


@router.post(
    "/admin/units/{unit_id}/move",
    response={200: AdminUnitOut, **REFUSALS},
    summary="Chuyển đơn vị (cùng đơn vị trực thuộc) sang đơn vị cấp trên khác",
)
def move_unit(request, unit_id: int, payload: MoveIn):
    unit, parent = _managed(request, unit_id), _managed(request, payload.new_parent_id)
    return _out(unit_services.move_unit(actor=request.user, unit=unit, new_parent=parent))


@router.post(
    "/admin/units/{unit_id}/close",
    response={200: AdminUnitOut, **REFUSALS},
    summary="Đơn vị thôi hoạt động (có thể có đơn vị kế thừa)",
)
def close_unit(request, unit_id: int, payload: CloseIn):
    unit = _managed(request, unit_id)
    successor = _managed(request, payload.successor_id) if payload.successor_id else None
    form = _valid(
        CloseForm(
            {"closed_on": payload.closed_on, "successor": getattr(successor, "pk", None)},
            units=Unit.objects.filter(pk=getattr(successor, "pk", None)),
        )
    )
    closed = unit_services.close_unit(
        actor=request.user,
        unit=unit,
        closed_on=form.cleaned_data["closed_on"],
        successor=successor,
    )
    return _out(closed)


@router.post(
    "/admin/unit-merges",
    response={201: AdminUnitOut, **REFUSALS},
    summary="Sáp nhập đơn vị: các đơn vị cũ thôi hoạt động, đơn vị kế thừa (đã có hoặc mới)",
)
def merge_units(request, payload: MergeIn):
    _require_admin(request)
    ids = [*payload.unit_ids, payload.successor_id, payload.new_parent_id]
    scoped = [_managed(request, pk) for pk in ids if pk]
    data = payload.dict()
    data["units"], data["successor"] = payload.unit_ids, payload.successor_id
    data["new_parent"] = payload.new_parent_id
    form = _valid(MergeForm(data, units=Unit.objects.filter(pk__in=[u.pk for u in scoped])))
    d = form.cleaned_data
    successor = unit_services.merge_units(
        actor=request.user,
        units=list(d["units"]),
        closed_on=d["closed_on"],
        successor=d.get("successor"),
        new_parent=d.get("new_parent"),
        new_unit=form.new_unit(),
    )
    return Status(201, _out(successor))


@router.get(
    "/admin/unit-types", response={200: list[UnitTypeIO], 403: Error}, summary="Loại đơn vị"
)
def list_unit_types(request):
    _require_admin(request)
    return list(UnitType.objects.values("id", "code", "name", "is_people_committee", "order"))


def _save_type(request, unit_type: UnitType | None, payload: UnitTypeIO) -> dict:
    _require_admin(request)
    form = _valid(UnitTypeForm(payload.dict(exclude={"id"})))
    saved = unit_services.save_unit_type(
        actor=request.user, unit_type=unit_type, **form.cleaned_data
    )
    return {f: getattr(saved, f) for f in UnitTypeIO.model_fields}


@router.post(
    "/admin/unit-types",
    response={201: UnitTypeIO, **REFUSALS},
    summary="Thêm loại đơn vị (quản trị cấp tỉnh)",
)
def create_unit_type(request, payload: UnitTypeIO):
    return Status(201, _save_type(request, None, payload))


@router.put(
    "/admin/unit-types/{type_id}",
    response={200: UnitTypeIO, **REFUSALS},
    summary="Sửa loại đơn vị (quản trị cấp tỉnh)",
)
def update_unit_type(request, type_id: int, payload: UnitTypeIO):
    return _save_type(request, get_object_or_404(UnitType, pk=type_id), payload)


@router.delete(
    "/admin/unit-types/{type_id}",
    response={204: None, **REFUSALS},
    summary="Xóa loại đơn vị chưa dùng (quản trị cấp tỉnh)",
)
def delete_unit_type(request, type_id: int):
    _require_admin(request)
    unit_type = get_object_or_404(UnitType, pk=type_id)
    unit_services.delete_unit_type(actor=request.user, unit_type=unit_type)
    return Status(204, None)


@router.get(
    "/admin/units/{unit_id}/offices",
    response={200: list[OfficeIO], **REFUSALS},
    summary="Cơ quan tham mưu, thi hành, nơi nhận của đơn vị",
)
def list_offices(request, unit_id: int):
    unit = _managed(request, unit_id)
    return [_office_out(o) for o in Office.objects.filter(unit=unit).order_by("order", "id")]


@router.post(
    "/admin/units/{unit_id}/offices",
    response={201: OfficeIO, **REFUSALS},
    summary="Thêm cơ quan tham mưu, thi hành, nơi nhận",
)
def create_office(request, unit_id: int, payload: OfficeIO):
    unit = _managed(request, unit_id)
    form = _valid(OfficeForm(payload.dict(exclude={"id", "unit_id"})))
    office = office_services.create_office(actor=request.user, unit=unit, data=form.office_data())
    return Status(201, _office_out(office))


@router.put(
    "/admin/offices/{office_id}",
    response={200: OfficeIO, **REFUSALS},
    summary="Sửa cơ quan tham mưu, thi hành, nơi nhận",
)
def update_office(request, office_id: int, payload: OfficeIO):
    office = office_services.get_office_or_404(request.user, office_id)
    form = _valid(OfficeForm(payload.dict(exclude={"id", "unit_id"})))
    saved = office_services.update_office(
        actor=request.user, office=office, data=form.office_data()
    )
    return _office_out(saved)


@router.post(
    "/admin/offices/{office_id}/end",
    response={200: OfficeIO, **REFUSALS},
    summary="Kết thúc hiệu lực một cơ quan",
)
def end_office(request, office_id: int, payload: EndIn):
    office = office_services.get_office_or_404(request.user, office_id)
    return _office_out(
        office_services.end_office(actor=request.user, office=office, valid_to=payload.valid_to)
    )
