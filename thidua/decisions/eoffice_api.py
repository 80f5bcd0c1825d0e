"""The package sent upward through /api/v1/: start it, watch it, fetch it (same checks as the
page: 404 outside the scope, 403 without the right, 422 when a file is over the limit)."""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.urls import reverse
from ninja import Router, Status

from thidua.core.api import Error
from thidua.core.exports import record_export
from thidua.core.models import GeneratedFile, JobStatus
from thidua.org.api_auth import TokenAuth

from . import eoffice

router = Router(tags=["Quyết định khen thưởng"], auth=TokenAuth())
ERRORS = {403: Error, 404: Error, 422: Error}


def job_out(row: GeneratedFile) -> dict:
    return {
        "id": row.pk,
        "status": row.status,
        "done": row.done,
        "total": row.total,
        "error": row.error,
        "filename": row.filename,
        "download": reverse("api:upward_package_zip", args=[row.object_id])
        if row.status == JobStatus.DONE
        else None,
    }


# Two segments after the meeting: "/meetings/{id}/{action}" belongs to the council's API.
@router.post(
    "/meetings/{meeting_id}/upward-package/build",
    summary="Tạo gói gửi cấp trên (ZIP, tạo ở nền)",
    response={200: dict, 201: dict, **ERRORS},
)
def start(request, meeting_id: int):
    row, created = eoffice.request_package(actor=request.user, meeting_pk=meeting_id)
    return Status(201 if created else 200, job_out(row))


def _job(request, meeting_id: int) -> tuple[object, GeneratedFile]:
    meeting = eoffice.package_meeting(request.user, meeting_id)
    row = eoffice.current_job(meeting)
    if row is None:
        raise Http404("Chưa tạo gói gửi cấp trên cho dữ liệu hiện tại.")
    return meeting, row


@router.get(
    "/meetings/{meeting_id}/upward-package/status",
    summary="Tiến độ gói gửi cấp trên",
    response={200: dict, **ERRORS},
)
def status(request, meeting_id: int):
    return job_out(_job(request, meeting_id)[1])


@router.get(
    "/meetings/{meeting_id}/upward-package/download",
    summary="Tải gói gửi cấp trên (ZIP)",
    response={403: Error, 404: Error},
    url_name="upward_package_zip",
)
def download(request, meeting_id: int):
    meeting, row = _job(request, meeting_id)
    if row.status != JobStatus.DONE or not row.file:
        raise Http404("Gói chưa tạo xong.")
    record_export(request, eoffice.KIND, meeting, row.filename, unit=meeting.campaign.issuer)
    return FileResponse(
        row.file.open("rb"),
        as_attachment=True,
        filename=row.filename,
        content_type="application/zip",
    )
