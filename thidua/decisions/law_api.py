"""The law as dated data through /api/v1/: read and change legal instruments, base salaries
and the decrees' coefficients (the same forms, rights and audit as the pages)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.forms.models import model_to_dict
from ninja import Body, Router, Status

from thidua.org.api_auth import TokenAuth

from . import law_services as ls

BODY = Body(...)  # the row's fields, as the page's form takes them
router = Router(tags=["Căn cứ pháp lý, lương cơ sở, hệ số tiền thưởng"], auth=TokenAuth())


def row_out(row) -> dict[str, Any]:
    data = {"id": row.pk, **model_to_dict(row)}
    for key, value in data.items():
        if isinstance(value, Decimal):
            data[key] = f"{value.normalize():f}"
        elif isinstance(value, date):
            data[key] = value.isoformat()
    return data


@router.get("/decisions/law/{slug}", summary="Các dòng của bảng (van-ban, luong-co-so, he-so)")
def list_rows(request, slug: str) -> list[dict]:
    table = ls.table_or_404(slug)
    ls.require_manage_law(request.user)
    return [row_out(r) for r in table.model._default_manager.all()]


@router.post("/decisions/law/{slug}", summary="Thêm một dòng", response={201: dict})
def add_row(request, slug: str, data: dict = BODY):
    table = ls.table_or_404(slug)
    row = ls.save_row(actor=request.user, table=table, data=data)
    return Status(201, row_out(row))


@router.post("/decisions/law/{slug}/{pk}", summary="Sửa một dòng")
def change_row(request, slug: str, pk: int, data: dict = BODY) -> dict:
    table = ls.table_or_404(slug)
    row = ls.row_or_404(request.user, table, pk)
    return row_out(ls.save_row(actor=request.user, table=table, data=data, row=row))
