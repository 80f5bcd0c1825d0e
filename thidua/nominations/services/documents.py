"""The documents a dossier needs, given who it proposes, and the files the unit uploads."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from thidua.campaigns.models import DocumentScope, RequiredDocument
from thidua.core import audit, uploads
from thidua.org.access import Actor

from .. import policy
from ..errors import DossierError
from ..models import Candidate, Dossier, DossierDocument
from .versioning import claim


def applicable_documents(
    dossier: Dossier, candidates: Iterable[Candidate] | None = None
) -> list[tuple[RequiredDocument, bool]]:
    """(required document, applies?) for the campaign's list, given who is proposed."""
    candidates = list(candidates if candidates is not None else dossier.candidates.all())
    has_individual = any(c.person_id for c in candidates)
    has_collective = any(c.unit_id for c in candidates)
    forms = {c.award_form_id for c in candidates}
    result = []
    for required in dossier.campaign.required_documents.all():
        applies = bool(candidates)
        if required.award_form_id and required.award_form_id not in forms:
            applies = False
        if required.scope == DocumentScope.COLLECTIVE and not has_collective:
            applies = False
        if required.scope == DocumentScope.INDIVIDUAL and not has_individual:
            applies = False
        result.append((required, applies))
    return result


def missing_documents(
    dossier: Dossier,
    candidates: Iterable[Candidate] | None = None,
    documents: Iterable[DossierDocument] | None = None,
    applicable: list[tuple[RequiredDocument, bool]] | None = None,
) -> list[str]:
    """What the dossier still lacks. ``applicable``: ``applicable_documents`` of the same
    candidates, when the caller has it already."""
    candidates = list(candidates if candidates is not None else dossier.candidates.all())
    documents = list(documents if documents is not None else dossier.documents.all())
    missing = []
    if applicable is None:
        applicable = applicable_documents(dossier, candidates)
    for required, applies in applicable:
        if not applies:
            continue
        uploaded = [d for d in documents if d.required_id == required.pk]
        if not required.per_candidate:
            if not uploaded:
                missing.append(required.name)
            continue
        needing = [
            c
            for c in candidates
            if (not required.award_form_id or c.award_form_id == required.award_form_id)
            and (required.scope != DocumentScope.COLLECTIVE or c.unit_id)
            and (required.scope != DocumentScope.INDIVIDUAL or c.person_id)
        ]
        covered = {d.candidate_id for d in uploaded}
        missing += [f"{required.name}: {c.name}" for c in needing if c.pk not in covered]
    return missing


def upload_document(
    *,
    actor: Actor,
    dossier: Dossier,
    version: int | str | None,
    uploaded: UploadedFile,
    required: RequiredDocument | None = None,
    candidate: Candidate | None = None,
) -> DossierDocument:
    policy.check(actor, dossier, "edit")
    if required is not None and required.campaign_id != dossier.campaign_id:
        raise DossierError("Thành phần hồ sơ không thuộc đợt thi đua này.")
    if candidate is not None and candidate.dossier_id != dossier.pk:
        raise DossierError("Người, tập thể được đề nghị không thuộc hồ sơ này.")
    try:
        kind = uploads.detect_kind(uploaded)
    except ValidationError as error:
        raise DossierError(error.messages) from error
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    with uploads.discard_on_error() as files, transaction.atomic():
        claim(dossier, version)
        document = DossierDocument(
            dossier=dossier,
            required=required,
            candidate=candidate,
            token=secrets.token_hex(16),
            original_name=uploads.safe_name(uploaded.name),
            kind=kind.code,
            size=uploaded.size or 0,
            sha256=digest.hexdigest(),
            uploaded_by_id=actor.pk,
        )
        # Deleted again if the row, the audit entry or the commit fails.
        files.save(document.file, "upload", uploaded)
        document.save()
        audit.record(
            actor=actor,
            action="nominations.document.uploaded",
            obj=dossier,
            message=document.original_name,
        )
    return document


def delete_document(*, actor: Actor, document: DossierDocument, version: int | str | None) -> None:
    dossier = document.dossier
    policy.check(actor, dossier, "edit")
    with transaction.atomic():
        claim(dossier, version)
        name = document.original_name
        document.delete()
        audit.record(actor=actor, action="nominations.document.deleted", obj=dossier, message=name)
    document.file.delete(save=False)
