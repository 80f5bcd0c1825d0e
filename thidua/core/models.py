"""Audit log: every state change writes one entry in the same transaction."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditEntry(models.Model):
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    action = models.CharField(max_length=64, db_index=True)
    object_type = models.CharField(max_length=64)
    object_id = models.CharField(max_length=64)
    message = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.action} {self.object_type}#{self.object_id}"

    @property
    def label(self) -> str:
        from .audit import action_label

        return action_label(self.action)


class DayOff(models.Model):
    """A day the calendar of public holidays does not know: a bridging day off decided by the
    government for a year, or a Saturday worked in exchange (``is_working_day``)."""

    day = models.DateField("ngày", unique=True)
    name = models.CharField("lý do", max_length=200)
    is_working_day = models.BooleanField("là ngày làm việc bù", default=False)

    class Meta:
        ordering = ["day"]
        verbose_name = "ngày nghỉ, ngày làm bù"

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} {self.name}"


class Notification(models.Model):
    """Something that happened and concerns ``user``: kept in the app (read/unread) and sent by
    e-mail in the background when the user wants that kind by e-mail."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=64, db_index=True)  # the audit action that caused it
    title = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.title


class NotificationPreference(models.Model):
    """A kind the user does not want by e-mail (every kind is e-mailed unless turned off)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=64)
    email = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")
        ]


class ExportEntry(models.Model):
    """A download of personal data (lists, trích ngang, decisions, certificates, minutes,
    statistics): who took what, when, about which object (core/exports.py writes it)."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)  # kept if the account goes
    kind = models.CharField(max_length=32, db_index=True)
    object_type = models.CharField(max_length=64)
    object_id = models.CharField(max_length=64)
    object_label = models.CharField(max_length=300, blank=True)
    unit_path = models.CharField(max_length=255, blank=True, db_index=True)  # the object's unit
    filename = models.CharField(max_length=255)
    ip = models.CharField(max_length=45, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "lượt xuất dữ liệu cá nhân"

    def __str__(self) -> str:
        return f"{self.kind} {self.filename}"

    @property
    def label(self) -> str:
        from .exports import kind_label

        return kind_label(self.kind)


class JobStatus(models.TextChoices):
    QUEUED = "queued", "Đang chờ"
    RUNNING = "running", "Đang tạo"
    DONE = "done", "Đã xong"
    FAILED = "failed", "Lỗi"


def generated_path(instance: GeneratedFile, filename: str) -> str:
    return f"generated/{instance.kind}/{instance.object_id}/{instance.token}-{filename}"


class GeneratedFile(models.Model):
    """A heavy document built by the background worker (``core.generated``): what it is
    (``kind`` and the object it is about), who asked, its state and progress, and the
    fingerprint of its inputs, so that the same version is built once and reused. ``part``
    numbers the pieces of a job split in several (chunks of certificates); 0 otherwise."""

    kind = models.CharField(max_length=40)
    object_id = models.PositiveBigIntegerField()
    part = models.PositiveIntegerField(default=0)
    fingerprint = models.CharField(max_length=64)
    token = models.CharField(max_length=32)
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    error = models.CharField(max_length=500, blank=True)
    file = models.FileField(upload_to=generated_path, blank=True, max_length=255)
    filename = models.CharField(max_length=120, blank=True)
    params = models.JSONField(default=dict, blank=True)  # what a part covers (its rows)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["kind", "object_id"])]
        constraints = [
            # One live job per version of a document (a failed one may be requested again).
            models.UniqueConstraint(
                fields=["kind", "object_id", "part", "fingerprint"],
                condition=~models.Q(status="failed"),
                name="one_live_generated_file",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}#{self.object_id}/{self.part} {self.status}"

    @property
    def percent(self) -> int:
        return int(self.done * 100 / self.total) if self.total else 0

    @property
    def live(self) -> bool:
        return self.status in (JobStatus.QUEUED, JobStatus.RUNNING)
