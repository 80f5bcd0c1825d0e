"""The campaign page's dossier panel: loaded by HTMX from the dossiers' app, same text as the
page always showed, and a plain page behind the same link without JavaScript."""

from __future__ import annotations

import pytest

from thidua.campaigns.models import Campaign
from thidua.demo.seed_campaign import SAPA_TITLE

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def panel_url(campaign: Campaign) -> str:
    return f"/ho-so/dot/{campaign.pk}/ho-so-cua-don-vi/"


def test_the_campaign_page_loads_the_panel_of_the_users_units(client_as):
    sapa = Campaign.objects.get(title=SAPA_TITLE)
    ward = client_as("phuongsapa")
    page = ward.get(f"/dot-thi-dua/{sapa.pk}/").content.decode()
    assert f'hx-get="{panel_url(sapa)}" hx-trigger="load"' in page
    panel = ward.get(panel_url(sapa), headers=HTMX).content.decode()
    assert "Mở hồ sơ của Phường Sa Pa" in panel and "Hạn nộp: 25/10/2020" in panel
    assert "Theo dõi hồ sơ các đơn vị" not in panel and "<html" not in panel
    officer = client_as("noivu").get(panel_url(sapa), headers=HTMX).content.decode()
    assert "Theo dõi hồ sơ các đơn vị" in officer and "Mở hồ sơ của" not in officer


def test_without_javascript_the_link_opens_the_panel_as_a_page(client_as):
    sapa = Campaign.objects.get(title=SAPA_TITLE)
    page = client_as("phuongsapa").get(panel_url(sapa)).content.decode()
    assert "<html" in page and "Mở hồ sơ của Phường Sa Pa" in page


def test_the_panel_keeps_the_campaigns_scope(client, client_as):
    sapa = Campaign.objects.get(title=SAPA_TITLE)
    assert client.get(panel_url(sapa)).status_code == 302  # to the login page
    draft = Campaign.objects.create(
        issuer=sapa.issuer,
        title="Dự thảo",
        period_start=sapa.period_start,
        period_end=sapa.period_end,
        dossier_deadline=sapa.dossier_deadline,
    )
    assert client_as("phuongsapa").get(panel_url(draft)).status_code == 404
    assert (
        "ho-so-cua-don-vi"
        not in client_as("noivu").get(f"/dot-thi-dua/{draft.pk}/").content.decode()
    )
