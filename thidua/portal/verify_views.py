"""Public verification of digital signatures: a published decision's signed PDF, or any PDF
someone uploads (valid / altered / unknown signer). No account needed."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render

from thidua.decisions.forms import VerifyForm
from thidua.decisions.models import Decision
from thidua.decisions.signing import verify_pdf
from thidua.decisions.signing_services import verify_stored

from . import public


def verify_decision(request, pk: int):
    shown = public.signed_decision(pk)
    if shown is None:
        raise Http404("Không tìm thấy quyết định.")
    verification = verify_stored(Decision.objects.get(pk=pk))
    return render(
        request,
        "portal/verify_decision.html",
        {"decision": shown, "verification": verification},
    )


def verify_upload(request):
    form = VerifyForm(request.POST or None, request.FILES or None)
    verification = None
    if request.method == "POST" and form.is_valid():
        verification = verify_pdf(form.cleaned_data["file"])
    return render(
        request, "portal/verify_upload.html", {"form": form, "verification": verification}
    )


def award_check(request, token: str):
    """The page a certificate's QR opens: the award and whether it is still in force."""
    check = public.award_check(token)
    if check is None:
        raise Http404("Không tìm thấy khen thưởng.")
    return render(request, "portal/award_check.html", {"check": check})
