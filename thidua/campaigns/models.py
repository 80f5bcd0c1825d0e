"""A campaign plan (Kế hoạch phát động thi đua) as structured data.

Everything in the seed plan is a row here: legal bases, clauses of each section, subject
categories, award forms with their authority, criteria sets (dated) made of criteria (a tree
evaluated by ``thidua.eligibility``), required documents, the deadline and the distribution
list. The plan document is generated from these rows.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from thidua.org.models import Unit
from thidua.records.levels import AUTHORITY_LEVELS


def valid_window(
    prefix: str, start: str = "valid_from", end: str = "valid_to"
) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True})
        | Q(**{f"{start}__isnull": True})
        | Q(**{f"{end}__gte": F(start)}),
        name=f"{prefix}_valid_window",
    )


class Dated(models.Model):
    valid_from = models.DateField("hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("hiệu lực đến", null=True, blank=True)

    class Meta:
        abstract = True

    def is_valid_on(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class AwardAuthority(Dated):
    """Who may grant an award, with the window in which the law gives that power."""

    name = models.CharField("thẩm quyền khen thưởng", max_length=200)
    level = models.CharField("cấp", max_length=20, choices=AUTHORITY_LEVELS)
    legal_basis = models.CharField("căn cứ pháp lý", max_length=300, blank=True)

    class Meta:
        ordering = ["level", "valid_from"]
        verbose_name = "thẩm quyền khen thưởng"
        constraints = [valid_window("authority")]

    def __str__(self) -> str:
        return self.name


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    LAUNCHED = "launched", "Đã phát động"
    CLOSED = "closed", "Đã kết thúc"


class RewardMode(models.TextChoices):
    ONE_OFF = "mot_lan", "Khen thưởng một lần khi tổng kết đợt thi đua"
    ANNUAL = "hang_nam", "Xét khen thưởng hằng năm"


class Campaign(models.Model):
    issuer = models.ForeignKey(
        Unit, verbose_name="cơ quan ban hành", on_delete=models.PROTECT, related_name="campaigns"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="kế hoạch cấp trên",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="derived",
    )
    number = models.CharField("số", max_length=20, blank=True)
    symbol = models.CharField("ký hiệu", max_length=50, default="KH-UBND")
    signed_on = models.DateField("ngày ban hành", null=True, blank=True)
    title = models.CharField("tên đợt thi đua", max_length=500)
    preamble = models.TextField("lời mở đầu", blank=True)
    slogan = models.TextField("khẩu hiệu thi đua", blank=True)
    period_start = models.DateField("thời gian thi đua từ")
    period_end = models.DateField("thời gian thi đua đến")
    reward_mode = models.CharField(
        "cách xét khen thưởng", max_length=20, choices=RewardMode.choices
    )
    reward_mode_note = models.TextField("quy định về xét khen thưởng", blank=True)
    dossier_deadline = models.DateField("hạn nộp hồ sơ")
    receiving_unit = models.ForeignKey(
        Unit,
        verbose_name="cơ quan tiếp nhận hồ sơ",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="receiving_campaigns",
    )
    receiving_note = models.CharField(
        "nơi nhận hồ sơ (như ghi trong kế hoạch)", max_length=300, blank=True
    )
    signer_authority = models.CharField(
        "quyền hạn ký", max_length=100, default="TM. ỦY BAN NHÂN DÂN"
    )
    signer_title = models.CharField("chức vụ người ký", max_length=100, default="CHỦ TỊCH")
    signer_name = models.CharField("người ký", max_length=100, blank=True)
    status = models.CharField(
        "trạng thái", max_length=20, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT
    )
    launched_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-period_start", "-id"]
        verbose_name = "đợt thi đua"
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="campaign_period_order"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def number_symbol(self) -> str:
        return f"{self.number}/{self.symbol}" if self.number else f"…/{self.symbol}"

    def clauses_of(self, section: str):
        return [c for c in self.clauses.all() if c.section == section]


class ClauseSection(models.TextChoices):
    MUC_DICH = "muc_dich", "Mục đích, yêu cầu"
    NOI_DUNG = "noi_dung", "Nội dung thi đua"
    MUC_TIEU = "muc_tieu", "Mục tiêu thi đua"
    DOI_TUONG = "doi_tuong", "Đối tượng khen thưởng"
    TO_CHUC = "to_chuc", "Tổ chức thực hiện"
    NOI_NHAN = "noi_nhan", "Nơi nhận"


class CampaignClause(models.Model):
    """One ordered item of a textual section: a purpose, a content, a responsibility of a
    unit (heading = the unit), a subject group, a line of the distribution list."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="clauses")
    section = models.CharField("mục", max_length=20, choices=ClauseSection.choices)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    heading = models.CharField("tiêu đề", max_length=300, blank=True)
    text = models.TextField("nội dung")

    class Meta:
        ordering = ["section", "order", "id"]

    def __str__(self) -> str:
        return self.heading or self.text[:100]


