"""Write and read the audit log."""

from __future__ import annotations

from . import notify
from .models import AuditEntry

# The Vietnamese label of each action code, filled by every app at start-up.
_LABELS: dict[str, str] = {}


def register_actions(labels: dict[str, str]) -> None:
    """Each app registers the Vietnamese label of its action codes from its ``ready()``, so
    the ground floor knows no app above it (Wagtail's ``register_log_actions`` does the same)."""
    _LABELS.update(labels)


def action_label(action: str) -> str:
    return _LABELS.get(action, action)


def record(*, actor, action: str, obj, message: str = "", data: dict | None = None) -> AuditEntry:
    entry = AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        message=message,
        data=data or {},
    )
    entry.subject = obj  # the object itself, for the notification rules (not stored)
    notify.dispatch(entry)
    return entry


def history(obj):
    return AuditEntry.objects.filter(
        object_type=obj._meta.label_lower, object_id=str(obj.pk)
    ).select_related("actor")
