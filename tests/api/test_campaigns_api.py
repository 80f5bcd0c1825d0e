"""The JSON API: public campaign list and detail, token-protected writes, same rules as pages."""

import pytest
from django.test import Client

from thidua.campaigns.models import Campaign
from thidua.demo.seed_campaign import SAPA_TITLE, TWO_TIER_TITLE
from thidua.org.models import Unit

pytestmark = pytest.mark.django_db

NEW = {
    "title": "Đợt thi đua thử nghiệm qua API",
    "period_start": "2020-05-01",
    "period_end": "2020-09-30",
    "dossier_deadline": "2020-09-20",
}


def test_openapi_document_lists_the_operations(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/campaigns" in schema["paths"]
    assert "/api/v1/campaigns/{campaign_id}" in schema["paths"]
    assert "post" in schema["paths"]["/api/v1/campaigns"]


def test_campaign_list_is_public_and_shows_only_launched(client, api_as):
    titles = [c["title"] for c in client.get("/api/v1/campaigns").json()]
    assert SAPA_TITLE in titles and TWO_TIER_TITLE in titles
    created = api_as("noivu").post(
        "/api/v1/campaigns", {**NEW, "issuer": town().pk}, content_type="application/json"
    )
    assert created.status_code == 201
    assert NEW["title"] not in [c["title"] for c in client.get("/api/v1/campaigns").json()]
    # The draft is visible to its manager, and to nobody else.
    assert client.get(f"/api/v1/campaigns/{created.json()['id']}").status_code == 404
    assert api_as("tavan").get(f"/api/v1/campaigns/{created.json()['id']}").status_code == 404
    assert api_as("noivu").get(f"/api/v1/campaigns/{created.json()['id']}").status_code == 200


def town():
    return Unit.objects.get(name="Thị xã Sa Pa")


def test_campaign_detail_is_structured(client):
    sapa = Campaign.objects.get(title=SAPA_TITLE)
    data = client.get(f"/api/v1/campaigns/{sapa.pk}").json()
    assert data["dossier_deadline"] == "2020-10-25"
    assert len(data["legal_bases"]) == 2
    forms = {f["name"]: f for f in data["award_forms"]}
    town_award = forms["Giấy khen của Chủ tịch UBND thị xã"]
    assert town_award["authority_level"] == "huyen" and town_award["quota_individual"] is None
    people = next(
        s
        for s in town_award["criteria_sets"]
        if s["subject_category"] == "Cá nhân là nhân dân, nông dân"
    )
    group = next(c for c in people["criteria"] if c["kind"] == "all_of")
    assert [c["params"]["min"] for c in group["children"]] == [3, 5]
    assert any(
        d["award_form"] == "Bằng khen của Chủ tịch UBND tỉnh" for d in data["required_documents"]
    )


def test_writes_need_a_token():
    response = Client().post(
        "/api/v1/campaigns", {**NEW, "issuer": 1}, content_type="application/json"
    )
    assert response.status_code == 401


def test_wrong_role_gets_403(api_as):
    response = api_as("phuongsapa").post(
        "/api/v1/campaigns", {**NEW, "issuer": town().pk}, content_type="application/json"
    )
    assert response.status_code == 403


def test_bad_input_is_422_with_vietnamese_messages_and_nothing_saved(api_as):
    client = api_as("noivu")
    before = Campaign.objects.count()
    response = client.post(
        "/api/v1/campaigns",
        {**NEW, "issuer": town().pk, "period_end": "2020-01-01"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"]["period_end"] == [
        "Thời gian kết thúc phải sau hoặc trùng ngày bắt đầu."
    ]
    assert Campaign.objects.count() == before


def test_unknown_unit_kind_and_negative_threshold_are_refused(api_as):
    client = api_as("noivu")
    campaign_id = client.post(
        "/api/v1/campaigns", {**NEW, "issuer": town().pk}, content_type="application/json"
    ).json()["id"]
    bad_kind = client.post(
        f"/api/v1/campaigns/{campaign_id}/subject-categories",
        {"kind": "tap_the", "name": "Tập thể", "unit_kinds": ["ubnd_xa", "sao_hoa"]},
        content_type="application/json",
    )
    assert bad_kind.status_code == 422 and "unit_kinds" in bad_kind.json()["errors"]
    assert "sao_hoa" in bad_kind.json()["errors"]["unit_kinds"][0]

    category = client.post(
        f"/api/v1/campaigns/{campaign_id}/subject-categories",
        {"kind": "tap_the", "name": "Tập thể", "unit_kinds": ["ubnd_xa"]},
        content_type="application/json",
    ).json()["id"]
    authority = client.get("/api/v1/authorities").json()
    huyen = next(a["id"] for a in authority if a["level"] == "huyen")
    form_id = client.post(
        f"/api/v1/campaigns/{campaign_id}/award-forms",
        {"name": "Giấy khen", "authority": huyen},
        content_type="application/json",
    ).json()["id"]
    set_id = client.post(
        f"/api/v1/award-forms/{form_id}/criteria-sets",
        {"subject_category": category},
        content_type="application/json",
    ).json()["id"]
    negative = client.post(
        f"/api/v1/criteria-sets/{set_id}/criteria",
        {"kind": "rating_streak", "text": "…", "params": {"years": -2, "min_level": "tot"}},
        content_type="application/json",
    )
    assert negative.status_code == 422 and "years" in negative.json()["errors"]
    good = client.post(
        f"/api/v1/criteria-sets/{set_id}/criteria",
        {
            "kind": "rating_streak",
            "text": "Hai năm liên tục hoàn thành tốt",
            "params": {"years": 2, "min_level": "tot"},
        },
        content_type="application/json",
    )
    assert good.status_code == 201
    # Another officer's unit cannot touch this campaign.
    other = api_as("vhxh.sapa").post(
        f"/api/v1/criteria-sets/{set_id}/criteria",
        {"kind": "attested", "text": "x"},
        content_type="application/json",
    )
    assert other.status_code == 404


def test_launch_through_the_api_reports_what_is_missing(api_as):
    client = api_as("noivu")
    campaign_id = client.post(
        "/api/v1/campaigns", {**NEW, "issuer": town().pk}, content_type="application/json"
    ).json()["id"]
    response = client.post(f"/api/v1/campaigns/{campaign_id}/launch")
    assert response.status_code == 422
    assert "Chưa có hình thức khen thưởng nào." in response.json()["errors"]["__all__"]


def test_people_api_is_scoped(api_as):
    ward = api_as("phuongsapa").get("/api/v1/people?limit=500").json()
    names = {p["full_name"] for p in ward}
    assert "Nguyễn Thị Thu Hương" in names and "Lý Thị Mẩy" not in names
    tavan = Unit.objects.get(name="Xã Tả Van")
    assert api_as("phuongsapa").get(f"/api/v1/people?unit_id={tavan.pk}").status_code == 404
    assert api_as("hoidong1").get("/api/v1/people").status_code == 403
    units = {u["name"] for u in api_as("phuongsapa").get("/api/v1/units").json()}
    assert "Phường Sa Pa" in units and "Xã Tả Van" not in units


def test_an_invalid_token_is_refused():
    client = Client(headers={"Authorization": "Bearer tdkt_not-a-real-token"})
    assert client.get("/api/v1/units").status_code == 401


def test_docs_page_loads_its_assets_locally(client):
    page = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower() and "https://" not in page


def test_json_keeps_vietnamese_readable(client):
    assert "Đợt thi đua chào mừng" in client.get("/api/v1/campaigns").content.decode()
