"""The administrator's page of the portal's identity, and its public emblem."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render

from thidua.core.web import flash_errors

from . import identity as service
from .models import PortalIdentity
from .policy import StoryError


@login_required
def identity_edit(request):
    if not service.can_change(request.user):
        raise PermissionDenied("Chỉ quản trị hệ thống cấp tỉnh được sửa thông tin cổng thông tin.")
    current = PortalIdentity.current()
    if request.method == "POST":
        try:
            service.update_identity(
                actor=request.user,
                data=request.POST,
                emblem=request.FILES.get("emblem"),
                remove_emblem=bool(request.POST.get("remove_emblem")),
            )
        except StoryError as error:
            flash_errors(request, error)
        else:
            messages.success(request, "Đã lưu thông tin cổng thông tin.")
            return redirect("portal:identity")
    form = service.IdentityForm(instance=current)
    return render(request, "portal/identity_form.html", {"form": form, "identity": current})


def emblem(request):
    identity = PortalIdentity.current()
    if not identity.emblem:
        raise Http404("Chưa có biểu trưng.")
    content_type = "image/png" if identity.emblem_kind == "png" else "image/jpeg"
    response = FileResponse(identity.emblem.open("rb"), content_type=content_type)
    response["Cache-Control"] = "public, max-age=3600"
    return response
