"""What makes one certificate per file quick must not change the file: the font objects written
again from an earlier PDF, the QR code's mask chosen on whole rows, the lines drawn as cells
and the QR code's squares written at once give what fpdf2 and segno give on their own."""

from __future__ import annotations

import random
import string
import subprocess
from datetime import UTC, date, datetime

import pytest
import segno
from fpdf.output import OutputProducer
from PIL import Image
from segno import encoder

from thidua.campaigns.models import AwardForm, Campaign
from thidua.decisions import certificate_fonts, qr, qr_mask
from thidua.decisions.certificates import CertificatePDF
from thidua.decisions.models import Decision, Recipient
from thidua.org.models import Unit

from ..system_tools import require_tools

WHEN = datetime(2026, 1, 1, tzinfo=UTC)


def decision() -> Decision:
    return Decision(
        issuer=Unit(name="thị xã Sa Pa", kind="ubnd_huyen"),
        issuer_name="UBND thị xã Sa Pa",
        award_form=AwardForm(name="Giấy khen của Chủ tịch UBND thị xã"),
        campaign=Campaign(title="Đợt thi đua chào mừng Kỷ niệm 70 năm"),
        year=2020,
        number=123,
        signed_on=date(2020, 10, 30),
        place="Sa Pa",
        signer_name="Lê Tân Phong",
    )


def recipient(order: int, name: str) -> Recipient:
    return Recipient(
        order=order,
        name=name,
        description="Chuyên viên, Đơn vị thử",
        achievement="Hoàn thành xuất sắc nhiệm vụ trong đợt thi đua",
        public_token=f"token-{order}",
    )


def certificate(people: list[Recipient], producer: type | None = None) -> bytes:
    pdf = CertificatePDF()
    pdf.set_creation_date(WHEN)
    for person in people:
        pdf.page_for(decision(), person)
    if producer is None:
        return bytes(pdf.output())  # CertificatePDF's own output: certificate_fonts.FontOutput
    return bytes(pdf.output(output_producer_class=producer))


def text_of(pdf: bytes, tmp_path, name: str) -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_font_objects_written_again_are_fpdfs_own(tmp_path):
    certificate_fonts._WRITTEN.clear()
    pao, huong = recipient(1, "Sùng A Páo"), recipient(2, "Nguyễn Thị Thu Hương")
    first = certificate([pao])
    assert len(certificate_fonts._WRITTEN) == 1  # fpdf2 wrote the fonts, kept for the next
    second = certificate([huong])
    assert len(certificate_fonts._WRITTEN) == 1  # the same objects, written again
    # Byte for byte what fpdf2's own output writes for each.
    assert first == certificate([pao], OutputProducer)
    assert second == certificate([huong], OutputProducer)
    # Other glyphs (a letter outside the alphabet) or more pages: their own font objects.
    odd = recipient(3, "Lò Văn Ǹ")
    assert certificate([odd]) == certificate([odd], OutputProducer)
    assert certificate([pao, huong]) == certificate([pao, huong], OutputProducer)
    assert len(certificate_fonts._WRITTEN) == 3
    # Read and drawn as a user would: exact diacritics, and ink on the page.
    require_tools("pdftotext")  # poppler-utils: pdftoppm too
    for pdf, name, other in [(first, pao.name, huong.name), (second, huong.name, pao.name)]:
        text = text_of(pdf, tmp_path, "gk")
        assert name in text and other not in text
        assert (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
        )
        assert "Đã có thành tích xuất sắc trong Đợt thi đua chào mừng Kỷ niệm 70 năm." in text
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "20",
                "-gray",
                "-png",
                str(tmp_path / "gk.pdf"),
                str(tmp_path / "p"),
            ],
            check=True,
            capture_output=True,
        )
        page = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
        assert page.getextrema()[0] < 100  # something dark was drawn
    assert "Lò Văn Ǹ" in text_of(certificate([odd]), tmp_path, "odd")


def payloads(count: int) -> list[tuple[str, str]]:
    rnd = random.Random(14)
    result = [(qr.absolute(f"/cong-khai/xac-minh/{qr.new_token()}/"), "m") for _ in range(count)]
    for _ in range(count):
        letters = rnd.choice([string.ascii_letters + string.digits + "/:.-_", "01", "ab", "7"])
        length = rnd.choice([5, 30, 63, 90, 150, 300])  # versions 1 to 12
        result.append(("".join(rnd.choice(letters) for _ in range(length)), rnd.choice("lmqh")))
    return result


