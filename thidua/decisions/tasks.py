"""Background work (django-tasks, database backend): a task loads its row by id and calls the
function that does the work."""

from __future__ import annotations

from django_tasks import task

from .certificates import build_certificate_batch
from .models import CertificateBatch


@task()
def build_certificates(batch_id: int) -> None:
    batch = CertificateBatch.objects.select_related("decision__award_form", "decision__issuer")
    build_certificate_batch(batch.get(pk=batch_id))
