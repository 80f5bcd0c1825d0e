"""Write and read the audit log."""

from __future__ import annotations

from .models import AuditEntry

# Registered once: the Vietnamese label of each action code.
ACTION_LABELS: dict[str, str] = {
    "campaigns.campaign.created": "Tạo đợt thi đua",
    "campaigns.campaign.updated": "Cập nhật đợt thi đua",
    "campaigns.campaign.launched": "Phát động đợt thi đua",
    "campaigns.campaign.derived": "Cụ thể hóa từ kế hoạch cấp trên",
    "campaigns.campaign.closed": "Kết thúc đợt thi đua",
    "campaigns.award_form.saved": "Cập nhật hình thức khen thưởng",
    "campaigns.award_form.deleted": "Xóa hình thức khen thưởng",
    "campaigns.criterion.saved": "Cập nhật tiêu chuẩn",
    "campaigns.criterion.deleted": "Xóa tiêu chuẩn",
    "campaigns.items.saved": "Cập nhật nội dung kế hoạch",
    "nominations.dossier.created": "Lập hồ sơ",
    "nominations.dossier.submitted": "Nộp hồ sơ",
    "nominations.dossier.resubmitted": "Nộp lại hồ sơ sau bổ sung",
    "nominations.dossier.returned": "Trả lại hồ sơ để bổ sung",
    "nominations.dossier.appraised": "Hoàn thành thẩm định",
    "nominations.candidate.added": "Thêm người, tập thể",
    "nominations.candidate.updated": "Sửa đề nghị",
    "nominations.candidate.removed": "Xóa khỏi hồ sơ",
    "nominations.candidate.imported": "Nhập danh sách từ Excel",
    "nominations.candidate.attested": "Xác nhận tiêu chuẩn",
    "nominations.candidate.appraised": "Thẩm định",
    "nominations.document.uploaded": "Tải lên tài liệu",
    "nominations.document.deleted": "Xóa tài liệu",
    "nominations.extension.granted": "Gia hạn nộp hồ sơ",
    "nominations.reminder.sent": "Nhắc nộp hồ sơ",
    "council.meeting.created": "Tạo phiên họp xét",
    "council.attendance.recorded": "Ghi danh sách có mặt",
    "council.ballot.opened": "Bắt đầu bỏ phiếu",
    "council.ballot.cast": "Bỏ phiếu",
    "council.paper.recorded": "Nhập kết quả kiểm phiếu giấy",
    "council.ballot.closed": "Kết thúc bỏ phiếu, kiểm phiếu",
    "council.member.added": "Thêm thành viên Hội đồng",
    "council.member.ended": "Thành viên thôi tham gia Hội đồng",
    "council.rule.saved": "Lưu quy tắc biểu quyết",
    "participation.plan.recorded": "Ghi kế hoạch triển khai của đơn vị",
    "participation.report.submitted": "Nộp báo cáo kết quả",
    "portal.story.saved": "Lưu bài viết",
    "portal.story.submit": "Gửi duyệt",
    "portal.story.publish": "Duyệt và đăng",
    "portal.story.return": "Trả lại để sửa",
    "portal.story.unpublish": "Gỡ bài",
    "decisions.decision.prepared": "Lập dự thảo quyết định",
    "decisions.decision.updated": "Sửa dự thảo quyết định",
    "decisions.decision.approved": "Ký ban hành quyết định",
    "decisions.higher.recorded": "Ghi nhận quyết định của cấp trên",
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
