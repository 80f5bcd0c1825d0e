from __future__ import annotations

from datetime import date

from ninja import Router, Schema

from . import access
from .access import Perm
from .api_auth import TokenAuth
from .api_people import PersonOut, person_out  # noqa: F401 - moved there; re-exported

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


def unit_out(u) -> dict:
    return {
        **{
            f: getattr(u, f)
            for f in ("id", "name", "kind", "parent_id", "depth", "valid_from", "valid_to")
        },
        "kind_label": u.get_kind_display(),
    }


@router.get("/units", response=list[UnitOut], summary="Đơn vị trong phạm vi của người dùng")
def list_units(request):
    return [unit_out(u) for u in access.units_with(request.user, Perm.VIEW_UNITS).order_by("path")]
