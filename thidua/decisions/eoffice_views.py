"""The button "Tạo gói gửi cấp trên" of a meeting's decisions panel: queue the package
(``eoffice.request_package``), then the generic progress page (``core.generated_views``) shows
its progress bar and download."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from thidua.core.models import JobStatus
from thidua.core.web import flash_errors

from . import eoffice
from .policy import DecisionError


@login_required
@require_POST
def request_package(request: HttpRequest, meeting_pk: int) -> HttpResponse:
    try:
        row, created = eoffice.request_package(actor=request.user, meeting_pk=meeting_pk)
    except DecisionError as error:
        flash_errors(request, error)
        return redirect("council:meeting", pk=meeting_pk)
    if created:
        messages.info(request, "Đang tạo gói gửi cấp trên; có thể rời trang này.")
    elif row.status == JobStatus.DONE:
        messages.info(request, "Gói này đã được tạo và dữ liệu không thay đổi: tải tệp bên dưới.")
    else:
        messages.info(request, "Gói này đang được tạo; không tạo thêm lần nữa.")
    return redirect("generated", pk=row.pk)
