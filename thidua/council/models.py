"""The emulation and commendation council (Hội đồng TĐKT) of an issuing unit, its voting rules,
its meetings, and the members' votes on the docket."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from thidua.campaigns.models import AwardForm, Campaign, Dated
from thidua.nominations.models import Candidate
from thidua.org.models import Unit


class Council(Dated):
    unit = models.ForeignKey(
        Unit, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="councils"
    )
    name = models.CharField("tên hội đồng", max_length=300)

    class Meta:
        ordering = ["unit__path", "-valid_from"]
        verbose_name = "hội đồng thi đua, khen thưởng"

    def __str__(self) -> str:
        return self.name


class Position(models.TextChoices):
    CHU_TICH = "chu_tich", "Chủ tịch Hội đồng"
    PHO_CHU_TICH = "pho_chu_tich", "Phó Chủ tịch Hội đồng"
    UY_VIEN = "uy_vien", "Ủy viên"
    THU_KY = "thu_ky", "Ủy viên, Thư ký Hội đồng"


class CouncilMember(Dated):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản",
        on_delete=models.PROTECT,
        related_name="council_memberships",
    )
    position = models.CharField("chức danh trong hội đồng", max_length=20, choices=Position.choices)
    title = models.CharField(
        "chức vụ", max_length=200, help_text="Ví dụ: Trưởng phòng Nội vụ thị xã."
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        ordering = ["council", "order", "id"]
        verbose_name = "thành viên hội đồng"
        constraints = [models.UniqueConstraint(fields=["council", "user"], name="one_membership")]

    def __str__(self) -> str:
        return f"{self.user.get_full_name()} – {self.get_position_display()}"

    @property
    def name(self) -> str:
        return self.user.get_full_name() or self.user.username


class ThresholdBase(models.TextChoices):
    ALL_MEMBERS = "all_members", "tổng số thành viên hội đồng"
    PRESENT = "present", "số thành viên có mặt"
    BALLOTS = "ballots", "số phiếu hợp lệ"


class VotingRule(Dated):
    """How the council decides on one award form (NĐ 98/2023 Điều 30; provincial rules).
    Data with validity dates: thresholds differ by award and change with the law."""

    award_form = models.ForeignKey(AwardForm, on_delete=models.CASCADE, related_name="voting_rules")
    quorum_percent = models.PositiveSmallIntegerField(
        "số thành viên có mặt tối thiểu (%)",
        default=67,
        help_text="Phần trăm tổng số thành viên phải có mặt để họp xét hình thức này.",
    )
    threshold_percent = models.PositiveSmallIntegerField("tỉ lệ đồng ý (%)", default=50)
    strictly_more = models.BooleanField(
        "phải trên tỉ lệ", default=True, help_text="Bỏ chọn khi chỉ cần đạt đúng tỉ lệ (≥)."
    )
    base = models.CharField(
        "tính trên", max_length=20, choices=ThresholdBase.choices, default=ThresholdBase.ALL_MEMBERS
    )
    secret_ballot = models.BooleanField("bỏ phiếu kín", default=True)
    legal_basis = models.CharField("căn cứ", max_length=300, blank=True)

    class Meta:
        ordering = ["award_form", "-valid_from"]
        verbose_name = "quy tắc biểu quyết"

    def __str__(self) -> str:
        sign = "trên" if self.strictly_more else "từ"
        return f"{sign} {self.threshold_percent}% {self.get_base_display()}"


class MeetingStatus(models.TextChoices):
    PREPARING = "preparing", "Chuẩn bị"
    VOTING = "voting", "Đang bỏ phiếu"
    CLOSED = "closed", "Đã kết thúc bỏ phiếu"


class VotingMode(models.TextChoices):
    ELECTRONIC = "electronic", "Bỏ phiếu trên hệ thống"
    PAPER = "paper", "Bỏ phiếu giấy, nhập kết quả kiểm phiếu"


class Meeting(models.Model):
    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="meetings")
    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="meetings")
    held_on = models.DateField("ngày họp")
    place = models.CharField("địa điểm", max_length=300)
    # What the minutes (Biên bản, Nghị định 30/2020 Mẫu 1.9) record beside the votes.
    started_at = models.TimeField("giờ bắt đầu", null=True, blank=True)
    ended_at = models.TimeField("giờ kết thúc", null=True, blank=True)
    discussion = models.TextField(
        "ý kiến thảo luận",
        blank=True,
        help_text="Thư ký ghi tóm tắt ý kiến phát biểu, thảo luận của các thành viên.",
    )
    mode = models.CharField(
        "hình thức bỏ phiếu",
        max_length=20,
        choices=VotingMode.choices,
        default=VotingMode.ELECTRONIC,
    )
    status = models.CharField(
        max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PREPARING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = "phiên họp xét khen thưởng"

    def __str__(self) -> str:
        return f"Họp xét ngày {self.held_on:%d/%m/%Y} – {self.campaign}"


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT)
    present = models.BooleanField("có mặt", default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "member"], name="one_attendance")]


class DocketItem(models.Model):
    """One candidate on the meeting's docket, with the tally once the ballot is closed."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    candidate = models.ForeignKey(Candidate, on_delete=models.PROTECT, related_name="docket_items")
    order = models.PositiveIntegerField(default=0)
    paper_yes = models.PositiveSmallIntegerField("phiếu đồng ý (giấy)", null=True, blank=True)
    paper_no = models.PositiveSmallIntegerField("phiếu không đồng ý (giấy)", null=True, blank=True)
    yes = models.PositiveSmallIntegerField(null=True, blank=True)
    no = models.PositiveSmallIntegerField(null=True, blank=True)
    passed = models.BooleanField(null=True, blank=True, help_text="Đạt tỉ lệ biểu quyết.")
    within_quota = models.BooleanField(null=True, blank=True)
    rank = models.PositiveIntegerField(null=True, blank=True)
    result_note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "candidate"], name="once_on_docket")
        ]

    def __str__(self) -> str:
        return f"{self.candidate} (số thứ tự {self.order})"

    @property
    def selected(self) -> bool:
        return bool(self.passed and self.within_quota is not False)


class Vote(models.Model):
    item = models.ForeignKey(DocketItem, on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT)
    approve = models.BooleanField()
    cast_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "member"], name="one_vote_per_member")
        ]
