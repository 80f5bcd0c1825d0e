"""Correcting a signed decision: a new decision revokes some of its awards (Luật Thi đua, khen
thưởng 2022 Điều 93). The office drafts it, the chairman signs it; the awards are marked
revoked with the revoking decision, the money and certificates follow, the history keeps both,
the statistics count them no more."""

from __future__ import annotations

from datetime import date

import pytest
from django.db.models import Sum

from thidua.decisions.models import Decision, DecisionKind, DecisionStatus
from thidua.records.models import AwardRecord
from thidua.statistics.models import AwardSummary
from thidua.statistics.summaries import rebuild

pytestmark = pytest.mark.django_db
REASON = "Kê khai không trung thực thành tích (kết luận thanh tra ngày 20/11/2020)"


def revoke_page(client, decision, recipients, reason=REASON, day="01/12/2020"):
    return client.post(
        f"/quyet-dinh/{decision.pk}/thu-hoi/",
        {"recipient": [r.pk for r in recipients], "reason": reason, "signed_on": day},
    )


def summary_rows() -> list:
    fields = ("unit_id", "year", "campaign_id", "award_name", "authority_level")
    return sorted(
        AwardSummary.objects.values(*fields)
        .annotate(i=Sum("individuals"), c=Sum("collectives"), w=Sum("women"))
        .values_list(*fields, "i", "c", "w")
    )


def individuals(decision) -> int:
    return (
        AwardSummary.objects.filter(
            unit=decision.issuer, campaign=decision.campaign, award_name=decision.award_form.name
        ).aggregate(n=Sum("individuals"))["n"]
        or 0
    )


def test_office_drafts_chairman_signs_and_the_award_is_marked_revoked(client_as, signed_decision):
    person = signed_decision.recipients.filter(person__isnull=False).first()
    assert individuals(signed_decision) == 4
    noivu = client_as("noivu")
    page = noivu.get(f"/quyet-dinh/{signed_decision.pk}/").content.decode()
    assert f'href="/quyet-dinh/{signed_decision.pk}/thu-hoi/"' in page
    form = noivu.get(f"/quyet-dinh/{signed_decision.pk}/thu-hoi/")
    assert form.status_code == 200 and person.name in form.content.decode()

    response = revoke_page(noivu, signed_decision, [person])
    draft = Decision.objects.get(revokes=signed_decision)
    assert response.status_code == 302 and response["Location"] == f"/quyet-dinh/{draft.pk}/"
    assert (draft.kind, draft.status, draft.reason) == (
        DecisionKind.REVOCATION,
        DecisionStatus.DRAFT,
        REASON,
    )
    assert draft.subject == (
        "Về việc thu hồi, hủy bỏ khen thưởng tại Quyết định số 01/QĐ-UBND ngày 30/10/2020"
    )
    person.refresh_from_db()
    assert person.revoked_by == draft and person.revoked_on is None  # proposed, not yet revoked
    award = AwardRecord.objects.get(person=person.person, campaign=signed_decision.campaign)
    assert award.revoked_on is None

    chairman = client_as("chutich")
    draft_page = chairman.get(f"/quyet-dinh/{draft.pk}/").content.decode()
    assert "Dự thảo quyết định thu hồi khen thưởng" in draft_page
    assert "450.000" in draft_page  # the money to recover
    assert chairman.post(f"/quyet-dinh/{draft.pk}/ky/").status_code == 302
    draft.refresh_from_db()
    assert draft.status == DecisionStatus.APPROVED and draft.number_symbol == "02/QĐ-UBND"

    person.refresh_from_db()
    award.refresh_from_db()
    assert person.revoked_on == date(2020, 12, 1)
    assert (award.revoked_on, award.revoked_by_number, award.revocation_reason) == (
        date(2020, 12, 1),
        "02/QĐ-UBND",
        REASON,
    )
    # The history keeps both: the award row and the original decision are still there.
    assert AwardRecord.objects.filter(campaign=signed_decision.campaign).count() == 6
    assert signed_decision.recipients.count() == 6
    # Statistics: one individual fewer.
    assert individuals(signed_decision) == 3
    # Certificates: none for the revoked award; the others still print.
    assert (
        noivu.get(f"/quyet-dinh/{signed_decision.pk}/giay-khen/{person.order}.pdf").status_code
        == 404
    )
    other = signed_decision.recipients.exclude(pk=person.pk).first()
    assert (
        noivu.get(f"/quyet-dinh/{signed_decision.pk}/giay-khen/{other.order}.pdf").status_code
        == 200
    )
    page = noivu.get(f"/quyet-dinh/{signed_decision.pk}/").content.decode()
    assert "Đã thu hồi" in page and "Quyết định số 02/QĐ-UBND ngày 01/12/2020" in page
    assert "đã thu hồi 450.000" in page
    # The person's history shows the award, marked revoked.
    history = noivu.get(f"/lich-su/ca-nhan/{person.person_id}/").content.decode()
    assert "Đã thu hồi" in history and "Quyết định số 02/QĐ-UBND ngày 01/12/2020" in history
    # What the signal kept equals a full recount.
    kept = summary_rows()
    rebuild()
    assert summary_rows() == kept
    # The revoking decision as a document.
    assert noivu.get(f"/quyet-dinh/{draft.pk}/quyet-dinh.docx").status_code == 200


