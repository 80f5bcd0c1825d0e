"""Award decisions (quyết định khen thưởng), their annex of recipients with the reward money,
and the dated tables the money comes from: the base salary and each form's coefficients."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from thidua.campaigns.models import AwardForm, Campaign, Dated, RewardKind, valid_window
from thidua.council.models import Meeting
from thidua.nominations.models import Candidate
from thidua.org.models import Person, Unit

from .qr import new_token


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


class KindCoefficient(Dated):
    """Hệ số tiền thưởng of a kind of award as the decree in force sets it (NĐ 91/2017 Điều
    70–75, NĐ 152/2025 Điều 50–54): the money follows the signing date, not the campaign."""

    reward_kind = models.CharField(
        "loại khen thưởng", max_length=40, choices=RewardKind.choices, db_index=True
    )
    individual = models.DecimalField("hệ số cho cá nhân", max_digits=5, decimal_places=2)
    collective = models.DecimalField("hệ số cho tập thể", max_digits=5, decimal_places=2)
    legal_basis = models.CharField("căn cứ", max_length=300)
    note = models.CharField("ghi chú (điều chưa chắc chắn)", max_length=500, blank=True)

    class Meta:
        ordering = ["reward_kind", "-valid_from"]
        verbose_name = "hệ số tiền thưởng theo nghị định"
        constraints = [valid_window("kind_coefficient")]

    def __str__(self) -> str:
        return f"{self.get_reward_kind_display()}: {self.individual} / {self.collective}"


class InstrumentKind(models.TextChoices):
    LUAT_TCCQDP = "luat_tcctdp", "Luật Tổ chức chính quyền địa phương"
    LUAT_TDKT = "luat_tdkt", "Luật Thi đua, khen thưởng"
    NGHI_DINH = "nghi_dinh", "Nghị định của Chính phủ"
    THONG_TU = "thong_tu", "Thông tư"
    QUY_DINH_TINH = "quy_dinh_tinh", "Quy định của tỉnh"
    KHAC = "khac", "Văn bản khác"


class LegalInstrument(Dated):
    """One "Căn cứ …" line of award decisions, in force between two dates, for issuers of one
    level or of one unit's subtree (the province's regulation binds the units under it).
    A decision cites the instruments in force on its signing date."""

    kind = models.CharField("loại văn bản", max_length=20, choices=InstrumentKind.choices)
    text = models.TextField(
        "dòng căn cứ", help_text="Ví dụ: Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
    )
    issuer_levels = models.CharField(
        "áp dụng cho cấp",
        max_length=100,
        blank=True,
        help_text="Mã cấp của cơ quan ban hành quyết định (xa, huyen, tinh), cách nhau bởi dấu "
        "phẩy; để trống: mọi cấp.",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name="áp dụng trong đơn vị",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Cơ quan ban hành thuộc đơn vị này (kể cả chính nó); để trống: mọi nơi.",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    note = models.CharField(
        "ghi chú (điều chưa chắc chắn)",
        max_length=500,
        blank=True,
        help_text="Hiện cho quản trị viên: điều cần kiểm tra lại trước khi dùng.",
    )

    class Meta:
        ordering = ["order", "valid_from", "id"]
        verbose_name = "căn cứ pháp lý của quyết định"
        constraints = [valid_window("legal_instrument")]

    def __str__(self) -> str:
        return self.text

    @property
    def levels(self) -> list[str]:
        return [x.strip() for x in self.issuer_levels.split(",") if x.strip()]


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
    # The laws, decrees, regulation, plan and minutes are cited from data at render time
    # (``law.decision_bases``, by the signing date); this holds the lines the clerk adds.
    legal_bases = models.TextField("căn cứ bổ sung", blank=True, help_text="Mỗi căn cứ một dòng.")
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
        # Numbers below 10 get a leading zero (Nghị định 30/2020, Phụ lục I): "01/QĐ-UBND".
        return f"{self.number:02d}/{self.symbol}" if self.number else f"     /{self.symbol}"

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
    # An amendment (sửa đổi) is a revocation followed by a new award: the revoked award points
    # to the award of the later signed decision that replaces it (``amendment``).
    replaced_by = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaces",
        verbose_name="khen thưởng thay thế",
    )
    # The unguessable part of the award's public verification page (the QR on the certificate).
    public_token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)

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


# --- digital signatures (ký số, Nghị định 30/2020) -----------------------------------------


def signed_path(instance, filename: str) -> str:
    return f"ky-so/{instance.decision_id}/{filename}"


class DecisionSignature(models.Model):
    """The signed PDF of a decision: signed by the signer, then by the agency (văn thư) in
    place of the seal; and its certificates, signed by the agency."""

    decision = models.OneToOneField(Decision, on_delete=models.CASCADE, related_name="signature")
    file = models.FileField(upload_to=signed_path)
    sha256 = models.CharField(max_length=64)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_at = models.DateTimeField()
    signer_subject = models.CharField(max_length=300)
    sealed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sealed_at = models.DateTimeField(null=True, blank=True)
    agency_subject = models.CharField(max_length=300, blank=True)
    # Where the agency's signature goes: [page, x1, y1, x2, y2] in PDF points.
    seal_box = models.JSONField(default=list)
    certificates = models.FileField(upload_to=signed_path, blank=True)

    class Meta:
        verbose_name = "quyết định đã ký số"

    @property
    def sealed(self) -> bool:
        return self.sealed_at is not None


# The signing keys and the certificate layouts live in their own modules; imported here so
# Django registers them and ``from .models import …`` finds them.
from .key_models import KeyKind, KeyStore, SigningKey  # noqa: E402, F401
from .layout_models import CertificateLayout, CertificateMode  # noqa: E402, F401
