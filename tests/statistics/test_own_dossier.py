"""The ward officer's statistics count the ward's own dossier, not only the units under it."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db
OWN = "Phường Sa Pa (hồ sơ của đơn vị)"


def test_the_ward_officers_workbook_has_the_wards_own_dossier(client_as, signed_decision):
    client = client_as("tdkt.phuongsapa")
    rows = {r["unit_name"]: r for r in client.get("/thong-ke/").context["dossiers"]}
    own = rows[OWN]
    # The ward's dossier: appraised, one collective and three individuals proposed.
    assert (own["draft"], own["submitted"], own["appraised"], own["candidates"]) == (0, 0, 1, 4)
    book = load_workbook(io.BytesIO(client.get("/thong-ke/thong-ke.xlsx").content))
    sheet = book["Hồ sơ"]
    first = [c.value for c in sheet[4]]
    assert first == [OWN, 0, 0, 0, 1, 4, own["eligible"]]


def test_the_town_table_is_unchanged_when_the_town_files_no_dossier(client_as, signed_decision):
    rows = client_as("noivu").get("/thong-ke/").context["dossiers"]
    names = [r["unit_name"] for r in rows]
    assert "Phường Sa Pa" in names and not any("hồ sơ của đơn vị" in n for n in names)


def test_the_own_row_follows_the_campaign_filter(client_as, signed_decision):
    other = signed_decision.campaign_id + 1000
    rows = client_as("tdkt.phuongsapa").get("/thong-ke/", {"dot": other}).context["dossiers"]
    assert rows == []
