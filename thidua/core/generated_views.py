"""Pages of a document built in the background: ask for it (POST), watch its progress (the
panel polls itself with HTMX until it is done), download it. Every page checks the scope of
the document's object exactly as its synchronous download does."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from . import generated
from .exports import record_export
from .models import GeneratedFile, JobStatus


@login_required
@require_POST
def request_file(request: HttpRequest, kind: str, object_id: int) -> HttpResponse:
    row, created = generated.request_file(actor=request.user, kind=kind, object_id=object_id)
    if created:
        messages.info(request, "Đang tạo tài liệu; có thể rời trang này, tệp sẽ sẵn sàng khi xong.")
    elif row.status == JobStatus.DONE:
        messages.info(
            request, "Tài liệu này đã được tạo và dữ liệu không thay đổi: tải tệp bên dưới."
        )
    else:
        messages.info(request, "Tài liệu này đang được tạo; không tạo thêm lần nữa.")
    return redirect("generated", pk=row.pk)


def _row(request: HttpRequest, pk: int) -> tuple[GeneratedFile, generated.Kind, object]:
    row = get_object_or_404(GeneratedFile, pk=pk, part=0)
    spec = generated.get_kind(row.kind)
    return row, spec, spec.get_object(request.user, row.object_id)


@login_required
def progress(request: HttpRequest, pk: int) -> HttpResponse:
    row, spec, obj = _row(request, pk)
    context = {"row": row, "spec": spec, "obj": obj, "back": spec.back_url(obj)}
    if request.headers.get("HX-Request"):
        return render(request, "core/generated_panel.html", context)
    return render(request, "core/generated.html", context)


@login_required
def download(request: HttpRequest, pk: int) -> FileResponse:
    row, spec, obj = _row(request, pk)
    if row.status != JobStatus.DONE or not row.file:
        raise Http404("Tệp chưa sẵn sàng.")
    # A document built in the background is personal data like its direct download.
    unit = (
        spec.owner(obj)
        if spec.owner
        else getattr(obj, "unit", None) or getattr(obj, "issuer", None)
    )
    record_export(request, row.kind, obj, row.filename or spec.filename(obj), unit=unit)
    return FileResponse(
        row.file.open("rb"),
        as_attachment=True,
        filename=row.filename or spec.filename(obj),
        content_type=spec.content_type,
    )


def offer(request: HttpRequest, kind: str, object_id: int) -> HttpResponse:
    """The page a large document's download link shows instead of building it in the request:
    the job of the same version if there is one, or a button to ask for it."""
    spec = generated.get_kind(kind)
    obj = spec.get_object(request.user, object_id)
    row = generated.reusable(kind, object_id, spec.fingerprint(obj))
    if row is not None:
        return redirect("generated", pk=row.pk)
    return render(
        request,
        "core/generated_offer.html",
        {
            "spec": spec,
            "obj": obj,
            "kind": kind,
            "object_id": object_id,
            "size": spec.size(obj),
            "back": spec.back_url(obj),
        },
    )
