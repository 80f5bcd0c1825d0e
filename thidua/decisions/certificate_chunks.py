"""The certificates of a batch, built by several workers at once.

``start`` (the task of the batch) cuts the decision's recipients in force into chunks of
``THIDUA_CERTIFICATE_CHUNK`` and queues one task per chunk. Each chunk is a
``core.GeneratedFile`` row (kind ``decisions.certificate-chunk``, ``object_id`` the batch,
``part`` its number, the batch's fingerprint): it writes one PDF per recipient and the chunk's
pages of the combined file into its own ZIP, and its progress; the batch's progress is the sum
of its chunks. The chunk that finishes last assembles the batch's ZIP under a lock on the batch
row, so exactly one does. Running a chunk again (a worker died, a task ran twice) finds it done
and changes nothing; a chunk that died half-way rewrites its own file.
"""

from __future__ import annotations

import io
import secrets
import tempfile
import zipfile
from typing import Any

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet, Sum
from django.utils import timezone

from thidua.core.models import GeneratedFile, JobStatus

from .certificate_layout import layout_for
from .models import BatchStatus, CertificateBatch

CHUNK_KIND = "decisions.certificate-chunk"
COMBINED = "tat-ca-giay-khen.pdf"
PROGRESS_EVERY = 25  # recipients between two progress updates


def chunks_of(batch: CertificateBatch) -> QuerySet[GeneratedFile]:
    return GeneratedFile.objects.filter(
        kind=CHUNK_KIND, object_id=batch.pk, fingerprint=batch.fingerprint
    ).exclude(status=JobStatus.FAILED)


def plan(batch: CertificateBatch) -> list[GeneratedFile]:
    """The chunk rows of the batch (created once; a failed chunk gets a new row), in order."""
    orders = list(
        batch.decision.recipients.filter(revoked_on__isnull=True)
        .order_by("order")
        .values_list("order", flat=True)
    )
    size = max(1, settings.THIDUA_CERTIFICATE_CHUNK)
    CertificateBatch.objects.filter(pk=batch.pk).exclude(status=BatchStatus.DONE).update(
        status=BatchStatus.RUNNING, total=len(orders)
    )
    existing = {c.part: c for c in chunks_of(batch)}
    rows = []
    for part, first in enumerate(range(0, max(len(orders), 1), size), start=1):
        piece = orders[first : first + size]
        row = existing.get(part) or GeneratedFile.objects.create(
            kind=CHUNK_KIND,
            object_id=batch.pk,
            part=part,
            fingerprint=batch.fingerprint,
            token=secrets.token_hex(8),
            total=len(piece),
            params={"orders": piece},
            requested_by=batch.requested_by,
        )
        rows.append(row)
    return rows


def start(batch: CertificateBatch) -> None:
    """Queue every chunk not done yet (the tasks run on as many workers as there are)."""
    from .tasks import build_certificate_chunk

    rows = plan(batch)
    for row in rows:
        if row.status != JobStatus.DONE:
            build_certificate_chunk.enqueue(row.pk)
    if all(row.status == JobStatus.DONE for row in rows):
        assemble(batch.pk)  # every chunk was already built: only the ZIP was missing


def _progress(batch_id: int) -> None:
    total = GeneratedFile.objects.filter(
        kind=CHUNK_KIND,
        object_id=batch_id,
        fingerprint=CertificateBatch.objects.filter(pk=batch_id).values("fingerprint")[:1],
    ).exclude(status=JobStatus.FAILED)
    done = total.aggregate(n=Sum("done"))["n"] or 0
    CertificateBatch.objects.filter(pk=batch_id, status=BatchStatus.RUNNING).update(done=done)