def test_wrong_role_403_other_unit_404_and_a_draft_cannot_be_revoked(
    client_as, draft_decision, user
):
    from thidua.decisions import services

    url = f"/quyet-dinh/{draft_decision.pk}/thu-hoi/"
    response = client_as("noivu").get(url, follow=True)  # a draft is edited, not revoked
    assert response.redirect_chain == [(f"/quyet-dinh/{draft_decision.pk}/", 302)]
    assert "Chỉ thu hồi được quyết định đã ký ban hành." in response.content.decode()
    assert "Thu hồi, hủy bỏ khen thưởng" not in response.content.decode()
    signed = services.approve(actor=user("chutich"), decision=draft_decision)
    url = f"/quyet-dinh/{signed.pk}/thu-hoi/"
    assert client_as("chutich").get(url).status_code == 403  # signs, does not draft
    assert client_as("chutich").post(url, {"reason": REASON}).status_code == 403
    assert client_as("tavan").get(url).status_code == 404  # another unit
    assert client_as("phuongsapa").post(url, {"reason": REASON}).status_code == 404
    assert not Decision.objects.filter(revokes=signed).exists()


def test_refusals_are_shown_on_the_page(client_as, signed_decision):
    noivu = client_as("noivu")
    person = signed_decision.recipients.first()
    no_reason = revoke_page(noivu, signed_decision, [person], reason="")
    assert no_reason.status_code == 200 and "Trường này là bắt buộc" in no_reason.content.decode()
    nobody = revoke_page(noivu, signed_decision, [])
    assert "Chọn ít nhất một tập thể, cá nhân" in nobody.content.decode()
    too_early = revoke_page(noivu, signed_decision, [person], day="01/10/2020")
    assert "không thể trước ngày của quyết định gốc" in too_early.content.decode()
    assert revoke_page(noivu, signed_decision, [person]).status_code == 302
    twice = revoke_page(noivu, signed_decision, [person])
    assert "đã có tên trong một quyết định thu hồi khác" in twice.content.decode()
    assert Decision.objects.filter(revokes=signed_decision).count() == 1


def test_revoke_through_the_api(api_as, signed_decision):
    person = signed_decision.recipients.filter(person__isnull=False).first()
    url = f"/api/v1/decisions/{signed_decision.pk}/revoke"
    body = {"recipient_ids": [person.pk], "reason": REASON, "signed_on": "2020-12-01"}
    assert api_as("chutich").post(url, body, content_type="application/json").status_code == 403
    assert api_as("tavan").post(url, body, content_type="application/json").status_code == 404
    bad = api_as("noivu").post(url, {**body, "reason": ""}, content_type="application/json")
    assert bad.status_code == 422 and "reason" in bad.json()["errors"]
    response = api_as("noivu").post(url, body, content_type="application/json")
    assert response.status_code == 200
    data = response.json()
    assert data["kind"] == "revocation" and data["revokes_id"] == signed_decision.pk
    assert data["to_recover"] == person.amount == 450_000
    assert [r["id"] for r in data["revoked"]] == [person.pk]
    signed = api_as("chutich").post(f"/api/v1/decisions/{data['id']}/approve")
    assert signed.status_code == 200 and signed.json()["number_symbol"] == "02/QĐ-UBND"
    person.refresh_from_db()
    assert person.revoked_on == date(2020, 12, 1)
    original = api_as("noivu").get(f"/api/v1/decisions/{signed_decision.pk}").json()
    row = next(r for r in original["recipients"] if r["id"] == person.pk)
    assert row["revoked_on"] == "2020-12-01" and row["revoked_by_id"] == data["id"]
