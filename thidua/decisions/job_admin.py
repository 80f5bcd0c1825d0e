"""Jobs that keep failing, shown to the root administrator with their error and a retry:
background tasks the worker gave up (django_tasks_db), documents built in the background
(``core.GeneratedFile``) and certificate batches that failed."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils.module_loading import import_string
from django_tasks_db.models import DBTaskResult

from thidua.core import audit, generated
from thidua.core.models import GeneratedFile, JobStatus
from thidua.org import access

from . import tasks
from .models import BatchStatus, CertificateBatch

LIMIT = 100  # rows of each list on the page
# Tasks that build a row shown in its own list (a document, a certificate batch): their failure
# is shown, and retried, through that row, which the task only runs when it is queued again.
BY_ROW = (
    "thidua.core.generated.build_generated_file",
    "thidua.decisions.tasks.build_certificates",
    "thidua.decisions.tasks.build_certificate_chunk",
)


def require_admin(actor: Any) -> None:
    if not access.administers_root(actor):
        raise PermissionDenied("Chỉ quản trị hệ thống cấp tỉnh xem được các tác vụ nền bị lỗi.")


def failed_jobs(actor: Any) -> dict[str, list]:
    require_admin(actor)
    return {
        "tasks": list(
            DBTaskResult.objects.failed()
            .exclude(task_path__in=BY_ROW)
            .only("id", "task_path", "args_kwargs", "finished_at", "traceback")
            .order_by("-finished_at")[:LIMIT]
        ),
        "files": list(
            GeneratedFile.objects.filter(status=JobStatus.FAILED, part=0)
            .select_related("requested_by")
            .order_by("-created_at")[:LIMIT]
        ),
        "batches": list(
            CertificateBatch.objects.filter(status=BatchStatus.FAILED)
            .select_related("decision", "requested_by")
            .order_by("-created_at")[:LIMIT]
        ),
    }


class RetryRefused(Exception):
    pass


def _int(pk: str) -> int:
    if not pk.isdigit():
        raise Http404("Không tìm thấy.")
    return int(pk)


def retry(*, actor: Any, what: str, pk: str) -> str:
    """Queue a failed job again; returns what was retried (for the message). A job already
    retried or replaced by a newer one of the same version is refused."""
    require_admin(actor)
    obj: Any
    with transaction.atomic():
        if what == "task":
            try:
                key = uuid.UUID(pk)
            except ValueError:
                raise Http404("Không tìm thấy tác vụ lỗi.") from None
            row = (
                DBTaskResult.objects.select_for_update()
                .filter(pk=key, status="FAILED")
                .exclude(task_path__in=BY_ROW)
                .first()
            )
            if row is None:
                raise Http404("Không tìm thấy tác vụ lỗi.")
            import_string(row.task_path)  # the task still exists
            DBTaskResult.objects.filter(pk=row.pk).update(
                status="READY",
                exception_class_path="",
                traceback="",
                worker_ids=[],
                started_at=None,
                finished_at=None,
            )
            label, obj = row.task_path.rsplit(".", 1)[-1], row
        elif what == "file":
            file = GeneratedFile.objects.filter(
                pk=_int(pk), part=0, status=JobStatus.FAILED
            ).first()
            if file is None:
                raise Http404("Không tìm thấy tài liệu lỗi.")
            if not generated.requeue(file):
                raise RetryRefused("Tài liệu cùng phiên bản đang được tạo hoặc đã có.")
            label, obj = f"{file.kind} #{file.object_id}", file
        elif what == "batch":
            batch = CertificateBatch.objects.filter(pk=_int(pk), status=BatchStatus.FAILED).first()
            if batch is None:
                raise Http404("Không tìm thấy lô Giấy khen lỗi.")
            try:
                with transaction.atomic():
                    CertificateBatch.objects.filter(pk=batch.pk).update(
                        status=BatchStatus.QUEUED, error=""
                    )
            except IntegrityError:
                raise RetryRefused(
                    "Giấy khen của cùng phiên bản quyết định đang được tạo hoặc đã có."
                ) from None
            transaction.on_commit(lambda: tasks.build_certificates.enqueue(batch.pk))
            label, obj = f"Giấy khen của quyết định #{batch.decision_id}", batch
        else:
            raise Http404("Không có loại tác vụ này.")
        audit.record(actor=actor, action="core.job.retried", obj=obj, message=label)
    return label
