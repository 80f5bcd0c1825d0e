"""Digitally signing a decision (Nghị định 30/2020, văn bản điện tử): first the signer's
personal signature (the chairman, over the name block), then the agency's signature (the
office as văn thư, in place of the seal, over the left third of the personal one), which also
signs the decision's certificates. Each checks permission and state through the policy,
writes in one transaction and records the audit entry.

The PDF builders (fpdf2) and pyHanko are imported where a PDF is built or signed: the URLconf
reaches this module, and they are heavy to import."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import datetime
from typing import TYPE_CHECKING

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from thidua.core import audit
from thidua.core.docx import agency_title

from . import policy, signing, token_signing
from .certificate_layout import layout_for
from .models import Decision, DecisionKind, DecisionSignature, KeyKind, SigningKey
from .policy import DecisionError

if TYPE_CHECKING:
    from pyhanko.sign.signers import Signer

PERSONAL_FIELD = "ChuKyNguoiKy"
AGENCY_FIELD = "ChuKyCoQuan"
CERTIFICATE_FIELD = "ChuKyCoQuanGiayKhen"


def _key(**owner: object) -> SigningKey:
    key = SigningKey.objects.filter(active=True, **owner).first()
    if key is None:
        who = "của bạn" if "user" in owner else "của cơ quan ban hành"
        raise DecisionError(
            f"Chưa có khóa ký số {who}: đề nghị quản trị hệ thống cấu hình (docs/ky-so.md)."
        )
    return key


@contextmanager
def _signer(key: SigningKey) -> Iterator[Signer]:
    try:
        with token_signing.open_signer(key) as signer:
            yield signer
    except signing.SigningError as error:
        raise DecisionError(str(error)) from error


def _locked(decision: Decision) -> Decision:
    locked = (
        Decision.objects.select_for_update()
        .select_related("issuer", "campaign", "award_form")
        .get(pk=decision.pk)
    )
    return locked


def _name(token: str) -> str:
    return f"{token}-{secrets.token_hex(8)}.pdf"


def sign_decision(*, actor: User, decision: Decision) -> DecisionSignature:
    """The signer's personal signature on the decision's PDF (built from the same words as
    the DOCX), with a blue stamp: name, title, time (Vietnam, ISO 8601)."""
    from .decision_pdf import decision_pdf

    with transaction.atomic(), ExitStack() as open_key:
        locked = _locked(decision)
        policy.check_signing(actor, locked, "sign")
        key = _key(user=actor, kind=KeyKind.PERSONAL)
        signer = open_key.enter_context(_signer(key))
        content, boxes = decision_pdf(locked)
        now = timezone.now()
        name = actor.get_full_name() or locked.signer_name or actor.username
        stamp = signing.stamp_pdf(
            boxes.personal,
            [
                (f"Ký bởi: {name}", "B", 10),
                (f"{locked.signer_title.capitalize()} {locked.issuer_name}", "", 9),
                (f"Thời gian ký: {signing.vietnam_time(now)}", "I", 9),
            ],
            signing.BLUE,
            seal=False,
            image=signing.key_image(key),
        )
        signed = signing.sign_pdf(
            content,
            signer=signer,
            field_name=PERSONAL_FIELD,
            box=boxes.personal,
            stamp=stamp,
            reason=f"Ký ban hành Quyết định số {locked.number_symbol}",
            location=locked.place,
        )
        a = boxes.agency
        signature = DecisionSignature(
            decision=locked,
            sha256=hashlib.sha256(signed).hexdigest(),
            signed_by=actor,
            signed_at=now,
            signer_subject=signing.subject_name(signer.signing_cert),
            seal_box=[a.page, a.x1, a.y1, a.x2, a.y2],
        )
        signature.file.save(_name("quyet-dinh"), ContentFile(signed), save=False)
        signature.save()
        audit.record(
            actor=actor,
            action="decisions.decision.signed_digitally",
            obj=locked,
            message=f"Số {locked.number_symbol}: {signature.signer_subject}",
        )
    return signature


def seal_decision(*, actor: User, decision: Decision) -> DecisionSignature:
    """The agency's signature over the signed PDF (its seal image stands in red with the
    agency's name and the number), and the certificates signed by the agency."""
    from .decision_pdf import Box

    with transaction.atomic(), ExitStack() as open_key:
        locked = _locked(decision)
        policy.check_signing(actor, locked, "seal")
        signature = DecisionSignature.objects.select_for_update().get(decision=locked)
        key = _key(unit=locked.issuer, kind=KeyKind.AGENCY)
        signer = open_key.enter_context(_signer(key))
        now = timezone.now()
        page, x1, y1, x2, y2 = signature.seal_box
        box = Box(int(page), x1, y1, x2, y2)
        agency = agency_title(locked.issuer)
        stamp = signing.stamp_pdf(
            box,
            [
                ("ỦY BAN NHÂN DÂN" if agency.startswith("UBND ") else "", "B", 6.5),
                (agency.removeprefix("UBND ").upper(), "B", 6.5),
                (f"Số: {locked.number_symbol}", "", 6),
            ],
            signing.RED,
            seal=True,
            image=signing.key_image(key),
        )
        with signature.file.open("rb") as handle:
            signed = handle.read()
        sealed = signing.sign_pdf(
            signed,
            signer=signer,
            field_name=AGENCY_FIELD,
            box=box,
            stamp=stamp,
            reason=f"Ký số của cơ quan ban hành, Quyết định số {locked.number_symbol}",
            location=locked.place,
        )
        old = signature.file.name
        signature.file.save(_name("quyet-dinh-co-quan"), ContentFile(sealed), save=False)
        signature.sha256 = hashlib.sha256(sealed).hexdigest()
        signature.sealed_by, signature.sealed_at = actor, now
        signature.agency_subject = signing.subject_name(signer.signing_cert)
        if locked.kind == DecisionKind.ISSUED:
            signature.certificates.save(
                _name("giay-khen"),
                ContentFile(_signed_certificates(locked, signer, now)),
                save=False,
            )
        signature.save()
        storage = signature.file.storage
        transaction.on_commit(lambda: storage.delete(old))
        audit.record(
            actor=actor,
            action="decisions.decision.sealed_digitally",
            obj=locked,
            message=f"Số {locked.number_symbol}: {signature.agency_subject}",
        )
    return signature


def _signed_certificates(decision: Decision, signer: Signer, now: datetime) -> bytes:
    """The certificates, signed by the agency as an attached file: the stamp at the top right
    of the first page, text only (number, time), 10 pt, black (Phụ lục I)."""
    from .certificates import certificates_pdf
    from .decision_pdf import Box

    box = Box.from_mm(0, 214, 1.5, 80, 7, page_h=210)
    stamp = signing.stamp_pdf(
        box,
        [
            (
                f"{decision.number_symbol} – {signing.vietnam_time(now)}",
                "",
                10,
            )
        ],
        (0, 0, 0),
        seal=False,
        frame=False,
    )
    return signing.sign_pdf(
        certificates_pdf(decision, layout=layout_for(decision.issuer_id, drawn=True)),
        signer=signer,
        field_name=CERTIFICATE_FIELD,
        box=box,
        stamp=stamp,
        reason=f"Giấy khen kèm theo Quyết định số {decision.number_symbol}",
        location=decision.place,
    )


def verify_stored(decision: Decision) -> signing.Verification | None:
    """The verification of the decision's signed PDF as stored (None if it has none)."""
    signature = DecisionSignature.objects.filter(decision=decision).first()
    if signature is None:
        return None
    with signature.file.open("rb") as handle:
        return signing.verify_pdf(handle.read())
