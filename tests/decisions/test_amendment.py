"""Amending an award: revoked by a revoking decision, awarded again (corrected) by a later
signed decision of the same issuer, the two linked; the old certificate's public page says
"Đã được sửa đổi theo Quyết định số …" and leads to the new award."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from thidua.core.models import AuditEntry
from thidua.decisions import amendment
from thidua.decisions.models import Decision, DecisionStatus, Recipient
from thidua.decisions.policy import DecisionError

from .test_revocation import revoke_page

pytestmark = pytest.mark.django_db


def corrected_award(original: Decision, old: Recipient, number: int, day: date) -> Recipient:
    """A later signed decision of the same issuer awarding the same person again."""
    decision = Decision.objects.create(
        issuer=original.issuer,
        issuer_name=original.issuer_name,
        campaign=original.campaign,
        award_form=original.award_form,
        year=day.year,
        number=number,
        symbol=original.symbol,
        signed_on=day,
        place=original.place,
        signer_name=original.signer_name,
        subject="Về việc tặng Giấy khen (sửa đổi)",
        status=DecisionStatus.APPROVED,
    )
    return Recipient.objects.create(
        decision=decision,
        person=old.person,
        unit=old.unit,
        order=1,
        name=old.name.replace("Thị", "Thi"),
        description=old.description,
        achievement=old.achievement,
        amount=old.amount,
        campaign=original.campaign,
        award_form=original.award_form,
    )


def test_a_revoked_award_replaced_by_a_later_one_reads_amended(client_as, signed_decision, user):
    old = signed_decision.recipients.filter(person__isnull=False).first()
    url = f"/cong-khai/xac-minh/{old.public_token}/"
    revoke_page(client_as("noivu"), signed_decision, [old])
    revocation = signed_decision.revocations.get()
    old.refresh_from_db()
    # Still in force while the revocation is a draft: nothing to amend yet.
    with pytest.raises(DecisionError, match="còn hiệu lực"):
        amendment.record_replacement(actor=user("noivu"), old=old, new=old)
    assert client_as("chutich").post(f"/quyet-dinh/{revocation.pk}/ky/").status_code == 302
    old.refresh_from_db()
    new = corrected_award(signed_decision, old, 3, date(2020, 12, 5))

    with pytest.raises(PermissionDenied):
        amendment.record_replacement(actor=user("chutich"), old=old, new=new)
    amendment.record_replacement(actor=user("noivu"), old=old, new=new)
    old.refresh_from_db()
    assert old.replaced_by == new
    entry = AuditEntry.objects.get(action="decisions.award.amended")
    assert entry.data == {"old": old.pk, "new": new.pk}

    page = Client().get(url).content.decode()
    assert "Đã được sửa đổi theo Quyết định số 03/QĐ-UBND ngày 05/12/2020" in page
    assert "khen thưởng cũ thu hồi theo Quyết định số 02/QĐ-UBND ngày 01/12/2020" in page
    assert f'href="/cong-khai/xac-minh/{new.public_token}/"' in page
    assert "Còn hiệu lực" not in page
    replacement = Client().get(f"/cong-khai/xac-minh/{new.public_token}/").content.decode()
    assert "Còn hiệu lực" in replacement and new.name in replacement

    # Once only, either way.
    with pytest.raises(DecisionError, match="đã được ghi sửa đổi"):
        amendment.record_replacement(actor=user("noivu"), old=old, new=new)


def test_the_replacement_must_be_the_same_subject_signed_and_not_earlier(
    client_as, signed_decision, user
):
    old, other = signed_decision.recipients.filter(person__isnull=False)[:2]
    revoke_page(client_as("noivu"), signed_decision, [old])
    client_as("chutich").post(f"/quyet-dinh/{signed_decision.revocations.get().pk}/ky/")
    old.refresh_from_db()
    with pytest.raises(DecisionError, match="cùng tập thể, cá nhân"):
        amendment.record_replacement(actor=user("noivu"), old=old, new=other)
    early = corrected_award(signed_decision, old, 3, date(2020, 11, 30))
    with pytest.raises(DecisionError, match="trước ngày thu hồi"):
        amendment.record_replacement(actor=user("noivu"), old=old, new=early)
    Decision.objects.filter(pk=early.decision_id).update(
        status=DecisionStatus.DRAFT, signed_on=date(2020, 12, 5)
    )
    early.refresh_from_db()
    with pytest.raises(DecisionError, match="đã ký"):
        amendment.record_replacement(actor=user("noivu"), old=old, new=early)
    old.refresh_from_db()
    assert old.replaced_by is None
    assert "Đã bị thu hồi theo Quyết định số 02/QĐ-UBND" in (
        Client().get(f"/cong-khai/xac-minh/{old.public_token}/").content.decode()
    )
