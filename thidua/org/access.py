"""Who may do what, where: the one place that answers scope questions.

A user's power comes only from RoleAssignments: each grants the role's permissions over the
assigned unit's subtree. Lists come from ``units_with`` / ``people_with`` (querysets), single
objects from ``get_*_or_404`` helpers: outside the user's subtree the object does not exist for
them (404); inside it, a missing permission is a 403.
"""

from __future__ import annotations

from datetime import date
from functools import reduce
from operator import or_
from typing import TypeAlias

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from .models import Person, Role, RoleAssignment, Unit, path_ids

# Whoever acts: a signed-in user or, on public pages and API operations, an anonymous one.
Actor: TypeAlias = AbstractBaseUser | AnonymousUser


def acting_user(actor: Actor) -> User | None:
    """The user to write on a row (``created_by``…): None for an anonymous actor."""
    return actor if isinstance(actor, User) else None


class Perm:
    VIEW_UNITS = "view_units"
    VIEW_PEOPLE = "view_people"  # people and their history: personal data
    MANAGE_CAMPAIGNS = "manage_campaigns"
    MANAGE_UNITS = "manage_units"  # administrators: the unit tree, types, offices
    MANAGE_ACCOUNTS = "manage_accounts"  # administrators: accounts and their roles
    MANAGE_PEOPLE = "manage_people"  # emulation officers: the staff of their subtree
    MANAGE_RECORDS = "manage_records"  # emulation officers: ratings, initiatives, disciplines…
    VIEW_DOSSIERS = "view_dossiers"
    EDIT_DOSSIERS = "edit_dossiers"  # build the unit's own dossier
    SUBMIT_DOSSIERS = "submit_dossiers"  # the unit head approves and submits
    APPRAISE_DOSSIERS = "appraise_dossiers"  # Phòng Nội vụ: thẩm định, trả lại, gia hạn
    APPROVE_DECISIONS = "approve_decisions"  # the chairman (or a delegate holding the role) signs
    WRITE_STORIES = "write_stories"  # the media centre drafts exemplary models
    PUBLISH_STORIES = "publish_stories"  # Phòng Nội vụ reviews and publishes them


# Role → permissions. Read as a table; every check in the project goes through it.
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.CAN_BO_DON_VI: frozenset(
        {Perm.VIEW_UNITS, Perm.VIEW_PEOPLE, Perm.VIEW_DOSSIERS, Perm.EDIT_DOSSIERS}
    ),
    Role.THU_TRUONG: frozenset(
        {
            Perm.VIEW_UNITS,
            Perm.VIEW_PEOPLE,
            Perm.VIEW_DOSSIERS,
            Perm.EDIT_DOSSIERS,
            Perm.SUBMIT_DOSSIERS,
        }
    ),
    Role.CHUYEN_VIEN_TDKT: frozenset(
        {
            Perm.VIEW_UNITS,
            Perm.VIEW_PEOPLE,
            Perm.MANAGE_CAMPAIGNS,
            Perm.VIEW_DOSSIERS,
            Perm.APPRAISE_DOSSIERS,
            Perm.PUBLISH_STORIES,
            Perm.MANAGE_PEOPLE,
            Perm.MANAGE_RECORDS,
        }
    ),
    Role.THU_KY_HOI_DONG: frozenset({Perm.VIEW_UNITS, Perm.VIEW_DOSSIERS}),
    Role.THANH_VIEN_HOI_DONG: frozenset({Perm.VIEW_UNITS}),
    Role.CHU_TICH: frozenset(
        {Perm.VIEW_UNITS, Perm.VIEW_PEOPLE, Perm.VIEW_DOSSIERS, Perm.APPROVE_DECISIONS}
    ),
    Role.TRUYEN_THONG: frozenset({Perm.VIEW_UNITS, Perm.WRITE_STORIES}),
    Role.QUAN_TRI: frozenset(
        {Perm.VIEW_UNITS, Perm.VIEW_PEOPLE, Perm.MANAGE_UNITS, Perm.MANAGE_ACCOUNTS}
    ),
}


def assignments(user: Actor) -> list[RoleAssignment]:
    """The user's role assignments in force today, cached on the user object for the request.
    An inactive account holds no role."""
    if isinstance(user, AnonymousUser) or not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_thidua_assignments", None)
    if cached is None:
        cached = (
            list(
                RoleAssignment.objects.filter(user_id=user.pk)
                .filter(in_force_on(timezone.localdate()))
                .select_related("unit")
            )
            if getattr(user, "is_active", False)
            else []
        )
        setattr(user, "_thidua_assignments", cached)  # noqa: B010 - a cache, not a field
    return cached


def in_force_on(day: date, prefix: str = "") -> Q:
    """Rows whose ``valid_from``/``valid_to`` window holds ``day`` (open ends hold any day)."""
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": day})) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": day})
    )


