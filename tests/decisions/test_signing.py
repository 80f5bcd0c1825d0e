"""Digitally signed decisions (ký số): the chairman signs, the office adds the agency's
signature; pyHanko validates the result against the demo's test CA; one changed byte or an
unknown signer is said so on the public page and by the API; who may sign what."""

from __future__ import annotations

import io
import subprocess

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from thidua.core.models import AuditEntry
from thidua.decisions import signing, signing_services
from thidua.decisions.decision_pdf import decision_pdf
from thidua.decisions.models import DecisionSignature
from thidua.demo.test_pki import self_signed_p12

from ..system_tools import require_tools

pytestmark = pytest.mark.django_db


def signed_and_sealed(client_as, decision) -> bytes:
    assert client_as("chutich").post(f"/quyet-dinh/{decision.pk}/ky-so/").status_code == 302
    assert client_as("noivu").post(f"/quyet-dinh/{decision.pk}/ky-so-co-quan/").status_code == 302
    response = client_as("thuky").get(f"/quyet-dinh/{decision.pk}/quyet-dinh.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content)


def test_signed_pdf_validates_with_pyhanko_two_signatures_in_order(client_as, signed_decision):
    content = signed_and_sealed(client_as, signed_decision)
    reader = PdfFileReader(io.BytesIO(content))
    embedded = reader.embedded_signatures
    assert [s.field_name for s in embedded] == ["ChuKyNguoiKy", "ChuKyCoQuan"]
    context = ValidationContext(trust_roots=signing.trust_roots(), allow_fetching=False)
    personal, agency = (validate_pdf_signature(s, context) for s in embedded)
    for status in (personal, agency):
        assert status.intact and status.valid and status.trusted and status.bottom_line
    assert signing.subject_name(personal.signing_cert) == "Lê Tân Phong (CHỈ DÙNG THỬ NGHIỆM)"
    assert signing.subject_name(agency.signing_cert) == "UBND thị xã Sa Pa (CHỈ DÙNG THỬ NGHIỆM)"
    # The agency's signature came after the signer's, which only a form field was added to.
    assert personal.modification_level == ModificationLevel.FORM_FILLING
    assert agency.modification_level == ModificationLevel.NONE
    for sig in embedded:
        assert sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
        assert len(sig.signed_data["certificates"]) == 2  # the chain: signer and test CA
    # Visible: both signatures on the page of the signer's block (page 1 or 2, by length).
    pages = [p.get_object() for p in reader.root["/Pages"]["/Kids"]]
    signed_pages = [p for p in pages if "/Annots" in p]
    assert len(signed_pages) == 1
    annotations = [a.get_object() for a in signed_pages[0]["/Annots"]]
    assert sorted(a["/T"] for a in annotations) == ["ChuKyCoQuan", "ChuKyNguoiKy"]
    actions = list(
        AuditEntry.objects.filter(object_id=str(signed_decision.pk))
        .filter(action__startswith="decisions.decision.s")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["decisions.decision.signed_digitally", "decisions.decision.sealed_digitally"]


def test_public_page_and_api_say_valid_with_names(client, client_as, api_as, signed_decision):
    signed_and_sealed(client_as, signed_decision)
    page = client.get(f"/cong-khai/quyet-dinh/{signed_decision.pk}/xac-thuc/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Hợp lệ" in text
    assert "Lê Tân Phong (CHỈ DÙNG THỬ NGHIỆM)" in text
    assert "UBND thị xã Sa Pa (CHỈ DÙNG THỬ NGHIỆM)" in text
    answer = api_as("noivu").get(f"/api/v1/decisions/{signed_decision.pk}/signature").json()
    assert answer["state"] == "sealed"
    assert answer["verification"]["status"] == "valid"
    assert [s["signer"] for s in answer["verification"]["signatures"]] == [
        "Lê Tân Phong (CHỈ DÙNG THỬ NGHIỆM)",
        "UBND thị xã Sa Pa (CHỈ DÙNG THỬ NGHIỆM)",
    ]
    assert (
        api_as("tavan").get(f"/api/v1/decisions/{signed_decision.pk}/signature").status_code == 404
    )


def test_certificates_are_signed_by_the_agency(client_as, signed_decision):
    signed_and_sealed(client_as, signed_decision)
    response = client_as("noivu").get(f"/quyet-dinh/{signed_decision.pk}/giay-khen-ky-so.pdf")
    assert response.status_code == 200
    verification = signing.verify_pdf(b"".join(response.streaming_content))
    assert verification.status == signing.VALID
    assert [s.signer for s in verification.signatures] == [
        "UBND thị xã Sa Pa (CHỈ DÙNG THỬ NGHIỆM)"
    ]
    assert (
        client_as("tavan").get(f"/quyet-dinh/{signed_decision.pk}/giay-khen-ky-so.pdf").status_code
        == 404
    )


def one_byte_changed(content: bytes) -> bytes:
    """A byte of the signed revision, outside the signature value: the page count's digit
    inside the document's own (uncompressed) objects, changed to another digit."""
    at = content.index(b"/Count ") + 7
    digit = content[at : at + 1]
    other = b"7" if digit != b"7" else b"8"
    return content[:at] + other + content[at + 1 :]


def test_one_changed_byte_is_altered(client, client_as, signed_decision):
    content = signed_and_sealed(client_as, signed_decision)
    assert signing.verify_pdf(content).status == signing.VALID
    changed = one_byte_changed(content)
    assert len(changed) == len(content)
    verification = signing.verify_pdf(changed)
    assert verification.status == signing.ALTERED
    assert not any(s.intact for s in verification.signatures)
    upload = io.BytesIO(changed)
    upload.name = "quyet-dinh.pdf"
    page = client.post("/cong-khai/xac-thuc/", {"file": upload})
    assert page.status_code == 200
    assert "Đã bị sửa đổi" in page.content.decode()
    upload.seek(0)
    answer = client.post("/api/v1/verify", {"file": upload})  # no token: anyone may verify
    assert answer.status_code == 200
    assert answer.json()["status"] == "altered"


def test_text_appended_after_signing_is_altered(client_as, signed_decision):
    """An incremental update that changes the page after both signatures: the signatures
    stay intact but the document was changed after signing."""
    content = signed_and_sealed(client_as, signed_decision)
    writer = IncrementalPdfFileWriter(io.BytesIO(content))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    stream = generic.StreamObject(stream_data=b"BT /F1 40 Tf 100 400 Td (GIA MAO) Tj ET")
    page["/Contents"] = writer.add_object(stream)
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    verification = signing.verify_pdf(out.getvalue())
    assert verification.status == signing.ALTERED
    assert all(s.intact for s in verification.signatures)
    assert not verification.signatures[-1].unchanged


def test_unknown_signer(client, signed_decision):
    content, _boxes = decision_pdf(signed_decision)
    stranger = signers.SimpleSigner.load_pkcs12_data(
        self_signed_p12("Người Lạ", "Không rõ", "mat-khau"), other_certs=[], passphrase=b"mat-khau"
    )
    forged = signing.sign_pdf(
        content,
        signer=stranger,
        field_name="ChuKyNguoiKy",
        box=None,
        stamp=None,
        reason="Giả mạo",
        location="Sa Pa",
    )
    verification = signing.verify_pdf(forged)
    assert verification.status == signing.UNKNOWN
    assert verification.signatures[0].intact
    assert verification.signatures[0].signer == "Người Lạ"
    upload = io.BytesIO(forged)
    upload.name = "quyet-dinh.pdf"
    page = client.post("/cong-khai/xac-thuc/", {"file": upload})
    assert "Người ký không xác định" in page.content.decode()
    upload.seek(0)
    assert client.post("/api/v1/verify", {"file": upload}).json()["status"] == "unknown"


def test_upload_that_is_not_a_pdf_or_unsigned(client, signed_decision):
    bad = io.BytesIO(b"not a pdf at all")
    bad.name = "x.pdf"
    page = client.post("/cong-khai/xac-thuc/", {"file": bad})
    assert page.status_code == 200
    assert "Tệp không phải là tệp PDF." in page.content.decode()
    bad.seek(0)
    answer = client.post("/api/v1/verify", {"file": bad})
    assert answer.status_code == 422
    assert answer.json()["errors"] == {"file": ["Tệp không phải là tệp PDF."]}
    plain = io.BytesIO(decision_pdf(signed_decision)[0])
    plain.name = "x.pdf"
    assert (
        "Không có chữ ký số"
        in client.post("/cong-khai/xac-thuc/", {"file": plain}).content.decode()
    )


def test_who_may_sign_and_seal(client_as, signed_decision):
    pk = signed_decision.pk
    assert client_as("tavan").post(f"/quyet-dinh/{pk}/ky-so/").status_code == 404  # other unit
    assert client_as("tavan").post(f"/quyet-dinh/{pk}/ky-so-co-quan/").status_code == 404
    assert client_as("tavan").get(f"/quyet-dinh/{pk}/quyet-dinh.pdf").status_code == 404
    assert client_as("noivu").post(f"/quyet-dinh/{pk}/ky-so/").status_code == 403  # not the signer
    assert client_as("thuky").post(f"/quyet-dinh/{pk}/ky-so/").status_code == 403
    assert client_as("thuky").post(f"/quyet-dinh/{pk}/ky-so-co-quan/").status_code == 403
    # The agency signs after the signer, not before.
    page = client_as("noivu").post(f"/quyet-dinh/{pk}/ky-so-co-quan/", follow=True)
    assert "Quyết định chưa có chữ ký số của người ký." in page.content.decode()
    assert not DecisionSignature.objects.filter(decision=signed_decision).exists()
    assert client_as("chutich").post(f"/quyet-dinh/{pk}/ky-so/").status_code == 302
    assert client_as("chutich").post(f"/quyet-dinh/{pk}/ky-so-co-quan/").status_code == 403
    again = client_as("chutich").post(f"/quyet-dinh/{pk}/ky-so/", follow=True)
    assert "Quyết định đã được người ký ký số." in again.content.decode()


def test_a_draft_is_not_signed(client_as, draft_decision):
    page = client_as("chutich").post(f"/quyet-dinh/{draft_decision.pk}/ky-so/", follow=True)
    assert "Chỉ ký số được quyết định của cơ quan đã ký ban hành." in page.content.decode()
    assert client_as("chutich").get(f"/quyet-dinh/{draft_decision.pk}/").status_code == 200


def test_signer_without_a_key_is_told(client_as, signed_decision, user):
    from thidua.decisions.models import SigningKey

    SigningKey.objects.filter(user=user("chutich")).update(active=False)
    page = client_as("chutich").post(f"/quyet-dinh/{signed_decision.pk}/ky-so/", follow=True)
    assert "Chưa có khóa ký số của bạn" in page.content.decode()


def test_decision_page_buttons(client_as, signed_decision, user):
    pk = signed_decision.pk
    assert (
        "Ký số (chữ ký của người ký)"
        in client_as("chutich").get(f"/quyet-dinh/{pk}/").content.decode()
    )
    assert (
        "Ký số (chữ ký của người ký)"
        not in client_as("noivu").get(f"/quyet-dinh/{pk}/").content.decode()
    )
    signing_services.sign_decision(actor=user("chutich"), decision=signed_decision)
    page = client_as("noivu").get(f"/quyet-dinh/{pk}/").content.decode()
    assert "Ký số của cơ quan (văn thư)" in page
    assert "Lê Tân Phong (CHỈ DÙNG THỬ NGHIỆM)" in page


def test_decision_pdf_text(signed_decision, tmp_path):
    require_tools("pdftotext")
    path = tmp_path / "qd.pdf"
    path.write_bytes(decision_pdf(signed_decision)[0])
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    lines = {" ".join(line.split()) for line in text.splitlines()}
    number = signed_decision.number_symbol
    for expected in (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "THỊ XÃ SA PA Độc lập - Tự do - Hạnh phúc",
        f"Số: {number} Sa Pa, ngày 30 tháng 10 năm 2020",
        "QUYẾT ĐỊNH",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ SA PA",
        "QUYẾT ĐỊNH:",
        "Lê Tân Phong",
        "DANH SÁCH",
        "Tập thể, cá nhân được tặng Giấy khen",
    ):
        assert expected in lines, expected
    flat = " ".join(text.split())
    assert (
        "Điều 1. Tặng Giấy khen của Chủ tịch UBND thị xã Sa Pa cho 2 tập thể và 4 cá nhân" in flat
    )
    assert "Nguyễn Thị Thu Hương" in flat and "Sùng A Páo" in flat
    assert "Tổng số tiền thưởng: 3.600.000 đồng" in flat
    assert "Điều 3. Quyết định này có hiệu lực kể từ ngày ký." in flat


def test_administrator_configures_a_key_with_its_passphrase_from_the_environment(
    tmp_path, monkeypatch, user, client_as, signed_decision
):
    from django.core.management import CommandError, call_command

    from thidua.decisions.models import SigningKey

    p12 = tmp_path / "chutich.p12"
    p12.write_bytes(self_signed_p12("Lê Tân Phong", "UBND thị xã Sa Pa", "bi-mat"))
    with pytest.raises(CommandError, match="THIDUA_KEY_CHUTICH"):
        call_command(
            "signing_key",
            "add",
            "--user",
            "chutich",
            "--p12",
            str(p12),
            "--passphrase-env",
            "THIDUA_KEY_CHUTICH",
        )
    monkeypatch.setenv("THIDUA_KEY_CHUTICH", "sai")
    with pytest.raises(CommandError, match="sai mật khẩu"):
        call_command(
            "signing_key",
            "add",
            "--user",
            "chutich",
            "--p12",
            str(p12),
            "--passphrase-env",
            "THIDUA_KEY_CHUTICH",
        )
    monkeypatch.setenv("THIDUA_KEY_CHUTICH", "bi-mat")
    call_command(
        "signing_key",
        "add",
        "--user",
        "chutich",
        "--p12",
        str(p12),
        "--passphrase-env",
        "THIDUA_KEY_CHUTICH",
        stdout=io.StringIO(),
    )
    active = SigningKey.objects.get(user=user("chutich"), active=True)
    assert (active.subject, active.is_test, active.passphrase_env) == (
        "Lê Tân Phong",
        False,
        "THIDUA_KEY_CHUTICH",
    )
    # Signed with a key outside the trust roots: the public page says so.
    client_as("chutich").post(f"/quyet-dinh/{signed_decision.pk}/ky-so/")
    assert signing_services.verify_stored(signed_decision).status == signing.UNKNOWN


def red_png(path) -> None:
    """A 4×4 red PNG, written by hand (no imaging library needed)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xc8\x10\x2e" * 4 for _ in range(4))
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def test_the_seal_image_configured_by_the_administrator(tmp_path, user, signed_decision):
    from thidua.decisions.models import SigningKey

    image = tmp_path / "con-dau.png"
    red_png(image)
    SigningKey.objects.filter(unit=signed_decision.issuer).update(image_path=str(image))
    signing_services.sign_decision(actor=user("chutich"), decision=signed_decision)
    signature = signing_services.seal_decision(actor=user("noivu"), decision=signed_decision)
    content = signature.file.open("rb").read()
    assert b"/Subtype /Image" in content
    assert signing.verify_pdf(content).status == signing.VALID


def test_a_revocation_decision_is_signed_too(client, client_as, signed_decision, user):
    from datetime import date

    from thidua.decisions import revocation, services

    person = signed_decision.recipients.filter(person__isnull=False).first()
    draft = revocation.prepare_revocation(
        actor=user("noivu"),
        decision=signed_decision,
        recipient_ids={person.pk},
        reason="Kê khai không trung thực thành tích.",
        signed_on=date(2020, 12, 1),
    )
    assert client_as("chutich").post(f"/quyet-dinh/{draft.pk}/ky-so/").status_code == 302
    page = client_as("chutich").post(f"/quyet-dinh/{draft.pk}/ky-so/", follow=True)
    assert "Chỉ ký số được quyết định của cơ quan đã ký ban hành." in page.content.decode()
    assert client.get(f"/cong-khai/quyet-dinh/{draft.pk}/xac-thuc/").status_code == 404  # a draft
    services.approve(actor=user("chutich"), decision=draft)
    signed_and_sealed(client_as, draft)
    assert signing_services.verify_stored(draft).status == signing.VALID
    text = client.get(f"/cong-khai/quyet-dinh/{draft.pk}/xac-thuc/").content.decode()
    assert "Hợp lệ" in text
    signature = DecisionSignature.objects.get(decision=draft)
    assert not signature.certificates  # no certificates for a revocation


def test_openapi_lists_the_signature_operations_and_verify_needs_no_token(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "security" in paths["/api/v1/decisions/{decision_id}/signature"]["get"]
    assert "security" not in paths["/api/v1/verify"]["post"]
    assert client.post("/api/v1/verify").status_code == 422  # no file
