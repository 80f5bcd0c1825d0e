"""Certificates, one PDF per recipient (what a batch's chunk builds), against the floor of the
same pages in one combined PDF, per certificate, on one core; then the same recipients split
between 2 worker processes (as the chunks of a batch run on 2 workers), for the speed-up, beside
a pure Python loop split the same way (what the machine's cores give at that moment: ≈ 1/N
when the cores are free, ≈ 1 when other work takes them).

Against LibreOffice (what an office would otherwise do: the same certificate written as DOCX
and converted to PDF, one file per recipient): LibreOffice converts a batch of files in one
running process, and its start-up is not counted (the time of a batch of N files less that of a
batch of one, per file). LibreOffice 7.4 stops silently after about 250 files in one call, so
batches stay at 200. Target: ours ≥ 5× faster.

No database: the decision and its recipients are unsaved objects, so the figures are the PDF
work alone. Also: the same with the administrator's emblem image (against the drawn stand-in)
and on a pre-printed blank (against the full certificate). `python bench/certificates.py [--count 400] [--workers 2]`, or
`python bench/run.py --only certificates`.
"""

from __future__ import annotations

import logging
import multiprocessing
import statistics
import time
from datetime import date


def sample(count: int):
    from thidua.campaigns.models import AwardForm, Campaign
    from thidua.decisions.models import Decision, Recipient
    from thidua.org.models import Unit

    issuer = Unit(name="thị xã Sa Pa", kind="ubnd_huyen")
    decision = Decision(
        issuer=issuer,
        issuer_name="UBND thị xã Sa Pa",
        award_form=AwardForm(name="Giấy khen của Chủ tịch UBND thị xã"),
        campaign=Campaign(title="Đợt thi đua chào mừng Kỷ niệm 70 năm"),
        year=2020,
        number=123,
        signed_on=date(2020, 10, 30),
        place="Sa Pa",
        signer_name="Lê Tân Phong",
    )
    first = ["Sùng A Páo", "Lý Thị Mẩy", "Nguyễn Thị Thu Hương", "Hoàng Văn Quý", "Đặng Thị Hường"]
    recipients = [
        Recipient(
            order=n,
            name=f"{first[n % 5]} {n}",
            description="Chuyên viên, Đơn vị thử",
            achievement="Hoàn thành xuất sắc nhiệm vụ trong đợt thi đua",
        )
        for n in range(1, count + 1)
    ]
    return decision, recipients


def singles(decision, recipients, layout=None) -> int:
    from thidua.decisions.certificate_layout import DEFAULT
    from thidua.decisions.certificates import CertificatePDF

    size = 0
    for recipient in recipients:
        pdf = CertificatePDF(layout or DEFAULT)
        pdf.page_for(decision, recipient)
        size += len(pdf.output())
    return size


def combined(decision, recipients) -> int:
    from thidua.decisions.certificates import CertificatePDF

    pdf = CertificatePDF()
    for recipient in recipients:
        pdf.page_for(decision, recipient)
    return len(pdf.output())


def certificate_docx(decision, recipient) -> bytes:
    """The certificate's text as a DOCX, landscape, in the sizes of the PDF: what a clerk would
    write in Word and convert."""
    from thidua.core import docx as d

    document = d.new_document(landscape=True)
    for text, size in [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 14),
        ("Độc lập - Tự do - Hạnh phúc", 14),
        (f"CHỦ TỊCH ỦY BAN NHÂN DÂN {decision.issuer.name.upper()}", 16),
        ("TẶNG", 15),
        ("GIẤY KHEN", 34),
        (recipient.name, 24),
        (recipient.description, 15),
        (recipient.achievement, 15),
        (f"Quyết định số {decision.number_symbol}", 13),
        (f"Số sổ vàng: {recipient.order}", 13),
    ]:
        d.paragraph(document, text, bold=True, size=size, align=d.CENTER)
    return d.to_bytes(document)


def libreoffice_per_file(decision, recipients, batch: int = 200) -> float | None:
    """Seconds per certificate for LibreOffice converting DOCX to PDF in one running process,
    start-up excluded: (a batch of ``batch`` files − a batch of one) / (batch − 1). None
    without LibreOffice."""
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    if not shutil.which("soffice"):
        return None
    batch = max(2, min(batch, len(recipients)))
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for recipient in recipients[:batch]:
            path = Path(folder) / f"gk-{recipient.order}.docx"
            path.write_bytes(certificate_docx(decision, recipient))
            files.append(str(path))

        def convert(paths: list[str]) -> float:
            start = time.perf_counter()
            subprocess.run(
                ["soffice", f"-env:UserInstallation=file://{folder}/profile", "--headless"]
                + ["--convert-to", "pdf", "--outdir", f"{folder}/pdf", *paths],
                check=True,
                capture_output=True,
                timeout=900,
            )
            seconds = time.perf_counter() - start
            made = list(Path(folder, "pdf").glob("*.pdf"))
            assert len(made) >= len(paths), f"LibreOffice made {len(made)} of {len(paths)} files"
            return seconds

        convert(files[:1])  # the profile is created on the first start: not counted
        one = convert(files[:1])
        many = convert(files)
    return (many - one) / (batch - 1)


def _layouts():
    """The administrator's emblem (a 1200 px PNG, decoded once per process) and a pre-printed
    blank (text only), as layouts."""
    import io

    from PIL import Image

    from thidua.decisions import certificate_layout as cl

    buffer = io.BytesIO()
    Image.new("RGBA", (1200, 1200), (200, 16, 46, 255)).save(buffer, "PNG")
    cl._EMBLEMS["bench"] = cl.decode_emblem(buffer.getvalue())
    return cl.Layout(emblem_token="bench"), cl.Layout(mode=cl.CertificateMode.PREPRINTED)


