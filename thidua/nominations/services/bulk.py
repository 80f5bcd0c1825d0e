"""Bulk work on a dossier: several attestations in one form, several files in one upload.

Each function is one action of the service contract: it checks the dossier's table
(``policy.check(..., "edit")``), claims the version the user saw, writes everything in one
transaction (all or nothing) and records one audit entry naming what it changed."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from thidua.campaigns.models import Criterion, RequiredDocument
from thidua.core import audit
from thidua.core.text import ascii_key
from thidua.org.access import Actor

from .. import policy
from ..errors import DossierError
from ..models import Candidate, CandidateAttestation, Dossier, DossierDocument
from .documents import upload_document
from .versioning import claim

# One answer: (meets the criterion?, note).
Answer = tuple[bool, str]


def attested_criteria(form_ids: Iterable[int]) -> dict[int, set[int]]:
    """Award form → the ids of its criteria that a person confirms (one query)."""
    result: dict[int, set[int]] = defaultdict(set)
    for form_id, criterion_id in Criterion.objects.filter(
        criteria_set__award_form_id__in=set(form_ids), kind="attested"
    ).values_list("criteria_set__award_form_id", "pk"):
        result[form_id].add(criterion_id)
    return result


def _write(actor: Actor, rows: list[tuple[Candidate, int, Answer]]) -> None:
    existing = {
        (a.candidate_id, a.criterion_id): a
        for a in CandidateAttestation.objects.filter(
            candidate__in=[c for c, _k, _a in rows], criterion_id__in={k for _c, k, _a in rows}
        )
    }
    new, changed = [], []
    for candidate, criterion_id, (confirmed, note) in rows:
        row = existing.get((candidate.pk, criterion_id))
        if row is None:
            new.append(
                CandidateAttestation(
                    candidate=candidate,
                    criterion_id=criterion_id,
                    confirmed=confirmed,
                    note=note.strip(),
                    by_id=actor.pk,
                )
            )
        else:
            row.confirmed, row.note, row.by_id = confirmed, note.strip(), actor.pk
            changed.append(row)
    CandidateAttestation.objects.bulk_create(new)
    CandidateAttestation.objects.bulk_update(changed, ["confirmed", "note", "by", "at"])


def _summary(rows: list[tuple[Candidate, int, Answer]]) -> str:
    passed = sum(1 for _c, _k, (ok, _n) in rows if ok)
    return f"{len(rows)} xác nhận ({passed} đạt, {len(rows) - passed} không đạt)"


def attest_many(
    *,
    actor: Actor,
    candidate: Candidate,
    version: int | str | None,
    answers: Mapping[int, Answer],
) -> int:
    """Several qualitative criteria of one candidate at once. Returns how many were written."""
    dossier = candidate.dossier
    policy.check(actor, dossier, "edit")
    if not answers:
        raise DossierError("Chọn Đạt hoặc Không đạt cho ít nhất một tiêu chuẩn.")
    allowed = attested_criteria([candidate.award_form_id])[candidate.award_form_id]
    if set(answers) - allowed:
        raise DossierError("Tiêu chuẩn này không cần xác nhận hoặc không thuộc hình thức đề nghị.")
    rows = [(candidate, k, answers[k]) for k in sorted(answers)]
    with transaction.atomic():
        claim(dossier, version)
        _write(actor, rows)
        audit.record(
            actor=actor,
            action="nominations.candidate.attested_bulk",
            obj=dossier,
            message=f"{candidate.name}: {_summary(rows)}",
        )
    return len(rows)


def attest_for_candidates(
    *,
    actor: Actor,
    dossier: Dossier,
    version: int | str | None,
    criterion_id: int,
    answers: Mapping[int, Answer],
) -> int:
    """The same criterion for several candidates of the dossier at once (keys: candidate ids)."""
    policy.check(actor, dossier, "edit")
    if not answers:
        raise DossierError("Chọn Đạt hoặc Không đạt cho ít nhất một người, tập thể.")
    candidates = list(
        dossier.candidates.filter(pk__in=list(answers)).select_related("person", "unit")
    )
    if len(candidates) != len(answers):
        raise DossierError("Có người, tập thể không thuộc hồ sơ này.")
    allowed = attested_criteria({c.award_form_id for c in candidates})
    if any(criterion_id not in allowed[c.award_form_id] for c in candidates):
        raise DossierError("Tiêu chuẩn này không cần xác nhận hoặc không thuộc hình thức đề nghị.")
    rows = [(c, criterion_id, answers[c.pk]) for c in candidates]
    text = Criterion.objects.filter(pk=criterion_id).values_list("text", flat=True).first() or ""
    with transaction.atomic():
        claim(dossier, version)
        _write(actor, rows)
        audit.record(
            actor=actor,
            action="nominations.candidate.attested_bulk",
            obj=dossier,
            message=f"“{text[:80]}”: {_summary(rows)}",
        )
    return len(rows)


# ---------------------------------------------------------------------------------------------
# Several files at once


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^a-z0-9]+", ascii_key(text)) if w]


def guess_required(name: str, required: Iterable[RequiredDocument]) -> RequiredDocument | None:
    """The slot a file's name says: "to-trinh.pdf" → "Tờ trình của đơn vị…". The slot whose
    name's first words (at least two) appear in a row in the file name, the longest match
    winning; none when two slots match equally ("bao-cao.pdf")."""
    words = " " + " ".join(_words(name.rsplit(".", 1)[0])) + " "
    best: list[tuple[int, RequiredDocument]] = []
    for slot in required:
        slot_words = _words(slot.name)
        length = 0
        for n in range(2, len(slot_words) + 1):
            if " " + " ".join(slot_words[:n]) + " " in words:
                length = n
            else:
                break
        if length:
            best.append((length, slot))
    best.sort(key=lambda pair: -pair[0])
    if not best or (len(best) > 1 and best[0][0] == best[1][0]):
        return None
    return best[0][1]


@dataclass
class Uploaded:
    document: DossierDocument
    guessed: bool  # the slot was guessed from the name


def upload_documents(
    *,
    actor: Actor,
    dossier: Dossier,
    version: int | str | None,
    files: list[UploadedFile],
) -> list[Uploaded]:
    """Several files at once, each checked by its bytes as a single upload is, each put in the
    slot its name says (confirmed or corrected next with ``assign_documents``). All or nothing:
    one bad file refuses the whole upload and keeps nothing, naming the file."""
    policy.check(actor, dossier, "edit")
    if not files:
        raise DossierError("Chọn ít nhất một tệp để tải lên.")
    slots = list(dossier.campaign.required_documents.all())
    result: list[Uploaded] = []
    try:
        with transaction.atomic():
            for uploaded in files:
                slot = guess_required(uploaded.name or "", slots)
                try:
                    document = upload_document(
                        actor=actor,
                        dossier=dossier,
                        version=version,
                        uploaded=uploaded,
                        required=slot,
                    )
                except DossierError as error:
                    raise DossierError(
                        [
                            f"Tệp “{uploaded.name}”: không tải lên được, chưa lưu tệp nào.",
                            *error.messages,
                        ]
                    ) from error
                version = dossier.version  # each upload claimed the version once
                result.append(Uploaded(document, slot is not None))
    except BaseException:
        # The rows are rolled back: the files already stored go too.
        for done in result:
            done.document.file.delete(save=False)
        raise
    return result


def assign_documents(
    *,
    actor: Actor,
    dossier: Dossier,
    version: int | str | None,
    slots: Mapping[int, int | None],
    candidates: Mapping[int, int | None] | None = None,
) -> int:
    """Confirm or correct the slot (and the candidate) of uploaded files: document id → required
    document id (None: "Tài liệu khác")."""
    policy.check(actor, dossier, "edit")
    candidates = candidates or {}
    documents = {d.pk: d for d in dossier.documents.filter(pk__in=list(slots))}
    if len(documents) != len(slots):
        raise DossierError("Có tệp không thuộc hồ sơ này.")
    valid_slots = set(dossier.campaign.required_documents.values_list("pk", flat=True))
    valid_candidates = set(dossier.candidates.values_list("pk", flat=True))
    if any(s is not None and s not in valid_slots for s in slots.values()):
        raise DossierError("Thành phần hồ sơ không thuộc đợt thi đua này.")
    if any(c is not None and c not in valid_candidates for c in candidates.values()):
        raise DossierError("Người, tập thể được đề nghị không thuộc hồ sơ này.")
    with transaction.atomic():
        claim(dossier, version)
        for pk, document in documents.items():
            document.required_id = slots[pk]
            if pk in candidates:
                document.candidate_id = candidates[pk]
        DossierDocument.objects.bulk_update(documents.values(), ["required", "candidate"])
        audit.record(
            actor=actor,
            action="nominations.document.assigned",
            obj=dossier,
            message=", ".join(d.original_name for d in documents.values()),
        )
    return len(documents)
