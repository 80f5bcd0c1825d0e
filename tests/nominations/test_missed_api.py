"""The review of who is missed and the fairness view through /api/v1/: the page's figures, the
page's scope rules (404 out of reach, 403 in scope without the right), constant queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from thidua.org.models import Person, Unit

pytestmark = pytest.mark.django_db

TOWN_GK = "Giấy khen của Chủ tịch UBND thị xã"


def test_phong_noi_vu_reads_the_missed_and_the_failing(api_as, campaign, ward_dossier):
    response = api_as("noivu").get(f"/api/v1/campaigns/{campaign.pk}/missed")
    assert response.status_code == 200
    body = response.json()
    town = Unit.objects.get(name="Thị xã Sa Pa")
    assert body["campaign_id"] == campaign.pk
    assert body["scope"] == {"id": town.pk, "name": "Thị xã Sa Pa"}
    assert body["scopes"] == [{"id": town.pk, "name": "Thị xã Sa Pa"}]
    forms = {f["award_form"]: f for f in body["forms"]}
    assert [len(f["missed"]) for f in body["forms"]] == [0, 18, 0]
    failing = forms[TOWN_GK]["failing"]
    assert [(f["name"], f["unit"], f["status"]) for f in failing] == [
        ("Hoàng Văn Quý", "Phường Sa Pa", "khong_dat"),
        ("Nguyễn Thị Minh Thư", "Phường Sa Pa", "tam_hoan"),
        ("Lý Thị Mẩy", "Xã Tả Van", "khong_dat"),
    ]
    quy = failing[0]
    candidate = ward_dossier.candidates.get(person__full_name="Hoàng Văn Quý")
    assert (quy["candidate_id"], quy["dossier_id"]) == (candidate.pk, ward_dossier.pk)
    assert quy["status_label"] == "Không đạt" and quy["is_person"] is True
    assert quy["reasons"][0].startswith("Trong thời gian gần nhất có 01 sáng kiến")
    my = next(f for f in forms[TOWN_GK]["missed"] if f["name"] == "Giàng Thị Mỷ")
    assert my["unit"] == "Xã Hoàng Liên" and my["status"] == "can_xac_nhan"
    assert my["candidate_id"] is None and my["other_forms"] == [] and len(my["reasons"]) == 5


def test_the_fairness_figures_are_the_pages(api_as, client_as, campaign):
    body = api_as("noivu").get(f"/api/v1/campaigns/{campaign.pk}/fairness").json()
    groups = {r["label"]: (r["headcount"], r["proposed"], r["awarded"]) for r in body["groups"]}
    assert groups == {
        "Nam": (97, 2, 0),
        "Nữ": (99, 3, 0),
        "Dân tộc Kinh": (70, 2, 0),
        "Dân tộc thiểu số": (126, 3, 0),
        "Lãnh đạo, quản lý": (64, 0, 0),
        "Trực tiếp công tác, sản xuất": (132, 5, 0),
    }
    women = body["groups"][1]
    assert (women["proposed_percent"], women["awarded_percent"]) == (3.0, 0.0)
    units = {r["label"]: r for r in body["units"]}
    assert (units["Phường Sa Pa"]["headcount"], units["Phường Sa Pa"]["proposed"]) == (14, 3)
    assert units["Xã Tả Van"]["collectives_proposed"] == 1
    assert [(r["label"], r["headcount"], r["proposed"]) for r in body["sizes"]] == [
        ("Tập thể nhỏ (đến 10 người)", 40, 2),
        ("Tập thể trên 10 người", 2, 0),
    ]
    assert body["small_collective"] == 10


def test_a_unit_head_reads_their_own_unit(api_as, campaign):
    ward = Unit.objects.get(name="Phường Sa Pa")
    client = api_as("phuongsapa.truong")
    body = client.get(f"/api/v1/campaigns/{campaign.pk}/missed").json()
    assert body["scopes"] == [{"id": ward.pk, "name": "Phường Sa Pa"}]
    town = next(f for f in body["forms"] if f["award_form"] == TOWN_GK)
    assert [f["name"] for f in town["failing"]] == ["Hoàng Văn Quý", "Nguyễn Thị Minh Thư"]
    assert town["missed"] == []
    same = client.get(f"/api/v1/campaigns/{campaign.pk}/fairness", {"unit_id": ward.pk})
    assert same.status_code == 200 and same.json()["scope"]["id"] == ward.pk


@pytest.mark.parametrize("endpoint", ["missed", "fairness"])
def test_denials(api_as, campaign, endpoint):
    url = f"/api/v1/campaigns/{campaign.pk}/{endpoint}"
    for username in ("phuongsapa", "chutich", "tavan", "hoidong1"):  # see it, review nothing
        response = api_as(username).get(url)
        assert response.status_code == 403, username
        assert "Chỉ Phòng Nội vụ" in response.json()["detail"]
    head = api_as("phuongsapa.truong")
    hamlet = Unit.objects.get(name="Tổ dân phố số 1")  # inside the head's ward, not reviewed
    response = head.get(url, {"unit_id": hamlet.pk})
    assert response.status_code == 403
    assert response.json()["detail"].startswith("Không rà soát riêng được Tổ dân phố số 1")
    other = Unit.objects.get(name="Xã Tả Van")  # outside the head's scope
    assert head.get(url, {"unit_id": other.pk}).status_code == 404
    assert head.get(url, {"unit_id": 999999}).status_code == 404
    assert api_as("noivu").get(f"/api/v1/campaigns/999999/{endpoint}").status_code == 404
    assert Client().get(url).status_code == 401


def test_queries_stay_constant_with_more_people(api_as, campaign, django_assert_max_num_queries):
    client = api_as("noivu")
    urls = [f"/api/v1/campaigns/{campaign.pk}/{e}" for e in ("missed", "fairness")]
    baselines = []
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        baselines.append(len(captured.captured_queries))
    model = Person.objects.get(full_name="Giàng Thị Mỷ", unit__name="Xã Hoàng Liên")
    Person.objects.bulk_create(
        Person(full_name=f"Người thử {i}", gender="nu", ethnicity="08", unit=model.unit)
        for i in range(200)
    )
    for url, baseline in zip(urls, baselines, strict=True):
        with django_assert_max_num_queries(baseline):
            assert client.get(url).status_code == 200


def test_the_schema_documents_both_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for name in ("missed", "fairness"):
        operation = paths[f"/api/v1/campaigns/{{campaign_id}}/{name}"]["get"]
        assert set(operation["responses"]) >= {"200", "403", "404"}
        assert any(p["name"] == "unit_id" for p in operation["parameters"])
