"""Issue 15, the QR paragraph: every certificate carries a QR code to its award's public
verification page (who, which award, which decision, in force or revoked, nothing else), and
every decision a QR code to the decision's public page."""

from __future__ import annotations

import io
import subprocess
from datetime import date

import pytest
import segno
from django.test import Client, override_settings
from PIL import Image
from pypdf import PdfReader

from thidua.decisions import qr
from thidua.decisions.decision_pdf import PAGE_W, QR_SIDE, RIGHT, decision_pdf
from thidua.decisions.models import Recipient

from ..system_tools import require_tools
from .test_revocation import revoke_page

pytestmark = pytest.mark.django_db
SITE = "https://thiduakhenthuong.example.vn"


def images(pdf: bytes, page: int = 0) -> list[str]:
    resources = PdfReader(io.BytesIO(pdf)).pages[page]["/Resources"]
    xobjects = resources.get("/XObject", {})
    return [name for name in xobjects if xobjects[name].get_object()["/Subtype"] == "/Image"]


def test_tokens_are_unguessable_and_distinct(signed_decision):
    tokens = list(signed_decision.recipients.values_list("public_token", flat=True))
    assert len(tokens) == 6 and len(set(tokens)) == 6
    assert all(len(token) >= 22 for token in tokens)


def test_award_page_shows_who_what_which_decision_and_in_force(signed_decision):
    person = signed_decision.recipients.filter(person__isnull=False).first()
    person.person.date_of_birth = date(1985, 4, 17)
    person.person.save()
    response = Client().get(f"/cong-khai/xac-minh/{person.public_token}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert person.name in page
    assert signed_decision.award_form.name in page
    assert "Quyết định số 01/QĐ-UBND</a> ngày 30/10/2020" in page
    assert f'href="/cong-khai/quyet-dinh/{signed_decision.pk}/"' in page
    assert f"Chủ tịch {signed_decision.signer_name}" in page
    assert "Còn hiệu lực" in page and "thu hồi" not in page
    # No other personal data: no birth date, no achievement text, no money.
    assert "1985" not in page and "17/04" not in page
    assert person.achievement not in page and "450.000" not in page


def test_award_page_after_revocation(client_as, signed_decision):
    person = signed_decision.recipients.filter(person__isnull=False).first()
    url = f"/cong-khai/xac-minh/{person.public_token}/"
    revoke_page(client_as("noivu"), signed_decision, [person])
    # Proposed only (draft revocation): still in force.
    assert "Còn hiệu lực" in Client().get(url).content.decode()
    draft = signed_decision.revocations.get()
    assert client_as("chutich").post(f"/quyet-dinh/{draft.pk}/ky/").status_code == 302
    page = Client().get(url).content.decode()
    assert "Đã bị thu hồi theo Quyết định số 02/QĐ-UBND ngày 01/12/2020" in page
    assert "Còn hiệu lực" not in page
    other = signed_decision.recipients.exclude(pk=person.pk).first()
    assert (
        "Còn hiệu lực"
        in Client().get(f"/cong-khai/xac-minh/{other.public_token}/").content.decode()
    )


def test_unknown_token_and_draft_are_404(draft_decision):
    assert Client().get("/cong-khai/xac-minh/khong-co-ma-nay/").status_code == 404
    recipient = draft_decision.recipients.first()
    assert recipient is not None
    assert Client().get(f"/cong-khai/xac-minh/{recipient.public_token}/").status_code == 404


@override_settings(SITE_URL=SITE + "/")
def test_links_are_absolute(signed_decision):
    recipient = signed_decision.recipients.first()
    assert qr.award_url(recipient) == f"{SITE}/cong-khai/xac-minh/{recipient.public_token}/"
    assert qr.decision_url(signed_decision) == f"{SITE}/cong-khai/quyet-dinh/{signed_decision.pk}/"


def qr_read(
    pdf: bytes, tmp_path, x: float, y: float, size: float, count: int, page: int = 1
) -> list:
    """The ``count`` × ``count`` modules of the QR code drawn at ``x``, ``y`` (mm, ``size`` mm
    square with its quiet zone) on ``page``, read back from the page as LibreOffice's poppler renders it: the pixel
    at the centre of each module, dark or light."""
    require_tools("pdftotext")  # poppler-utils: pdftoppm
    tmp_path.mkdir(exist_ok=True)
    source = tmp_path / "qr.pdf"
    source.write_bytes(pdf)
    dpi = 300
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(page), "-l", str(page)]
        + [str(source), str(tmp_path / "trang")],
        check=True,
        capture_output=True,
    )
    image = Image.open(next(tmp_path.glob("trang*.png"))).convert("L")
    module = size / count
    px = dpi / 25.4
    return [
        [
            image.getpixel((int((x + (c + 0.5) * module) * px), int((y + (r + 0.5) * module) * px)))
            < 128
            for c in range(count)
        ]
        for r in range(count)
    ]


def matrix(url: str) -> list:
    return [[bool(m) for m in row] for row in segno.make(url, error="m").matrix_iter(border=2)]


def test_certificate_and_decision_pdf_carry_the_qr_of_their_page(
    client_as, signed_decision, tmp_path
):
    noivu = client_as("noivu")
    recipient = signed_decision.recipients.first()
    response = noivu.get(f"/quyet-dinh/{signed_decision.pk}/giay-khen/{recipient.order}.pdf")
    assert response.status_code == 200
    pdf = b"".join(response.streaming_content) if response.streaming else response.content
    assert images(pdf) == []  # the QR is drawn (and the stand-in emblem too), not an image
    expected = matrix(qr.award_url(recipient))
    read = qr_read(pdf, tmp_path / "gk", 24, 182.5, 15, len(expected))
    assert read == expected
    other = signed_decision.recipients.exclude(pk=recipient.pk).first()
    assert read != matrix(qr.award_url(other))
    content, _boxes = decision_pdf(signed_decision)
    x = PAGE_W - RIGHT - QR_SIDE + 2
    expected = matrix(qr.decision_url(signed_decision))
    assert qr_read(content, tmp_path / "qd", x, 3, QR_SIDE, len(expected)) == expected
    blank = qr_read(content, tmp_path / "qd2", x, 3, QR_SIDE, len(expected), page=2)
    assert not any(any(row) for row in blank)  # only on the first page


def test_decision_page_shows_the_public_link_and_qr_once_signed(client_as, draft_decision):
    noivu = client_as("noivu")
    page = noivu.get(f"/quyet-dinh/{draft_decision.pk}/").content.decode()
    assert "Trang công khai" not in page
    assert client_as("chutich").post(f"/quyet-dinh/{draft_decision.pk}/ky/").status_code == 302
    page = noivu.get(f"/quyet-dinh/{draft_decision.pk}/").content.decode()
    assert f"/cong-khai/quyet-dinh/{draft_decision.pk}/</a>" in page
    assert (
        '<svg xmlns="http://www.w3.org/2000/svg"' in page
        and "<script" not in page.split("Trang công khai")[1].split("</dl>")[0]
    )


def test_new_recipients_get_a_token(signed_decision):
    assert not Recipient.objects.filter(public_token="").exists()
