"""The log of downloads containing personal data (Luật Bảo vệ dữ liệu cá nhân 2025, Nghị định
13/2023: who processed which data, when). Every view that serves such a file calls
``record_export`` as it answers; administrators read the log on /quan-tri/nhat-ky-xuat/."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .models import ExportEntry

# The Vietnamese label of each kind of export (the names only: core knows no app above it).
KINDS: dict[str, str] = {
    "trich_ngang": "Danh sách trích ngang (DOCX)",
    "to_trinh": "Tờ trình đề nghị khen thưởng (DOCX)",
    "tai_lieu_ho_so": "Tài liệu trong hồ sơ",
    "bien_ban": "Biên bản họp xét (DOCX)",
    "quyet_dinh": "Quyết định khen thưởng (DOCX)",
    "de_nghi_cap_tren": "Tờ trình đề nghị cấp trên (DOCX)",
    "giay_khen": "Giấy khen (PDF)",
    "giay_khen_zip": "Lô Giấy khen (ZIP)",
    "thong_ke": "Thống kê thi đua, khen thưởng (XLSX)",
}


def kind_label(kind: str) -> str:
    return KINDS.get(kind, kind)


def record_export(
    who: HttpRequest | Any,
    kind: str,
    obj: Any,
    filename: str,
    *,
    unit: Any = None,
    label: str = "",
) -> ExportEntry:
    """Write one entry: ``who`` is the request (its user and address) or the acting user;
    ``obj`` the object exported (a model instance, or None for a summary); ``unit`` the unit the
    data belongs to (``obj.unit`` when not given), so each administrator sees their units'."""
    request = who if isinstance(who, HttpRequest) else None
    actor: Any = request.user if request is not None else who
    authenticated = bool(getattr(actor, "is_authenticated", False))
    unit = unit if unit is not None else getattr(obj, "unit", None)
    return ExportEntry.objects.create(
        actor=actor if authenticated else None,
        actor_name=actor.get_username() if authenticated else "",
        kind=kind,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_label=(label or (str(obj) if obj is not None else ""))[:300],
        unit_path=getattr(unit, "path", "") or "",
        filename=filename[:255],
        ip=(request.META.get("REMOTE_ADDR", "") if request is not None else "")[:45],
    )
