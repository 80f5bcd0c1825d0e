"""History the criteria need: annual ratings, initiatives, disciplines, awards received.

A record belongs to a person or to a collective (unit), never both: a check constraint
keeps that true in the database.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from thidua.org.models import Person, Unit

from .levels import AUTHORITY_LEVELS, DISCIPLINE_FORMS, RATING_LEVELS

ONE_SUBJECT = Q(person__isnull=False, unit__isnull=True) | Q(
    person__isnull=True, unit__isnull=False
)


class Evidence(models.Model):
    """Who entered a record and on what evidence: the decision (number, date) and, optionally,
    its scanned file (checked like dossier uploads, served only within scope)."""

    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người nhập",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField("ngày nhập", null=True, blank=True, default=timezone.now)
    evidence_number = models.CharField("số văn bản làm căn cứ", max_length=50, blank=True)
    evidence_date = models.DateField("ngày văn bản", null=True, blank=True)
    evidence_file = models.FileField(
        "tệp văn bản", upload_to="records/%Y/", max_length=255, blank=True
    )

    class Meta:
        abstract = True


class SubjectRecord(models.Model):
    person = models.ForeignKey(
        Person, verbose_name="cá nhân", null=True, blank=True, on_delete=models.CASCADE
    )
    unit = models.ForeignKey(
        Unit, verbose_name="tập thể", null=True, blank=True, on_delete=models.CASCADE
    )

    class Meta:
        abstract = True

    @property
    def subject(self):
        return self.person or self.unit


class AnnualRating(SubjectRecord, Evidence):
    year = models.PositiveSmallIntegerField("năm")
    level = models.CharField("mức độ hoàn thành nhiệm vụ", max_length=20, choices=RATING_LEVELS)

    class Meta:
        ordering = ["-year"]
        verbose_name = "kết quả đánh giá hằng năm"
        constraints = [
            models.CheckConstraint(condition=ONE_SUBJECT, name="rating_one_subject"),
            models.UniqueConstraint(fields=["person", "year"], name="unique_person_rating_year"),
            models.UniqueConstraint(fields=["unit", "year"], name="unique_unit_rating_year"),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.get_level_display()}"


class Initiative(Evidence):
    person = models.ForeignKey(
        Person, verbose_name="tác giả", on_delete=models.CASCADE, related_name="initiatives"
    )
    title = models.CharField("tên sáng kiến", max_length=300)
    recognized_on = models.DateField("ngày công nhận")
    authority_level = models.CharField("cấp công nhận", max_length=20, choices=AUTHORITY_LEVELS)
    recognized_by = models.CharField("người, cơ quan công nhận", max_length=200)
    decision_number = models.CharField("số quyết định công nhận", max_length=50, blank=True)
    used_for = models.CharField(
        "đã dùng làm căn cứ khen thưởng",
        max_length=255,
        blank=True,
        help_text="Một sáng kiến chỉ được dùng làm căn cứ cho một lần khen thưởng.",
    )

    class Meta:
        ordering = ["-recognized_on"]
        verbose_name = "sáng kiến"

    def __str__(self) -> str:
        return self.title


class Discipline(Evidence):
    person = models.ForeignKey(
        Person, verbose_name="cá nhân", on_delete=models.CASCADE, related_name="disciplines"
    )
    form = models.CharField("hình thức kỷ luật", max_length=20, choices=DISCIPLINE_FORMS)
    decided_on = models.DateField("ngày quyết định")
    ends_on = models.DateField("ngày hết thời hạn", null=True, blank=True)
    decision_number = models.CharField("số quyết định", max_length=50, blank=True)
    reason = models.CharField("lý do", max_length=300, blank=True)

    class Meta:
        ordering = ["-decided_on"]
        verbose_name = "kỷ luật"
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("decided_on")),
                name="discipline_window",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_form_display()} ({self.decided_on:%d/%m/%Y})"


class AwardKind(models.TextChoices):
    DANH_HIEU = "danh_hieu", "Danh hiệu thi đua"
    HINH_THUC = "hinh_thuc", "Hình thức khen thưởng"


class AwardType(models.TextChoices):
    # Loại hình khen thưởng, Luật Thi đua, khen thưởng 2022 Điều 8.
    CONG_TRANG = "cong_trang", "Công trạng"
    DOT_XUAT = "dot_xuat", "Đột xuất"
    PHONG_TRAO = "phong_trao", "Phong trào thi đua (theo đợt, chuyên đề)"
    CONG_HIEN = "cong_hien", "Quá trình cống hiến"
    NIEN_HAN = "nien_han", "Niên hạn"
    DOI_NGOAI = "doi_ngoai", "Đối ngoại"


class AwardRecord(SubjectRecord, Evidence):
    award_name = models.CharField("danh hiệu, hình thức", max_length=200)
    award_kind = models.CharField("loại", max_length=20, choices=AwardKind.choices)
    award_type = models.CharField("loại hình", max_length=20, choices=AwardType.choices)
    authority_level = models.CharField("cấp khen", max_length=20, choices=AUTHORITY_LEVELS)
    decision_number = models.CharField("số quyết định", max_length=50)
    decided_on = models.DateField("ngày quyết định")
    issuer_name = models.CharField("cơ quan ban hành", max_length=200)
    campaign_title = models.CharField("đợt thi đua", max_length=500, blank=True)
    # Set when the award came from a campaign run here: the seed's one-off rule reads it.
    campaign = models.ForeignKey(
        "campaigns.Campaign", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    achievement = models.TextField("thành tích", blank=True)
    # Entered from paper (awards received before the system existed, or another agency's
    # decision), not written by a decision signed here.
    is_legacy = models.BooleanField("nhập từ hồ sơ cũ", default=False)
    # The campaign's award form, written by a decision signed (or recorded) here: one award per
    # subject, campaign and form while it is in force (the constraints below).
    award_form = models.ForeignKey(
        "campaigns.AwardForm", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Luật Thi đua, khen thưởng 2022 Điều 93: an award annulled by a later decision keeps its
    # row (the history keeps both), marked with the annulling decision and the reason.
    revoked_on = models.DateField("ngày thu hồi", null=True, blank=True)
    revoked_by_number = models.CharField("quyết định thu hồi", max_length=50, blank=True)
    revocation_reason = models.TextField("lý do thu hồi", blank=True)

    class Meta:
        ordering = ["-decided_on"]
        verbose_name = "khen thưởng đã nhận"
        constraints = [
            models.CheckConstraint(condition=ONE_SUBJECT, name="award_one_subject"),
            models.UniqueConstraint(
                fields=["person", "campaign", "award_form"],
                condition=Q(person__isnull=False, revoked_on__isnull=True),
                name="one_award_in_force_person",
            ),
            models.UniqueConstraint(
                fields=["unit", "campaign", "award_form"],
                condition=Q(person__isnull=True, revoked_on__isnull=True),
                name="one_award_in_force_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award_name} – {self.decision_number}"

    @property
    def in_force(self) -> bool:
        return self.revoked_on is None


class ReviewKind(models.TextChoices):
    # NĐ 152/2025/NĐ-CP Điều 4: rewarding is suspended while one of these is open.
    KY_LUAT = "ky_luat", "Đang xem xét kỷ luật"
    DIEU_TRA = "dieu_tra", "Đang bị điều tra"
    THANH_TRA = "thanh_tra", "Đang thanh tra, kiểm tra"
    KHIEU_NAI = "khieu_nai", "Có đơn thư khiếu nại, tố cáo đang xác minh"
    BAO_CHI = "bao_chi", "Có phản ánh của báo chí đang xác minh"


class ReviewCase(SubjectRecord):
    """An open case that suspends rewarding its subject until it is closed."""

    kind = models.CharField("loại vụ việc", max_length=20, choices=ReviewKind.choices)
    opened_on = models.DateField("ngày bắt đầu")
    closed_on = models.DateField("ngày kết thúc", null=True, blank=True)
    note = models.CharField("ghi chú", max_length=300, blank=True)

    class Meta:
        ordering = ["-opened_on"]
        verbose_name = "vụ việc đang xem xét"
        constraints = [models.CheckConstraint(condition=ONE_SUBJECT, name="review_one_subject")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} từ {self.opened_on:%d/%m/%Y}"

    def is_open_on(self, day) -> bool:
        return self.opened_on <= day and (self.closed_on is None or self.closed_on >= day)


class MaternityLeave(models.Model):
    """Nghỉ thai sản: counts as working time (NĐ 152/2025/NĐ-CP Điều 4)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="maternity_leaves")
    starts_on = models.DateField("từ ngày")
    ends_on = models.DateField("đến ngày")

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = "nghỉ thai sản"
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="leave_dates_ordered"
            )
        ]

    def __str__(self) -> str:
        return f"Nghỉ thai sản {self.starts_on:%d/%m/%Y} – {self.ends_on:%d/%m/%Y}"

    def years(self) -> set[int]:
        return set(self.years_between(self.starts_on, self.ends_on))

    @staticmethod
    def years_between(starts_on: date, ends_on: date) -> range:
        """The calendar years a leave from ``starts_on`` to ``ends_on`` touches."""
        return range(starts_on.year, ends_on.year + 1)
