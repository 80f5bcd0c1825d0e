"""Write and read the audit log."""

from __future__ import annotations

from .models import AuditEntry

# Registered once: the Vietnamese label of each action code.
ACTION_LABELS: dict[str, str] = {
    "campaigns.campaign.created": "Tạo đợt thi đua",
    "campaigns.campaign.updated": "Cập nhật đợt thi đua",
    "campaigns.campaign.launched": "Phát động đợt thi đua",
    "campaigns.campaign.closed": "Kết thúc đợt thi đua",
    "campaigns.award_form.saved": "Cập nhật hình thức khen thưởng",
    "campaigns.award_form.deleted": "Xóa hình thức khen thưởng",
    "campaigns.criterion.saved": "Cập nhật tiêu chuẩn",
    "campaigns.criterion.deleted": "Xóa tiêu chuẩn",
    "campaigns.items.saved": "Cập nhật nội dung kế hoạch",
}


def record(*, actor, action: str, obj, message: str = "", data: dict | None = None) -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        message=message,
        data=data or {},
    )


def history(obj):
    return AuditEntry.objects.filter(
        object_type=obj._meta.label_lower, object_id=str(obj.pk)
    ).select_related("actor")
