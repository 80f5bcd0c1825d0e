"""`make bench`: speed at scale, each measure printed beside its floor from the same run.

    eligibility   all candidates of a campaign with 100,000 candidates, each evaluated on its own
                  (no result shared between candidates with the same facts) with the reasons the
                  dossier page shows, against simply reading the same rows from the database (the
                  floor). Target: within 3× the floor. The shared evaluation and a re-check
                  dossier by dossier (with its queries per dossier) are printed for reference.
    import        a 10,000-row Excel list, against openpyxl merely loading and reading the file.
                  Target: within 2× the load.
    ratings       100,000 annual ratings from Excel (name, birth date, unit, year, level),
                  against openpyxl loading the file (bench/ratings.py). Target: within 2×.
    documents     5,000 Giấy khen in one combined PDF, and a decision whose annex lists 5,000
                  recipients, as DOCX (times).
    pages         the public name search, a decision's list and the statistics over the whole
                  data, p50 latency against a trivial page served by the same server to the same
                  client (anonymous for the portal, a signed-in officer for the statistics): the
                  framework floor. Target: within 3×. A common-word search is shown for reference.
    certificates  one PDF per recipient against the same pages in one combined PDF, per
                  certificate, on one core (target ≤ 5×); against LibreOffice converting the
                  same certificate from DOCX in one running process, start-up not counted
                  (target ≥ 5× faster); and on 2 processes (the speed-up) (bench/certificates.py).
    people        the staff search (pages, API, picker) of an officer over the whole data, p50
                  against the signed-in trivial page. Target: within 3× (bench/people.py).
    portal        the award search, the list of signed decisions and a decision's recipients
                  (page 2 and a deep page), p50 against the anonymous trivial page (bench/portal.py).
    dossier       a dossier's page with about 300 candidates and their evaluation, p50 against
                  the signed-in trivial page. Target: within 3× (bench/portal.py).

Machines here are noisy: each side runs several times, interleaved, and the medians are
compared. Data lives in its own database (var/bench-<scale>/ or BENCH_DATABASE_URL) and is
generated once per scale.

    python bench/run.py [--scale national|province] [--candidates 100000] [--rows 10000]
                        [--certificates 5000] [--only pages|portal|dossier|…]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


from bench.ratings import bench_ratings  # noqa: E402


def setup(scale: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    # Production settings: DEBUG off (no query log, no debug toolbar of errors), as served.
    os.environ.setdefault("THIDUA_DEBUG", "false")
    os.environ.setdefault("THIDUA_SECRET_KEY", "bench-only-not-secret")
    os.environ.setdefault("THIDUA_ALLOWED_HOSTS", "localhost")
    os.environ.setdefault("THIDUA_SECURE_COOKIES", "false")
    os.environ["THIDUA_DATA_DIR"] = str(ROOT / "var" / f"bench-{scale}")
    if os.environ.get("BENCH_DATABASE_URL"):
        os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def side_by_side(work, floor, runs: int) -> tuple[float, float]:
    """Median seconds of ``work`` and ``floor``, run alternately so noise hits both. Both run
    with Python's cyclic garbage collector paused, as the product's bulk code does, so that
    the floor is not handicapped by it."""
    from thidua.core.bulk import gc_paused

    work_times, floor_times = [], []
    for _ in range(runs):
        with gc_paused():
            floor_times.append(timed(floor))
            work_times.append(timed(work))
    return statistics.median(work_times), statistics.median(floor_times)


def ensure_data(scale: str, candidates: int):
    from bench.generate import bench_campaign, generate
    from thidua.campaigns.models import Campaign
    from thidua.org.models import Unit

    root = Unit.objects.filter(name=f"Dữ liệu thử ({scale})").first()
    if root is None:
        start = time.perf_counter()
        made = generate(scale)
        print(
            f"Sinh dữ liệu {scale}: {made.units:,} đơn vị, {made.people:,} người, 5 năm lịch sử "
            f"trong {time.perf_counter() - start:.1f} s"
        )
        root = Unit.objects.get(pk=made.root_id)
    campaign = Campaign.objects.filter(
        issuer=root, title__contains=f"{candidates:,} đề nghị"
    ).first()
    if campaign is None:
        start = time.perf_counter()
        campaign, made = bench_campaign(root.pk, candidates)
        print(f"Tạo đợt thi đua thử với {made:,} đề nghị trong {time.perf_counter() - start:.1f} s")
    return root, campaign


def bench_eligibility(campaign, runs: int) -> list[dict]:
    """Every candidate of the campaign evaluated on its own (no result shared between
    candidates with the same facts), through the path the dossier page uses, with what the
    page shows of each (overall result and its reasons), against reading the same rows. The
    shared evaluation (candidates with the same facts share results) is printed for reference,
    and so is re-checking the campaign dossier by dossier, with its queries."""
    from django.db import connection
    from django.db.models import Q
    from django.test.utils import CaptureQueriesContext

    from thidua.nominations.evaluation import evaluate_candidates
    from thidua.nominations.models import Candidate, CandidateAttestation, Dossier
    from thidua.records.models import AnnualRating, Discipline, Initiative

    candidates = Candidate.objects.filter(dossier__campaign=campaign)
    count = candidates.count()
    dossiers = list(Dossier.objects.filter(campaign=campaign).order_by("pk"))

    def shown(checks) -> None:
        for check in checks:
            check.status_label, check.reasons  # noqa: B018 - what the page reads of each

    def unshared():
        checks = evaluate_candidates(campaign, candidates, with_objects=False, share=False)
        assert len(checks) == count
        shown(checks)

    def shared():
        shown(evaluate_candidates(campaign, candidates, with_objects=False))

    def by_dossier():
        for dossier in dossiers:
            shown(
                evaluate_candidates(
                    campaign, dossier.candidates.all(), with_objects=False, share=False
                )
            )

    def floor():
        # The same rows the evaluation needs, read as plain tuples: no model, no engine.
        people = candidates.values("person_id")
        list(
            candidates.values_list(
                "pk",
                "person_id",
                "unit_id",
                "award_form_id",
                "facts",
                "person__category",
                "dossier__unit__path",
            )
        )
        list(
            AnnualRating.objects.filter(Q(person_id__in=people)).values_list(
                "person_id", "year", "level"
            )
        )
        list(
            Initiative.objects.filter(person_id__in=people).values_list(
                "person_id", "recognized_on", "authority_level", "used_for"
            )
        )
        list(
            Discipline.objects.filter(person_id__in=people).values_list(
                "person_id", "form", "decided_on"
            )
        )
        list(
            CandidateAttestation.objects.filter(candidate__in=candidates).values_list(
                "candidate_id"
            )
        )

    seconds, floor_seconds = side_by_side(unshared, floor, runs)
    shared_seconds, shared_floor = side_by_side(shared, floor, runs)
    dossier_seconds, dossier_floor = side_by_side(by_dossier, floor, max(1, runs // 2))
    with CaptureQueriesContext(connection) as captured:
        by_dossier()
    per_dossier = len(captured) / len(dossiers)
    return [
        {
            "name": f"Kiểm tra tiêu chuẩn {count:,} đề nghị (từng người)",
            "rate": count / seconds,
            "unit": "đề nghị/s",
            "seconds": seconds,
            "floor": floor_seconds,
            "target": 3.0,
        },
        {
            "name": "Như trên, dùng chung kết quả (tham khảo)",
            "rate": count / shared_seconds,
            "unit": "đề nghị/s",
            "seconds": shared_seconds,
            "floor": shared_floor,
            "target": None,
        },
        {
            "name": f"Từng hồ sơ ({len(dossiers)}), {per_dossier:.0f} truy vấn/hồ sơ",
            "rate": count / dossier_seconds,
            "unit": "đề nghị/s",
            "seconds": dossier_seconds,
            "floor": dossier_floor,
            "target": None,
        },
    ]


def build_xlsx(dossier, rows: int) -> bytes:
    from openpyxl import load_workbook

    from thidua.nominations.importing import build_template
    from thidua.org.models import Person

    workbook = load_workbook(io.BytesIO(build_template(dossier.campaign, dossier.unit)))
    sheet = workbook.worksheets[0]
    form = dossier.campaign.award_forms.order_by("order").first().name
    people = list(
        Person.objects.filter(unit__path__startswith=dossier.unit.path).values_list(
            "full_name", "date_of_birth"
        )
    )
    twins = {pair for pair, n in Counter(people).items() if n > 1}  # same name, same birthday
    line = 2
    for name, born in people:
        if (name, born) in twins:
            continue
        for col, value in enumerate(
            [line - 1, "Cá nhân", name, born, form, "Hoàn thành xuất sắc nhiệm vụ"], 1
        ):
            sheet.cell(row=line, column=col, value=value)
        line += 1
        if line > rows + 1:
            break
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def bench_import(root, campaign, rows: int, runs: int) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import transaction
    from openpyxl import load_workbook

    from thidua.nominations import services
    from thidua.nominations.models import Dossier
    from thidua.org.models import Person, Unit

    # The smallest unit holding enough people: the root at province scale, a province nationally.
    unit = root
    for candidate_unit in Unit.objects.filter(parent=root, kind="ubnd_tinh"):
        if Person.objects.filter(unit__path__startswith=candidate_unit.path).count() >= rows * 1.5:
            unit = candidate_unit
            break
    dossier, _ = Dossier.objects.get_or_create(campaign=campaign, unit=unit)
    content = build_xlsx(dossier, rows)
    imported = []

    def work():
        with transaction.atomic():
            dossier.refresh_from_db()
            report = services.import_candidates(
                actor=None,
                dossier=dossier,
                version=dossier.version,
                uploaded=SimpleUploadedFile("danh-sach.xlsx", content),
            )
            imported.append(report.imported)
            if report.errors:
                print("Lỗi nhập:", report.errors[:3])
            transaction.set_rollback(True)  # the next run imports the same rows again

    def floor():
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        for _row in workbook.worksheets[0].iter_rows(values_only=True):
            pass
        workbook.close()

    seconds, floor_seconds = side_by_side(work, floor, runs)
    assert imported[-1] == rows, f"imported {imported[-1]} of {rows} rows"
    return {
        "name": f"Nhập Excel {rows:,} dòng",
        "rate": rows / seconds,
        "unit": "dòng/s",
        "seconds": seconds,
        "floor": floor_seconds,
        "target": 2.0,
    }


def bench_documents(root, campaign, count: int) -> list[dict]:
    """5,000 certificates in one combined PDF, and a decision whose annex has 5,000 rows (times;
    the certificates against LibreOffice, one file per recipient, are in bench/certificates.py)."""
    from datetime import date

    from thidua.decisions.certificates import certificates_pdf
    from thidua.decisions.documents import decision_docx
    from thidua.decisions.models import Decision, Recipient
    from thidua.org.models import Person

    form = campaign.award_forms.order_by("order").first()
    decision = Decision.objects.filter(campaign=campaign, subject="Bench").first()
    if decision is None:
        decision = Decision.objects.create(
            issuer=root,
            issuer_name="UBND thử",
            campaign=campaign,
            award_form=form,
            year=2020,
            number=123,
            signed_on=date(2020, 10, 30),
            place="Sa Pa",
            signer_name="Lê Tân Phong",
            subject="Bench",
            legal_bases="Căn cứ Luật Thi đua, khen thưởng;",
            status="approved",
        )
        people = Person.objects.filter(unit__path__startswith=root.path).values_list(
            "pk", "full_name"
        )[:count]
        Recipient.objects.bulk_create(
            Recipient(
                decision=decision,
                person_id=pk,
                order=n,
                name=name,
                description="Chuyên viên, Đơn vị thử",
                achievement="Hoàn thành xuất sắc nhiệm vụ trong đợt thi đua",
                amount=450_000,
            )
            for n, (pk, name) in enumerate(people, start=1)
        )
        Decision.objects.filter(pk=decision.pk).update(recipient_count=decision.recipients.count())
    recipients = list(decision.recipients.all())
    results = []
    ours = timed(lambda: certificates_pdf(decision, recipients))

    results.append(
        {
            "name": f"Giấy khen PDF {len(recipients):,} bản, 1 tệp gộp",
            "rate": len(recipients) / ours,
            "unit": "bản/s",
            "seconds": ours,
            "floor": None,  # against LibreOffice, one file per recipient: bench/certificates.py
        }
    )
    annex = timed(lambda: decision_docx(decision))
    results.append(
        {
            "name": f"Quyết định, phụ lục {len(recipients):,} dòng (DOCX)",
            "rate": len(recipients) / annex,
            "unit": "dòng/s",
            "seconds": annex,
            "floor": None,
        }
    )
    return results


def ensure_awards(root, campaign, share: int = 10) -> int:
    """One in ``share`` people of the generated data awarded by one signed decision: the rows
    the public search and the statistics read at scale. All or nothing."""
    from django.db import transaction

    with transaction.atomic():
        return _ensure_awards(root, campaign, share)


def _ensure_awards(root, campaign, share: int) -> int:
    from datetime import date

    from thidua.core.text import ascii_key
    from thidua.decisions.models import Decision, Recipient
    from thidua.org.models import Person
    from thidua.records.models import AwardRecord

    existing = Recipient.objects.filter(
        decision__campaign=campaign, decision__subject="Bench awards"
    ).count()
    if existing:
        return existing
    Decision.objects.filter(campaign=campaign, subject="Bench awards").delete()  # a run cut short
    form = campaign.award_forms.order_by("order").first()
    decision = Decision.objects.create(
        issuer=root,
        issuer_name="UBND thử",
        campaign=campaign,
        award_form=form,
        year=2020,
        number=999,
        signed_on=date(2020, 11, 5),
        place="Hà Nội",
        subject="Bench awards",
        legal_bases="Căn cứ …",
        status="approved",
    )
    people = Person.objects.filter(unit__path__startswith=root.path).values_list("pk", "full_name")
    batch_r, batch_a, made = [], [], 0
    for n, (pk, name) in enumerate(people.iterator()):
        if n % share:
            continue
        made += 1
        batch_r.append(
            Recipient(
                decision=decision,
                person_id=pk,
                order=made,
                name=name,
                search_name=ascii_key(name),
                achievement="Hoàn thành xuất sắc nhiệm vụ",
                amount=450_000,
            )
        )
        batch_a.append(
            AwardRecord(
                person_id=pk,
                award_name=form.name,
                award_kind="hinh_thuc",
                award_type="phong_trao",
                authority_level="tinh",
                decision_number="999/QĐ-UBND",
                decided_on=date(2020, 11, 5),
                issuer_name="UBND thử",
                campaign=campaign,
            )
        )
        if len(batch_r) >= 5000:
            Recipient.objects.bulk_create(batch_r)
            AwardRecord.objects.bulk_create(batch_a)
            batch_r, batch_a = [], []
    Recipient.objects.bulk_create(batch_r)
    AwardRecord.objects.bulk_create(batch_a)
    Decision.objects.filter(pk=decision.pk).update(recipient_count=made)
    return made


def bench_pages(root, campaign, requests: int) -> list[dict]:
    """Public search and statistics at scale against a trivial page of the same server (the
    framework floor): p50 over ``requests`` requests each, interleaved; and queries per page."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from thidua.decisions.models import Decision
    from thidua.org.models import Role, RoleAssignment

    awarded = ensure_awards(root, campaign)
    from thidua.statistics.models import AwardSummary, DossierTally
    from thidua.statistics.tasks import rebuild_all

    if not (AwardSummary.objects.exists() and DossierTally.objects.exists()):
        rebuild_all()  # the awards and candidates above were bulk-created: summarise them
    officer, _ = get_user_model().objects.get_or_create(username="bench.noivu")
    RoleAssignment.objects.get_or_create(user=officer, role=Role.CHUYEN_VIEN_TDKT, unit=root)
    from bench.web import signed_in

    public, staff = Client(HTTP_HOST="localhost"), signed_in(officer)
    decision = Decision.objects.get(campaign=campaign, subject="Bench awards").pk
    # Each page is compared with a trivial page (the base layout and a form, no data) served to
    # the same client: anonymous for the portal, a signed-in officer for the statistics, whose
    # every page also loads the session, the user and the user's roles (the menu).
    pages = {
        "floor": (public, "/dang-nhap/"),
        "floor_staff": (staff, "/dang-nhap/"),
        "search": (public, "/cong-khai/khen-thuong/?q=nguyen+van+hai"),
        "common": (public, "/cong-khai/khen-thuong/?q=thi"),  # a quarter of all names
        "decision": (public, f"/cong-khai/quyet-dinh/{decision}/?trang=2"),
        "statistics": (staff, "/thong-ke/?nam=2020"),
    }
    times: dict[str, list[float]] = {name: [] for name in pages}
    for _ in range(requests):
        for name, (client, url) in pages.items():
            start = time.perf_counter()
            response = client.get(url)
            times[name].append(time.perf_counter() - start)
            assert response.status_code == 200, (url, response.status_code)
    queries = {}
    for name, (client, url) in pages.items():
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        queries[name] = len(captured)
    p50 = {name: statistics.median(t) for name, t in times.items()}

    def measure(label, name, floor, target=3.0):
        return {
            "name": f"{label}, {queries[name]} truy vấn",
            "rate": 1 / p50[name],
            "unit": "trang/s",
            "seconds": p50[name],
            "floor": p50[floor],
            "target": target,
        }

    return [
        measure(f"Tra cứu công khai ({awarded:,} người được khen)", "search", "floor"),
        # Shown, not a target: the text index alone reads 25,000 entries for this word.
        measure("Tra cứu một từ rất phổ biến (“thi”)", "common", "floor", target=None),
        measure(f"Quyết định có {awarded:,} người, trang 2", "decision", "floor"),
        measure("Thống kê toàn bộ (đã đăng nhập)", "statistics", "floor_staff"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--scale", choices=["province", "national"], default="national")
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--ratings", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--certificates", type=int, default=5_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument(
        "--only",
        choices=[
            "eligibility",
            "import",
            "ratings",
            "documents",
            "certificates",
            "pages",
            "people",
            "portal",
            "dossier",
        ],
        help="one measure only",
    )
    args = parser.parse_args()
    setup(args.scale)
    from django.db import connection

    from bench.certificates import bench_certificates
    from bench.people import bench_people
    from bench.portal import bench_dossier, bench_portal

    root, campaign = ensure_data(args.scale, args.candidates)
    measures = {
        "eligibility": lambda: bench_eligibility(campaign, args.runs),
        "import": lambda: [bench_import(root, campaign, args.rows, args.runs)],
        "ratings": lambda: [bench_ratings(root, args.ratings, args.runs, side_by_side)],
        "documents": lambda: bench_documents(root, campaign, args.certificates),
        "certificates": lambda: bench_certificates(min(args.certificates, 400), 2, args.runs),
        "pages": lambda: bench_pages(root, campaign, args.requests),
        "people": lambda: bench_people(root, args.requests),
        "portal": lambda: bench_portal(root, campaign, args.requests, ensure_awards),
        "dossier": lambda: bench_dossier(root, campaign, args.requests),
    }
    results = [
        r for name, measure in measures.items() if args.only in (None, name) for r in measure()
    ]
    print(
        f"\nĐo trên {connection.vendor}, quy mô {args.scale}, trung vị {args.runs} lần chạy xen kẽ"
    )
    print(f"{'Phép đo':<40} {'Tốc độ':>20} {'Thời gian':>10} {'Nền':>9} {'Tỉ lệ':>7}  Mục tiêu")
    for r in results:
        head = f"{r['name']:<40} {r['rate']:>12,.0f} {r['unit']:<7} {r['seconds']:>9.2f}s "
        if r["seconds"] < 0.1:  # a page: milliseconds
            head = (
                f"{r['name']:<40} {r['rate']:>12,.0f} {r['unit']:<7} {r['seconds'] * 1000:>8.1f}ms "
            )
        if r["floor"] is None:
            print(head + f"{'—':>9}")
        elif "speedup_target" in r:  # the LibreOffice route: how many times faster we are
            speedup = r["floor"] / r["seconds"]
            verdict = "đạt" if speedup >= r["speedup_target"] else "CHƯA ĐẠT"
            print(
                head + f"{r['floor']:>8.0f}s {speedup:>5.0f}× nhanh hơn LibreOffice, "
                f"≥ {r['speedup_target']:.0f}× {verdict}"
            )
        else:
            ratio = r["seconds"] / r["floor"]
            floor = f"{r['floor'] * 1000:>7.1f}ms" if r["seconds"] < 0.1 else f"{r['floor']:>8.2f}s"
            if r["target"] is None:
                print(head + f"{floor} {ratio:>6.2f}×  (để tham khảo)")
                continue
            verdict = "đạt" if ratio <= r["target"] else "CHƯA ĐẠT"
            print(head + f"{floor} {ratio:>6.2f}×  ≤ {r['target']:g}× {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
