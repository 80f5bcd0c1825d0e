"""The administrator's pages and API of the law as dated data: who may (the province's
administrator and emulation officers), 403/404, audited saves, the notes shown."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from thidua.core.models import AuditEntry
from thidua.decisions.models import BaseSalary, KindCoefficient, LegalInstrument
from thidua.org.models import Role, RoleAssignment, Unit

pytestmark = pytest.mark.django_db
PAGE = "/quyet-dinh/can-cu-phap-ly/"


@pytest.fixture
def province_officer(db) -> Client:
    user = get_user_model().objects.create_user("tdkt.tinh", password="x", first_name="Sở Nội vụ")
    RoleAssignment.objects.create(
        user=user, role=Role.CHUYEN_VIEN_TDKT, unit=Unit.objects.get(name="Tỉnh Lào Cai")
    )
    client = Client()
    client.force_login(user)
    return client


def test_the_province_administrator_sees_the_tables_with_their_notes(client_as):
    page = client_as("quantri").get(PAGE)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025" in html
    assert "2.530.000 đ" in html and "Bằng khen của Bộ, ban, ngành, tỉnh" in html
    assert "CHƯA CÓ số, ngày của quy định thi đua, khen thưởng của tỉnh" in html
    assert "Cần kiểm tra" in html
    admin = client_as("quantri").get("/quan-tri/").content.decode()
    assert PAGE in admin


@pytest.mark.parametrize("username", ["noivu", "vhxh.sapa", "chutich", "thuky"])
def test_town_and_ward_roles_are_refused(client_as, username):
    assert client_as(username).get(PAGE).status_code == 403
    assert client_as(username).get(f"{PAGE}luong-co-so/them/").status_code == 403
    row = BaseSalary.objects.first()
    response = client_as(username).post(
        f"{PAGE}luong-co-so/{row.pk}/", {"amount": "1", "legal_basis": "x"}
    )
    assert response.status_code == 403
    assert BaseSalary.objects.get(pk=row.pk).amount == row.amount


def test_unknown_rows_and_tables_are_404(client_as):
    assert client_as("quantri").get(f"{PAGE}luong-co-so/999999/").status_code == 404
    assert client_as("quantri").get(f"{PAGE}khong-co/them/").status_code == 404


def test_the_province_officer_adds_a_salary_and_the_money_follows_audited(province_officer):
    response = province_officer.post(
        f"{PAGE}luong-co-so/them/",
        {
            "amount": "2800000",
            "valid_from": "01/07/2027",
            "valid_to": "",
            "legal_basis": "Nghị định thử nghiệm",
        },
    )
    assert response.status_code == 302
    salary = BaseSalary.objects.get(amount=2_800_000)
    assert salary.valid_from == date(2027, 7, 1)
    entry = AuditEntry.objects.get(action="decisions.law.salary_saved", object_id=str(salary.pk))
    assert entry.actor.username == "tdkt.tinh"
    # The 2.530.000 row is still open-ended: both apply in 2027 and the newest wins.
    from thidua.decisions.money import base_salary

    assert base_salary(date(2027, 7, 2)).amount == 2_800_000


def test_a_bad_row_is_refused_with_the_fields_message(client_as):
    count = LegalInstrument.objects.count()
    response = client_as("quantri").post(
        f"{PAGE}van-ban/them/",
        {
            "kind": "nghi_dinh",
            "text": "Nghị định không bắt đầu bằng căn cứ",
            "valid_from": "01/01/2027",
            "valid_to": "01/01/2026",
            "order": "5",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dòng căn cứ bắt đầu bằng “Căn cứ …”." in html
    assert "Ngày hết hiệu lực phải sau ngày có hiệu lực." in html
    assert LegalInstrument.objects.count() == count


def test_an_edited_instrument_is_what_the_next_decision_cites(client_as):
    row = LegalInstrument.objects.get(text__startswith="Căn cứ Quyết định số …/…/QĐ-UBND")
    data = {
        "kind": row.kind,
        "text": "Căn cứ Quyết định số 99/2025/QĐ-UBND ngày 01 tháng 9 năm 2025 của Ủy ban nhân "
        "dân tỉnh Lào Cai ban hành Quy định về công tác thi đua, khen thưởng;",
        "issuer_levels": "",
        "unit": row.unit_id,
        "valid_from": "01/09/2025",
        "valid_to": "",
        "order": row.order,
        "note": "",
    }
    assert client_as("quantri").post(f"{PAGE}van-ban/{row.pk}/", data).status_code == 302
    from thidua.decisions.law import instruments_for

    ward = Unit.objects.get(name="Phường Sa Pa (từ 01/07/2025)")
    texts = [i.text for i in instruments_for(ward, date(2026, 12, 2))]
    assert data["text"] in texts
    assert not any(i.text == data["text"] for i in instruments_for(ward, date(2025, 8, 1)))
    page = client_as("quantri").get(f"{PAGE}van-ban/{row.pk}/").content.decode()
    assert "Lưu căn cứ pháp lý của quyết định" in page  # its history


def test_api_reads_and_writes_with_the_same_rights(api_as):
    rows = api_as("quantri").get("/api/v1/decisions/law/he-so")
    assert rows.status_code == 200
    assert {
        "reward_kind": "bang_khen_tinh",
        "individual": "1.5",
        "collective": "3",
    }.items() <= next(
        r
        for r in rows.json()
        if r["reward_kind"] == "bang_khen_tinh" and r["valid_from"] == "2025-07-01"
    ).items()
    assert api_as("noivu").get("/api/v1/decisions/law/he-so").status_code == 403
    assert api_as("quantri").get("/api/v1/decisions/law/khong-co").status_code == 404
    created = api_as("quantri").post(
        "/api/v1/decisions/law/he-so",
        {
            "reward_kind": "giay_khen_chu_tich_xa",
            "individual": "0.4",
            "collective": "0.8",
            "valid_from": "2027-03-01",
            "legal_basis": "Nghị định thay thế (thử)",
        },
        content_type="application/json",
    )
    assert created.status_code == 201 and created.json()["individual"] == "0.4"
    bad = api_as("quantri").post(
        "/api/v1/decisions/law/he-so", {"reward_kind": "khong_co"}, content_type="application/json"
    )
    assert bad.status_code == 422 and "reward_kind" in bad.json()["errors"]
    refused = api_as("noivu").post(
        f"/api/v1/decisions/law/he-so/{created.json()['id']}",
        {"individual": "9"},
        content_type="application/json",
    )
    assert refused.status_code == 403
    assert KindCoefficient.objects.get(pk=created.json()["id"]).individual == Decimal("0.4")
