"""Who may change an issuer's certificate layout, and the one service that changes it.

The issuer's administrator (or the province's) uploads the emblem image; the administrator
and the issuer's emulation officer (who prints the certificates) choose the mode and move
the fields on the blank. Outside the user's units: 404; inside without either right: 403.
"""

from __future__ import annotations

import secrets
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404

from thidua.core import audit, uploads
from thidua.core.docx import PEOPLE_COMMITTEE_KINDS
from thidua.org import access
from thidua.org.access import Actor, Perm
from thidua.org.models import Unit

from .certificate_layout import FIELDS, PAGE_H, PAGE_W, decode_emblem, positions_of
from .layout_models import CertificateLayout, CertificateMode
from .models import Decision
from .policy import DecisionError

EMBLEM_PERM = Perm.MANAGE_UNITS
LAYOUT_PERMS = (Perm.MANAGE_UNITS, Perm.MANAGE_CAMPAIGNS)


def issuer_or_404(actor: Actor, pk: int) -> Unit:
    """The unit, if the actor may change its layout: 404 outside their units, 403 inside."""
    unit = Unit.objects.filter(pk=pk).first()
    if unit is None or not access.in_scope(actor, unit):
        raise Http404("Không tìm thấy đơn vị.")
    if not can_change(actor, unit):
        raise PermissionDenied("Vai trò của bạn không được sửa mẫu in Giấy khen của đơn vị này.")
    return unit


def can_change(actor: Actor, unit: Unit) -> bool:
    return any(access.in_scope(actor, unit, perm) for perm in LAYOUT_PERMS)


def can_change_emblem(actor: Actor, unit: Unit) -> bool:
    return access.in_scope(actor, unit, EMBLEM_PERM)


def issuers_for(actor: Actor) -> QuerySet[Unit]:
    """The units whose layout the actor may change and that issue certificates: the units
    they are assigned to, and those below that are people's committees, issued a decision or
    have a layout."""
    paths = sorted({p for perm in LAYOUT_PERMS for p in access.scope_paths(actor, perm)})
    issuing = (
        Q(kind__in=PEOPLE_COMMITTEE_KINDS)
        | Q(pk__in=Decision.objects.values("issuer_id"))
        | Q(certificate_layout__isnull=False)
    )
    return (
        Unit.objects.filter(access.path_q(paths, "path"))
        .filter(Q(path__in=paths) | issuing)
        .select_related("certificate_layout")
        .order_by("path")
    )


class LayoutForm(forms.Form):
    mode = forms.ChoiceField(
        label="Cách in", choices=CertificateMode.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for f in FIELDS:
            for axis, most in (("x", PAGE_W), ("y", PAGE_H)):
                label = f"{f.label}: {axis} (mm)"
                self.fields[f"{axis}_{f.key}"] = forms.DecimalField(
                    label=label,
                    min_value=0,
                    max_value=most,
                    decimal_places=1,
                    # The table shows the field's name once: each input carries its own label.
                    widget=forms.NumberInput(attrs={"step": "0.5", "aria-label": label}),
                )

    @classmethod
    def initial_for(cls, row: CertificateLayout | None) -> dict:
        positions = positions_of(row.positions if row is not None else {})
        initial: dict = {"mode": row.mode if row is not None else CertificateMode.DRAWN}
        for key, (x, y) in positions.items():
            initial[f"x_{key}"], initial[f"y_{key}"] = x, y
        return initial

    def rows(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        return [(f.label, self[f"x_{f.key}"], self[f"y_{f.key}"]) for f in FIELDS]


def _messages(form: forms.Form) -> list[str]:
    out: list[str] = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        out += [f"{label}: {m}" if label else str(m) for m in errors]
    return out


def update_layout(
    *,
    actor: Actor,
    issuer: Unit,
    data: dict,
    emblem: UploadedFile | None = None,
    remove_emblem: bool = False,
) -> CertificateLayout:
    """Save the mode and the positions; replace or remove the emblem (administrators only)."""
    if not can_change(actor, issuer):
        raise PermissionDenied("Vai trò của bạn không được sửa mẫu in Giấy khen của đơn vị này.")
    if (emblem is not None or remove_emblem) and not can_change_emblem(actor, issuer):
        raise PermissionDenied("Chỉ quản trị hệ thống được thay ảnh Quốc huy.")
    form = LayoutForm(data)
    if not form.is_valid():
        raise DecisionError(_messages(form))
    kind = None
    if emblem is not None:
        try:
            kind = uploads.detect_kind(emblem, allowed=("png", "jpg"))
            emblem.seek(0)
            decode_emblem(emblem.read())
            emblem.seek(0)
        except ValidationError as error:
            raise DecisionError(error.messages) from error
        except Exception as error:  # a header that passed, a body that does not decode
            raise DecisionError("Không đọc được ảnh Quốc huy (tệp hỏng).") from error
    positions = {
        f.key: [float(form.cleaned_data[f"x_{f.key}"]), float(form.cleaned_data[f"y_{f.key}"])]
        for f in FIELDS
    }
    with transaction.atomic():
        row, _created = CertificateLayout.objects.select_for_update().get_or_create(issuer=issuer)
        before_mode, before_positions = row.mode, positions_of(row.positions)
        row.mode = form.cleaned_data["mode"]
        row.positions = positions
        emblem_change = ""
        if remove_emblem and row.emblem:
            row.emblem.delete(save=False)
            row.emblem_token = row.emblem_kind = ""
            emblem_change = "removed"
        if emblem is not None and kind is not None:
            if row.emblem:
                row.emblem.delete(save=False)
            row.emblem_token = secrets.token_hex(16)
            row.emblem_kind = kind.code
            row.emblem.save("quoc-huy", emblem, save=False)
            emblem_change = "uploaded"
        row.save()
        moved = {
            key: [list(before_positions[key]), value]
            for key, value in positions.items()
            if tuple(value) != tuple(before_positions[key])
        }
        audit.record(
            actor=actor,
            action="decisions.certificate_layout.updated",
            obj=row,
            message=f"{issuer.name}: {row.get_mode_display()}",
            data={
                "issuer": issuer.pk,
                "mode": [before_mode, row.mode],
                "moved": moved,
                "emblem": emblem_change,
            },
        )
    return row
