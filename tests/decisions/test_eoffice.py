"""The package sent upward (decisions/eoffice.py): one ZIP per meeting with the Tờ trình and
the minutes as DOCX and signed PDF, the candidates' files as they are, and a manifest whose
rows match the files; names ASCII ≤ 50 and unique; a file over the limit refused by name; who
may build and fetch it, through the page and the API."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import secrets
import zipfile

import pytest
from django.core.files.base import ContentFile
from docx import Document
from pypdf import PdfReader

from thidua.core.models import AuditEntry, ExportEntry, GeneratedFile
from thidua.decisions import eoffice, eoffice_manifest, signing
from thidua.nominations.models import DossierDocument

from .conftest import BK

pytestmark = pytest.mark.django_db
AGENCY = "UBND thị xã Sa Pa (CHỈ DÙNG THỬ NGHIỆM)"


def upload(candidate, name: str, content: bytes, required=None) -> DossierDocument:
    document = DossierDocument(
        dossier=candidate.dossier,
        candidate=candidate,
        required=required,
        token=secrets.token_hex(8),
        original_name=name,
        kind=name.rpartition(".")[2],
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )
    document.file.save("x", ContentFile(content), save=False)
    document.save()
    return document


def upward_candidate(meeting):
    return meeting.items.get(candidate__award_form__name=BK).candidate


def build(client, meeting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/quyet-dinh/goi-cap-tren/{meeting.pk}/")
    return response


def test_package_holds_signed_papers_files_and_a_matching_manifest(
    client_as, meeting_with_upward, django_capture_on_commit_callbacks
):
    meeting = meeting_with_upward
    pao = upward_candidate(meeting)
    report = meeting.campaign.required_documents.get(name__startswith="Báo cáo thành tích")
    scan = b"%PDF-1.4 scan of a certificate\n" * 40
    upload(pao, "Báo cáo thành tích của ông Sùng A Páo, Thôn Lao Chải.pdf", b"PK report", report)
    upload(pao, "Bản sao Giấy chứng nhận hộ kinh doanh du lịch cộng đồng năm 2020.pdf", scan)
    upload(pao, "Bản sao Giấy chứng nhận hộ kinh doanh du lịch cộng đồng năm 2020.pdf", b"two")
    client = client_as("noivu")
    panel = client.get(f"/quyet-dinh/hop-xet/{meeting.pk}/", headers={"HX-Request": "true"})
    assert "Tạo gói gửi cấp trên" in panel.content.decode()

    response = build(client, meeting, django_capture_on_commit_callbacks)
    row = GeneratedFile.objects.get(kind=eoffice.KIND)
    assert response.status_code == 302 and response["Location"] == f"/tep/{row.pk}/"
    row.refresh_from_db()
    assert (row.status, row.error, row.done) == ("done", "", row.total)
    page = client.get(f"/tep/{row.pk}/").content.decode()
    assert f"{row.total} văn bản, tài liệu" in page and "Tải tệp" in page
    download = client.get(f"/tep/{row.pk}/tai-ve/")
    assert download.status_code == 200 and download["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    names = archive.namelist()

    own = list(pao.dossier.documents.filter(candidate__isnull=True).order_by("pk"))
    assert len(own) == 4  # the commune's Tờ trình, minutes, list and report (demo data)
    assert row.total == 2 + len(own) + 3
    assert len(names) == len(set(names)) == 4 + len(own) + 3 + 2
    for name in names:
        assert name.isascii() and len(name) <= 50 and "/" not in name, name
    manifest = json.loads(archive.read("danh-muc.json"))
    files = manifest["files"]
    assert [f["file"] for f in files] == [n for n in names if not n.startswith("danh-muc.")]
    for entry in files:
        data = archive.read(entry["file"])
        assert (entry["size"], entry["sha256"]) == (len(data), hashlib.sha256(data).hexdigest())
    assert [f["file"] for f in files[:4]] == [
        "01-to-trinh-bang-khen.docx",
        "01-to-trinh-bang-khen.pdf",
        "02-bien-ban-hop-xet.docx",
        "02-bien-ban-hop-xet.pdf",
    ]
    assert [f["file"] for f in files[-3:]] == [
        "ho-so-sung-a-pao-bao-cao-thanh-tich-theo-mau-t.pdf",
        "ho-so-sung-a-pao-ban-sao-giay-chung-nhan-ho-ki.pdf",
        "ho-so-sung-a-pao-ban-sao-giay-chung-nhan-ho-2.pdf",
    ]
    for entry, document in zip(files[4:-3], own, strict=True):
        assert entry["file"].startswith("ho-so-ubnd-xa-ta-van-"), entry["file"]
        assert (entry["candidate"], entry["issuer"]) == ("", "UBND xã Tả Van")
        assert entry["subject"] == f"{document.required.name} – UBND xã Tả Van"
        assert archive.read(entry["file"]) == document.file.open("rb").read()
    letter = files[0]
    assert {k: letter[k] for k in ("number", "date", "issuer", "kind")} == {
        "number": "…/TTr-UBND",
        "date": "2020-10-28",
        "issuer": "UBND thị xã Sa Pa",
        "kind": "DOCX",
    }
    assert letter["subject"].startswith("Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh Lào Cai")
    assert files[2]["subject"].startswith("Họp xét khen thưởng")
    assert files[-3]["subject"] == f"{report.name} – Sùng A Páo"
    assert (files[-3]["kind"], files[-3]["issuer"]) == ("Tài liệu của hồ sơ", "UBND xã Tả Van")
    assert archive.read(files[-3]["file"]) == b"PK report"  # uploaded files as they are
    assert archive.read(files[-2]["file"]) == scan

    rows = list(csv.reader(io.StringIO(archive.read("danh-muc.csv").decode("utf-8-sig"))))
    assert rows[0] == eoffice_manifest.MANIFEST_HEADERS
    assert [(r[7], r[8], int(r[9])) for r in rows[1:]] == [
        (f["file"], f["sha256"], f["size"]) for f in files
    ]
    assert rows[1][2] == "28/10/2020"

    for name in ("01-to-trinh-bang-khen", "02-bien-ban-hop-xet"):
        pdf = archive.read(f"{name}.pdf")
        verification = signing.verify_pdf(pdf)
        assert verification.status == signing.VALID, name
        assert [s.signer for s in verification.signatures] == [AGENCY]
        docx_words = " ".join(
            p.text for p in Document(io.BytesIO(archive.read(f"{name}.docx"))).paragraphs
        )
        pdf_words = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        for words in (
            ["TỜ TRÌNH", "Kính gửi: Chủ tịch UBND tỉnh Lào Cai", "Sùng A Páo"]
            if name.startswith("01")
            else ["BIÊN BẢN", "Sùng A Páo"]
        ):
            assert words in docx_words or words in _tables(archive.read(f"{name}.docx")), words
            assert words in " ".join(pdf_words.split()), words

    assert AuditEntry.objects.filter(
        action="core.generated.requested", object_id=str(row.pk)
    ).exists()
    export = ExportEntry.objects.get(kind=eoffice.KIND)
    assert (export.filename, export.unit_path) == (
        f"goi-gui-cap-tren-{meeting.pk}.zip",
        meeting.campaign.issuer.path,
    )


def _tables(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    return " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)


def test_an_uploaded_file_over_the_limit_is_refused_by_name(
    client_as, api_as, meeting_with_upward, settings, django_capture_on_commit_callbacks
):
    settings.THIDUA_EOFFICE_MAX_FILE_MB = 0.5  # 524 288 bytes
    pao = upward_candidate(meeting_with_upward)
    upload(pao, "Ảnh hoạt động du lịch.pdf", b"x" * (524_288 + 1))
    client = client_as("noivu")
    response = build(client, meeting_with_upward, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == f"/hoi-dong/{meeting_with_upward.pk}/"
    message = (
        "Tệp “Ảnh hoạt động du lịch.pdf” (0,5 MB) vượt quá giới hạn 0,5 MB mỗi tệp mà cấp trên "
        "tiếp nhận"
    )
    page = client.get(response["Location"]).content.decode()
    assert message in page
    answer = api_as("noivu").post(f"/api/v1/meetings/{meeting_with_upward.pk}/upward-package/build")
    assert answer.status_code == 422
    assert message in answer.json()["errors"]["__all__"][0]
    assert not GeneratedFile.objects.filter(kind=eoffice.KIND).exists()
    # Exactly at the limit: accepted.
    settings.THIDUA_EOFFICE_MAX_FILE_MB = 0.6
    eoffice.check_request(meeting_with_upward)


def test_a_generated_paper_over_the_limit_fails_the_job_with_its_name(
    client_as, meeting_with_upward, settings, django_capture_on_commit_callbacks
):
    settings.THIDUA_EOFFICE_MAX_FILE_MB = 0.01  # 10 KB: every DOCX is larger
    pao = upward_candidate(meeting_with_upward)
    pao.dossier.documents.all().delete()  # the demo's uploads are DOCX too: only generated ones
    client = client_as("noivu")
    build(client, meeting_with_upward, django_capture_on_commit_callbacks)
    row = GeneratedFile.objects.get(kind=eoffice.KIND)
    assert row.status == "failed" and not row.file
    assert row.error.startswith("Tệp “Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh Lào Cai")
    assert "(DOCX)” (0,0 MB) vượt quá giới hạn 0,01 MB mỗi tệp" in row.error
    page = client.get(f"/tep/{row.pk}/").content.decode()
    assert "Không tạo được tài liệu: Tệp “Đề nghị tặng" in page
    assert client.get(f"/tep/{row.pk}/tai-ve/").status_code == 404


def test_the_whole_package_over_its_limit_is_refused_not_split(meeting_with_upward, settings):
    settings.THIDUA_EOFFICE_MAX_PACKAGE_MB = 0.1
    with pytest.raises(eoffice.PackageRefused) as refused:
        eoffice.build_package(meeting_with_upward)
    assert str(refused.value).startswith("Gói gửi cấp trên (0,")
    assert "vượt quá giới hạn 0.1 MB của cả gói. Các tệp lớn nhất: " in str(refused.value)


def test_no_agency_key_is_refused_at_once(client_as, meeting_with_upward):
    from thidua.decisions.models import SigningKey

    SigningKey.objects.filter(unit=meeting_with_upward.campaign.issuer).update(active=False)
    with pytest.raises(eoffice.DecisionError, match="Chưa có khóa ký số của cơ quan"):
        eoffice.check_request(meeting_with_upward)


def test_denials_page_and_api(
    client_as, api_as, meeting_with_upward, meeting, django_capture_on_commit_callbacks
):
    open_meeting, meeting = meeting, meeting_with_upward
    url = f"/quyet-dinh/goi-cap-tren/{meeting.pk}/"
    api = f"/api/v1/meetings/{meeting.pk}/upward-package"
    # Outside the scope: 404; inside it without the right to prepare the Tờ trình: 403.
    assert client_as("tavan").post(url).status_code == 404
    assert client_as("thuky").post(url).status_code == 403
    assert api_as("tavan").post(f"{api}/build").status_code == 404
    assert api_as("thuky").post(f"{api}/build").status_code == 403
    assert client_as("noivu").get(url).status_code == 405  # a POST only
    assert not GeneratedFile.objects.filter(kind=eoffice.KIND).exists()
    # A meeting proposing nothing upward (yet: its ballot is not closed) has no package.
    nothing_upward = client_as("noivu").post(f"/quyet-dinh/goi-cap-tren/{open_meeting.pk}/")
    assert nothing_upward.status_code == 404

    build(client_as("noivu"), meeting, django_capture_on_commit_callbacks)
    row = GeneratedFile.objects.get(kind=eoffice.KIND)
    for who, status in (("tavan", 404), ("thuky", 403)):
        assert client_as(who).get(f"/tep/{row.pk}/").status_code == status
        assert client_as(who).get(f"/tep/{row.pk}/tai-ve/").status_code == status
        assert api_as(who).get(f"{api}/status").status_code == status
        assert api_as(who).get(f"{api}/download").status_code == status
    assert not ExportEntry.objects.filter(kind=eoffice.KIND).exists()


def test_api_starts_reports_and_fetches(
    api_as, meeting_with_upward, django_capture_on_commit_callbacks
):
    meeting = meeting_with_upward
    client = api_as("noivu")
    api = f"/api/v1/meetings/{meeting.pk}/upward-package"
    assert client.get(f"{api}/status").status_code == 404  # not asked for yet
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(f"{api}/build")
    assert started.status_code == 201
    job = started.json()
    row = GeneratedFile.objects.get(kind=eoffice.KIND)
    assert (job["id"], job["status"]) == (row.pk, "queued")  # as it was when queued
    again = client.post(f"{api}/build")
    assert again.status_code == 200
    assert again.json() | {"download": None} == {
        "id": row.pk,
        "status": "done",
        "done": row.total,
        "total": row.total,
        "error": "",
        "filename": f"goi-gui-cap-tren-{meeting.pk}.zip",
        "download": None,
    }
    assert client.get(f"{api}/status").json()["download"] == f"{api}/download"
    fetched = client.get(f"{api}/download")
    assert fetched.status_code == 200 and fetched["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(fetched.streaming_content)))
    assert "danh-muc.json" in archive.namelist()
    assert ExportEntry.objects.filter(kind=eoffice.KIND).count() == 1


def test_ascii_names_are_short_and_unique():
    used: set[str] = set()
    long = "Quyết định số 1234/QĐ-UBND ngày 28/10/2020 về việc tặng Bằng khen Đợt thi đua"
    first = eoffice_manifest.ascii_name(long, "PDF", used)
    second = eoffice_manifest.ascii_name(long, "pdf", used)
    assert first == "quyet-dinh-so-1234-qd-ubnd-ngay-28-10-2020-ve.pdf"
    assert second == "quyet-dinh-so-1234-qd-ubnd-ngay-28-10-2020-v-2.pdf"
    assert len(first) == 49 and len(second) == 50  # "-" is not left before the extension
    assert eoffice_manifest.ascii_name("Đơn", "", used) == "don"
    assert eoffice_manifest.ascii_name("???", "docx", used) == "tep.docx"


def test_same_inputs_reuse_the_package_a_new_file_builds_another(
    client_as, meeting_with_upward, django_capture_on_commit_callbacks
):
    client = client_as("noivu")
    build(client, meeting_with_upward, django_capture_on_commit_callbacks)
    first = GeneratedFile.objects.get(kind=eoffice.KIND)
    again = build(client, meeting_with_upward, django_capture_on_commit_callbacks)
    assert again["Location"] == f"/tep/{first.pk}/"
    assert GeneratedFile.objects.filter(kind=eoffice.KIND).count() == 1
    upload(upward_candidate(meeting_with_upward), "Bổ sung.pdf", b"%PDF-1.4 more")
    build(client, meeting_with_upward, django_capture_on_commit_callbacks)
    second = GeneratedFile.objects.filter(kind=eoffice.KIND).exclude(pk=first.pk).get()
    assert (second.status, second.total) == ("done", first.total + 1)
