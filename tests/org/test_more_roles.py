"""The remaining demo roles: what each sees and may not do."""

import re

import pytest

from thidua.campaigns.models import Campaign
from thidua.demo.seed_campaign import SAPA_TITLE
from thidua.org.models import Person, Unit

pytestmark = pytest.mark.django_db


def test_unit_head_reads_its_ward_only(client_as):
    client = client_as("phuongsapa.truong")
    assert "Nguyễn Thị Thu Hương" in client.get("/don-vi/ca-nhan/").content.decode()
    may = Person.objects.get(full_name="Lý Thị Mẩy", unit__name="Xã Tả Van")
    assert client.get(f"/lich-su/ca-nhan/{may.pk}/").status_code == 404


def test_chairman_reads_the_town_but_cannot_manage_campaigns(client_as):
    client = client_as("chutich")
    may = Person.objects.get(full_name="Lý Thị Mẩy", unit__name="Xã Tả Van")
    assert client.get(f"/lich-su/ca-nhan/{may.pk}/").status_code == 200
    assert client.get("/dot-thi-dua/tao-moi/").status_code == 403
    sapa = Campaign.objects.get(title=SAPA_TITLE)
    assert "Sửa thông tin chung" not in client.get(f"/dot-thi-dua/{sapa.pk}/").content.decode()


def test_council_secretary_sees_the_tree_not_people(client_as):
    client = client_as("thuky")
    assert "Xã Tả Van" in client.get("/don-vi/").content.decode()
    assert client.get("/don-vi/ca-nhan/").status_code == 403
    assert (
        client.get(f"/lich-su/tap-the/{Unit.objects.get(name='Xã Tả Van').pk}/").status_code == 403
    )


def test_a_user_without_any_role_is_refused(client, django_user_model):
    django_user_model.objects.create_user("khach", password="x")
    client.login(username="khach", password="x")
    assert client.get("/don-vi/").status_code == 403
    assert client.get("/don-vi/ca-nhan/").status_code == 403


def test_api_tokens_are_created_shown_once_and_revoked(client_as):
    from thidua.org.models import ApiToken

    client = client_as("noivu")
    page = client.post("/tai-khoan/", {"name": "Phần mềm một cửa"}).content.decode()
    token = ApiToken.objects.get(name="Phần mềm một cửa")
    raw = re.search(r'id="new-token">([^<]+)<', page).group(1)
    assert ApiToken.hash(raw) == token.digest and token.digest not in page
    assert raw not in client.get("/tai-khoan/").content.decode()  # shown once only
    other = client_as("tavan")
    other.post("/tai-khoan/", {"revoke": token.pk})
    assert ApiToken.objects.filter(pk=token.pk).exists()  # another user cannot revoke it
    client.post("/tai-khoan/", {"revoke": token.pk})
    assert not ApiToken.objects.filter(pk=token.pk).exists()
