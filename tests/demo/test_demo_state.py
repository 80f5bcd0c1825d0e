"""The demo commands work in any state the demo reaches, and its files are what they say."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from docx import Document

from thidua.campaigns.models import Campaign
from thidua.demo.plan_sapa_2020 import SAPA_TITLE
from thidua.nominations.models import DossierDocument, DossierStatus

pytestmark = pytest.mark.django_db


def text_of(document: DossierDocument) -> str:
    with document.file.open("rb") as handle:
        doc = Document(io.BytesIO(handle.read()))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_demo_to_council_after_a_ward_derived_the_plan(client_as, campaign):
    ward = campaign.issuer.children.get(name="Phường Sa Pa")
    client_as("tdkt.phuongsapa").post(f"/dot-thi-dua/{campaign.pk}/cu-the-hoa/", {"unit": ward.pk})
    assert Campaign.objects.filter(title=SAPA_TITLE).count() == 2  # the copy keeps the title
    call_command("demo_to_council", stdout=io.StringIO())
    statuses = set(campaign.dossiers.values_list("status", flat=True))
    assert statuses == {DossierStatus.APPRAISED}
    call_command("demo_to_council", stdout=io.StringIO())  # and again: nothing left to do
    call_command("seed_demo", "--stage=dossiers", stdout=io.StringIO())  # the seed stays idempotent
    assert Campaign.objects.filter(title=SAPA_TITLE).count() == 2


def test_ta_van_files_are_in_the_slots_their_names_say(commune_dossier):
    documents = {d.original_name: d for d in commune_dossier.documents.select_related("required")}
    expected = {
        "to-trinh-xa-ta-van.docx": ("Tờ trình", "TỜ TRÌNH"),
        "danh-sach-trich-ngang.docx": ("Danh sách", "DANH SÁCH"),
        "bien-ban-hop-xet.docx": ("Biên bản", "BIÊN BẢN"),
        "bao-cao-ket-qua.docx": ("Báo cáo", "BÁO CÁO KẾT QUẢ"),
    }
    assert set(documents) == set(expected)
    for name, (slot, title) in expected.items():
        document = documents[name]
        assert document.required.name.lower().startswith(slot.lower()), (name, document.required)
        assert title in text_of(document), name
    minutes = text_of(documents["bien-ban-hop-xet.docx"])
    assert "Lý Thị Mẩy: Giấy khen của Chủ tịch UBND thị xã" in minutes
    assert "Thôn Lao Chải" in text_of(documents["bao-cao-ket-qua.docx"])


def test_demo_finished_shows_a_finished_campaign_in_any_state(client_as, campaign):
    from django.test import Client

    from thidua.decisions.models import CertificateBatch, Decision

    ward = campaign.issuer.children.get(name="Phường Sa Pa")
    client_as("tdkt.phuongsapa").post(f"/dot-thi-dua/{campaign.pk}/cu-the-hoa/", {"unit": ward.pk})
    call_command("demo_to_council", stdout=io.StringIO())  # a state the demo reaches first
    out = io.StringIO()
    call_command("demo_finished", stdout=out)
    call_command("demo_finished", stdout=io.StringIO())  # and again: nothing left to do
    decision = Decision.objects.get(campaign=campaign)
    assert decision.status == "approved" and decision.number
    assert f"Đã ký Quyết định số {decision.number_symbol}" in out.getvalue()
    names = set(decision.recipients.values_list("name", flat=True))
    assert "Thôn Lao Chải" in names and "Nguyễn Thị Minh Thư" not in names  # suspended
    assert CertificateBatch.objects.filter(decision=decision).count() == 1
    portal = Client().get("/cong-khai/").content.decode()
    assert "Mô hình du lịch cộng đồng ở Lao Chải" in portal
    assert "Thôn Lao Chải: điển hình xây dựng nông thôn mới" in portal
    found = Client().get("/cong-khai/khen-thuong/", {"q": "lao chai"}).content.decode()
    assert "Thôn Lao Chải" in found
