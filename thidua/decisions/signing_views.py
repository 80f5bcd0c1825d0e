"""The decision's digital signatures: the chairman signs, the office adds the agency's
signature; the signed PDF and the signed certificates for those who see the decision."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from thidua.core.web import download, flash_errors
from thidua.org.access import Actor

from . import policy, signing_services
from .models import Decision, DecisionKind, DecisionSignature

PDF = "application/pdf"


def signature_of(decision: Decision) -> DecisionSignature | None:
    return DecisionSignature.objects.filter(decision=decision).first()


def panel(user: Actor, decision: Decision) -> dict:
    """What the decision's page shows of its signatures, and the buttons of this user."""
    return {
        "state": policy.signing_state(decision),
        "signature": signature_of(decision),
        "actions": policy.signing_actions(user, decision),
    }


@login_required
@require_POST
def sign(request, pk: int):
    decision = policy.get_decision_or_404(request.user, pk)
    try:
        signing_services.sign_decision(actor=request.user, decision=decision)
    except policy.DecisionError as error:
        flash_errors(request, error)
    else:
        messages.success(request, "Đã ký số quyết định; văn thư ký số của cơ quan để phát hành.")
    return redirect("decisions:detail", pk=pk)


@login_required
@require_POST
def seal(request, pk: int):
    decision = policy.get_decision_or_404(request.user, pk)
    try:
        signing_services.seal_decision(actor=request.user, decision=decision)
    except policy.DecisionError as error:
        flash_errors(request, error)
    else:
        messages.success(request, "Đã ký số của cơ quan: quyết định và Giấy khen đã ký số.")
    return redirect("decisions:detail", pk=pk)


@login_required
def pdf(request, pk: int):
    """The signed PDF once there is one; before, the PDF that will be signed."""
    decision = policy.get_decision_or_404(request.user, pk)
    if decision.kind == DecisionKind.HIGHER:
        raise Http404("Quyết định của cấp trên chỉ được ghi nhận, không có bản PDF trên hệ thống.")
    signature = signature_of(decision)
    name = f"quyet-dinh-{decision.pk}.pdf"
    if signature is None:
        from .decision_pdf import decision_pdf  # fpdf2: imported when the PDF is drawn

        return download(decision_pdf(decision)[0], name, PDF, inline=True)
    return FileResponse(signature.file.open("rb"), filename=name, content_type=PDF)


@login_required
def certificates(request, pk: int):
    decision = policy.get_decision_or_404(request.user, pk)
    signature = signature_of(decision)
    if signature is None or not signature.certificates:
        raise Http404("Giấy khen ký số có sau khi cơ quan ký số quyết định.")
    return FileResponse(
        signature.certificates.open("rb"),
        filename=f"giay-khen-ky-so-{decision.pk}.pdf",
        content_type=PDF,
    )