class LegalBasis(Dated):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="legal_bases")
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    text = models.TextField("căn cứ")

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "căn cứ pháp lý"
        constraints = [valid_window("legal_basis")]

    def __str__(self) -> str:
        return self.text[:150]


class SubjectKind(models.TextChoices):
    CA_NHAN = "ca_nhan", "Cá nhân"
    TAP_THE = "tap_the", "Tập thể"


class SubjectCategory(models.Model):
    """A group of candidates that shares criteria, e.g. "cá nhân là cán bộ, công chức,
    viên chức". Membership is data: person categories or unit kinds."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="subject_categories"
    )
    kind = models.CharField("cá nhân / tập thể", max_length=10, choices=SubjectKind.choices)
    name = models.CharField("tên nhóm đối tượng", max_length=300)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    person_categories = models.JSONField("đối tượng cá nhân thuộc nhóm", default=list, blank=True)
    unit_kinds = models.JSONField("loại đơn vị thuộc nhóm", default=list, blank=True)
    requirement = models.TextField("điều kiện chung của nhóm", blank=True)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.name

    def fits(self, person_category: str | None, unit_kind: str | None) -> bool:
        """Whether a person of ``person_category`` (or, when None, a collective of
        ``unit_kind``) belongs to this group."""
        if person_category is not None:
            return self.kind == SubjectKind.CA_NHAN and person_category in self.person_categories
        return self.kind == SubjectKind.TAP_THE and unit_kind in self.unit_kinds


class RewardKind(models.TextChoices):
    """The kind of award as the decree names it: the key of the dated reward coefficients
    (``decisions.KindCoefficient``), so that the money follows the decree in force on the
    signing date, not the campaign that offered the form."""

    BANG_KHEN_THU_TUONG = "bang_khen_thu_tuong", "Bằng khen của Thủ tướng Chính phủ"
    BANG_KHEN_TINH = "bang_khen_tinh", "Bằng khen của Bộ, ban, ngành, tỉnh"
    GIAY_KHEN_HUYEN = "giay_khen_chu_tich_huyen", "Giấy khen của Chủ tịch UBND cấp huyện"
    GIAY_KHEN_XA = "giay_khen_chu_tich_xa", "Giấy khen của Chủ tịch UBND cấp xã"
    GIAY_KHEN_THU_TRUONG = "giay_khen_thu_truong", "Giấy khen của thủ trưởng cơ quan, đơn vị"
    LAO_DONG_TIEN_TIEN = "lao_dong_tien_tien", "Danh hiệu Lao động tiên tiến"
    CSTD_CO_SO = "chien_si_thi_dua_co_so", "Danh hiệu Chiến sĩ thi đua cơ sở"
    CSTD_TINH = "chien_si_thi_dua_tinh", "Danh hiệu Chiến sĩ thi đua cấp tỉnh"
    TTLD_TIEN_TIEN = "tap_the_lao_dong_tien_tien", "Danh hiệu Tập thể lao động tiên tiến"
    TTLD_XUAT_SAC = "tap_the_lao_dong_xuat_sac", "Danh hiệu Tập thể lao động xuất sắc"
    CO_THI_DUA_TINH = "co_thi_dua_tinh", "Cờ thi đua của Bộ, ban, ngành, tỉnh"


def infer_reward_kind(name: str, level: str) -> str:
    """The kind of a form from its name and its authority's level (forms made before the
    kind existed, and forms created without one): "" when it cannot be told."""
    lowered = name.lower()
    if lowered.startswith("bằng khen"):
        return (
            RewardKind.BANG_KHEN_THU_TUONG if level == "trung_uong" else RewardKind.BANG_KHEN_TINH
        )
    if lowered.startswith("giấy khen"):
        return {
            "huyen": RewardKind.GIAY_KHEN_HUYEN,
            "xa": RewardKind.GIAY_KHEN_XA,
            "co_so": RewardKind.GIAY_KHEN_THU_TRUONG,
        }.get(level, "")
    for words, kind in (  # the collective titles first: they contain the individual ones
        ("tập thể lao động xuất sắc", RewardKind.TTLD_XUAT_SAC),
        ("tập thể lao động tiên tiến", RewardKind.TTLD_TIEN_TIEN),
        ("lao động tiên tiến", RewardKind.LAO_DONG_TIEN_TIEN),
        ("chiến sĩ thi đua cơ sở", RewardKind.CSTD_CO_SO),
    ):
        if words in lowered:
            return kind
    return ""


class AwardForm(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="award_forms")
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    name = models.CharField("tên hình thức khen thưởng", max_length=200)
    authority = models.ForeignKey(
        AwardAuthority, verbose_name="thẩm quyền", on_delete=models.PROTECT
    )
    granting_unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị của người khen thưởng",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text="Để trống khi mỗi xã, phường tự khen thưởng trong phạm vi của mình.",
    )
    selection_rule = models.TextField("cách lựa chọn", blank=True)
    is_proposal_upward = models.BooleanField(
        "đề nghị cấp trên khen thưởng",
        default=False,
        help_text="Vượt thẩm quyền của cơ quan phát động: lập Tờ trình đề nghị cấp trên.",
    )
    delegated_to_units = models.BooleanField(
        "do cấp dưới cụ thể hóa",
        default=False,
        help_text="Các xã, phường tự quy định đối tượng, tiêu chuẩn, hồ sơ (như mục III.2.3 của kế hoạch mẫu).",
    )
    quota_collective = models.PositiveIntegerField("số lượng tập thể", null=True, blank=True)
    quota_individual = models.PositiveIntegerField("số lượng cá nhân", null=True, blank=True)
    quota_note = models.CharField("ghi chú về số lượng", max_length=300, blank=True)
    reward_kind = models.CharField(
        "loại khen thưởng (theo nghị định)",
        max_length=40,
        choices=RewardKind.choices,
        blank=True,
        help_text="Tiền thưởng lấy hệ số của loại này theo nghị định có hiệu lực vào ngày ký.",
    )

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "hình thức khen thưởng"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.reward_kind and self.authority_id:
            self.reward_kind = infer_reward_kind(self.name, self.authority.level)
        super().save(*args, **kwargs)

    @property
    def quota_is_set(self) -> bool:
        return self.quota_collective is not None or self.quota_individual is not None


class CriteriaSet(Dated):
    """The criteria of one award form for one subject category, valid in a window."""

    award_form = models.ForeignKey(
        AwardForm, on_delete=models.CASCADE, related_name="criteria_sets"
    )
    subject_category = models.ForeignKey(
        SubjectCategory, verbose_name="nhóm đối tượng", on_delete=models.CASCADE
    )
    legal_basis = models.CharField("căn cứ", max_length=300, blank=True)

    class Meta:
        ordering = ["subject_category__order", "valid_from", "id"]
        constraints = [valid_window("criteria_set")]

    def __str__(self) -> str:
        return f"Tiêu chuẩn {self.award_form.name} – {self.subject_category.name}"


class Criterion(models.Model):
    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.CASCADE, related_name="criteria")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    kind = models.CharField("loại tiêu chuẩn", max_length=40)
    text = models.TextField("nội dung tiêu chuẩn")
    params = models.JSONField("tham số", default=dict, blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "tiêu chuẩn"

    def __str__(self) -> str:
        return self.text[:150]


class DocumentScope(models.TextChoices):
    ALL = "tat_ca", "Mọi hồ sơ"
    COLLECTIVE = "tap_the", "Chỉ với tập thể"
    INDIVIDUAL = "ca_nhan", "Chỉ với cá nhân"


class RequiredDocument(models.Model):
    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="required_documents"
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    name = models.CharField("tên tài liệu", max_length=300)
    scope = models.CharField(
        "áp dụng", max_length=10, choices=DocumentScope.choices, default=DocumentScope.ALL
    )
    award_form = models.ForeignKey(
        AwardForm,
        verbose_name="chỉ khi đề nghị hình thức",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    per_candidate = models.BooleanField("mỗi người/tập thể một bản", default=False)
    note = models.CharField("ghi chú", max_length=300, blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "thành phần hồ sơ"

    def __str__(self) -> str:
        return self.name
