from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from ninja import Router, Schema

from . import access
from .access import Perm
from .api_auth import TokenAuth

router = Router(tags=["Đơn vị và cá nhân"], auth=TokenAuth())


class UnitOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    parent_id: int | None
    depth: int
    valid_from: date | None
    valid_to: date | None


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


def unit_out(u) -> dict:
    return {
        **{
            f: getattr(u, f)
            for f in ("id", "name", "kind", "parent_id", "depth", "valid_from", "valid_to")
        },
        "kind_label": u.get_kind_display(),
    }


def person_out(p) -> dict:
    return {
        **{
            f: getattr(p, f)
            for f in (
                "id",
                "full_name",
                "gender",
                "date_of_birth",
                "ethnicity",
                "unit_id",
                "position",
                "category",
                "is_leader",
            )
        },
        "ethnicity_label": p.get_ethnicity_display(),
        "unit_name": p.unit.name,
    }


@router.get("/units", response=list[UnitOut], summary="Đơn vị trong phạm vi của người dùng")
def list_units(request):
    return [unit_out(u) for u in access.units_with(request.user, Perm.VIEW_UNITS).order_by("path")]


@router.get(
    "/people", response=list[PersonOut], summary="Cá nhân trong phạm vi (tối đa 500 mỗi trang)"
)
def list_people(
    request, unit_id: int | None = None, q: str = "", offset: int = 0, limit: int = 100
):
    if not access.has_perm_anywhere(request.user, Perm.VIEW_PEOPLE):
        raise PermissionDenied("Vai trò của bạn không được xem thông tin cá nhân.")
    qs = (
        access.people_with(request.user)
        .select_related("unit")
        .order_by("unit__path", "full_name", "id")
    )
    if unit_id is not None:
        unit = access.get_unit_or_404(request.user, unit_id, Perm.VIEW_PEOPLE)
        qs = qs.filter(unit__path__startswith=unit.path)
    if q:
        qs = qs.filter(full_name__icontains=q)
    limit = max(1, min(limit, 500))
    return [person_out(p) for p in qs[max(offset, 0) : max(offset, 0) + limit]]
