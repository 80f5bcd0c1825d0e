"""Optimistic locking: every edit carries the dossier ``version`` the user saw.

The edit is applied only if that version is still current (one conditional UPDATE), so of two
officers editing at once the second gets a clear conflict message instead of silently
overwriting the first."""

from __future__ import annotations

from django.db.models import F

from .. import policy
from ..errors import ConflictError, DossierError
from ..models import Dossier


def claim(dossier: Dossier, version: int | str | None) -> None:
    """Bump the dossier's version if it is still ``version`` and editable; else explain."""
    try:
        expected = int(version) if version is not None else dossier.version
    except ValueError:
        expected = dossier.version
    updated = Dossier.objects.filter(
        pk=dossier.pk, version=expected, status__in=policy.EDITABLE
    ).update(version=F("version") + 1)
    if updated:
        dossier.version = expected + 1
        return
    current = Dossier.objects.get(pk=dossier.pk)
    if current.status not in policy.EDITABLE:
        raise DossierError(
            f"Hồ sơ đang ở trạng thái “{current.get_status_display()}”: đơn vị không sửa được."
        )
    raise ConflictError(
        "Hồ sơ vừa được người khác cập nhật trong lúc bạn đang sửa. Thay đổi của bạn chưa được "
        "lưu: hãy tải lại trang để xem bản mới nhất rồi làm lại."
    )
