"""The pages of an issuer's certificate layout: the list of issuers, the form (mode, emblem,
positions), the test page for pre-printed blanks, the emblem image as uploaded."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render

from thidua.core.audit import history
from thidua.core.web import download, flash_errors

from . import certificate_layout_services as service
from .certificate_layout import layout_for
from .layout_models import CertificateLayout
from .policy import DecisionError

PDF = "application/pdf"


@login_required
def layouts(request):
    issuers = list(service.issuers_for(request.user))
    if not issuers:
        raise PermissionDenied("Vai trò của bạn không có mẫu in Giấy khen để sửa.")
    return render(request, "decisions/certificate_layouts.html", {"issuers": issuers})


@login_required
def layout_edit(request, unit_pk: int):
    issuer = service.issuer_or_404(request.user, unit_pk)
    row = CertificateLayout.objects.filter(issuer=issuer).first()
    form = service.LayoutForm(initial=service.LayoutForm.initial_for(row))
    if request.method == "POST":
        form = service.LayoutForm(request.POST)
        try:
            service.update_layout(
                actor=request.user,
                issuer=issuer,
                data=request.POST,
                emblem=request.FILES.get("emblem"),
                remove_emblem=bool(request.POST.get("remove_emblem")),
            )
        except DecisionError as error:
            form.is_valid()  # shows the field errors next to the fields
            flash_errors(request, error)
        else:
            messages.success(request, "Đã lưu mẫu in Giấy khen.")
            return redirect("decisions:certificate_layout", unit_pk=issuer.pk)
    return render(
        request,
        "decisions/certificate_layout.html",
        {
            "issuer": issuer,
            "row": row,
            "form": form,
            "can_emblem": service.can_change_emblem(request.user, issuer),
            "history": history(row)[:20] if row is not None else [],
        },
    )


@login_required
def calibration(request, unit_pk: int):
    from .certificates import calibration_pdf  # fpdf2: imported when the PDF is drawn

    issuer = service.issuer_or_404(request.user, unit_pk)
    return download(
        calibration_pdf(layout_for(issuer)), f"trang-in-thu-{issuer.pk}.pdf", PDF, inline=True
    )


@login_required
def emblem(request, unit_pk: int):
    issuer = service.issuer_or_404(request.user, unit_pk)
    row = CertificateLayout.objects.filter(issuer=issuer).first()
    if row is None or not row.emblem:
        raise Http404("Chưa có ảnh Quốc huy.")
    content_type = "image/png" if row.emblem_kind == "png" else "image/jpeg"
    return FileResponse(row.emblem.open("rb"), content_type=content_type)
