"""Amending an award: revoked by a revoking decision, awarded again (corrected) by a later
signed decision of the same issuer, the two linked; the old certificate's public page says
"Đã được sửa đổi theo Quyết định số …" and leads to the new award."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from thidua.core.errors import ConflictError
from thidua.core.models import AuditEntry
from thidua.decisions import amendment
from thidua.decisions.models import Decision, DecisionStatus, Recipient
from thidua.decisions.policy import DecisionError
from thidua.org.models import Person

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
    with pytest.raises(ConflictError, match="đã được ghi sửa đổi"):
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


BUTTON = "Ghi là sửa đổi khen thưởng đã thu hồi (QĐ số 01/QĐ-UBND)"


def revoked(client_as, decision, recipients) -> list[Recipient]:
    """``recipients`` revoked by a signed revoking decision (02/QĐ-UBND of 01/12/2020)."""
    assert revoke_page(client_as("noivu"), decision, recipients).status_code == 302
    revocation = decision.revocations.get()
    assert client_as("chutich").post(f"/quyet-dinh/{revocation.pk}/ky/").status_code == 302
    for r in recipients:
        r.refresh_from_db()
    return recipients


def also_award(new: Recipient, old: Recipient, order: int) -> Recipient:
    """One more recipient of ``new``'s decision: the same subject as ``old``."""
    return Recipient.objects.create(
        decision=new.decision,
        person=old.person,
        unit=old.unit,
        order=order,
        name=old.name,
        description=old.description,
        achievement=old.achievement,
        amount=old.amount,
        campaign=old.campaign,
        award_form=new.award_form,
    )


def test_the_button_on_the_new_decision_page_records_the_amendment(client_as, signed_decision):
    old, kept = signed_decision.recipients.filter(person__isnull=False)[:2]
    noivu = client_as("noivu")
    revoked(client_as, signed_decision, [old])
    kept.refresh_from_db()
    assert kept.revoked_on is None
    new = corrected_award(signed_decision, old, 3, date(2020, 12, 5))
    newcomer = Person.objects.exclude(
        pk__in=signed_decision.recipients.filter(person__isnull=False).values("person")
    ).first()
    also_award(new, Recipient(person=newcomer, name=newcomer.full_name), 2)
    page = f"/quyet-dinh/{new.decision_id}/"
    html = noivu.get(page).content.decode()
    assert html.count(BUTTON) == 1  # the newcomer has nothing to replace
    assert f'name="old" value="{old.pk}"' in html
    # The original's page: nothing of it replaces anything.
    assert BUTTON[:40] not in noivu.get(f"/quyet-dinh/{signed_decision.pk}/").content.decode()
    # The chairman sees the decision but not the clerk's button.
    assert BUTTON not in client_as("chutich").get(page).content.decode()

    response = noivu.post(
        f"/quyet-dinh/{new.decision_id}/khen-thuong/{new.pk}/sua-doi/", {"old": old.pk}, follow=True
    )
    assert response.redirect_chain == [(page, 302)]
    html = response.content.decode()
    assert (
        f"Đã ghi: khen thưởng của {new.name} sửa đổi khen thưởng đã thu hồi tại Quyết định số "
        "01/QĐ-UBND." in html
    )
    assert "Sửa đổi khen thưởng đã thu hồi tại Quyết định số 01/QĐ-UBND" in html
    assert BUTTON not in html  # replaced once
    old.refresh_from_db()
    assert old.replaced_by == new
    public = Client().get(f"/cong-khai/xac-minh/{old.public_token}/").content.decode()
    assert "Đã được sửa đổi theo Quyết định số 03/QĐ-UBND ngày 05/12/2020" in public

    # Twice: the service's refusal is a message, nothing changes.
    again = noivu.post(
        f"/quyet-dinh/{new.decision_id}/khen-thuong/{new.pk}/sua-doi/", {"old": old.pk}, follow=True
    )
    assert "Khen thưởng này đã được ghi sửa đổi: tải lại trang." in again.content.decode()
    assert AuditEntry.objects.filter(action="decisions.award.amended").count() == 1


