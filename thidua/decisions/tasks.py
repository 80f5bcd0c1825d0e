"""Background work (django-tasks, database backend): a task loads its row by id and calls the
function that does the work."""

from __future__ import annotations

from django_tasks import task

from . import certificate_chunks
from .models import CertificateBatch


@task()
def build_certificates(batch_id: int) -> None:
    """Cut the batch in chunks and queue them (``certificate_chunks``)."""
    batch = CertificateBatch.objects.select_related("decision__award_form", "decision__issuer")
    certificate_chunks.start(batch.get(pk=batch_id))


@task()
def build_certificate_chunk(chunk_id: int) -> None:
    certificate_chunks.build_chunk(chunk_id)
