"""`make bench`: 100,000 annual ratings imported from Excel against openpyxl loading the same
file (target ≤ 2×). The rows name people by full name, birth date and unit, as an office's list
does; the import runs in a transaction rolled back after each run."""

from __future__ import annotations

import io
from collections import Counter

YEARS = (2020, 2021, 2022, 2023, 2024)  # not in the generated history: every row is new


def _officer(unit):
    from django.contrib.auth import get_user_model

    from thidua.org.models import Role, RoleAssignment

    user, _ = get_user_model().objects.get_or_create(username="bench.ratings")
    RoleAssignment.objects.get_or_create(user=user, unit=unit, role=Role.CHUYEN_VIEN_TDKT)
    return user


def build_ratings_xlsx(unit, rows: int) -> bytes:
    from openpyxl import Workbook

    from thidua.org.models import Person, Unit
    from thidua.records.entry_importing import RATING_COLUMNS

    people = list(
        Person.objects.filter(
            unit_id__in=Unit.objects.filter(path__startswith=unit.path).values("pk")
        ).values_list("full_name", "date_of_birth", "unit__name")
    )
    twins = {row for row, n in Counter(people).items() if n > 1}
    people = [row for row in people if row not in twins]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Xếp loại")
    sheet.append([c.header for c in RATING_COLUMNS])
    levels = ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ"]
    written = 0
    for year in YEARS:
        for i, (name, born, unit_name) in enumerate(people):
            sheet.append([name, born, unit_name, year, levels[i % 3]])
            written += 1
            if written >= rows:
                break
        if written >= rows:
            break
    assert written == rows, f"only {written} rows: not enough people"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def bench_ratings(root, rows: int, runs: int, side_by_side) -> dict:
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from openpyxl import load_workbook

    from thidua.org.models import Person, Unit
    from thidua.records.entry_importing import import_ratings

    # The smallest unit with enough people: the root at province scale, a province nationally.
    unit = root
    for candidate_unit in Unit.objects.filter(parent=root, kind="ubnd_tinh"):
        subtree = Unit.objects.filter(path__startswith=candidate_unit.path).values("pk")
        if Person.objects.filter(unit_id__in=subtree).count() * len(YEARS) >= rows * 1.2:
            unit = candidate_unit
            break
    content = build_ratings_xlsx(unit, rows)
    officer = _officer(unit)
    imported, queries = [], []

    def work():
        with transaction.atomic(), CaptureQueriesContext(connection) as captured:
            report = import_ratings(actor=officer, unit=unit, uploaded=io.BytesIO(content))
            imported.append(report.imported)
            if report.errors:
                print("Lỗi nhập:", report.errors[:3])
            transaction.set_rollback(True)  # the next run imports the same rows again
        queries.append(len(captured))

    def floor():
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        for _row in workbook.worksheets[0].iter_rows(values_only=True):
            pass
        workbook.close()

    seconds, floor_seconds = side_by_side(work, floor, runs)
    assert imported[-1] == rows, f"imported {imported[-1]} of {rows} rows"
    print(f"Nhập xếp loại: {queries[-1]} câu lệnh SQL cho {rows:,} dòng")
    return {
        "name": f"Nhập xếp loại Excel {rows:,} dòng",
        "rate": rows / seconds,
        "unit": "dòng/s",
        "seconds": seconds,
        "floor": floor_seconds,
        "target": 2.0,
    }
