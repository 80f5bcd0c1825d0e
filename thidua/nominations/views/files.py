"""The files a unit uploads into its dossier: upload, download (in scope only), delete."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from thidua.core.exports import record_export
from thidua.core.uploads import KINDS
from thidua.core.web import flash_errors
from thidua.org.access import Actor

from .. import policy, services
from ..forms import UploadForm
from ..models import DossierDocument
from .dossiers import back_to


@login_required
@require_POST
def document_upload(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = policy.get_dossier_or_404(request.user, pk)
    form = UploadForm(request.POST, request.FILES, dossier=dossier)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return back_to(dossier, "tai-lieu")
    data = form.cleaned_data
    try:
        document = services.upload_document(
            actor=request.user,
            dossier=dossier,
            version=data["version"],
            uploaded=data["file"],
            required=data["required"],
            candidate=data["candidate"],
        )
    except services.DossierError as error:
        flash_errors(request, error)
    else:
        messages.success(request, f"Đã tải lên “{document.original_name}”.")
    return back_to(dossier, "tai-lieu")


def _document(user: Actor, pk: int, doc_pk: int) -> DossierDocument:
    dossier = policy.get_dossier_or_404(user, pk)
    document = DossierDocument.objects.filter(pk=doc_pk, dossier=dossier).first()
    if document is None:
        raise Http404("Không tìm thấy tài liệu.")
    document.dossier = dossier
    return document


@login_required
def document_download(request: HttpRequest, pk: int, doc_pk: int) -> FileResponse:
    document = _document(request.user, pk, doc_pk)
    kind = KINDS[document.kind]
    name = document.original_name
    if not name.lower().endswith(kind.extension):
        name += kind.extension
    record_export(request, "tai_lieu_ho_so", document, name, unit=document.dossier.unit, label=name)
    response = FileResponse(
        document.file.open("rb"), as_attachment=True, filename=name, content_type=kind.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def document_delete(request: HttpRequest, pk: int, doc_pk: int) -> HttpResponse:
    document = _document(request.user, pk, doc_pk)
    try:
        services.delete_document(
            actor=request.user, document=document, version=request.POST.get("version")
        )
    except services.DossierError as error:
        flash_errors(request, error)
    else:
        messages.success(request, f"Đã xóa “{document.original_name}”.")
    return back_to(document.dossier, "tai-lieu")
