"""Decisions through /api/v1/: read, approve (the chairman), certificates."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from ninja import File, Router, Schema, UploadedFile

from thidua.core.api import Conflict, Error
from thidua.org.api_auth import TokenAuth

from . import (
    amendment,
    documents,
    policy,
    revocation,
    services,
    signing,
    signing_services,
)
from .forms import RevocationForm, VerifyForm
from .models import DecisionKind, DecisionSignature

router = Router(tags=["Quyết định khen thưởng"], auth=TokenAuth())


def decision_out(d) -> dict:
    recipients = list(d.recipients.all())
    return {
        "id": d.pk,
        "number_symbol": d.number_symbol if (d.number or d.kind == DecisionKind.HIGHER) else None,
        "kind": d.kind,
        "status": d.status,
        "issuer": d.issuer_name,
        "signed_on": d.signed_on,
        "signer": f"{d.signer_title} {d.signer_name}".strip(),
        "subject": d.subject,
        # The "Căn cứ …" lines as the document prints them, chosen by the signing date.
        "legal_bases": documents.printed_bases(d) if d.kind == DecisionKind.ISSUED else [],
        "award_form": d.award_form.name,
        "total": sum(r.amount for r in recipients),
        "revokes_id": d.revokes_id,
        "reason": d.reason,
        "recipients": [
            {
                "id": r.pk,
                "order": r.order,
                "name": r.name,
                "description": r.description,
                "collective": r.is_collective,
                "person_id": r.person_id,
                "unit_id": r.unit_id,
                "amount": r.amount,
                "revoked_on": r.revoked_on,
                "revoked_by_id": r.revoked_by_id,
            }
            for r in recipients
        ],
    }


@router.get("/decisions", summary="Quyết định khen thưởng người dùng được xem")
def list_decisions(request) -> list[dict]:
    return [
        {
            "id": d.pk,
            "number": d.number,
            "symbol": d.symbol,
            "status": d.status,
            "signed_on": d.signed_on,
        }
        for d in policy.decisions_visible_to(request.user)
    ]


@router.get("/decisions/{decision_id}", summary="Quyết định, danh sách kèm theo và tiền thưởng")
def get_decision(request, decision_id: int) -> dict:
    return decision_out(policy.get_decision_or_404(request.user, decision_id))


@router.post(
    "/decisions/{decision_id}/approve",
    response={200: dict, 403: Error, 422: Error},
    summary="Chủ tịch ký ban hành: cấp số, ghi vào lịch sử khen thưởng",
)
def approve(request, decision_id: int):
    decision = policy.get_decision_or_404(request.user, decision_id)
    return decision_out(services.approve(actor=request.user, decision=decision))


@router.get(
    "/decisions/{decision_id}/certificates.pdf", summary="Giấy khen (PDF, mỗi người một trang)"
)
def certificates_pdf(request, decision_id: int):
    from . import certificates  # fpdf2: imported when a PDF is drawn, not at start-up

    decision = policy.get_decision_or_404(request.user, decision_id)
    policy.require_certificates(decision)
    return HttpResponse(certificates.certificates_pdf(decision), content_type="application/pdf")


class RevocationIn(Schema):
    recipient_ids: list[int]
    reason: str
    signed_on: str


@router.post(
    "/decisions/{decision_id}/revoke",
    response={200: dict, 403: Error, 404: Error, 422: Error},
    summary="Lập dự thảo quyết định thu hồi khen thưởng của một quyết định đã ký (Chủ tịch ký "
    "bằng /approve)",
)
def revoke(request, decision_id: int, payload: RevocationIn):
    decision = policy.get_decision_or_404(request.user, decision_id)
    policy.check(request.user, decision, "revoke")
    form = RevocationForm({"reason": payload.reason, "signed_on": payload.signed_on})
    if not form.is_valid():
        raise ValidationError(
            {field: [str(e) for e in errors] for field, errors in form.errors.items()}
        )
    draft = revocation.prepare_revocation(
        actor=request.user,
        decision=decision,
        recipient_ids=set(payload.recipient_ids),
        **form.cleaned_data,
    )
    out = decision_out(draft)
    out["revoked"] = [
        {"id": r.pk, "order": r.order, "name": r.name, "amount": r.amount}
        for r in draft.revoked_recipients.all()
    ]
    out["to_recover"] = revocation.to_recover(draft)
    return out


class ReplacesIn(Schema):
    old_recipient_id: int


@router.post(
    "/decisions/{decision_id}/recipients/{recipient_id}/replaces",
    response={200: dict, 403: Error, 404: Error, 409: Conflict, 422: Error},
    summary="Sửa đổi: khen thưởng của quyết định đã ký thay thế một khen thưởng đã thu hồi của "
    "cùng tập thể, cá nhân, cùng cơ quan ban hành",
)
def replaces(request, decision_id: int, recipient_id: int, payload: ReplacesIn):
    new, old = amendment.get_pair_or_404(
        request.user, decision_id, recipient_id, payload.old_recipient_id
    )
    amendment.record_replacement(actor=request.user, old=old, new=new)
    return {
        "id": old.pk,
        "decision_id": old.decision_id,
        "name": old.name,
        "revoked_on": old.revoked_on,
        "replaced_by_id": new.pk,
        "replaced_by_decision": new.decision.number_symbol,
    }


# --- digital signatures --------------------------------------------------------------------


@router.get(
    "/decisions/{decision_id}/signature",
    response={200: dict, 403: Error, 404: Error},
    summary="Chữ ký số của quyết định: người ký, cơ quan, kết quả xác thực tệp PDF đã ký",
)
def signature(request, decision_id: int):
    decision = policy.get_decision_or_404(request.user, decision_id)
    stored = DecisionSignature.objects.filter(decision=decision).first()
    verification = signing_services.verify_stored(decision)
    return {
        "decision_id": decision.pk,
        "state": policy.signing_state(decision),
        "signer": stored.signer_subject if stored else None,
        "signed_at": stored.signed_at if stored else None,
        "agency": stored.agency_subject or None if stored else None,
        "sealed_at": stored.sealed_at if stored else None,
        "sha256": stored.sha256 if stored else None,
        "verification": verification.as_dict() if verification else None,
    }


@router.post(
    "/verify",
    auth=None,
    response={200: dict, 422: Error},
    summary="Xác thực chữ ký số của một tệp PDF (không cần đăng nhập; tệp không được lưu)",
)
def verify(request, file: UploadedFile = File(...)):  # noqa: B008
    form = VerifyForm(files={"file": file})
    if not form.is_valid():
        raise ValidationError(
            {field: [str(e) for e in errors] for field, errors in form.errors.items()}
        )
    return signing.verify_pdf(form.cleaned_data["file"]).as_dict()
