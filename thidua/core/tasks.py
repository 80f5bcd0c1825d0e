"""Background work of the ground floor: notification e-mails."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django_tasks import task

from .models import Notification, NotificationPreference

log = logging.getLogger(__name__)


@task()
def send_notification_emails(ids: list[int]) -> int:
    """E-mail each notification once (a second run sends nothing again); a failed send is
    logged and left for the next run, never raised into the action that caused it."""
    pending = Notification.objects.filter(pk__in=ids, emailed_at__isnull=True).select_related(
        "user"
    )
    off = set(
        NotificationPreference.objects.filter(
            user__in={n.user_id for n in pending}, email=False
        ).values_list("user_id", "kind")
    )
    sent = 0
    for note in pending:
        if not note.user.email or (note.user_id, note.kind) in off:
            continue
        link = f"{settings.SITE_URL.rstrip('/')}{note.url}" if note.url else settings.SITE_URL
        try:
            send_mail(
                subject=f"[Thi đua – Khen thưởng] {note.title}",
                message=f"{note.title}\n\nXem và xử lý tại: {link}\n",
                from_email=None,
                recipient_list=[note.user.email],
            )
        except Exception:
            log.exception("notification e-mail %s failed", note.pk)
            continue
        Notification.objects.filter(pk=note.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent
