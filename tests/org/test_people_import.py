"""Importing the staff from Excel (/can-bo/nhap-excel/) and as JSON rows (API)."""

from __future__ import annotations

import io
import json
import unicodedata
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook, load_workbook

from thidua.core.models import AuditEntry
from thidua.org.models import ApiToken, Employment, Person

pytestmark = pytest.mark.django_db
HEADERS = [
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Dân tộc",
    "Đơn vị",
    "Chức vụ",
    "Đối tượng",
    "Lãnh đạo",
]
DEPT = "Phòng Giáo dục thị xã Đồi Chè"


def xlsx(rows: list[list], headers=HEADERS) -> SimpleUploadedFile:
    book = Workbook()
    book.active.append(["DANH SÁCH CÁN BỘ"])  # a title above the header
    book.active.append(headers)
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("can-bo.xlsx", buffer.getvalue())


def post(client, upload, **options):
    return client.post("/can-bo/nhap-excel/", {"file": upload, **{k: "on" for k in options}})


def test_template_download_has_the_columns_and_the_units_of_the_scope(personas):
    response = personas.client("town_officer").get("/can-bo/mau-danh-sach.xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert [c.value for c in book.worksheets[0][1]] == HEADERS
    units = [c.value for c in book["DS 5"]["A"]]
    assert DEPT in units and "Phường Hồ Sen" not in units


def test_nfd_text_real_and_text_dates_blank_rows_and_leaders(personas):
    nfd = unicodedata.normalize("NFD", "Giàng Thị Mỷ")
    rows = [
        [
            nfd,
            "Nữ",
            datetime(1990, 5, 1),
            "Hmông",
            unicodedata.normalize("NFD", DEPT),
            "Chuyên viên",
            "Công chức",
            None,
        ],
        [None, None, None, None, None, None, None, None],
        ["  Lò   Văn Páo ", "nam", "02/03/1985", "", DEPT, "Trưởng phòng", "công chức", "Có"],
    ]
    response = post(personas.client("town_officer"), xlsx(rows))
    assert response.status_code == 302
    my = Person.objects.get(full_name="Giàng Thị Mỷ", unit=personas.units["department"])
    assert (my.date_of_birth, my.ethnicity, my.search_name) == (
        date(1990, 5, 1),
        "08",
        "giang thi my",
    )
    pao = Person.objects.get(full_name="Lò Văn Páo", unit=personas.units["department"])
    assert (pao.date_of_birth, pao.ethnicity, pao.is_leader) == (date(1985, 3, 2), "01", True)
    assert Employment.objects.filter(person__in=[my, pao], valid_to__isnull=True).count() == 2
    assert AuditEntry.objects.get(action="org.person.imported").data == {"rows": 2}
    # And the search index knows them at once.
    page = personas.client("town_officer").get("/can-bo/?q=giang+thi+my").content.decode()
    assert "Giàng Thị Mỷ" in page


def test_a_file_with_errors_stores_nothing_and_names_row_and_column(personas):
    rows = [
        ["Đúng Người", "Nam", "01/01/1980", None, DEPT, None, "Công chức", None],
        ["Sai Giới", "Khác", None, None, DEPT, None, "Công chức", None],  # B4
        ["Sai Ngày", "Nam", "31/02/1980", None, DEPT, None, "Công chức", None],  # C5
        ["Lạ Đơn Vị", "Nam", None, None, "Phường Hồ Sen", None, "Công chức", None],  # E6 (outside)
        ["Sai Đối Tượng", "Nam", None, None, DEPT, None, "Học sinh", None],  # G7
        ["Đúng Người", "Nam", date(1980, 1, 1), None, DEPT, None, "Công chức", None],  # A8 dup
    ]
    before = Person.objects.count()
    response = post(personas.client("town_officer"), xlsx(rows))
    report = response.context["report"]
    assert {(e.row, e.column) for e in report.errors} == {
        (4, "B"),
        (5, "C"),
        (6, "E"),
        (7, "G"),
        (8, "A"),
    }
    page = response.content.decode()
    assert "Không có đơn vị “Phường Hồ Sen” trong phạm vi bạn quản lý." in page
    assert "Trùng với dòng 3 của tệp." in page
    assert "Chưa nhập dòng nào" in page
    assert Person.objects.count() == before
    response = post(personas.client("town_officer"), xlsx(rows), only_clean=True)
    assert response.context["report"].imported == 1
    assert Person.objects.count() == before + 1


def test_people_already_on_the_staff_are_offered_as_trung_rows(personas):
    van = personas.people["ward_person"]
    rows = [
        [
            van.full_name.upper(),
            "Nữ",
            "02/04/1988",
            None,
            "Phường Đồi Chè",
            None,
            "Công chức",
            None,
        ],
        ["Người Mới", "Nam", None, None, DEPT, None, "Viên chức", None],
    ]
    response = post(personas.client("town_officer"), xlsx(rows))
    report = response.context["report"]
    assert [r.row for r in report.duplicates] == [3] and report.imported == 1
    assert report.duplicates[0].duplicate_of == van.pk
    assert "trùng" in response.content.decode()
    assert Person.objects.filter(search_name="dang thi thanh van").count() == 1
    post(personas.client("town_officer"), xlsx(rows[:1]), include_duplicates=True)
    assert Person.objects.filter(search_name="dang thi thanh van").count() == 2


def test_bad_file_missing_column_and_wrong_roles(personas):
    client = personas.client("town_officer")
    response = post(client, SimpleUploadedFile("x.xlsx", b"not excel"))
    assert response.context["report"].errors
    response = post(client, xlsx([["A", "Nam"]], headers=["Họ và tên", "Giới tính"]))
    message = response.context["report"].errors[0].message
    assert message == "Thiếu cột: Đơn vị, Đối tượng. Hãy dùng mẫu tải về từ hệ thống."
    assert personas.client("ward_officer").get("/can-bo/mau-danh-sach.xlsx").status_code == 403


PEOPLE_JOBS = 'INSERT INTO "org_employment"'


def test_ten_thousand_rows_in_a_fixed_number_of_queries(personas):
    """Speed is bench/run.py's; here, that the rows are written in bulk: apart from the bulk
    inserts, the queries of a 10,000-row import do not grow with its rows."""
    rows = [
        [
            f"Nguyễn Văn {i:05d}",
            "Nam",
            date(1980, 1, 1 + i % 28),
            "Kinh",
            DEPT,
            "Chuyên viên",
            "Viên chức",
            None,
        ]
        for i in range(10_000)
    ]
    upload = xlsx(rows)
    with CaptureQueriesContext(connection) as queries:
        response = post(personas.client("town_officer"), upload)
    assert response.status_code == 302
    assert Person.objects.filter(unit=personas.units["department"]).count() == 10_000
    assert Employment.objects.filter(unit=personas.units["department"]).count() == 10_000
    written = [q for q in queries if q["sql"].startswith(('INSERT INTO "org_person"', PEOPLE_JOBS))]
    assert len(queries) - len(written) < 30  # nothing read or written row by row
    assert len(written) <= 2 * 10_000 // 50  # dozens of rows per statement (SQLite: ≈ 100)


def test_api_bulk_import_same_rules(personas):
    _t, raw = ApiToken.issue(personas.users["town_officer"], "t")
    from django.test import Client

    client = Client(headers={"Authorization": f"Bearer {raw}"})
    rows = [
        {
            "name": "Vàng A Dình",
            "gender": "Nam",
            "dob": "2000-01-02",
            "unit": DEPT,
            "category": "Công chức",
        },
        {"name": "Sai", "gender": "Nam", "unit": "Không Có", "category": "Công chức"},
    ]
    response = client.post(
        "/api/v1/people/import", json.dumps({"rows": rows}), content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "row": 2,
            "column": "unit",
            "message": "Không có đơn vị “Không Có” trong phạm vi bạn quản lý.",
        }
    ]
    assert not Person.objects.filter(full_name="Vàng A Dình").exists()
    body = {"rows": rows, "only_clean": True}
    response = client.post(
        "/api/v1/people/import", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["imported"] == 1
    assert Person.objects.get(full_name="Vàng A Dình").date_of_birth == date(2000, 1, 2)
