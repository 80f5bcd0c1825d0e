"""Ratings and legacy awards from Excel: people matched by name (any Unicode form, case,
spacing), birth date and unit; every wrong cell named by row and column; nothing stored unless
the file is clean (or only the clean rows, on request)."""

import io
import unicodedata
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from thidua.core.models import AuditEntry
from thidua.org.models import Person
from thidua.records.models import AnnualRating, AwardRecord

pytestmark = pytest.mark.django_db

HEADERS = ["Họ và tên", "Ngày sinh", "Đơn vị", "Năm", "Xếp loại"]


def xlsx(rows, headers=HEADERS) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("xep-loai.xlsx", buffer.getvalue())


def post(client, unit, upload, **extra):
    return client.post(f"/lich-su/nhap/don-vi/{unit.pk}/nhap-xep-loai/", {"file": upload, **extra})


def test_clean_file_is_imported_with_nfd_names_text_dates_and_collectives(personas):
    town, ward = personas.units["town"], personas.units["ward"]
    van = personas.people["ward_person"]
    phao = personas.people["commune_person"]
    nfd = unicodedata.normalize("NFD", "  đặng THỊ thanh   vân ")
    upload = xlsx(
        [
            [nfd, "02/04/1988", "Phường Đồi Chè", 2024, "Hoàn thành tốt nhiệm vụ"],
            [nfd, datetime(1988, 4, 2), "phường đồi chè", "2025", "hoàn thành xuất sắc"],
            [None, None, None, None, None],  # blank rows are skipped
            ["Giàng A Pháo", date(1988, 4, 2), "Xã Suối Mây", 2025, "tot"],
            ["", "", "Tổ dân phố Đồi Thông", 2025, "Hoàn thành nhiệm vụ"],  # a collective
        ]
    )
    response = post(personas.client("town_officer"), town, upload, evidence_number="9/QĐ")
    assert response.status_code == 200
    assert "Đã nhập: <strong>4</strong>" in response.content.decode()
    assert dict(AnnualRating.objects.filter(person=van).values_list("year", "level")) == {
        2024: "tot",
        2025: "xuat_sac",
    }
    assert AnnualRating.objects.get(person=phao).evidence_number == "9/QĐ"
    hamlet = personas.units["hamlet"]
    assert AnnualRating.objects.get(unit=hamlet, year=2025).level == "hoan_thanh"
    assert AuditEntry.objects.filter(action="records.rating.imported").count() == 1
    assert ward  # the ward's own staff were found through the town's subtree


def test_any_bad_row_stores_nothing_and_errors_name_row_and_column(personas):
    town = personas.units["town"]
    upload = xlsx(
        [
            ["Đặng Thị Thanh Vân", "02/04/1988", "Phường Đồi Chè", 2024, "Tốt lắm"],
            ["Người Lạ", "01/01/1990", "Phường Đồi Chè", 2024, "tot"],
            ["Giàng A Pháo", "31/02/1988", "Xã Suối Mây", 2024, "tot"],
            ["Giàng A Pháo", "02/04/1988", "Phường Hồ Sen", 2024, "tot"],  # outside the town
            ["Giàng A Pháo", "02/04/1988", "Xã Suối Mây", 1850, "tot"],
            ["Giàng A Pháo", "02/04/1988", "Xã Suối Mây", 2024, "tot"],
            ["Giàng A Pháo", "02/04/1988", "Xã Suối Mây", 2024, "xuat_sac"],  # duplicate
        ]
    )
    response = post(personas.client("town_officer"), town, upload)
    report = response.context["report"]
    assert [(e.row, e.column) for e in report.errors] == [
        (2, "E"),
        (3, "A"),
        (4, "B"),
        (5, "C"),
        (6, "D"),
        (8, "A"),
    ]
    assert report.errors[0].message == "Giá trị “Tốt lắm” không có trong danh sách cho phép."
    assert report.errors[3].message == "Không có đơn vị “Phường Hồ Sen” trong phạm vi."
    assert report.errors[5].message == "Trùng với dòng 7 (cùng người, cùng năm)."
    assert report.imported == 0
    assert not AnnualRating.objects.filter(person__unit__in=personas.units.values()).exists()
    # Only the clean rows, on request: row 7 alone.
    upload.seek(0)
    report = post(personas.client("town_officer"), town, upload, only_clean="on").context["report"]
    assert report.imported == 1
    phao = personas.people["commune_person"]
    assert list(AnnualRating.objects.filter(person=phao).values_list("year", "level")) == [
        (2024, "tot")
    ]


def test_same_name_and_birth_date_in_one_unit_is_ambiguous(personas):
    ward = personas.units["ward"]
    Person.objects.create(
        full_name="Đặng Thị Thanh Vân",
        gender="nu",
        unit=ward,
        category="cong_chuc",
        date_of_birth=date(1988, 4, 2),
    )
    upload = xlsx([["Đặng Thị Thanh Vân", "02/04/1988", "Phường Đồi Chè", 2024, "tot"]])
    report = post(personas.client("town_officer"), ward, upload).context["report"]
    assert [e.message for e in report.errors] == ["Có 2 người trùng họ tên, ngày sinh, đơn vị."]


