"""Whose account is it: an administrator manages an account only when everything it holds lies
in the administrator's subtree; only a QUAN_TRI grants QUAN_TRI."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from thidua.org import account_services
from thidua.org.access import ROLE_PERMISSIONS, Perm
from thidua.org.models import Role, RoleAssignment, Unit

pytestmark = pytest.mark.django_db


def managed(username_of_admin: str, user) -> set[str]:
    return set(
        account_services.managed_accounts(user(username_of_admin)).values_list(
            "username", flat=True
        )
    )


def test_an_account_holding_a_role_outside_the_commune_is_not_the_communes(user):
    commune = Unit.objects.get(name="Xã Tả Van")
    noivu = user("noivu")  # officer of the whole town
    RoleAssignment.objects.create(user=noivu, role=Role.CAN_BO_DON_VI, unit=commune)
    assert "noivu" not in managed("quantri.tavan", user)
    assert "noivu" in managed("quantri", user)
    with pytest.raises(Http404):
        account_services.get_account_or_404(user("quantri.tavan"), noivu.pk)
    # Once the town role has ended, the account lies wholly in the commune.
    RoleAssignment.objects.filter(user=noivu, unit__name="Thị xã Sa Pa").update(
        valid_from=date(2020, 1, 1), valid_to=timezone.localdate() - timedelta(days=1)
    )
    assert "noivu" in managed("quantri.tavan", user)


def test_a_role_granted_for_later_outside_the_commune_already_takes_the_account_away(user):
    tavan = user("tavan")
    RoleAssignment.objects.create(
        user=tavan,
        role=Role.CAN_BO_DON_VI,
        unit=Unit.objects.get(name="Phường Sa Pa"),
        valid_from=timezone.localdate() + timedelta(days=30),
    )
    assert "tavan" not in managed("quantri.tavan", user)


def test_only_a_quan_tri_grants_quan_tri(user, monkeypatch):
    # Suppose the table gave emulation officers the right to manage accounts: they still could
    # not make anyone an administrator.
    monkeypatch.setitem(
        ROLE_PERMISSIONS,
        Role.CHUYEN_VIEN_TDKT,
        ROLE_PERMISSIONS[Role.CHUYEN_VIEN_TDKT] | {Perm.MANAGE_ACCOUNTS},
    )
    commune = Unit.objects.get(name="Xã Tả Van")
    noivu, tavan = user("noivu"), user("tavan")
    with pytest.raises(PermissionDenied, match="Chỉ quản trị hệ thống"):
        account_services.assign_role(actor=noivu, account=tavan, role=Role.QUAN_TRI, unit=commune)
    granted = account_services.assign_role(
        actor=noivu, account=tavan, role=Role.THU_TRUONG, unit=commune
    )
    assert granted.granted_by == noivu
    ok = account_services.assign_role(
        actor=user("quantri.tavan"), account=tavan, role=Role.QUAN_TRI, unit=commune
    )
    assert ok.role == Role.QUAN_TRI


def test_superusers_are_nobodys_to_manage(user, django_user_model):
    commune = Unit.objects.get(name="Xã Tả Van")
    root = django_user_model.objects.create_superuser("root", password=None)
    RoleAssignment.objects.create(user=root, role=Role.CAN_BO_DON_VI, unit=commune)
    assert "root" not in managed("quantri.tavan", user)
    assert "root" not in managed("quantri", user)
