"""A ward derives its own campaign from the town's (the seed's III.2.3) and runs it."""

from __future__ import annotations

import pytest

from thidua.campaigns import services
from thidua.campaigns.models import Campaign

pytestmark = pytest.mark.django_db


def test_ward_officer_derives_edits_and_launches_its_campaign(client_as):
    town = Campaign.objects.get(title__startswith="Đợt thi đua chào mừng Kỷ niệm 70 năm")
    client = client_as("tdkt.phuongsapa")
    page = client.get(f"/dot-thi-dua/{town.pk}/").content.decode()
    assert "Lập kế hoạch của Phường Sa Pa từ kế hoạch này" in page
    ward = town.issuer.children.get(name="Phường Sa Pa")
    response = client.post(f"/dot-thi-dua/{town.pk}/cu-the-hoa/", {"unit": ward.pk}, follow=True)
    assert "Đã tạo dự thảo kế hoạch của đơn vị" in response.content.decode()
    child = Campaign.objects.get(parent=town, issuer=ward)
    assert (
        child.status == "draft"
        and child.legal_bases.filter(text__contains="Căn cứ Kế hoạch").exists()
    )
    forms = list(child.award_forms.select_related("authority"))
    assert [f.name for f in forms] == ["Giấy khen của Chủ tịch UBND xã, phường"]
    assert forms[0].authority.level == "xa" and forms[0].granting_unit == ward
    assert (
        child.clauses.filter(section="muc_dich").count()
        == town.clauses.filter(section="muc_dich").count()
    )

    again = client.post(f"/dot-thi-dua/{town.pk}/cu-the-hoa/", {"unit": ward.pk}, follow=True)
    assert "đã có kế hoạch cụ thể hóa" in again.content.decode()
    # The ward's own roles run it: the ward officer manages it, the town officer of another
    # ward cannot derive for Phường Sa Pa.
    assert client.get(f"/dot-thi-dua/{child.pk}/sua/").status_code == 200
    assert (
        client_as("tavan")
        .post(f"/dot-thi-dua/{town.pk}/cu-the-hoa/", {"unit": ward.pk})
        .status_code
        == 403
    )


def test_nothing_to_derive_for_units_without_their_own_emulation_office(user):
    town = Campaign.objects.get(title__startswith="Đợt thi đua chào mừng Kỷ niệm 70 năm")
    assert services.derivable_units(user("phuongsapa"), town) == []
    assert services.derivable_units(user("noivu"), town) == []  # the town's own office: not below
