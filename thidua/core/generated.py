"""Heavy documents built by the background worker, with a progress bar on the page.

An app registers a *kind* of generated file (the decision with its annex, the trích ngang list):
how to find its object in the user's scope (the same check as the synchronous download), the
fingerprint of its inputs, and the builder — the app's existing content builder, called as it
is. ``request_file`` queues one job per version of the inputs: asking again while it is queued
or running returns the same job, and a finished file with the same fingerprint is reused. The
task ``build_generated_file`` is idempotent: a job already done is not built again, and a run
that is repeated (after a worker died) replaces its own file.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from . import audit
from .models import GeneratedFile, JobStatus


@dataclass(frozen=True)
class Kind:
    name: str
    label: str  # "Quyết định kèm danh sách (DOCX)"
    get_object: Callable[[Any, int], Any]  # (user, id) → object, or Http404 / PermissionDenied
    load: Callable[[int], Any]  # id → object, for the worker (no user)
    fingerprint: Callable[[Any], str]
    build: Callable[..., bytes]  # (obj) → bytes, or (obj, progress) with reports_progress
    filename: Callable[[Any], str]
    size: Callable[[Any], int]  # the number of rows, shown as progress
    back_url: Callable[[Any], str]
    content_type: str
    unit_label: str = "dòng"  # what the progress counts: "dòng", "văn bản, tài liệu"
    # True: ``build(obj, progress)`` calls ``progress(done)`` as it goes (a finer progress bar).
    reports_progress: bool = False
    owner: Callable[[Any], Any] | None = None  # the unit a download's export entry is filed under


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    KINDS[kind.name] = kind


def get_kind(name: str) -> Kind:
    from django.http import Http404

    try:
        return KINDS[name]
    except KeyError:
        raise Http404("Không có loại tệp này.") from None


def reusable(kind: str, object_id: int, print_: str) -> GeneratedFile | None:
    """The job queued, running or done for this version of the inputs, if any."""
    return (
        GeneratedFile.objects.filter(kind=kind, object_id=object_id, part=0, fingerprint=print_)
        .exclude(status=JobStatus.FAILED)
        .first()
    )


def request_file(*, actor: Any, kind: str, object_id: int) -> tuple[GeneratedFile, bool]:
    """Queue the document (scope checked like its download) and say whether the job is new;
    ``False``: the job of the same version, in progress or done, is returned instead."""
    spec = get_kind(kind)
    obj = spec.get_object(actor, object_id)
    print_ = spec.fingerprint(obj)
    existing = reusable(kind, object_id, print_)
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            row = GeneratedFile.objects.create(
                kind=kind,
                object_id=object_id,
                fingerprint=print_,
                token=secrets.token_hex(8),
                total=spec.size(obj),
                requested_by=actor,
            )
            audit.record(
                actor=actor,
                action="core.generated.requested",
                obj=row,
                message=f"{spec.label}: {row.total} dòng",
                data={"kind": kind, "object_id": object_id},
            )
            transaction.on_commit(partial(build_generated_file.enqueue, row.pk))
    except IntegrityError:  # a concurrent request created it first
        existing = reusable(kind, object_id, print_)
        if existing is None:
            raise
        return existing, False
    return row, True


def requeue(row: GeneratedFile) -> bool:
    """Put a failed job back in the queue (the administrator's retry); False if the same
    version is already queued, running or done."""
    try:
        with transaction.atomic():
            changed = GeneratedFile.objects.filter(pk=row.pk, status=JobStatus.FAILED).update(
                status=JobStatus.QUEUED, error="", done=0, finished_at=None
            )
    except IntegrityError:
        return False
    if changed:
        transaction.on_commit(partial(build_generated_file.enqueue, row.pk))
    return bool(changed)


def run(file_id: int) -> None:
    """Build one queued job (the body of the task)."""
    row = GeneratedFile.objects.filter(pk=file_id).first()
    if row is None or row.status in (JobStatus.DONE, JobStatus.FAILED):
        return  # already built (a repeated run) or given up: one result only
    spec = KINDS[row.kind]
    rows = GeneratedFile.objects.filter(pk=row.pk)
    rows.update(status=JobStatus.RUNNING)
    try:
        obj = spec.load(row.object_id)
        if spec.reports_progress:
            content = spec.build(obj, lambda done: rows.update(done=done))
        else:
            content = spec.build(obj)
        name = spec.filename(obj)
        if row.file:  # a previous run that died after writing: replace its file
            row.file.delete(save=False)
        row.file.save(name, ContentFile(content), save=False)
        rows.update(
            status=JobStatus.DONE,
            done=row.total,
            file=row.file.name,
            filename=name,
            finished_at=timezone.now(),
        )
    except Exception as error:  # shown on the page and to the administrator, then logged
        rows.update(status=JobStatus.FAILED, error=str(error)[:500] or type(error).__name__)
        raise


@task()
def build_generated_file(file_id: int) -> None:
    run(file_id)


def digest(*parts: Any, document: str = "") -> str:
    """The fingerprint of a document's inputs: querysets (every row's values, in order) and
    plain values, plus the administrator's template of the document if one is set."""
    import hashlib

    from django.db.models import QuerySet

    from .rendering import template_path

    sha = hashlib.sha256()
    for part in parts:
        rows = part.values_list() if isinstance(part, QuerySet) else [part]
        for row in rows.iterator() if isinstance(rows, QuerySet) else rows:
            sha.update(repr(row).encode())
            sha.update(b"\n")
    path = template_path(document) if document else None
    if path is not None:
        stat = path.stat()
        sha.update(f"template:{stat.st_mtime_ns}:{stat.st_size}".encode())
    return sha.hexdigest()


def failed_for_good(sender: Any, *, result: Any, message: str, **kwargs: Any) -> None:
    """The reaper gave up a build of a generated file: show it failed, not "running"."""
    if result.task_path == f"{__name__}.build_generated_file":
        (file_id,) = result.args_kwargs["args"]
        GeneratedFile.objects.filter(pk=file_id).exclude(status=JobStatus.DONE).update(
            status=JobStatus.FAILED, error=message[:500]
        )
