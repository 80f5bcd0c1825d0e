"""A unit outside its validity dates can neither launch a campaign nor open a dossier: phường
Sa Pa of the old town was closed on 30/06/2025 (merged into the new phường Sa Pa)."""

from __future__ import annotations

from datetime import date

import pytest

from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.nominations.models import Dossier
from thidua.org.models import Unit

pytestmark = pytest.mark.django_db
CLOSED = "Phường Sa Pa đã thôi hoạt động từ sau ngày 30/06/2025"


def campaign_of(issuer: Unit, status=CampaignStatus.DRAFT) -> Campaign:
    return Campaign.objects.create(
        issuer=issuer,
        title="Thi đua năm 2026",
        signed_on=date(2026, 2, 1),
        period_start=date(2026, 2, 1),
        period_end=date(2026, 11, 30),
        dossier_deadline=date(2026, 11, 20),
        reward_mode="mot_lan",
        status=status,
    )


def test_a_closed_ward_cannot_launch_a_campaign(client_as, api_as):
    campaign = campaign_of(Unit.objects.get(name="Phường Sa Pa"))
    response = client_as("tdkt.phuongsapa").post(
        f"/dot-thi-dua/{campaign.pk}/thao-tac/launch/", follow=True
    )
    page = response.content.decode()
    assert CLOSED in page and "Không phát động được đợt thi đua." in page
    assert "Đơn vị kế thừa: Phường Sa Pa (từ 01/07/2025)." in page
    response = api_as("tdkt.phuongsapa").post(f"/api/v1/campaigns/{campaign.pk}/launch")
    assert response.status_code == 422
    assert any(CLOSED in m for m in response.json()["errors"]["__all__"])
    assert Campaign.objects.get(pk=campaign.pk).status == CampaignStatus.DRAFT


def test_a_closed_ward_cannot_open_a_dossier(client_as, api_as):
    ward = Unit.objects.get(name="Phường Sa Pa")
    campaign = campaign_of(Unit.objects.get(name="Tỉnh Lào Cai"), CampaignStatus.LAUNCHED)
    response = api_as("phuongsapa").post(
        f"/api/v1/campaigns/{campaign.pk}/dossiers",
        {"unit_id": ward.pk},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"]["__all__"] == [
        f"{CLOSED} (ngày 30/11/2026 nằm ngoài thời hạn hiệu lực của đơn vị). "
        "Đơn vị kế thừa: Phường Sa Pa (từ 01/07/2025). Không lập hồ sơ được."
    ]
    response = client_as("phuongsapa").post(
        f"/ho-so/lap/{campaign.pk}/", {"unit": ward.pk}, follow=True
    )
    assert CLOSED in response.content.decode()
    assert not Dossier.objects.filter(campaign=campaign).exists()


def test_a_closed_ward_cannot_record_the_launch_of_its_plan(user):
    from thidua.participation import services
    from thidua.participation.errors import ParticipationError

    ward = Unit.objects.get(name="Phường Sa Pa")
    campaign = campaign_of(Unit.objects.get(name="Tỉnh Lào Cai"), CampaignStatus.LAUNCHED)
    with pytest.raises(ParticipationError, match=CLOSED):
        services.record_plan(
            actor=user("phuongsapa"),
            campaign=campaign,
            unit=ward,
            number="05/KH-UBND",
            signed_on=date(2026, 3, 1),
        )
    # In force on the day: recorded.
    plan = services.record_plan(
        actor=user("phuongsapa"),
        campaign=campaign,
        unit=ward,
        number="05/KH-UBND",
        signed_on=date(2025, 3, 1),
    )
    assert plan.number == "05/KH-UBND"
