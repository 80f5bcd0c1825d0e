"""/quan-tri/tac-vu/: the background jobs that failed, with their error and a retry button
(root administrators only)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from . import job_admin


@login_required
def failed_jobs(request: HttpRequest) -> HttpResponse:
    return render(request, "decisions/failed_jobs.html", job_admin.failed_jobs(request.user))


@login_required
@require_POST
def retry(request: HttpRequest) -> HttpResponse:
    what, pk = request.POST.get("what", ""), request.POST.get("pk", "")
    try:
        label = job_admin.retry(actor=request.user, what=what, pk=pk)
    except job_admin.RetryRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Đã đưa lại vào hàng đợi: {label}.")
    return redirect("failed_jobs")
