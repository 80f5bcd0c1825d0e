"""Downloads containing personal data are recorded (who, what, when, which object) and shown to
administrators on /quan-tri/nhat-ky-xuat/, each administrator the entries of their units."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from thidua.core.exports import record_export
from thidua.core.models import ExportEntry
from thidua.org.models import Role, RoleAssignment, Unit

LOG = "/quan-tri/nhat-ky-xuat/"


def only_entry(**filters) -> ExportEntry:
    entries = list(ExportEntry.objects.filter(**filters))
    assert len(entries) == 1, entries
    return entries[0]


def test_dossier_lists_are_recorded(client_as, user, ward_dossier):
    client = client_as("phuongsapa")
    response = client.get(f"/ho-so/{ward_dossier.pk}/danh-sach-trich-ngang.docx")
    assert response.status_code == 200
    entry = only_entry(kind="trich_ngang")
    assert entry.actor == user("phuongsapa") and entry.actor_name == "phuongsapa"
    assert (entry.object_type, entry.object_id) == ("nominations.dossier", str(ward_dossier.pk))
    assert entry.unit_path == ward_dossier.unit.path
    assert entry.filename == f"danh-sach-trich-ngang-ho-so-{ward_dossier.pk}.docx"
    assert entry.ip == "127.0.0.1"
    assert timezone.now() - entry.created_at < timedelta(minutes=1)

    assert client.get(f"/ho-so/{ward_dossier.pk}/to-trinh.docx").status_code == 200
    assert only_entry(kind="to_trinh").object_id == str(ward_dossier.pk)


def test_refused_downloads_are_not_recorded(client_as, ward_dossier):
    response = client_as("tavan").get(f"/ho-so/{ward_dossier.pk}/danh-sach-trich-ngang.docx")
    assert response.status_code == 404
    assert not ExportEntry.objects.exists()


def test_decision_certificates_minutes_and_statistics_are_recorded(
    client_as, user, signed_decision
):
    officer = client_as("noivu")
    pk = signed_decision.pk
    assert officer.get(f"/quyet-dinh/{pk}/quyet-dinh.docx").status_code == 200
    assert officer.get(f"/quyet-dinh/{pk}/giay-khen.pdf").status_code == 200
    assert officer.get(f"/quyet-dinh/{pk}/giay-khen/1.pdf").status_code == 200
    assert officer.get("/thong-ke/thong-ke.xlsx?nam=2020").status_code == 200
    meeting = signed_decision.meeting
    assert client_as("thuky").get(f"/hoi-dong/{meeting.pk}/bien-ban.docx").status_code == 200
    minutes = only_entry(kind="bien_ban")
    assert minutes.object_id == str(meeting.pk) and minutes.actor == user("thuky")
    decision = only_entry(kind="quyet_dinh")
    assert decision.object_id == str(pk) and decision.unit_path == signed_decision.issuer.path
    certificates = list(ExportEntry.objects.filter(kind="giay_khen").order_by("id"))
    assert [c.filename for c in certificates] == [f"giay-khen-{pk}.pdf", f"giay-khen-{pk}-1.pdf"]
    statistics = only_entry(kind="thong_ke")
    assert statistics.object_id == "" and statistics.object_label == "năm 2020"
    assert statistics.actor == user("noivu")


@pytest.fixture
def entries(user, ward_dossier, commune_dossier):
    """Three entries: two about the ward's dossier (by phuongsapa, one a day old) and one about
    the commune's (by tavan)."""
    ward = record_export(user("phuongsapa"), "trich_ngang", ward_dossier, "a.docx")
    old = record_export(user("phuongsapa"), "to_trinh", ward_dossier, "b.docx")
    ExportEntry.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=3))
    commune = record_export(user("tavan"), "trich_ngang", commune_dossier, "c.docx")
    return ward, old, commune


def rows(response) -> list[str]:
    return [e.filename for e in response.context["page"].object_list]


