"""What the clean-up of generated files (``core.cleanup``) may delete among the certificates:
a batch replaced by a newer finished batch of the same decision, and the chunks of a batch
once its ZIP is assembled (or the batch is gone): the ZIP holds every page they held."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import models
from django.db.models import Exists, OuterRef

from thidua.core.models import GeneratedFile

from .certificate_chunks import CHUNK_KIND
from .models import BatchStatus, CertificateBatch


def stale_certificates(older_than: datetime) -> Iterable[models.QuerySet]:
    newer = CertificateBatch.objects.filter(
        decision=OuterRef("decision"),
        status=BatchStatus.DONE,
        created_at__gt=OuterRef("created_at"),
    )
    yield CertificateBatch.objects.filter(created_at__lt=older_than).filter(Exists(newer))
    live = CertificateBatch.objects.filter(pk=OuterRef("object_id")).exclude(
        status=BatchStatus.DONE
    )
    yield GeneratedFile.objects.filter(kind=CHUNK_KIND, created_at__lt=older_than).exclude(
        Exists(live)
    )
