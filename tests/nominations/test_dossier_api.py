"""The dossier flow through /api/v1/ with tokens, same rules as the pages."""

from __future__ import annotations

import pytest

from thidua.nominations import services
from thidua.org.models import Unit

from ..demo_dossiers import pdf

pytestmark = pytest.mark.django_db


def test_create_dossier_only_for_ones_own_unit(api_as, campaign):
    department = Unit.objects.get(name="Phòng Giáo dục và Đào tạo")
    url = f"/api/v1/campaigns/{campaign.pk}/dossiers"
    created = api_as("phonggd").post(
        url, {"unit_id": department.pk}, content_type="application/json"
    )
    assert created.status_code == 201
    again = api_as("phonggd").post(url, {"unit_id": department.pk}, content_type="application/json")
    assert again.json()["id"] == created.json()["id"]
    ward = Unit.objects.get(name="Phường Sa Pa")
    refused = api_as("phonggd").post(url, {"unit_id": ward.pk}, content_type="application/json")
    assert refused.status_code == 403


def test_full_flow_add_upload_read_eligibility_submit_return_appraise(
    api_as, ward_dossier, before_deadline
):
    officer = api_as("phuongsapa")
    base = f"/api/v1/dossiers/{ward_dossier.pk}"
    detail = officer.get(base).json()
    assert detail["status"] == "draft" and len(detail["candidates"]) == 4
    assert detail["missing_documents"]
    hamlet = Unit.objects.get(name="Tổ dân phố số 3")
    form_id = detail["candidates"][0]["award_form_id"]
    added = officer.post(
        f"{base}/candidates",
        {
            "version": detail["version"],
            "award_form_id": form_id,
            "unit_id": hamlet.pk,
            "summary": "Tổ dân phố xanh, sạch, đẹp",
        },
        content_type="application/json",
    )
    assert added.status_code == 201
    version = added.json()["version"]

    for required_id in [
        r.pk for r, applies in services.applicable_documents(ward_dossier) if applies
    ]:
        response = officer.post(
            f"{base}/documents", {"version": version, "required_id": required_id, "file": pdf()}
        )
        assert response.status_code == 201, response.json()
        version = response.json()["version"]
    assert officer.get(base).json()["missing_documents"] == []

    results = officer.get(f"{base}/eligibility").json()
    suspended = [r for r in results if r["status"] == "tam_hoan"]
    assert len(suspended) == 1 and suspended[0]["flags"][0]["code"] == "suspended"
    assert all(r["criteria_sets"] for r in results)

    assert officer.post(f"{base}/submit").status_code == 403  # the officer is not the head
    submitted = api_as("phuongsapa.truong").post(f"{base}/submit")
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    assert api_as("phuongsapa.truong").post(f"{base}/submit").status_code == 409

    noivu = api_as("noivu")
    returned = noivu.post(
        f"{base}/return", {"reason": "Bổ sung biên bản có chữ ký"}, content_type="application/json"
    )
    assert returned.json()["status"] == "returned"
    api_as("phuongsapa.truong").post(f"{base}/submit")
    for candidate in officer.get(base).json()["candidates"]:
        decision = (
            # A reason: eligible despite a failing self-check needs one (the rest accept it).
            {"decision": "du", "reason": "Đủ điều kiện theo xác minh"}
            if candidate["id"] != suspended[0]["candidate_id"]
            else {"decision": "khong_du", "reason": "Đang xác minh đơn khiếu nại"}
        )
        response = noivu.post(
            f"{base}/candidates/{candidate['id']}/appraisal",
            decision,
            content_type="application/json",
        )
        assert response.status_code == 200
    done = noivu.post(f"{base}/appraise")
    assert done.json()["status"] == "appraised"
    ward_dossier.refresh_from_db()
    assert ward_dossier.round == 2


def test_openapi_documents_the_dossier_operations(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in [
        "/api/v1/dossiers/{dossier_id}/candidates/import",
        "/api/v1/dossiers/{dossier_id}/submit",
        "/api/v1/dossiers/{dossier_id}/return",
        "/api/v1/dossiers/{dossier_id}/eligibility",
        "/api/v1/dossiers/{dossier_id}/documents",
        "/api/v1/campaigns/{campaign_id}/dossiers",
    ]:
        assert path in paths, path


def test_api_requires_a_token(client, ward_dossier):
    assert client.get(f"/api/v1/dossiers/{ward_dossier.pk}").status_code == 401
