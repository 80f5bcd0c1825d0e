"""The council and decisions through the API: same rules as the pages."""

from __future__ import annotations

import pytest

from ..demo_council import present

pytestmark = pytest.mark.django_db


def test_vote_close_and_sign_through_the_api(api_as, meeting):
    present(meeting, "thuky", "hoidong1", "chutich")
    base = f"/api/v1/meetings/{meeting.pk}"
    assert api_as("hoidong1").post(f"{base}/open").status_code == 403
    assert api_as("thuky").post(f"{base}/open").json()["status"] == "voting"

    detail = api_as("hoidong1").get(base).json()
    assert "yes" not in detail["docket"][0]  # no counts while voting
    choices = [{"item_id": i["item_id"], "approve": True} for i in detail["docket"]]
    for username in ("hoidong1", "chutich", "thuky"):
        response = api_as(username).post(
            f"{base}/ballot", {"choices": choices}, content_type="application/json"
        )
        assert response.json() == {"votes": len(choices)}
    again = api_as("chutich").post(
        f"{base}/ballot", {"choices": choices}, content_type="application/json"
    )
    assert again.status_code == 409
    assert again.json()["detail"].startswith("Phiếu của bạn đã được ghi nhận lúc ")
    assert again.json()["current"]["votes"] == len(choices)
    outsider = api_as("noivu").post(
        f"{base}/ballot", {"choices": choices}, content_type="application/json"
    )
    assert outsider.status_code == 403
    assert api_as("phuongsapa").get(base).status_code == 404

    closed = api_as("thuky").post(f"{base}/close").json()
    assert closed["status"] == "closed" and all(i["selected"] for i in closed["docket"])

    from django.contrib.auth import get_user_model

    from thidua.decisions import services

    officer = get_user_model().objects.get(username="noivu")
    form = meeting.campaign.award_forms.get(name="Giấy khen của Chủ tịch UBND thị xã")
    meeting.refresh_from_db()
    decision = services.prepare_decision(actor=officer, meeting=meeting, award_form=form)
    url = f"/api/v1/decisions/{decision.pk}"
    assert api_as("noivu").post(f"{url}/approve").status_code == 403
    signed = api_as("chutich").post(f"{url}/approve").json()
    assert signed["status"] == "approved" and signed["number_symbol"].endswith("/QĐ-UBND")
    assert len(signed["recipients"]) == 6 and signed["total"] > 0
    pdf = api_as("noivu").get(f"{url}/certificates.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert api_as("tavan").get(url).status_code == 404