def build_chunk(chunk_id: int) -> None:
    chunk = GeneratedFile.objects.filter(pk=chunk_id, kind=CHUNK_KIND).first()
    if chunk is None or chunk.status == JobStatus.FAILED:
        return
    batch = CertificateBatch.objects.select_related("decision__award_form", "decision__issuer").get(
        pk=chunk.object_id
    )
    if chunk.status == JobStatus.DONE:  # a repeated run: one result, perhaps the last one
        assemble(batch.pk)
        return
    from .certificates import CertificatePDF, _slug  # fpdf2: only in the worker that draws

    rows = GeneratedFile.objects.filter(pk=chunk.pk)
    rows.update(status=JobStatus.RUNNING)
    decision = batch.decision
    try:
        recipients = list(
            decision.recipients.filter(
                revoked_on__isnull=True, order__in=chunk.params["orders"]
            ).order_by("order")
        )
        layout = layout_for(decision.issuer_id)  # once per chunk: the issuer's mode and places
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
            combined = CertificatePDF(layout)
            for n, recipient in enumerate(recipients, start=1):
                single = CertificatePDF(layout)
                single.page_for(decision, recipient)
                name = f"{recipient.order:04d}-{_slug(recipient.name)}.pdf"
                archive.writestr(name, bytes(single.output()))
                combined.page_for(decision, recipient)
                if n % PROGRESS_EVERY == 0:
                    rows.update(done=n)
                    _progress(batch.pk)
            archive.writestr(COMBINED, bytes(combined.output()) if recipients else b"")
        if chunk.file:  # a run that died after writing: replace its own file
            chunk.file.delete(save=False)
        chunk.file.save(f"phan-{chunk.part}.zip", ContentFile(buffer.getvalue()), save=False)
        rows.update(
            status=JobStatus.DONE,
            done=len(recipients),
            file=chunk.file.name,
            finished_at=timezone.now(),
        )
        _progress(batch.pk)
    except Exception as error:
        message = str(error)[:500] or type(error).__name__
        rows.update(status=JobStatus.FAILED, error=message)
        CertificateBatch.objects.filter(pk=batch.pk).exclude(status=BatchStatus.DONE).update(
            status=BatchStatus.FAILED, error=message
        )
        raise
    assemble(batch.pk)


def assemble(batch_id: int) -> bool:
    """Write the batch's ZIP if every chunk is done and nobody did it yet; True if this call
    wrote it. The batch row is locked meanwhile, so two last chunks assemble once."""
    with transaction.atomic():
        batch = CertificateBatch.objects.select_for_update().filter(pk=batch_id).first()
        if batch is None or batch.status != BatchStatus.RUNNING:
            return False
        chunks = list(chunks_of(batch).order_by("part"))
        if not chunks or any(c.status != JobStatus.DONE for c in chunks):
            return False
        from pypdf import PdfWriter  # only here: the app's start-up reaches this module

        combined = PdfWriter()
        with tempfile.TemporaryFile() as handle:
            with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
                for chunk in chunks:
                    with chunk.file.open("rb") as part, zipfile.ZipFile(part) as piece:
                        for info in piece.infolist():
                            data = piece.read(info)
                            if info.filename == COMBINED:
                                if data:
                                    combined.append(io.BytesIO(data))
                            else:
                                archive.writestr(info.filename, data)
                out = io.BytesIO()
                combined.write(out)
                archive.writestr(COMBINED, out.getvalue())
            handle.seek(0)
            batch.file.save("giay-khen.zip", File(handle), save=False)
        CertificateBatch.objects.filter(pk=batch.pk).update(
            status=BatchStatus.DONE,
            done=sum(c.total for c in chunks),
            file=batch.file.name,
            error="",
            finished_at=timezone.now(),
        )
        # The pieces are in the ZIP now: their files go once this is committed (the rows stay,
        # done, so that a chunk run again still finds its work done).
        transaction.on_commit(lambda: _drop_files(chunks))
    return True


def _drop_files(chunks: list[GeneratedFile]) -> None:
    for chunk in chunks:
        if chunk.file:
            chunk.file.delete(save=False)
    GeneratedFile.objects.filter(pk__in=[c.pk for c in chunks]).update(file="")


def failed_for_good(sender: Any, *, result: Any, message: str, **kwargs: Any) -> None:
    """The reaper gave up a certificate job: its batch shows "Lỗi", not "Đang tạo"."""
    args = result.args_kwargs.get("args") or [None]
    if result.task_path == "thidua.decisions.tasks.build_certificates":
        batches = CertificateBatch.objects.filter(pk=args[0])
    elif result.task_path == "thidua.decisions.tasks.build_certificate_chunk":
        chunk = GeneratedFile.objects.filter(pk=args[0], kind=CHUNK_KIND).first()
        if chunk is None:
            return
        GeneratedFile.objects.filter(pk=chunk.pk).exclude(status=JobStatus.DONE).update(
            status=JobStatus.FAILED, error=message[:500]
        )
        batches = CertificateBatch.objects.filter(pk=chunk.object_id)
    else:
        return
    batches.exclude(status=BatchStatus.DONE).update(status=BatchStatus.FAILED, error=message[:500])