def test_service_refusals_are_messages(client_as, signed_decision):
    old, other = signed_decision.recipients.filter(person__isnull=False)[:2]
    revoked(client_as, signed_decision, [old, other])
    new = corrected_award(signed_decision, old, 3, date(2020, 12, 5))
    wrong = also_award(new, other, 2)
    response = client_as("noivu").post(
        f"/quyet-dinh/{new.decision_id}/khen-thuong/{wrong.pk}/sua-doi/",
        {"old": old.pk},
        follow=True,
    )
    assert "Khen thưởng thay thế phải của cùng tập thể, cá nhân." in response.content.decode()
    old.refresh_from_db()
    assert old.replaced_by is None


def test_wrong_role_403_other_unit_404(client_as, signed_decision):
    old = signed_decision.recipients.filter(person__isnull=False).first()
    revoked(client_as, signed_decision, [old])
    new = corrected_award(signed_decision, old, 3, date(2020, 12, 5))
    url = f"/quyet-dinh/{new.decision_id}/khen-thuong/{new.pk}/sua-doi/"
    assert client_as("chutich").post(url, {"old": old.pk}).status_code == 403
    assert client_as("tavan").post(url, {"old": old.pk}).status_code == 404
    assert client_as("phuongsapa").post(url, {"old": old.pk}).status_code == 404
    assert client_as("noivu").post(url, {"old": 0}).status_code == 404
    assert client_as("noivu").get(url).status_code == 405
    other = f"/quyet-dinh/{signed_decision.pk}/khen-thuong/{new.pk}/sua-doi/"
    assert client_as("noivu").post(other, {"old": old.pk}).status_code == 404  # not its award
    old.refresh_from_db()
    assert old.replaced_by is None


def page_queries(client, decision_pk: int) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/quyet-dinh/{decision_pk}/")
    assert response.status_code == 200
    return len(queries)


def test_the_decision_page_queries_do_not_grow_with_the_recipients(client_as, signed_decision):
    olds = list(signed_decision.recipients.filter(person__isnull=False)[:3])
    assert len(olds) == 3
    revoked(client_as, signed_decision, olds)
    new = corrected_award(signed_decision, olds[0], 3, date(2020, 12, 5))
    noivu = client_as("noivu")
    one = page_queries(noivu, new.decision_id)
    also_award(new, olds[1], 2)
    also_award(new, olds[2], 3)
    html = noivu.get(f"/quyet-dinh/{new.decision_id}/").content.decode()
    assert html.count(BUTTON) == 3
    assert page_queries(noivu, new.decision_id) == one
    # One replaced: the note shown instead of the button, still the same count.
    amendment_post = f"/quyet-dinh/{new.decision_id}/khen-thuong/{new.pk}/sua-doi/"
    noivu.post(amendment_post, {"old": olds[0].pk})
    assert page_queries(noivu, new.decision_id) == one


def test_the_api_records_the_amendment(api_as, client_as, signed_decision):
    old, other = signed_decision.recipients.filter(person__isnull=False)[:2]
    revoked(client_as, signed_decision, [old, other])
    new = corrected_award(signed_decision, old, 3, date(2020, 12, 5))
    url = f"/api/v1/decisions/{new.decision_id}/recipients/{new.pk}/replaces"
    body = {"old_recipient_id": old.pk}

    def post(who, data=body, path=url):
        return api_as(who).post(path, data, content_type="application/json")

    assert post("chutich").status_code == 403
    assert post("tavan").status_code == 404
    assert post("noivu", {"old_recipient_id": 0}).status_code == 404
    assert post("noivu", {}).status_code == 422
    refused = post("noivu", {"old_recipient_id": other.pk})
    assert refused.status_code == 422
    assert refused.json()["errors"] == {
        "__all__": ["Khen thưởng thay thế phải của cùng tập thể, cá nhân."]
    }
    response = post("noivu")
    assert response.status_code == 200
    assert response.json() == {
        "id": old.pk,
        "decision_id": signed_decision.pk,
        "name": old.name,
        "revoked_on": "2020-12-01",
        "replaced_by_id": new.pk,
        "replaced_by_decision": "03/QĐ-UBND",
    }
    conflict = post("noivu")
    assert conflict.status_code == 409
    assert conflict.json()["detail"] == "Khen thưởng này đã được ghi sửa đổi: tải lại trang."
    old.refresh_from_db()
    assert old.replaced_by == new
