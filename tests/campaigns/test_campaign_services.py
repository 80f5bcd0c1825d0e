"""The campaign's services check permission and state themselves, from the policy's table:
the pages and the API only find the campaign and show what the service refused."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from thidua.campaigns import services
from thidua.campaigns.models import Campaign
from thidua.demo.seed_campaign import SAPA_TITLE

pytestmark = pytest.mark.django_db


def test_only_the_issuers_officer_may_act(user):
    sapa = Campaign.objects.get(title=SAPA_TITLE)
    with pytest.raises(PermissionDenied):
        services.close_campaign(actor=user("phuongsapa"), campaign=sapa)
    with pytest.raises(PermissionDenied):
        services.delete_award_form(actor=user("tavan"), award_form=sapa.award_forms.first())


def test_the_state_table_refuses_actions_out_of_turn(user):
    sapa = Campaign.objects.get(title=SAPA_TITLE)
    with pytest.raises(services.CampaignError, match="không ở trạng thái dự thảo"):
        services.launch_campaign(actor=user("noivu"), campaign=sapa)
    with pytest.raises(services.CampaignError, match="không sửa được nữa"):
        services.delete_award_form(actor=user("noivu"), award_form=sapa.award_forms.first())
    assert sapa.award_forms.exists()


def test_the_page_shows_the_services_refusal(client_as):
    sapa = Campaign.objects.get(title=SAPA_TITLE)
    officer = client_as("noivu")
    response = officer.post(f"/dot-thi-dua/{sapa.pk}/thao-tac/launch/", follow=True)
    assert "không ở trạng thái dự thảo nên không thể phát động" in response.content.decode()
    assert officer.post(f"/dot-thi-dua/{sapa.pk}/thao-tac/xoa/").status_code == 404
    assert (
        client_as("phuongsapa").post(f"/dot-thi-dua/{sapa.pk}/thao-tac/close/").status_code == 403
    )
    response = officer.post(f"/dot-thi-dua/{sapa.pk}/thao-tac/close/", follow=True)
    assert "Đã thực hiện: Kết thúc đợt thi đua." in response.content.decode()
    assert Campaign.objects.get(pk=sapa.pk).status == "closed"


def test_the_api_answers_a_refusal_with_422_and_the_message(api_as):
    sapa = Campaign.objects.get(title=SAPA_TITLE)
    response = api_as("noivu").post(
        f"/api/v1/campaigns/{sapa.pk}/required-documents",
        {"name": "Bản sao"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json() == {
        "detail": "Dữ liệu không hợp lệ.",
        "errors": {"__all__": ["Đợt thi đua đã phát động: nội dung kế hoạch không sửa được nữa."]},
    }
