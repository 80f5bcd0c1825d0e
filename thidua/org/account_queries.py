"""The account list of the pages and of the API: the same filters, one query for the page and
one for the roles shown, whatever the number of rows."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from . import access, account_services
from .access import Actor, Perm
from .models import Role, RoleAssignment


def account_list(
    actor: Actor,
    *,
    q: str = "",
    unit_id: int | None = None,
    role: str = "",
    active: bool | None = None,
) -> QuerySet[User]:
    """The accounts ``actor`` administers, filtered: ``q`` in the username, name or e-mail;
    holding a role in force today inside ``unit_id``'s subtree (or managed there); holding
    ``role`` today; active or not. Each comes with ``current_roles``."""
    account_services.require_admin(actor)
    qs = account_services.managed_accounts(actor).select_related("account_profile")
    if q:
        qs = qs.filter(
            Q(username__icontains=q) | Q(first_name__icontains=q) | Q(email__icontains=q)
        )
    roles = RoleAssignment.objects.filter(user=OuterRef("pk")).filter(
        access.in_force_on(timezone.localdate())
    )
    if unit_id is not None:
        unit = access.get_unit_or_404(actor, unit_id, Perm.MANAGE_ACCOUNTS)
        qs = qs.filter(
            Exists(roles.filter(unit__path__startswith=unit.path))
            | Q(account_profile__unit__path__startswith=unit.path)
        )
    if role in Role.values:
        qs = qs.filter(Exists(roles.filter(role=role)))
    if active is not None:
        qs = qs.filter(is_active=active)
    return with_current_roles(qs.order_by("username", "id"))


def with_current_roles(qs: QuerySet[User]) -> QuerySet[User]:
    """Each account with ``current_roles``: the roles in force today, in one more query."""
    return qs.prefetch_related(
        Prefetch(
            "role_assignments",
            queryset=RoleAssignment.objects.filter(access.in_force_on(timezone.localdate()))
            .select_related("unit")
            .order_by("unit__path", "role"),
            to_attr="current_roles",
        )
    )
