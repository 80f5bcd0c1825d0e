"""Dates are typed and shown as dd/mm/yyyy whatever the browser's locale."""

from __future__ import annotations

from datetime import date

import pytest

from thidua.campaigns.forms import CampaignForm

pytestmark = pytest.mark.django_db


def test_date_fields_show_and_read_day_month_year(campaign, client_as):
    page = client_as("noivu").get("/dot-thi-dua/tao-moi/").content.decode()
    assert 'placeholder="dd/mm/yyyy"' in page
    assert 'type="date"' not in page  # the browser's picker would show mm/dd/yyyy in English

    html = str(CampaignForm(instance=campaign)["dossier_deadline"])
    assert 'value="25/10/2020"' in html

    field = CampaignForm.base_fields["dossier_deadline"]
    assert field.clean("05/11/2020") == date(2020, 11, 5)  # day first, never month first
    assert field.clean("2020-11-05") == date(2020, 11, 5)  # ISO still read (API, old links)
