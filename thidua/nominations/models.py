"""Nomination dossiers (hồ sơ đề nghị khen thưởng): one per proposing unit and campaign, its
candidates, their attestations and appraisal, the uploaded documents, and deadline extensions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from thidua.campaigns.models import AwardForm, Campaign, Criterion, RequiredDocument
from thidua.org.models import Person, Unit


class DossierStatus(models.TextChoices):
    DRAFT = "draft", "Đang lập"
    SUBMITTED = "submitted", "Đã nộp"
    RETURNED = "returned", "Trả lại để bổ sung"
    APPRAISED = "appraised", "Đã thẩm định"


class Dossier(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="dossiers")
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị đề nghị", on_delete=models.PROTECT, related_name="dossiers"
    )
    status = models.CharField(
        max_length=20, choices=DossierStatus.choices, default=DossierStatus.DRAFT
    )
    round = models.PositiveSmallIntegerField("lần nộp", default=0)
    version = models.PositiveIntegerField(
        default=1, help_text="Optimistic lock: bumped by every edit."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    appraised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["unit__path"]
        verbose_name = "hồ sơ đề nghị khen thưởng"
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit"], name="one_dossier_per_unit")
        ]

    def __str__(self) -> str:
        return f"Hồ sơ {self.unit} – {self.campaign}"


class SubmissionRound(models.Model):
    """One submission of a dossier and, when it came back, why: every round is kept."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField("lần nộp")
    submitted_at = models.DateTimeField()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    late_with_extension = models.BooleanField(default=False)
    candidate_count = models.PositiveIntegerField()
    returned_at = models.DateTimeField(null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    return_reason = models.TextField("lý do trả lại", blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["dossier", "number"], name="unique_round")]

    def __str__(self) -> str:
        return f"Lần nộp thứ {self.number}"


class Appraisal(models.TextChoices):
    PENDING = "pending", "Chưa thẩm định"
    ELIGIBLE = "du", "Đủ điều kiện"
    INELIGIBLE = "khong_du", "Không đủ điều kiện"
    NEEDS_MORE = "can_bo_sung", "Cần bổ sung"


class Candidate(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="candidates")
    person = models.ForeignKey(
        Person, verbose_name="cá nhân", null=True, blank=True, on_delete=models.PROTECT
    )
    unit = models.ForeignKey(
        Unit, verbose_name="tập thể", null=True, blank=True, on_delete=models.PROTECT
    )
    award_form = models.ForeignKey(
        AwardForm, verbose_name="hình thức đề nghị", on_delete=models.PROTECT
    )
    summary = models.TextField("tóm tắt thành tích")
    facts = models.JSONField("số liệu", default=dict, blank=True)
    order = models.PositiveIntegerField(default=0)
    appraisal = models.CharField(
        max_length=20, choices=Appraisal.choices, default=Appraisal.PENDING
    )
    appraisal_reason = models.TextField("lý do", blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "người, tập thể được đề nghị"
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, unit__isnull=True)
                | Q(person__isnull=True, unit__isnull=False),
                name="candidate_one_subject",
            ),
            models.UniqueConstraint(
                fields=["dossier", "person", "award_form"], name="unique_person_per_form"
            ),
            models.UniqueConstraint(
                fields=["dossier", "unit", "award_form"], name="unique_unit_per_form"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def subject(self):
        return self.person or self.unit

    @property
    def name(self) -> str:
        return self.person.full_name if self.person_id else self.unit.name

    @property
    def is_individual(self) -> bool:
        return self.person_id is not None


class CandidateAttestation(models.Model):
    """A person's confirmation of an attested criterion for one candidate."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="attestations")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE)
    confirmed = models.BooleanField()
    note = models.CharField("ghi chú", max_length=500, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["candidate", "criterion"], name="one_attestation")
        ]

    def __str__(self) -> str:
        return f"Xác nhận tiêu chuẩn: {'đạt' if self.confirmed else 'không đạt'}"


def document_path(instance, filename: str) -> str:
    # Stored under a random name: the original name is kept in the row, never trusted on disk.
    return f"dossiers/{instance.dossier_id}/{instance.sha256[:16]}-{instance.token}"


class DossierDocument(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="documents")
    required = models.ForeignKey(
        RequiredDocument,
        verbose_name="thành phần hồ sơ",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    candidate = models.ForeignKey(
        Candidate, null=True, blank=True, on_delete=models.CASCADE, related_name="documents"
    )
    file = models.FileField(upload_to=document_path)
    token = models.CharField(max_length=32, editable=False)
    original_name = models.CharField("tên tệp", max_length=255)
    kind = models.CharField("loại tệp", max_length=10)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["required__order", "uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class Extension(models.Model):
    """Phòng Nội vụ lets one unit submit after the deadline, until a given day."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="extensions")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE)
    until = models.DateField("gia hạn đến ngày")
    reason = models.CharField("lý do", max_length=500)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-until"]
        constraints = [models.UniqueConstraint(fields=["campaign", "unit"], name="one_extension")]

    def __str__(self) -> str:
        return f"Gia hạn nộp hồ sơ đến ngày {self.until:%d/%m/%Y}"
