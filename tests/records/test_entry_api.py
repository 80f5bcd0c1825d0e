"""History entry through /api/v1/ with a token: the same scope and rules as the pages."""

import pytest
from django.test import Client

from thidua.org.models import ApiToken
from thidua.records.models import AnnualRating, Initiative

pytestmark = pytest.mark.django_db


def api(personas, key) -> Client:
    _token, raw = ApiToken.issue(personas.users[key], "test")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def test_crud_of_a_rating_and_an_initiative(personas):
    van = personas.people["ward_person"]
    client = api(personas, "town_officer")
    created = client.post(
        "/api/v1/history/ratings",
        {"person_id": van.pk, "year": 2024, "level": "tot", "evidence_number": "5/QĐ"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["fields"] == {"year": 2024, "level": "tot"}
    assert body["entered_by"] == "persona.town_officer" and body["evidence_number"] == "5/QĐ"
    twice = client.post(
        "/api/v1/history/ratings",
        {"person_id": van.pk, "year": 2024, "level": "xuat_sac"},
        content_type="application/json",
    )
    assert twice.status_code == 422
    assert "Đã có kết quả đánh giá năm 2024" in str(twice.json()["errors"])
    updated = client.put(
        f"/api/v1/history/ratings/{body['id']}",
        {"year": 2024, "level": "xuat_sac"},
        content_type="application/json",
    )
    assert updated.status_code == 200 and updated.json()["fields"]["level"] == "xuat_sac"
    listed = client.get(f"/api/v1/history/ratings?person_id={van.pk}").json()
    assert [(r["fields"]["year"], r["fields"]["level"]) for r in listed] == [(2024, "xuat_sac")]
    bad = client.post(
        "/api/v1/history/initiatives",
        {
            "person_id": van.pk,
            "title": "Sáng kiến",
            "recognized_on": "không phải ngày",
            "authority_level": "xa",
            "recognized_by": "UBND",
        },
        content_type="application/json",
    )
    assert bad.status_code == 422 and "recognized_on" in bad.json()["errors"]
    assert not Initiative.objects.filter(person=van).exists()
    assert client.delete(f"/api/v1/history/ratings/{body['id']}").status_code == 204
    assert not AnnualRating.objects.filter(person=van).exists()


def test_other_subtree_is_404_and_unit_account_is_403(personas):
    phao = personas.people["commune_person"]
    rating = AnnualRating.objects.create(person=phao, year=2024, level="tot")
    outsider = api(personas, "new_ward_officer")
    payload = {"person_id": phao.pk, "year": 2025, "level": "tot"}
    assert (
        outsider.post("/api/v1/history/ratings", payload, content_type="application/json")
    ).status_code == 404
    assert outsider.delete(f"/api/v1/history/ratings/{rating.pk}").status_code == 404
    assert outsider.get(f"/api/v1/history/ratings?person_id={phao.pk}").status_code == 404
    unit_account = api(personas, "commune_officer")
    assert (
        unit_account.post("/api/v1/history/ratings", payload, content_type="application/json")
    ).status_code == 403
    assert unit_account.delete(f"/api/v1/history/ratings/{rating.pk}").status_code == 403
    assert AnnualRating.objects.filter(pk=rating.pk).exists()


def test_bulk_ratings_all_or_nothing_with_row_errors(personas):
    town = personas.units["town"]
    client = api(personas, "town_officer")
    rows = [
        {
            "full_name": "Đặng Thị Thanh Vân",
            "date_of_birth": "1988-04-02",
            "unit": "Phường Đồi Chè",
            "year": 2025,
            "level": "xuat_sac",
        },
        {
            "full_name": "Giàng A Pháo",
            "date_of_birth": "1988-04-02",
            "unit": "Xã Không Có",
            "year": 2025,
            "level": "tot",
        },
    ]
    refused = client.post(
        "/api/v1/history/ratings/bulk",
        {"unit_id": town.pk, "rows": rows},
        content_type="application/json",
    )
    assert refused.status_code == 422
    assert refused.json() == {
        "rows": 2,
        "imported": 0,
        "errors": [
            {"row": 2, "column": "unit", "message": "Không có đơn vị “Xã Không Có” trong phạm vi."}
        ],
    }
    rows[1]["unit"] = "Xã Suối Mây"
    done = client.post(
        "/api/v1/history/ratings/bulk",
        {"unit_id": town.pk, "rows": rows, "evidence_number": "3/QĐ"},
        content_type="application/json",
    )
    assert done.status_code == 200 and done.json()["imported"] == 2
    assert AnnualRating.objects.get(person=personas.people["commune_person"]).level == "tot"
    other = api(personas, "new_ward_officer").post(
        "/api/v1/history/ratings/bulk",
        {"unit_id": town.pk, "rows": rows},
        content_type="application/json",
    )
    assert other.status_code == 404


def test_bulk_legacy_awards(personas):
    client = api(personas, "town_officer")
    row = {
        "full_name": "",
        "unit": "Phường Đồi Chè",
        "award_name": "Tập thể lao động tiên tiến",
        "award_kind": "Danh hiệu thi đua",
        "authority_level": "huyen",
        "decision_number": "7/QĐ",
        "decided_on": "2017-12-28",
        "issuer_name": "UBND thị xã",
    }
    response = client.post(
        "/api/v1/history/legacy-awards/bulk",
        {"unit_id": personas.units["town"].pk, "rows": [row]},
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["imported"] == 1
    listed = client.get(f"/api/v1/history/legacy-awards?unit_id={personas.units['ward'].pk}")
    assert [r["fields"]["award_name"] for r in listed.json()] == ["Tập thể lao động tiên tiến"]