def test_not_an_excel_file_and_wrong_role_and_other_subtree(personas):
    town = personas.units["town"]
    fake = SimpleUploadedFile("xep-loai.xlsx", b"%PDF-1.4 not excel")
    response = post(personas.client("town_officer"), town, fake)
    assert response.status_code == 200
    assert "cần tệp Excel (XLSX)" in response.content.decode()
    missing = xlsx([["Vân", "Phường Đồi Chè"]], headers=["Họ và tên", "Đơn vị"])
    report = post(personas.client("town_officer"), town, missing).context["report"]
    assert report.errors[0].message.startswith("Thiếu cột: Năm, Xếp loại.")
    assert post(personas.client("ward_head"), personas.units["ward"], xlsx([])).status_code == 403
    assert post(personas.client("new_ward_officer"), town, xlsx([])).status_code == 404


def test_template_lists_the_units_staff_and_reads_back_clean(personas):
    ward = personas.units["ward"]
    officer = personas.client("town_officer")
    response = officer.get(f"/lich-su/nhap/don-vi/{ward.pk}/mau-xep-loai.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS and rows[1][0] == "Đặng Thị Thanh Vân"
    sheet["E2"] = "Hoàn thành xuất sắc nhiệm vụ"
    buffer = io.BytesIO()
    sheet.parent.save(buffer)
    report = post(officer, ward, SimpleUploadedFile("m.xlsx", buffer.getvalue())).context["report"]
    assert report.errors == [] and report.imported == 1


def test_legacy_awards_import(personas):
    town = personas.units["town"]
    headers = [
        "Họ và tên",
        "Ngày sinh",
        "Đơn vị",
        "Danh hiệu, hình thức khen thưởng",
        "Loại",
        "Cấp khen",
        "Số quyết định",
        "Ngày quyết định",
        "Cơ quan ban hành",
    ]
    good = [
        "Đặng Thị Thanh Vân",
        "02/04/1988",
        "Phường Đồi Chè",
        "Giấy khen của Chủ tịch UBND thị xã",
        "Hình thức khen thưởng",
        "Chủ tịch UBND cấp huyện",
        "15/QĐ-UBND",
        "20/12/2018",
        "UBND thị xã Đồi Chè",
    ]
    bad = [*good[:4], "Bằng khen", *good[5:7], "hôm qua", ""]
    officer = personas.client("town_officer")
    url = f"/lich-su/nhap/don-vi/{town.pk}/nhap-khen-thuong/"
    report = officer.post(url, {"file": xlsx([good, bad], headers)}).context["report"]
    assert [(e.row, e.column) for e in report.errors] == [(3, "E"), (3, "H"), (3, "I")]
    assert not AwardRecord.objects.filter(person=personas.people["ward_person"]).exists()
    report = officer.post(url, {"file": xlsx([good], headers)}).context["report"]
    assert report.imported == 1
    award = AwardRecord.objects.get(person=personas.people["ward_person"])
    assert (award.is_legacy, award.authority_level, award.decided_on) == (
        True,
        "huyen",
        date(2018, 12, 20),
    )
    # The statistics count it, under the ward and the town alike.
    from thidua.statistics.models import AwardSummary

    counted = AwardSummary.objects.filter(year=2018, award_name=award.award_name)
    assert {(s.unit_id, s.individuals, s.women) for s in counted} >= {
        (personas.units["ward"].pk, 1, 1),
        (town.pk, 1, 1),
    }
    template = officer.get(f"/lich-su/nhap/don-vi/{town.pk}/mau-khen-thuong.xlsx")
    assert template.status_code == 200
    header = next(load_workbook(io.BytesIO(template.content)).worksheets[0].iter_rows())
    assert [c.value for c in header][:4] == [
        "Họ và tên",
        "Ngày sinh",
        "Đơn vị",
        "Danh hiệu, hình thức khen thưởng",
    ]


def test_units_of_the_same_name_are_told_apart_by_the_person(personas):
    from thidua.org.models import Unit

    town = personas.units["town"]
    twin_a = Unit.objects.create(name="Tổ dân phố số 1", kind="thon", parent=personas.units["ward"])
    twin_b = Unit.objects.create(
        name="Tổ dân phố số 1", kind="thon", parent=personas.units["commune"]
    )
    Person.objects.create(
        full_name="Vàng Thị Dở",
        gender="nu",
        unit=twin_b,
        category="nguoi_lao_dong",
        date_of_birth=date(1990, 1, 1),
    )
    upload = xlsx(
        [
            ["Vàng Thị Dở", "01/01/1990", "Tổ dân phố số 1", 2024, "tot"],
            ["", "", "Tổ dân phố số 1", 2024, "tot"],  # which collective? refused
        ]
    )
    report = post(personas.client("town_officer"), town, upload).context["report"]
    assert [(e.row, e.column, e.message) for e in report.errors] == [
        (3, "C", "Có 2 đơn vị cùng tên “Tổ dân phố số 1”.")
    ]
    upload = xlsx([["Vàng Thị Dở", "01/01/1990", "Tổ dân phố số 1", 2024, "tot"]])
    assert post(personas.client("town_officer"), town, upload).context["report"].imported == 1
    assert AnnualRating.objects.filter(person__unit=twin_b, year=2024).count() == 1
    assert twin_a.pk != twin_b.pk
