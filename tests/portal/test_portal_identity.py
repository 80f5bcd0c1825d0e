"""The public portal speaks for the issuing authority: its name, emblem and contacts, kept by
the province's administrator."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from thidua.core.models import AuditEntry
from thidua.org.models import Role, RoleAssignment, Unit
from thidua.portal.models import PortalIdentity

pytestmark = pytest.mark.django_db

FIELDS = {
    "authority_name": "Ủy ban nhân dân phường Sa Pa",
    "portal_title": "Trang thông tin thi đua, khen thưởng",
    "address": "Số 1 đường Xuân Viên, phường Sa Pa, tỉnh Lào Cai",
    "phone": "0214 3871 234",
    "email": "tdkt@sapa.example.vn",
    "responsible": "Phòng Văn hóa – Xã hội",
}


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 30, 30)).save(buffer, "PNG")
    return SimpleUploadedFile("quoc-huy.png", buffer.getvalue(), content_type="image/png")


def test_public_pages_carry_the_authority_not_the_software(client):
    page = client.get("/cong-khai/").content.decode()
    assert "ỦY BAN NHÂN DÂN THỊ XÃ SA PA" in page
    assert (
        "<title>Cổng thông tin thi đua, khen thưởng · Cổng thông tin thi đua, khen thưởng – Ủy ban nhân dân thị xã Sa Pa</title>"
        in page
    )
    assert "Chịu trách nhiệm nội dung: Phòng Nội vụ thị xã Sa Pa" in page
    assert "Phần mềm nguồn mở" not in page
    assert client.get("/cong-khai/bieu-trung/").status_code == 404  # none uploaded yet


def test_province_administrator_changes_name_emblem_and_contacts(client_as, client):
    admin = client_as("quantri")
    assert admin.get("/quan-tri/cong-thong-tin/").status_code == 200
    response = admin.post("/quan-tri/cong-thong-tin/", {**FIELDS, "emblem": png()})
    assert response.status_code == 302

    identity = PortalIdentity.current()
    assert identity.authority_name == "Ủy ban nhân dân phường Sa Pa"
    assert identity.emblem_kind == "png"
    assert AuditEntry.objects.filter(action="portal.identity.updated").count() == 1
    page = client.get("/cong-khai/dien-hinh/").content.decode()
    assert "ỦY BAN NHÂN DÂN PHƯỜNG SA PA" in page
    assert "TRANG THÔNG TIN THI ĐUA, KHEN THƯỞNG" in page
    assert "Điện thoại: 0214 3871 234" in page
    assert 'src="/cong-khai/bieu-trung/"' in page
    emblem = client.get("/cong-khai/bieu-trung/")
    assert emblem.status_code == 200
    assert emblem["Content-Type"] == "image/png"


def test_a_fake_image_is_refused_and_nothing_changes(client_as):
    fake = SimpleUploadedFile("quoc-huy.png", b"<script>alert(1)</script>", "image/png")
    response = client_as("quantri").post(
        "/quan-tri/cong-thong-tin/", {**FIELDS, "emblem": fake}, follow=True
    )
    assert response.status_code == 200
    assert not PortalIdentity.current().emblem
    assert PortalIdentity.current().authority_name == "Ủy ban nhân dân thị xã Sa Pa"
    assert not AuditEntry.objects.filter(action="portal.identity.updated").exists()


def test_only_the_province_administrator(client_as, client):
    # Phòng Nội vụ manages campaigns, not the deployment's identity: 403.
    assert client_as("noivu").get("/quan-tri/cong-thong-tin/").status_code == 403
    assert client_as("noivu").post("/quan-tri/cong-thong-tin/", FIELDS).status_code == 403
    # An administrator of one commune administers its units, not the province's portal.
    commune_admin = get_user_model().objects.create_user("quantri.xa", password="x")
    RoleAssignment.objects.create(
        user=commune_admin, role=Role.QUAN_TRI, unit=Unit.objects.get(name="Xã Tả Van")
    )
    client.force_login(commune_admin)
    assert client.post("/quan-tri/cong-thong-tin/", FIELDS).status_code == 403
    assert "Thông tin cổng thông tin" not in client.get("/quan-tri/").content.decode()
    assert PortalIdentity.current().authority_name == "Ủy ban nhân dân thị xã Sa Pa"
