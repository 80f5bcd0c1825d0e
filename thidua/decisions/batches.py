"""The ZIP of every certificate of a signed decision, built in the background: started only by
the issuer's emulation officer, once per version of the decision (its number, date, signer and
recipients, summed up in a fingerprint). A second request while a batch is queued, running or
done for the same version gets that batch back; a new one is built only when the previous one
failed or the decision changed."""

from __future__ import annotations

import hashlib
import json
import secrets
from functools import partial

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from thidua.core import audit

from . import policy, tasks
from .certificate_layout import layout_for
from .models import BatchStatus, CertificateBatch, Decision


def fingerprint(decision: Decision) -> str:
    """What a certificate prints of the decision and its recipients, hashed: two equal
    fingerprints give the same certificates."""
    head: list[object] = [
        decision.number_symbol,
        decision.signed_on.isoformat(),
        decision.place,
        decision.issuer_name,
        decision.signer_title,
        decision.signer_name,
        decision.award_form.name,
    ]
    # The issuer's layout too: a new emblem or a field moved on the blank prints differently.
    layout = layout_for(decision.issuer_id)
    head += [layout.mode, layout.emblem_token, sorted(layout.positions.items())]
    rows = [
        [r.order, r.name, r.description, r.achievement, r.person_id, r.unit_id]
        for r in decision.recipients.order_by("order")
    ]
    payload = json.dumps([head, rows], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()


def live_batch(decision: Decision, print_: str) -> CertificateBatch | None:
    """The batch queued, running or done for this version of the decision, if any."""
    return (
        CertificateBatch.objects.filter(decision=decision, fingerprint=print_)
        .exclude(status=BatchStatus.FAILED)
        .first()
    )


def start_certificate_batch(*, actor: User, decision: Decision) -> tuple[CertificateBatch, bool]:
    """Queue the ZIP of every certificate of a signed decision and say whether it is new
    (``False``: the batch of the same version, in progress or done, is returned instead)."""
    if not policy.can_view(actor, decision):
        raise PermissionDenied("Bạn không được xem quyết định này.")
    policy.require_certificates(decision)
    if not policy.can_prepare(actor, decision.issuer):
        raise PermissionDenied(
            "Chỉ chuyên viên thi đua, khen thưởng của cơ quan ban hành được tạo tệp Giấy khen."
        )
    try:
        with transaction.atomic():
            # One request at a time per decision: the second one finds the first one's batch.
            Decision.objects.select_for_update().filter(pk=decision.pk).first()
            print_ = fingerprint(decision)
            existing = live_batch(decision, print_)
            if existing is not None:
                return existing, False
            batch = CertificateBatch.objects.create(
                decision=decision,
                token=secrets.token_hex(16),
                fingerprint=print_,
                total=decision.recipients.filter(revoked_on__isnull=True).count(),
                requested_by=actor,
            )
            audit.record(
                actor=actor,
                action="decisions.certificates.requested",
                obj=decision,
                message=f"{batch.total} Giấy khen",
            )
            # Queued once the row is committed, so that the worker finds it.
            transaction.on_commit(partial(tasks.build_certificates.enqueue, batch.pk))
    except IntegrityError:  # the database's guard: a concurrent request created it first
        existing = live_batch(decision, fingerprint(decision))
        if existing is None:
            raise
        return existing, False
    return batch, True
