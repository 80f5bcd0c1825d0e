"""The main menu shows what the user's roles can use, nothing more.

A project-level context processor: it looks across the apps (roles, council membership), so it
sits above them, beside the URL and API aggregators.
"""

from __future__ import annotations

from thidua.core.models import Notification
from thidua.council.models import CouncilMember
from thidua.org import access
from thidua.org.access import Perm


def menu(request) -> dict:
    user = request.user
    if not getattr(user, "is_authenticated", False):
        return {"menu": {}}

    def has(perm: str) -> bool:
        return access.has_perm_anywhere(user, perm)

    return {
        "unread_notifications": Notification.objects.filter(
            user=user, read_at__isnull=True
        ).count(),
        "menu": {
            "dossiers": has(Perm.VIEW_DOSSIERS),
            "council": has(Perm.APPRAISE_DOSSIERS)
            or has(Perm.APPROVE_DECISIONS)
            or CouncilMember.objects.filter(user=user).exists(),
            "decisions": has(Perm.MANAGE_CAMPAIGNS) or has(Perm.APPROVE_DECISIONS),
            "statistics": has(Perm.APPRAISE_DOSSIERS),
            "stories": has(Perm.WRITE_STORIES) or has(Perm.PUBLISH_STORIES),
            "people": has(Perm.VIEW_PEOPLE),
            "administration": has(Perm.MANAGE_UNITS)
            or has(Perm.MANAGE_ACCOUNTS)
            or has(Perm.MANAGE_PEOPLE)
            or has(Perm.MANAGE_RECORDS),
        },
    }
