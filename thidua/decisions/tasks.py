"""Background work: every certificate of a decision into one ZIP, reporting progress."""

from __future__ import annotations

import tempfile
import zipfile

from django.core.files import File
from django.utils import timezone
from django_tasks import task

from .certificates import CertificatePDF, _slug
from .models import BatchStatus, CertificateBatch

PROGRESS_EVERY = 25  # recipients between two progress updates


@task()
def build_certificates(batch_id: int) -> None:
    batch = CertificateBatch.objects.select_related("decision__award_form", "decision__issuer").get(
        pk=batch_id
    )
    decision = batch.decision
    recipients = list(decision.recipients.all())
    CertificateBatch.objects.filter(pk=batch.pk).update(
        status=BatchStatus.RUNNING, total=len(recipients)
    )
    try:
        with tempfile.TemporaryFile() as handle:
            with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
                combined = CertificatePDF()
                for n, recipient in enumerate(recipients, start=1):
                    single = CertificatePDF()
                    single.page_for(decision, recipient)
                    archive.writestr(
                        f"{recipient.order:04d}-{_slug(recipient.name)}.pdf", bytes(single.output())
                    )
                    combined.page_for(decision, recipient)
                    if n % PROGRESS_EVERY == 0:
                        CertificateBatch.objects.filter(pk=batch.pk).update(done=n)
                archive.writestr("tat-ca-giay-khen.pdf", bytes(combined.output()))
            handle.seek(0)
            batch.file.save("giay-khen.zip", File(handle), save=False)
        CertificateBatch.objects.filter(pk=batch.pk).update(
            status=BatchStatus.DONE,
            done=len(recipients),
            file=batch.file.name,
            finished_at=timezone.now(),
        )
    except Exception as error:  # recorded for the user, then re-raised for the worker's log
        CertificateBatch.objects.filter(pk=batch.pk).update(
            status=BatchStatus.FAILED, error=str(error)[:500]
        )
        raise
