"""Notifications that follow the audit log: when a service records an action, the rules the
apps registered for that action say who must hear of it. Each notice is kept in the app and,
unless the user turned that kind off, e-mailed by the background worker after the commit: a
failed send never blocks nor rolls back the action."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction

from .models import AuditEntry, Notification, NotificationPreference

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Notice:
    users: Iterable  # users (or ids) to tell
    title: str
    url: str = ""


Rule = Callable[[AuditEntry], Iterable[Notice]]
_RULES: dict[str, list[Rule]] = {}
_KINDS: dict[str, str] = {}  # action → what the preference page calls it


def register(action: str, label: str, rule: Rule) -> None:
    _RULES.setdefault(action, [])
    if rule not in _RULES[action]:
        _RULES[action].append(rule)
    _KINDS[action] = label


def kinds() -> dict[str, str]:
    return dict(_KINDS)


def dispatch(entry: AuditEntry) -> list[Notification]:
    """Create the notifications ``entry`` causes (inside the action's transaction, so they
    vanish with it) and queue their e-mails for after the commit."""
    rules = _RULES.get(entry.action)
    if not rules:
        return []
    created: list[Notification] = []
    for rule in rules:
        for notice in rule(entry):
            user_ids = {getattr(u, "pk", u) for u in notice.users} - {entry.actor_id}
            created += Notification.objects.bulk_create(
                Notification(user_id=uid, kind=entry.action, title=notice.title, url=notice.url)
                for uid in sorted(user_ids)
            )
    if created:
        ids = [n.pk for n in created if n.pk is not None]
        transaction.on_commit(lambda: _queue_emails(ids))
    return created


def _queue_emails(ids: list[int]) -> None:
    from .tasks import send_notification_emails

    try:
        send_notification_emails.enqueue(ids)
    except Exception:  # the action is done; a queue that is down costs the e-mail only
        log.exception("could not queue notification e-mails %s", ids)


def wants_email(user_id: int, kind: str) -> bool:
    pref = NotificationPreference.objects.filter(user_id=user_id, kind=kind).first()
    return pref is None or pref.email
