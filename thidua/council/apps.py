from django.apps import AppConfig

# The Vietnamese label of each audit action this app records.
AUDIT_ACTIONS = {
    "council.meeting.created": "Tạo phiên họp xét",
    "council.attendance.recorded": "Ghi danh sách có mặt",
    "council.ballot.opened": "Bắt đầu bỏ phiếu",
    "council.ballot.cast": "Bỏ phiếu",
    "council.paper.recorded": "Nhập kết quả kiểm phiếu giấy",
    "council.ballot.closed": "Kết thúc bỏ phiếu, kiểm phiếu",
    "council.member.added": "Thêm thành viên Hội đồng",
    "council.member.ended": "Thành viên thôi tham gia Hội đồng",
    "council.rule.saved": "Lưu quy tắc biểu quyết",
    "council.meeting.minutes": "Ghi giờ họp, ý kiến thảo luận vào biên bản",
}


class CouncilConfig(AppConfig):
    name = "thidua.council"
    label = "council"
    verbose_name = "Hội đồng Thi đua – Khen thưởng"

    def ready(self):
        from thidua.core.audit import register_actions

        register_actions(AUDIT_ACTIONS)

        from thidua.core import notify, worklist

        from . import work

        worklist.register(work.work_for)
        notify.register("council.ballot.opened", "Phiếu biểu quyết mở", work.notify_ballot_opened)

        from thidua.org import twofactor

        twofactor.register_requirement(holds_membership)


def holds_membership(user) -> bool:
    """Council members and secretaries in force must use two-factor authentication."""
    from django.utils import timezone

    from thidua.org.access import in_force_on

    from .models import CouncilMember

    return (
        CouncilMember.objects.filter(user=user).filter(in_force_on(timezone.localdate())).exists()
    )