_SAMPLE: tuple = ()  # the decision and recipients, set before the pool forks its workers


def _worker(args) -> int:
    part, parts = args
    logging.disable(logging.WARNING)
    decision, recipients = _SAMPLE
    return singles(decision, recipients[part::parts])


def _spin(n: int) -> int:
    """Pure Python work, beside the certificates: what several processes give on this machine
    (on a machine shared with other work, less than one core each)."""
    total = 0
    for i in range(n):
        total += i * i
    return total


def bench_certificates(count: int = 400, workers: int = 2, runs: int = 3) -> list[dict]:
    logging.disable(logging.WARNING)  # fpdf2's notes on dropped font tables
    decision, recipients = sample(count)
    singles(decision, recipients[:2])  # fonts parsed once, before the clock
    emblem, blank = _layouts()
    one, floor, with_emblem, on_blank = [], [], [], []
    for _ in range(runs):  # interleaved, medians compared
        start = time.perf_counter()
        singles(decision, recipients)
        one.append(time.perf_counter() - start)
        start = time.perf_counter()
        combined(decision, recipients)
        floor.append(time.perf_counter() - start)
        start = time.perf_counter()
        singles(decision, recipients, emblem)
        with_emblem.append(time.perf_counter() - start)
        start = time.perf_counter()
        singles(decision, recipients, blank)
        on_blank.append(time.perf_counter() - start)
    one_s, floor_s = statistics.median(one), statistics.median(floor)
    emblem_s, blank_s = statistics.median(with_emblem), statistics.median(on_blank)
    office = libreoffice_per_file(decision, recipients)
    global _SAMPLE
    _SAMPLE = decision, recipients  # the workers share the sample: only the files are timed
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        pool.map(_worker, [(p, workers) for p in range(workers)])  # warm the workers' fonts
        loops, alone, split, shared = 10_000_000, [], [], []
        for _ in range(runs):
            start = time.perf_counter()
            pool.map(_worker, [(p, workers) for p in range(workers)])
            shared.append(time.perf_counter() - start)
            start = time.perf_counter()
            _spin(loops)
            alone.append(time.perf_counter() - start)
            start = time.perf_counter()
            pool.map(_spin, [loops // workers] * workers)
            split.append(time.perf_counter() - start)
        spin_one, spin_many = statistics.median(alone), statistics.median(split)
        many = statistics.median(shared)
    return [
        {
            "name": f"Giấy khen, mỗi người 1 tệp ({count} bản)",
            "rate": count / one_s,
            "unit": "bản/s",
            "seconds": one_s,
            "floor": floor_s,
            "target": 5.0,
        },
        {
            "name": "Giấy khen, mỗi người 1 tệp, so với LibreOffice",
            "rate": count / one_s,
            "unit": "bản/s",
            "seconds": one_s,
            "floor": office * count if office else None,  # LibreOffice, the same files
            "speedup_target": 5.0,
        },
        {
            "name": "Giấy khen, ảnh Quốc huy 1200 px (nền: hình vẽ)",
            "rate": count / emblem_s,
            "unit": "bản/s",
            "seconds": emblem_s,
            "floor": one_s,
            "target": 1.3,
        },
        {
            "name": "Giấy khen in trên phôi (nền: in toàn bộ)",
            "rate": count / blank_s,
            "unit": "bản/s",
            "seconds": blank_s,
            "floor": one_s,
            "target": 1.0,
        },
        {
            "name": f"Giấy khen, {workers} tiến trình (nền: 1 tiến trình)",
            "rate": count / many,
            "unit": "bản/s",
            "seconds": many,
            "floor": one_s,
            "target": None,
        },
        {
            "name": f"Vòng lặp Python, {workers} tiến trình (máy này cho)",
            "rate": loops / spin_many / 1e6,
            "unit": "triệu/s",
            "seconds": spin_many,
            "floor": spin_one,
            "target": None,
        },
    ]


if __name__ == "__main__":
    import argparse
    import os
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    os.environ.setdefault("THIDUA_DEBUG", "true")
    import django

    django.setup()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for r in bench_certificates(args.count, args.workers, args.runs):
        if r["floor"] is None:
            print(
                f"{r['name']:<48} {r['rate']:>8.1f} {r['unit']}  {r['seconds']:.2f}s  (không có LibreOffice)"
            )
            continue
        if "speedup_target" in r:
            speedup = r["floor"] / r["seconds"]
            verdict = "đạt" if speedup >= r["speedup_target"] else "CHƯA ĐẠT"
            print(
                f"{r['name']:<48} {r['rate']:>8.1f} {r['unit']}  {r['seconds']:.2f}s  "
                f"LibreOffice {r['floor']:.2f}s  nhanh hơn {speedup:.1f}× "
                f"(≥ {r['speedup_target']:g}× {verdict})"
            )
            continue
        ratio = r["seconds"] / r["floor"]
        print(
            f"{r['name']:<48} {r['rate']:>8.1f} {r['unit']}  {r['seconds']:.2f}s  "
            f"nền {r['floor']:.2f}s  tỉ lệ {ratio:.2f}×"
            + (
                f" (≤ {r['target']:g}× {'đạt' if ratio <= r['target'] else 'CHƯA ĐẠT'})"
                if r["target"]
                else ""
            )
        )
