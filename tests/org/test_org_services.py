"""The unit tree and API tokens change through services: the administrator of both places
moves a unit, its whole subtree's paths change in one statement; every change is in the audit log."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from thidua.core.models import AuditEntry
from thidua.org.models import Unit
from thidua.org.services import OrgError, move_unit

pytestmark = pytest.mark.django_db


def test_a_commune_moves_with_its_hamlets_in_one_statement(user, django_assert_max_num_queries):
    commune = Unit.objects.get(name="Xã Tả Van")
    ward = Unit.objects.get(name="Phường Sa Pa")  # one level deeper than the town
    below = list(commune.subtree().exclude(pk=commune.pk).values_list("pk", "depth"))
    assert len(below) >= 3  # its hamlets
    with django_assert_max_num_queries(10) as captured:
        move_unit(actor=user("quantri"), unit=commune, new_parent=ward)
    rewrites = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("UPDATE")]
    assert len([sql for sql in rewrites if '"path"' in sql]) == 1  # whatever the subtree's size

    commune.refresh_from_db()
    assert (commune.parent, commune.path, commune.depth) == (ward, f"{ward.path}{commune.pk}/", 3)
    for pk, depth in below:
        hamlet = Unit.objects.get(pk=pk)
        assert hamlet.path == f"{commune.path}{pk}/" and hamlet.depth == depth + 1
        assert [u.name for u in hamlet.ancestors()][-3:] == [
            ward.parent.name,
            ward.name,
            commune.name,
        ]
    entry = AuditEntry.objects.get(action="org.unit.moved", object_id=str(commune.pk))
    assert entry.actor == user("quantri") and entry.message == "Thị xã Sa Pa → Phường Sa Pa"


def test_only_an_administrator_of_both_places_moves_a_unit(user):
    commune = Unit.objects.get(name="Xã Tả Van")
    ward = Unit.objects.get(name="Phường Sa Pa")
    for someone in ("noivu", "tavan"):
        with pytest.raises(PermissionDenied):
            move_unit(actor=user(someone), unit=commune, new_parent=ward)
    assert Unit.objects.get(pk=commune.pk).parent.name == "Thị xã Sa Pa"
    assert not AuditEntry.objects.filter(action="org.unit.moved").exists()


def test_a_unit_cannot_move_under_itself(user):
    town = Unit.objects.get(name="Thị xã Sa Pa")
    with pytest.raises(OrgError, match="cấp dưới"):
        move_unit(actor=user("quantri"), unit=town, new_parent=town.children.first())


def test_saving_a_unit_does_not_move_it():
    commune = Unit.objects.get(name="Xã Tả Van")
    commune.parent = Unit.objects.get(name="Phường Sa Pa")
    with pytest.raises(ValueError, match="move_unit"):
        commune.save()


def test_api_tokens_are_issued_and_revoked_by_services_with_an_audit_entry(user):
    from thidua.org.services import issue_api_token, revoke_api_token

    token, raw = issue_api_token(actor=user("noivu"), name="  ")
    pk = token.pk
    assert token.name == "Khóa API" and token.digest == token.hash(raw)
    with pytest.raises(PermissionDenied):
        revoke_api_token(actor=user("tavan"), token=token)
    revoke_api_token(actor=user("noivu"), token=token)
    entries = AuditEntry.objects.filter(object_type="org.apitoken", object_id=str(pk))
    assert list(entries.order_by("id").values_list("action", "actor__username")) == [
        ("org.api_token.issued", "noivu"),
        ("org.api_token.revoked", "noivu"),
    ]
