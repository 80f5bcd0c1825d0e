"""Award decisions (quyết định khen thưởng), their annex of recipients with the reward money,
and the dated tables the money comes from: the base salary and each form's coefficients."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from thidua.campaigns.models import AwardForm, Campaign, Dated
from thidua.council.models import Meeting
from thidua.nominations.models import Candidate
from thidua.org.models import Person, Unit


class BaseSalary(Dated):
    """Mức lương cơ sở, in force from ``valid_from`` (a decision uses the one of its date)."""

    amount = models.PositiveIntegerField("mức lương cơ sở (đồng)")
    legal_basis = models.CharField("căn cứ", max_length=300)

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = "mức lương cơ sở"

    def __str__(self) -> str:
        return f"{self.amount:,} đ".replace(",", ".")


class RewardCoefficient(Dated):
    """Hệ số tiền thưởng of an award form, × the base salary (NĐ 152/2025 Chương VII Mục 2)."""

    award_form = models.ForeignKey(AwardForm, on_delete=models.CASCADE, related_name="coefficients")
    individual = models.DecimalField("hệ số cho cá nhân", max_digits=5, decimal_places=2)
    collective = models.DecimalField("hệ số cho tập thể", max_digits=5, decimal_places=2)
    legal_basis = models.CharField("căn cứ", max_length=300)

    class Meta:
        ordering = ["award_form", "-valid_from"]
        verbose_name = "hệ số tiền thưởng"

    def __str__(self) -> str:
        return f"Hệ số {self.individual} (cá nhân), {self.collective} (tập thể)"


class DecisionStatus(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    APPROVED = "approved", "Đã ký ban hành"


class DecisionKind(models.TextChoices):
    ISSUED = "issued", "Quyết định của cơ quan"
    HIGHER = "higher", "Quyết định của cấp trên (ghi nhận)"
    REVOCATION = "revocation", "Quyết định thu hồi, hủy bỏ khen thưởng"


class Decision(models.Model):
    issuer = models.ForeignKey(
        Unit, verbose_name="cơ quan ban hành", on_delete=models.PROTECT, related_name="decisions"
    )
    issuer_name = models.CharField("tên cơ quan ban hành", max_length=200)
    kind = models.CharField(
        max_length=10, choices=DecisionKind.choices, default=DecisionKind.ISSUED
    )
    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="decisions")
    award_form = models.ForeignKey(AwardForm, on_delete=models.PROTECT, related_name="decisions")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    year = models.PositiveSmallIntegerField("năm")
    number = models.PositiveIntegerField("số", null=True, blank=True)
    symbol = models.CharField("ký hiệu", max_length=30, default="QĐ-UBND")
    external_number = models.CharField("số, ký hiệu (cấp trên)", max_length=50, blank=True)
    signed_on = models.DateField("ngày ký")
    place = models.CharField("địa danh", max_length=100)
    signer_authority = models.CharField("thẩm quyền ký", max_length=60, blank=True)
    signer_title = models.CharField("chức vụ người ký", max_length=100, default="CHỦ TỊCH")
    signer_name = models.CharField("người ký", max_length=100, blank=True)
    subject = models.CharField("trích yếu", max_length=500)
    legal_bases = models.TextField("căn cứ ban hành", help_text="Mỗi căn cứ một dòng.")
    fund_note = models.CharField(
        "nguồn tiền thưởng", max_length=300, default="Quỹ thi đua, khen thưởng của thị xã"
    )
    status = models.CharField(
        max_length=10, choices=DecisionStatus.choices, default=DecisionStatus.DRAFT
    )
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    # Written once the decision is signed (its recipients no longer change), so that the public
    # pages show how many were awarded without counting them.
    recipient_count = models.PositiveIntegerField(default=0, editable=False)
    # A correction is a new decision (Luật TĐKT 2022 Điều 93): it names the signed decision
    # whose awards it annuls, and why; the annulled recipients point back to it.
    revokes = models.ForeignKey(
        "self",
        verbose_name="quyết định bị thu hồi",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="revocations",
    )
    reason = models.TextField("lý do thu hồi", blank=True)

    class Meta:
        ordering = ["-year", "-number", "-id"]
        verbose_name = "quyết định khen thưởng"
        constraints = [
            # A number is never issued twice by the same issuer in a year.
            models.UniqueConstraint(
                fields=["issuer", "year", "number", "symbol"],
                name="unique_decision_number",
                condition=Q(number__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"Quyết định {self.number_symbol}"

    @property
    def number_symbol(self) -> str:
        if self.kind == DecisionKind.HIGHER:
            return self.external_number
        return f"{self.number}/{self.symbol}" if self.number else f"     /{self.symbol}"

    @property
    def total(self) -> int:
        return sum(r.amount for r in self.recipients.all())


class NumberSequence(models.Model):
    """The last number an issuer gave in a year: locked row, so numbers never repeat."""

    issuer = models.ForeignKey(Unit, on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField()
    symbol = models.CharField(max_length=30)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "year", "symbol"], name="one_sequence")
        ]


class Recipient(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="recipients")
    candidate = models.ForeignKey(
        Candidate, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT)
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT)
    order = models.PositiveIntegerField("số thứ tự (số sổ vàng)")
    name = models.CharField("tên", max_length=255)
    description = models.CharField("chức vụ, đơn vị", max_length=300, blank=True)
    achievement = models.TextField("thành tích")
    amount = models.PositiveIntegerField("tiền thưởng (đồng)", default=0)
    # The name without diacritics, for the public search ("hoang thi" finds "Hoàng Thị").
    search_name = models.CharField(max_length=255, blank=True, db_index=True, editable=False)
    # The decision's campaign and form, copied so that the database itself refuses a second
    # award of the same form in the same campaign to the same subject (draft or signed).
    campaign = models.ForeignKey(
        Campaign, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    award_form = models.ForeignKey(
        AwardForm, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Named in a revoking decision (draft: proposed; ``revoked_on`` set once it is signed).
    revoked_by = models.ForeignKey(
        Decision,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="revoked_recipients",
    )
    revoked_on = models.DateField("ngày thu hồi", null=True, blank=True)

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "order"], name="unique_recipient_order"),
            models.UniqueConstraint(
                fields=["person", "campaign", "award_form"],
                condition=Q(person__isnull=False, revoked_on__isnull=True),
                name="one_recipient_in_force_person",
            ),
            models.UniqueConstraint(
                fields=["unit", "campaign", "award_form"],
                condition=Q(person__isnull=True, revoked_on__isnull=True),
                name="one_recipient_in_force_unit",
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(unit__isnull=False),
                name="recipient_has_subject",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_collective(self) -> bool:
        return self.unit_id is not None and self.person_id is None

    @property
    def in_force(self) -> bool:
        return self.revoked_on is None


class BatchStatus(models.TextChoices):
    QUEUED = "queued", "Đang chờ"
    RUNNING = "running", "Đang tạo"
    DONE = "done", "Đã xong"
    FAILED = "failed", "Lỗi"


def batch_path(instance, filename: str) -> str:
    return f"certificates/{instance.decision_id}/{instance.token}.zip"


class CertificateBatch(models.Model):
    """All certificates of a decision, built in the background into one ZIP, with progress."""

    decision = models.ForeignKey(
        Decision, on_delete=models.CASCADE, related_name="certificate_batches"
    )
    token = models.CharField(max_length=32)
    # The version of the decision the certificates print (``batches.fingerprint``).
    fingerprint = models.CharField(max_length=64, blank=True)
    status = models.CharField(
        max_length=10, choices=BatchStatus.choices, default=BatchStatus.QUEUED
    )
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to=batch_path, blank=True)
    error = models.CharField(max_length=500, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # One batch per version of a decision, unless the previous one failed.
            models.UniqueConstraint(
                fields=["decision", "fingerprint"],
                condition=~Q(status="failed"),
                name="one_live_batch_per_version",
            ),
        ]

    def __str__(self) -> str:
        return f"Lô Giấy khen in: {self.done}/{self.total}"

    @property
    def percent(self) -> int:
        return int(self.done * 100 / self.total) if self.total else 0
