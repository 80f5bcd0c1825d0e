"""A candidate list naming people not yet on the unit's staff: the import offers to add them
(with the staff fields the sheet holds), adds them on confirmation, then imports."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from thidua.core.models import AuditEntry
from thidua.org.models import Employment, Person

pytestmark = pytest.mark.django_db
GK_TOWN = "Giấy khen của Chủ tịch UBND thị xã"


def upload(client, dossier, rows: list[dict]) -> SimpleUploadedFile:
    """The app's template, filled by header name."""
    workbook = load_workbook(
        io.BytesIO(client.get(f"/ho-so/{dossier.pk}/mau-danh-sach.xlsx").content)
    )
    sheet = workbook.worksheets[0]
    column = {cell.value: cell.column for cell in sheet[1]}
    for index, row in enumerate(rows, start=2):
        for header, value in row.items():
            sheet.cell(row=index, column=column[header], value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("danh-sach.xlsx", buffer.getvalue())


def row(name: str, **staff) -> dict:
    return {
        "Loại (Cá nhân/Tập thể)": "Cá nhân",
        "Họ và tên / Tên tập thể": name,
        "Hình thức đề nghị khen thưởng": GK_TOWN,
        "Tóm tắt thành tích": "Tốt",
        **staff,
    }


NEW = {
    "Giới tính": "Nữ",
    "Đối tượng": "Công chức",
    "Chức vụ": "Công chức Tư pháp",
    "Dân tộc": "Dao",
    "Ngày sinh (dd/mm/yyyy)": "12/08/1992",
}


def test_template_has_the_optional_staff_columns(client_as, ward_dossier):
    response = client_as("phuongsapa").get(f"/ho-so/{ward_dossier.pk}/mau-danh-sach.xlsx")
    headers = [c.value for c in load_workbook(io.BytesIO(response.content)).worksheets[0][1]]
    assert headers[-4:] == ["Giới tính", "Đối tượng", "Chức vụ", "Dân tộc"]


def test_new_people_are_listed_then_added_and_imported_on_confirmation(
    client_as, ward_dossier, before_deadline
):
    client = client_as("phuongsapa")
    known = (
        Person.objects.filter(unit=ward_dossier.unit)
        .exclude(pk__in=ward_dossier.candidates.filter(person__isnull=False).values("person_id"))
        .first()
    )
    rows = [row(known.full_name), row("Triệu Thị Lan Mới", **NEW), row("Triệu Thị Lan Mới", **NEW)]
    template = client.get(f"/ho-so/{ward_dossier.pk}/mau-danh-sach.xlsx").content
    forms = [c.value for c in load_workbook(io.BytesIO(template))["Hình thức"]["A"]]
    other_form = next(f for f in forms if f != GK_TOWN)
    rows[2]["Hình thức đề nghị khen thưởng"] = other_form  # same person, another form
    before = ward_dossier.candidates.count()
    response = client.post(
        f"/ho-so/{ward_dossier.pk}/nhap-excel/",
        {"version": ward_dossier.version, "file": upload(client, ward_dossier, rows)},
    )
    report = response.context["report"]
    page = response.content.decode()
    assert [
        (r["row"], r["name"], r["gender"], r["category"]) for r in response.context["new_people"]
    ] == [(3, "Triệu Thị Lan Mới", "Nữ", "Công chức")]
    assert not report.errors, report.errors
    assert "Thêm 1 người vào danh sách cán bộ và nhập" in page
    assert report.imported == 0 and ward_dossier.candidates.count() == before
    assert not Person.objects.filter(full_name="Triệu Thị Lan Mới").exists()
    # Confirmed: the person joins the ward's staff, then the whole list is imported.
    ward_dossier.refresh_from_db()
    response = client.post(
        f"/ho-so/{ward_dossier.pk}/nhap-excel/", {"version": ward_dossier.version, "xac_nhan": "1"}
    )
    assert response.status_code == 302, response.context["report"].errors
    lan = Person.objects.get(full_name="Triệu Thị Lan Mới")
    assert (lan.unit, lan.gender, lan.category, lan.ethnicity, lan.position, lan.search_name) == (
        ward_dossier.unit,
        "nu",
        "cong_chuc",
        "09",
        "Công chức Tư pháp",
        "trieu thi lan moi",
    )
    assert str(lan.date_of_birth) == "1992-08-12"
    assert Employment.objects.filter(
        person=lan, unit=ward_dossier.unit, valid_to__isnull=True
    ).exists()
    assert ward_dossier.candidates.filter(person=lan).count() == 2
    assert ward_dossier.candidates.count() == before + 3
    assert AuditEntry.objects.filter(
        action="org.person.imported", object_id=str(ward_dossier.unit.pk)
    ).exists()
    # The kept file is used once.
    response = client.post(
        f"/ho-so/{ward_dossier.pk}/nhap-excel/", {"version": ward_dossier.version, "xac_nhan": "1"}
    )
    assert response.status_code == 302
    assert ward_dossier.candidates.count() == before + 3


def test_a_new_name_without_staff_fields_is_still_a_row_error(
    client_as, ward_dossier, before_deadline
):
    client = client_as("phuongsapa")
    response = client.post(
        f"/ho-so/{ward_dossier.pk}/nhap-excel/",
        {
            "version": ward_dossier.version,
            "file": upload(client, ward_dossier, [row("Không Ai Cả")]),
        },
    )
    (error,) = response.context["report"].errors
    assert error.column == "C"
    assert error.message == (
        "Không tìm thấy cá nhân “Không Ai Cả” trong đơn vị. Để thêm người này vào danh sách cán bộ,"
        " ghi Giới tính (Nam/Nữ) và Đối tượng (Cán bộ, Công chức…)."
    )
    assert "Thêm" not in response.content.decode().split("Kết quả kiểm tra")[1].split("<table")[0]


def test_api_lists_new_people_and_adds_them_when_asked(
    api_as, ward_dossier, before_deadline, client_as
):
    client = api_as("phuongsapa")
    file = upload(
        client_as("phuongsapa"), ward_dossier, [row("Hờ A Tủa", **{**NEW, "Giới tính": "Nam"})]
    )
    url = f"/api/v1/dossiers/{ward_dossier.pk}/candidates/import"
    body = client.post(url, {"version": ward_dossier.version, "file": file}).json()
    assert body["imported"] == 0
    assert [p["name"] for p in body["new_people"]] == ["Hờ A Tủa"]
    file.seek(0)
    body = client.post(
        url, {"version": ward_dossier.version, "file": file, "add_people": "true"}
    ).json()
    assert (body["imported"], body["added_people"]) == (1, 1)
    assert Person.objects.get(full_name="Hờ A Tủa").unit == ward_dossier.unit