def test_root_administrator_sees_and_filters_everything(client_as, entries):
    admin = client_as("quantri")
    assert rows(admin.get(LOG)) == ["c.docx", "a.docx", "b.docx"]
    assert rows(admin.get(LOG, {"nguoi": "PHUONG"})) == ["a.docx", "b.docx"]
    assert rows(admin.get(LOG, {"loai": "to_trinh"})) == ["b.docx"]
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert rows(admin.get(LOG, {"tu": today})) == ["c.docx", "a.docx"]
    assert rows(
        admin.get(LOG, {"den": (timezone.localdate() - timedelta(days=1)).strftime("%d/%m/%Y")})
    ) == ["b.docx"]
    page = admin.get(LOG).content.decode()
    assert "Danh sách trích ngang (DOCX)" in page and "phuongsapa" in page


def test_a_unit_administrator_sees_the_entries_of_their_units(entries, ward_dossier):
    ward_admin = get_user_model().objects.create_user("qt.phuong", password="x")
    RoleAssignment.objects.create(user=ward_admin, role=Role.QUAN_TRI, unit=ward_dossier.unit)
    client = Client()
    client.force_login(ward_admin)
    assert rows(client.get(LOG)) == ["a.docx", "b.docx"]


@pytest.mark.parametrize("username", ["noivu", "phuongsapa", "chutich"])
def test_others_are_refused(client_as, username):
    assert client_as(username).get(LOG).status_code == 403


def test_pages_and_bounded_queries(client_as, user, ward_dossier, django_assert_max_num_queries):
    ExportEntry.objects.bulk_create(
        ExportEntry(
            actor=user("phuongsapa"),
            actor_name="phuongsapa",
            kind="trich_ngang",
            object_type="nominations.dossier",
            object_id=str(ward_dossier.pk),
            unit_path=ward_dossier.unit.path,
            filename=f"{n}.docx",
        )
        for n in range(120)
    )
    admin = client_as("quantri")
    with django_assert_max_num_queries(12):
        first = admin.get(LOG, {"loai": "trich_ngang"})
    assert len(rows(first)) == 50
    assert "Trang 1/3" in first.content.decode()
    assert "loai=trich_ngang&amp;trang=2" in first.content.decode()
    assert len(rows(admin.get(LOG, {"loai": "trich_ngang", "trang": 3}))) == 20


def test_unit_is_found_on_the_object(user, ward_dossier):
    entry = record_export(user("phuongsapa"), "trich_ngang", ward_dossier, "x.docx")
    assert entry.unit_path == Unit.objects.get(pk=ward_dossier.unit_id).path
    assert entry.ip == ""


def test_dossier_document_and_certificate_zip_are_recorded(
    client_as, ward_dossier, signed_decision, django_capture_on_commit_callbacks
):
    from thidua.decisions.models import CertificateBatch
    from thidua.nominations.models import DossierDocument

    document = DossierDocument.objects.filter(dossier=ward_dossier).first()
    assert document is not None
    response = client_as("phuongsapa").get(f"/ho-so/{ward_dossier.pk}/tai-lieu/{document.pk}/")
    assert response.status_code == 200
    entry = only_entry(kind="tai_lieu_ho_so")
    assert entry.object_id == str(document.pk) and entry.unit_path == ward_dossier.unit.path
    assert entry.filename.startswith(document.original_name)

    officer = client_as("noivu")
    with django_capture_on_commit_callbacks(execute=True):
        officer.post(f"/quyet-dinh/{signed_decision.pk}/giay-khen/tao/")
    batch = CertificateBatch.objects.get(decision=signed_decision)
    zipped = officer.get(f"/quyet-dinh/{signed_decision.pk}/giay-khen/lo/{batch.pk}/tai-ve/")
    assert zipped.status_code == 200
    b"".join(zipped.streaming_content)
    assert only_entry(kind="giay_khen_zip").filename == f"giay-khen-{signed_decision.pk}.zip"
