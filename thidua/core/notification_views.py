"""A user's notifications (read/unread) and which kinds they want by e-mail."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from . import notify
from .models import Notification, NotificationPreference


@login_required
def notification_list(request):
    mine = Notification.objects.filter(user=request.user)
    page = Paginator(mine, 30).get_page(request.GET.get("trang"))
    off = set(
        NotificationPreference.objects.filter(user=request.user, email=False).values_list(
            "kind", flat=True
        )
    )
    kinds = [(kind, label, kind not in off) for kind, label in sorted(notify.kinds().items())]
    return render(
        request,
        "core/notifications.html",
        {"page": page, "unread": mine.filter(read_at__isnull=True).count(), "kinds": kinds},
    )


@login_required
def notification_open(request, pk: int):
    """Mark one of the user's own notifications read and go where it points."""
    note = get_object_or_404(Notification, pk=pk, user=request.user)
    if note.read_at is None:
        Notification.objects.filter(pk=note.pk).update(read_at=timezone.now())
    safe = url_has_allowed_host_and_scheme(note.url, allowed_hosts={request.get_host()})
    return redirect(note.url if note.url and safe else "notifications")


@login_required
@require_POST
def notifications_read_all(request):
    count = Notification.objects.filter(user=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    messages.success(request, f"Đã đánh dấu {count} thông báo là đã đọc.")
    return redirect("notifications")


@login_required
@require_POST
def notification_preferences(request):
    wanted = set(request.POST.getlist("email"))
    with transaction.atomic():
        for kind in notify.kinds():
            NotificationPreference.objects.update_or_create(
                user=request.user, kind=kind, defaults={"email": kind in wanted}
            )
    messages.success(request, "Đã lưu lựa chọn nhận thông báo qua thư điện tử.")
    return redirect("notifications")
