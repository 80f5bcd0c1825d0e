"""The clerk's button on a signed decision's page: "this award replaces that revoked one"."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from thidua.core.errors import ServiceError
from thidua.core.web import flash_errors

from . import amendment


def _id(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 0


@login_required
@require_POST
def record_replacement(request, pk: int, recipient_pk: int):
    new, old = amendment.get_pair_or_404(
        request.user, pk, recipient_pk, _id(request.POST.get("old"))
    )
    try:
        amendment.record_replacement(actor=request.user, old=old, new=new)
    except ServiceError as error:
        flash_errors(request, error)
    else:
        messages.success(
            request,
            f"Đã ghi: khen thưởng của {new.name} sửa đổi khen thưởng đã thu hồi tại Quyết định số "
            f"{old.decision.number_symbol}.",
        )
    return redirect("decisions:detail", pk=pk)