def test_qr_mask_is_segnos_choice(monkeypatch):
    assert encoder.find_and_apply_best_mask is qr_mask.find_and_apply_best_mask
    for payload, error in payloads(60):
        ours = segno.make(payload, error=error, micro=False)
        with monkeypatch.context() as patched:
            patched.setattr(encoder, "find_and_apply_best_mask", qr_mask._ORIGINAL)
            theirs = segno.make(payload, error=error, micro=False)
        assert (ours.version, ours.mask, ours.matrix) == (
            theirs.version,
            theirs.mask,
            theirs.matrix,
        )


def test_qr_mask_scores_are_segnos(monkeypatch):
    """Each of the eight masks scores what segno's ``evaluate_mask`` gives it, not only the best
    (a wrong rule could still pick the same mask on a few codes)."""
    unmasked: list = []

    def keep(matrix, width, height, proposed=None):
        unmasked.append([bytearray(row) for row in matrix])
        return qr_mask._ORIGINAL(matrix, width, height, proposed)

    monkeypatch.setattr(encoder, "find_and_apply_best_mask", keep)
    scores = set()
    for payload, error in payloads(15):
        unmasked.clear()
        segno.make(payload, error=error, micro=False)
        matrix = unmasked[0]
        size = len(matrix)
        region = encoder.make_matrix(size, size)
        encoder.add_finder_patterns(region, size, size)
        encoder.add_alignment_patterns(region, size, size)
        region[-8][8] = 0x1
        rows = [qr_mask._int(row) for row in matrix]
        columns = [qr_mask._int(column) for column in zip(*matrix, strict=True)]
        for number, pattern in enumerate(encoder.get_data_mask_functions(False)):
            masked = [bytearray(row) for row in matrix]
            encoder.apply_mask(
                masked, pattern, size, size, lambda i, j, region=region: region[i][j] > 0x1
            )
            row_flips, column_flips = qr_mask._masks(size)[number]
            ours = qr_mask.score(
                [r ^ f for r, f in zip(rows, row_flips, strict=True)],
                [c ^ f for c, f in zip(columns, column_flips, strict=True)],
                size,
            )
            assert ours == encoder.evaluate_mask(masked, size, size), (payload, number)
            scores.add(ours)
    assert len(scores) > 50  # the payloads gave the rules something to tell apart


@pytest.mark.parametrize(
    "text",
    [
        "Sùng A Páo",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ SA PA",
        "Quyết định số 01/QĐ-UBND ngày 01/01/2026\nSố sổ vàng: 1",
        "Hoàn thành xuất sắc nhiệm vụ " * 6,  # wraps: multi_cell's own breaking
        "Nguyễn Thị Thu Hương ",  # an edge space
        "Nguyễn\u00a0Văn\u00adA",  # no-break space, soft hyphen
        "",
    ],
)
@pytest.mark.parametrize("align", ["C", "L"])
def test_lines_draw_what_multi_cell_draws(text, align):
    drawn = []
    for fast in (True, False):
        pdf = CertificatePDF()
        pdf.add_page()
        pdf.set_font("Serif", "B", 15)
        if fast:
            below = pdf.lines(30, 40, 120, 6.75, text, align)
        else:
            pdf.set_xy(30, 40)
            pdf.multi_cell(120, 6.75, text, align=align)
            below = pdf.get_y()
        drawn.append((below, bytes(pdf.pages[1].contents)))
    assert drawn[0] == drawn[1]


def test_qr_squares_are_fpdfs_rectangles():
    url = qr.absolute("/cong-khai/xac-minh/abc/")
    pdf = CertificatePDF()
    pdf.add_page()
    qr.draw(pdf, url, 24, 182.5, 15)
    reference = CertificatePDF()
    reference.add_page()
    rows = list(segno.make(url, error="m").matrix_iter(border=qr.QUIET_ZONE))
    module = 15 / len(rows)
    with reference.local_context(fill_color=(255, 255, 255)):
        reference.rect(24, 182.5, 15, 15, style="F")
    with reference.local_context(fill_color=(0, 0, 0)):
        for r, row in enumerate(rows):
            for c, dark in enumerate(row):
                if dark and (c == 0 or not row[c - 1]):
                    end = c
                    while end < len(row) and row[end]:
                        end += 1
                    top = 182.5 + r * module
                    reference.rect(24 + c * module, top, (end - c) * module, module + 0.01, "F")
    assert bytes(pdf.pages[1].contents) == bytes(reference.pages[1].contents)
