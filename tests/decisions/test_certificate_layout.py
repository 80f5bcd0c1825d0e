"""An issuer's certificate layout: the administrator's emblem image (checked by content), the
mode "in trên phôi" (text only, each field where the clerk measured it, in millimetres), the
test page with its rulers and crosses, the same mode in chunked batches; who may do what."""

from __future__ import annotations

import io
import subprocess
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfReader

from thidua.core.models import AuditEntry
from thidua.decisions import certificate_fonts, certificate_layout
from thidua.decisions.certificate_layout import FIELDS, layout_for
from thidua.decisions.certificates import certificates_pdf
from thidua.decisions.models import CertificateBatch, CertificateLayout

from ..system_tools import require_tools

pytestmark = pytest.mark.django_db
MM = 25.4 / 72  # millimetres per PDF point


def url(decision, tail: str = "") -> str:
    return f"/quyet-dinh/giay-khen/mau-in/{decision.issuer_id}/{tail}"


def form_data(mode: str = "preprinted", **moved: tuple[float, float]) -> dict:
    data = {"mode": mode}
    for f in FIELDS:
        x, y = moved.get(f.key, (f.x, f.y))
        data[f"x_{f.key}"], data[f"y_{f.key}"] = str(x), str(y)
    return data


def png(size: int = 300, color=(200, 16, 46, 255)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGBA", (size, size), color).save(buffer, "PNG")
    return SimpleUploadedFile("quoc-huy.png", buffer.getvalue(), content_type="image/png")


def words(content: bytes, page: int = 0) -> list[tuple[str, float, float]]:
    """Each text run of a page: its text, and where it starts, in mm from the top left."""
    runs: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            runs.append((text.strip(), round(tm[4] * MM, 1), round(210 - tm[5] * MM, 1)))

    PdfReader(io.BytesIO(content)).pages[page].extract_text(visitor_text=visit)
    return runs


def where(runs, text: str) -> tuple[float, float]:
    found = [(x, y) for t, x, y in runs if t.startswith(text)]
    assert found, (text, runs)
    return found[0]


def pdftotext(content: bytes, tmp_path) -> str:
    require_tools("pdftotext")
    source = tmp_path / "giay-khen.pdf"
    source.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(source), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_who_may_open_the_layout_and_its_test_page(client_as, signed_decision):
    for tail in ("", "trang-in-thu.pdf", "quoc-huy"):
        statuses = {
            who: client_as(who).get(url(signed_decision, tail)).status_code
            for who in ("quantri", "noivu", "chutich", "thuky", "quantri.tavan", "tavan")
        }
        expected_ok = 404 if tail == "quoc-huy" else 200  # no emblem uploaded yet
        assert statuses == {
            "quantri": expected_ok,  # the province's administrator
            "noivu": expected_ok,  # the town's emulation officer, who prints
            "chutich": 403,  # in the town, without the right
            "thuky": 403,
            "quantri.tavan": 404,  # the administrator of another commune
            "tavan": 404,
        }, tail
    assert client_as("chutich").post(url(signed_decision), form_data()).status_code == 403
    assert client_as("quantri.tavan").post(url(signed_decision), form_data()).status_code == 404
    assert not CertificateLayout.objects.exists()
    listing = client_as("quantri").get("/quyet-dinh/giay-khen/mau-in/")
    assert listing.status_code == 200 and "Thị xã Sa Pa" in listing.content.decode()
    assert client_as("chutich").get("/quyet-dinh/giay-khen/mau-in/").status_code == 403


def test_only_an_administrator_uploads_the_emblem(client_as, signed_decision):
    officer = client_as("noivu").post(url(signed_decision), {**form_data(), "emblem": png()})
    assert officer.status_code == 403
    assert not CertificateLayout.objects.exists()
    # The officer may still move the fields and choose the mode.
    assert client_as("noivu").post(url(signed_decision), form_data()).status_code == 302
    assert CertificateLayout.objects.get().mode == "preprinted"


def test_the_uploaded_emblem_replaces_the_stand_in(client_as, signed_decision):
    before = certificates_pdf(signed_decision)
    first = PdfReader(io.BytesIO(before)).pages[0]
    assert not first.images  # the emblem is drawn with lines, the QR code with squares
    response = client_as("quantri").post(
        url(signed_decision), {**form_data("drawn"), "emblem": png(1200)}
    )
    assert response.status_code == 302
    row = CertificateLayout.objects.get()
    assert row.emblem_kind == "png" and row.emblem.name.endswith(".png")
    image = client_as("noivu").get(url(signed_decision, "quoc-huy"))
    assert image.status_code == 200 and image["Content-Type"] == "image/png"

    reader = PdfReader(io.BytesIO(certificates_pdf(signed_decision)))
    pages = reader.pages
    assert [len(p.images) for p in pages] == [1] * len(pages)
    # The emblem is cut to 520 px (22 mm at 600 dpi), stored once in the whole file.
    assert pages[0].images[0].image.size == (520, 520)
    entry = AuditEntry.objects.get(action="decisions.certificate_layout.updated")
    assert (entry.data["emblem"], entry.data["mode"]) == ("uploaded", ["drawn", "drawn"])
    assert entry.actor.username == "quantri"

    removed = client_as("quantri").post(
        url(signed_decision), {**form_data("drawn"), "remove_emblem": "1"}
    )
    assert removed.status_code == 302
    assert not PdfReader(io.BytesIO(certificates_pdf(signed_decision))).pages[0].images


def test_an_emblem_that_is_not_an_image_is_refused(client_as, signed_decision):
    fake = SimpleUploadedFile("quoc-huy.png", b"%PDF-1.4 not an image", content_type="image/png")
    response = client_as("quantri").post(url(signed_decision), {**form_data(), "emblem": fake})
    assert response.status_code == 200
    assert (
        "Tệp không đúng loại cho phép" in response.content.decode()
        or "PNG" in response.content.decode()
    )
    assert not CertificateLayout.objects.exists()
    assert not AuditEntry.objects.filter(action="decisions.certificate_layout.updated").exists()


def test_a_position_off_the_sheet_is_refused(client_as, signed_decision):
    response = client_as("noivu").post(url(signed_decision), form_data(name=(148.5, 250)))
    assert response.status_code == 200
    assert "Tên tập thể, cá nhân được tặng: y (mm)" in response.content.decode()
    assert not CertificateLayout.objects.exists()


def test_on_a_blank_only_the_text_is_printed_where_the_clerk_put_it(
    client_as, signed_decision, tmp_path
):
    recipient = signed_decision.recipients.order_by("order").first()
    drawn = client_as("noivu").get(
        f"/quyet-dinh/{signed_decision.pk}/giay-khen/{recipient.order}.pdf"
    )
    drawn_text = pdftotext(drawn.content, tmp_path)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in drawn_text

    assert client_as("noivu").post(url(signed_decision), form_data()).status_code == 302
    single = client_as("noivu").get(
        f"/quyet-dinh/{signed_decision.pk}/giay-khen/{recipient.order}.pdf"
    )
    text = pdftotext(single.content, tmp_path)
    # The blank carries the quốc hiệu, "TẶNG", the award's name and the border: not printed.
    for printed_on_the_blank in ("CỘNG HÒA", "Độc lập", "TẶNG", "GIẤY KHEN"):
        assert printed_on_the_blank not in text
    assert recipient.name in text
    assert f"Quyết định số {signed_decision.number_symbol}" in text
    assert f"Số sổ vàng: {recipient.order}" in text
    assert signed_decision.signer_name in text
    reader = PdfReader(io.BytesIO(single.content))
    assert len(reader.pages) == 1 and not reader.pages[0].images  # the QR code is drawn

    # Where the default layout puts them: the decision line starts at x = 24 mm (plus the
    # cell's 1 mm padding), its top at y = 168 mm (baseline ≈ 4.5 mm lower).
    runs = words(single.content)
    x, y = where(runs, "Quyết định số")
    assert 24 <= x <= 26 and 168 < y < 174
    name_x, name_y = where(runs, recipient.name)

    # The clerk moves the name 10 mm right and 7 mm down, the decision line 5 mm left.
    moved = form_data(name=(158.5, 105), decision=(19, 168))
    assert client_as("noivu").post(url(signed_decision), moved).status_code == 302
    runs = words(certificates_pdf(signed_decision, [recipient]))
    assert where(runs, recipient.name) == (round(name_x + 10, 1), round(name_y + 7, 1))
    assert where(runs, "Quyết định số") == (round(x - 5, 1), y)
    entry = AuditEntry.objects.filter(action="decisions.certificate_layout.updated").latest("id")
    assert entry.data["moved"] == {
        "name": [[148.5, 98.0], [158.5, 105.0]],
        "decision": [[24.0, 168.0], [19.0, 168.0]],
    }


def test_the_test_page_shows_rulers_and_a_cross_at_each_place(client_as, signed_decision, tmp_path):
    client_as("noivu").post(url(signed_decision), form_data(name=(150, 100)))
    response = client_as("noivu").get(url(signed_decision, "trang-in-thu.pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdftotext(response.content, tmp_path)
    assert "Tên tập thể, cá nhân được tặng (x = 150 mm, y = 100 mm)" in text
    assert "Số, ngày quyết định và số sổ vàng (x = 24 mm, y = 168 mm)" in text
    assert "Khung cách mép giấy 10 mm" in text
    runs = words(response.content)
    # The ruler's numbers every 10 mm along the top edge, each just right of its tick.
    top = sorted(x for t, x, y in runs if t.isdigit() and y < 9)
    assert [round(x) for x in top[:3]] == [10, 20, 30]
    # The label of a field sits 1 mm right of and above its cross.
    assert where(runs, "Tên tập thể, cá nhân được tặng (x = 150") == (151.0, 99.0)
    assert where(runs, "Nguyễn Văn Mẫu")[1] > 100  # the sample text below the cross


def test_chunked_batches_print_on_the_blank_too(
    client_as, signed_decision, settings, django_capture_on_commit_callbacks
):
    settings.THIDUA_CERTIFICATE_CHUNK = 2
    client_as("noivu").post(url(signed_decision), form_data())
    with django_capture_on_commit_callbacks(execute=True):
        client_as("noivu").post(f"/quyet-dinh/{signed_decision.pk}/giay-khen/tao/")
    batch = CertificateBatch.objects.get(decision=signed_decision)
    assert batch.status == "done"
    with batch.file.open("rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    for name in archive.namelist():
        for page in PdfReader(io.BytesIO(archive.read(name))).pages:
            assert "CỘNG HÒA" not in page.extract_text()
            assert not page.images  # no emblem on a blank; the QR is drawn:
            assert page.get_contents().get_data().count(b" re f") > 50  # its modules


def test_a_changed_layout_gives_a_new_batch(
    client_as, signed_decision, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_as("noivu").post(f"/quyet-dinh/{signed_decision.pk}/giay-khen/tao/")
    client_as("noivu").post(url(signed_decision), form_data())
    with django_capture_on_commit_callbacks(execute=True):
        client_as("noivu").post(f"/quyet-dinh/{signed_decision.pk}/giay-khen/tao/")
    assert CertificateBatch.objects.filter(decision=signed_decision).count() == 2


def test_the_emblem_is_decoded_once_and_fonts_parsed_once(client_as, signed_decision):
    client_as("quantri").post(url(signed_decision), {**form_data("drawn"), "emblem": png()})
    certificate_layout._EMBLEMS.clear()
    certificate_layout.DECODES["count"] = 0
    # The fonts are parsed by the first certificate this process builds, which may be this
    # test's (pytest-xdist decides what ran before): build one first, without the layout.
    certificates_pdf(signed_decision)
    parses = certificate_fonts.PARSES["count"]
    for _ in range(3):
        certificates_pdf(signed_decision, layout=layout_for(signed_decision.issuer_id))
    assert certificate_layout.DECODES["count"] == 1
    assert certificate_fonts.PARSES["count"] == parses
