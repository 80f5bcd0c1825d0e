"""Staff (people) through /api/v1/: list and search, add, edit, move, end, bulk import. The
same forms, services and scope as the pages (/can-bo/)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from ninja import Router, Schema, Status

from . import access, people_import, people_services, search
from .access import Perm
from .api_auth import TokenAuth
from .people_forms import EndForm, MoveForm, PersonForm

router = Router(tags=["Cán bộ"], auth=TokenAuth())


class PersonOut(Schema):
    id: int
    full_name: str
    gender: str
    date_of_birth: date | None
    ethnicity: str
    ethnicity_label: str
    unit_id: int
    unit_name: str
    position: str
    category: str
    is_leader: bool
    left_on: date | None


class PersonIn(Schema):
    full_name: str
    gender: str
    date_of_birth: date | None = None
    ethnicity: str = "01"
    unit_id: int | None = None  # required to add; a move goes through /move
    position: str = ""
    category: str
    is_leader: bool = False


class MoveIn(Schema):
    unit_id: int
    on: date


class EndIn(Schema):
    on: date


class ImportIn(Schema):
    rows: list[dict[str, Any]]
    only_clean: bool = False
    include_duplicates: bool = False


class ImportError_(Schema):
    row: int
    column: str
    message: str


class ImportOut(Schema):
    imported: int
    clean: int
    duplicates: list[int]
    errors: list[ImportError_]


PERSON_FIELDS = (
    "id",
    "full_name",
    "gender",
    "date_of_birth",
    "ethnicity",
    "unit_id",
    "position",
    "category",
    "is_leader",
    "left_on",
)


def person_out(p) -> dict:
    return {
        **{f: getattr(p, f) for f in PERSON_FIELDS},
        "ethnicity_label": p.get_ethnicity_display(),
        "unit_name": p.unit.name,
    }


def _valid(form) -> dict:
    if not form.is_valid():
        raise ValidationError({k: list(v) for k, v in form.errors.items()})
    return form.cleaned_data


@router.get(
    "/people", response=list[PersonOut], summary="Cá nhân trong phạm vi (tối đa 500 mỗi trang)"
)
def list_people(
    request, unit_id: int | None = None, q: str = "", offset: int = 0, limit: int = 100
):
    """``q`` tìm theo họ tên không cần dấu: “giang thi my” tìm được Giàng Thị Mỷ."""
    if not access.has_perm_anywhere(request.user, Perm.VIEW_PEOPLE):
        raise PermissionDenied("Vai trò của bạn không được xem thông tin cá nhân.")
    qs = access.people_with(request.user).select_related("unit")
    if unit_id is not None:
        unit = access.get_unit_or_404(request.user, unit_id, Perm.VIEW_PEOPLE)
        qs = qs.filter(unit__path__startswith=unit.path)
    qs = search.name_condition(qs, q).order_by("unit__path", "full_name", "id")
    limit, offset = max(1, min(limit, 500)), max(offset, 0)
    return [person_out(p) for p in qs[offset : offset + limit]]


@router.post("/people", response={201: PersonOut}, summary="Thêm cán bộ")
def create_person(request, payload: PersonIn):
    data = payload.dict()
    data["unit"] = data.pop("unit_id")
    if data["unit"] is not None:
        access.get_unit_or_404(request.user, data["unit"], Perm.MANAGE_PEOPLE)
    elif not access.has_perm_anywhere(request.user, Perm.MANAGE_PEOPLE):
        raise PermissionDenied("Vai trò của bạn không được quản lý cán bộ.")
    cleaned = dict(_valid(PersonForm(data=data, actor=request.user)))
    unit = cleaned.pop("unit")
    person = people_services.add_person(actor=request.user, unit=unit, data=cleaned)
    return Status(201, person_out(person))


@router.post(
    "/people/import",
    response={200: ImportOut, 422: ImportOut},
    summary="Nhập danh sách cán bộ (các dòng JSON, cùng quy tắc như tệp Excel)",
)
def import_people(request, payload: ImportIn):
    """Mỗi dòng: name, gender, dob (dd/mm/yyyy hoặc yyyy-mm-dd), ethnicity, unit (tên đơn vị),
    position, category, leader. Không lưu gì nếu còn dòng lỗi, trừ khi ``only_clean``."""
    report = people_import.import_records(
        actor=request.user,
        records=payload.rows,
        only_clean=payload.only_clean,
        include_duplicates=payload.include_duplicates,
    )
    body = {
        "imported": report.imported,
        "clean": len(report.rows),
        "duplicates": [r.row for r in report.duplicates],
        "errors": [{"row": e.row, "column": e.column, "message": e.message} for e in report.errors],
    }
    return Status(422 if report.errors and not report.imported else 200, body)


# An action path like /move and /end: GET /people/{id} (a person's history) belongs to the
# records router, and Django would answer 405 for the methods of one router on the other's path.
@router.post("/people/{person_id}/edit", response=PersonOut, summary="Sửa thông tin cán bộ")
def update_person(request, person_id: int, payload: PersonIn):
    person = access.get_person_or_404(request.user, person_id, Perm.MANAGE_PEOPLE)
    data = payload.dict(exclude={"unit_id"})
    cleaned = _valid(PersonForm(data=data, instance=person, actor=request.user, editing=True))
    person.refresh_from_db()
    person = people_services.edit_person(actor=request.user, person=person, data=cleaned)
    return person_out(person)


@router.post("/people/{person_id}/move", response=PersonOut, summary="Chuyển đơn vị công tác")
def move_person(request, person_id: int, payload: MoveIn):
    person = access.get_person_or_404(request.user, person_id, Perm.MANAGE_PEOPLE)
    access.get_unit_or_404(request.user, payload.unit_id, Perm.MANAGE_PEOPLE)
    data = _valid(MoveForm(data={"unit": payload.unit_id, "on": payload.on}, actor=request.user))
    person = people_services.move_person(
        actor=request.user, person=person, unit=data["unit"], on=data["on"]
    )
    return person_out(person)


@router.post("/people/{person_id}/end", response=PersonOut, summary="Thôi công tác")
def end_person(request, person_id: int, payload: EndIn):
    person = access.get_person_or_404(request.user, person_id, Perm.MANAGE_PEOPLE)
    data = _valid(EndForm(data={"on": payload.on}))
    person = people_services.end_employment(actor=request.user, person=person, on=data["on"])
    return person_out(person)