def assigned_units(user: Actor, perm: str | None = None) -> list[Unit]:
    """The units (subtree roots) where ``user`` holds ``perm`` (any role if None)."""
    return [
        a.unit
        for a in assignments(user)
        if perm is None or perm in ROLE_PERMISSIONS.get(a.role, frozenset())
    ]


def scope_paths(user: Actor, perm: str | None = None) -> list[str]:
    """Paths of the subtree roots where ``user`` holds ``perm`` (any role if None)."""
    return [unit.path for unit in assigned_units(user, perm)]


def has_perm_anywhere(user: Actor, perm: str) -> bool:
    return bool(scope_paths(user, perm))


def path_q(paths: list[str], field: str) -> Q:
    if not paths:
        return Q(pk__in=[])
    return reduce(or_, (Q(**{f"{field}__startswith": p}) for p in paths))


def units_with(user: Actor, perm: str) -> QuerySet[Unit]:
    return Unit.objects.filter(path_q(scope_paths(user, perm), "path"))


def people_with(user: Actor, perm: str = Perm.VIEW_PEOPLE) -> QuerySet[Person]:
    return Person.objects.filter(path_q(scope_paths(user, perm), "unit__path"))


def in_scope(user: Actor, unit: Unit, perm: str | None = None) -> bool:
    return any(unit.path.startswith(p) for p in scope_paths(user, perm))


def roles_over(user: Actor, unit: Unit) -> set[str]:
    """Roles the user holds over ``unit`` (through the unit itself or an ancestor)."""
    return {a.role for a in assignments(user) if unit.path.startswith(a.unit.path)}


def require(user: Actor, unit: Unit, perm: str) -> None:
    """404 when ``unit`` is outside every subtree of the user, 403 when inside without ``perm``."""
    if not in_scope(user, unit):
        if perm in READ_THROUGH_SUCCESSOR and readable_through_successor(user, unit, perm):
            return
        raise Http404("Không tìm thấy.")
    if not in_scope(user, unit, perm):
        raise PermissionDenied("Vai trò của bạn không có quyền thực hiện thao tác này.")


def get_unit_or_404(user: Actor, pk: int, perm: str = Perm.VIEW_UNITS) -> Unit:
    unit = Unit.objects.filter(pk=pk).first()
    if unit is None:
        raise Http404("Không tìm thấy đơn vị.")
    require(user, unit, perm)
    return unit


def get_person_or_404(user: Actor, pk: int, perm: str = Perm.VIEW_PEOPLE) -> Person:
    person = Person.objects.select_related("unit").filter(pk=pk).first()
    if person is None:
        raise Http404("Không tìm thấy cá nhân.")
    require(user, person.unit, perm)
    return person


def users_with(perm: str, unit: Unit, day: date | None = None) -> QuerySet[User]:
    """The active users who hold ``perm`` over ``unit`` on ``day`` (today): a role at the unit
    or at one of its ancestors. Whom a notification about ``unit`` goes to."""
    roles = [role for role, perms in ROLE_PERMISSIONS.items() if perm in perms]
    prefixes = [unit.path[: i + 1] for i, ch in enumerate(unit.path) if ch == "/" and i > 0]
    assigned = RoleAssignment.objects.filter(
        in_force_on(day or timezone.localdate()), role__in=roles, unit__path__in=prefixes
    )
    return User.objects.filter(is_active=True, pk__in=assigned.values("user_id"))


def administers_root(user: Actor) -> bool:
    """An administrator of a root unit (the province): settings of the whole deployment."""
    return any(unit.parent_id is None for unit in assigned_units(user, Perm.MANAGE_UNITS))


# A unit closed in a reorganisation stays readable (its page, people and history) where its
# successor is: the ward that took over three communes reads their past. Reading only.
READ_THROUGH_SUCCESSOR = frozenset({Perm.VIEW_UNITS, Perm.VIEW_PEOPLE})


def readable_through_successor(user: Actor, unit: Unit, perm: str) -> bool:
    """Does ``user`` hold ``perm`` over a successor of ``unit`` or of one of its ancestors
    (following chains of successors, a few steps at most)? One query per step."""
    paths = scope_paths(user, perm)
    if not paths:
        return False
    ids, seen = set(path_ids(unit.path)), set[int]()
    for _step in range(5):
        rows = list(
            Unit.objects.filter(pk__in=ids - seen, successor__isnull=False).values_list(
                "successor_id", "successor__path"
            )
        )
        seen |= ids
        if not rows:
            return False
        if any(path.startswith(p) for _pk, path in rows for p in paths):
            return True
        ids = {pk for pk, _path in rows}
        # A successor's own ancestors may have been succeeded as well.
        ids |= {i for _pk, path in rows for i in path_ids(path)}
    return False


def can_read(user: Actor, unit: Unit, perm: str) -> bool:
    """``in_scope`` for reading, counting the units the user's units succeeded."""
    return in_scope(user, unit, perm) or (
        perm in READ_THROUGH_SUCCESSOR and readable_through_successor(user, unit, perm)
    )
