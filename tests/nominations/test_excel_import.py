"""Import the candidate list from the app's Excel template."""

from __future__ import annotations

import io
import unicodedata
from datetime import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from thidua.org.models import Person

from ..core.files import formatted_to_the_last_row
from ..demo_dossiers import filled_template

pytestmark = pytest.mark.django_db
GK_TOWN = "Giấy khen của Chủ tịch UBND thị xã"


@pytest.fixture
def ward_people(ward_dossier):
    taken = ward_dossier.candidates.filter(person__isnull=False).values("person_id")
    return list(Person.objects.filter(unit=ward_dossier.unit).exclude(pk__in=taken)[:3])


def test_template_has_the_campaigns_forms_and_figures(client_as, ward_dossier):
    response = client_as("phuongsapa").get(f"/ho-so/{ward_dossier.pk}/mau-danh-sach.xlsx")
    workbook = load_workbook(io.BytesIO(response.content))
    headers = [c.value for c in workbook.worksheets[0][1]]
    assert headers[:6] == [
        "STT",
        "Loại (Cá nhân/Tập thể)",
        "Họ và tên / Tên tập thể",
        "Ngày sinh (dd/mm/yyyy)",
        "Hình thức đề nghị khen thưởng",
        "Tóm tắt thành tích",
    ]
    assert "Số hộ được giúp đỡ thoát nghèo (hộ)" in headers
    forms = [c.value for c in workbook["Hình thức"]["A"]]
    assert GK_TOWN in forms


def test_wrong_rows_come_back_with_row_column_and_reason_and_nothing_is_imported(
    client_as, ward_dossier, ward_people, before_deadline
):
    a, b, _c = ward_people
    rows = [
        [1, "Cá nhân", a.full_name, None, GK_TOWN, "Hoàn thành xuất sắc nhiệm vụ"],
        [2, "Nhân viên", b.full_name, None, GK_TOWN, "Tốt"],  # bad type → B3
        [3, "Cá nhân", "Nguyễn Văn Không Có", None, GK_TOWN, "Tốt"],  # unknown → C4
        [4, "Cá nhân", b.full_name, "31/02/1990", GK_TOWN, "Tốt"],  # bad date → D5
        [5, "Tập thể", "Tổ dân phố số 2", None, "Huân chương Lao động", "Tốt"],  # unknown form → E6
        [6, "Cá nhân", b.full_name, None, GK_TOWN, ""],  # no summary → F7
    ]
    upload = filled_template(client_as("phuongsapa"), ward_dossier, rows)
    before = ward_dossier.candidates.count()
    response = client_as("phuongsapa").post(
        f"/ho-so/{ward_dossier.pk}/nhap-excel/", {"version": ward_dossier.version, "file": upload}
    )
    report = response.context["report"]
    located = {(e.row, e.column) for e in report.errors}
    assert located == {(3, "B"), (4, "C"), (5, "D"), (6, "E"), (7, "F")}
    page = response.content.decode()
    assert "Loại phải là “Cá nhân” hoặc “Tập thể”." in page
    assert "Không tìm thấy cá nhân “Nguyễn Văn Không Có” trong đơn vị." in page
    assert "Chưa nhập dòng nào" in page
    assert ward_dossier.candidates.count() == before


def test_only_clean_rows_when_the_user_asks(client_as, ward_dossier, ward_people, before_deadline):
    a, b, _c = ward_people
    rows = [
        [1, "Cá nhân", a.full_name, None, GK_TOWN, "Hoàn thành xuất sắc nhiệm vụ"],
        [2, "Cá nhân", "Không Có Ai", None, GK_TOWN, "Tốt"],
    ]
    upload = filled_template(client_as("phuongsapa"), ward_dossier, rows)
    response = client_as("phuongsapa").post(
        f"/ho-so/{ward_dossier.pk}/nhap-excel/",
        {"version": ward_dossier.version, "file": upload, "only_clean": "on"},
    )
    assert response.context["report"].imported == 1
    assert ward_dossier.candidates.filter(person=a).exists()


def test_nfd_text_excel_dates_text_dates_spaces_blank_rows_and_numbers(
    client_as, ward_dossier, ward_people, before_deadline
):
    a, b, c = ward_people
    nfd = unicodedata.normalize("NFD", f"  {a.full_name.upper()}  ")
    assert nfd != a.full_name
    b_born = b.date_of_birth
    rows = [
        [
            1,
            unicodedata.normalize("NFD", "cá nhân"),
            nfd,
            None,
            f" {GK_TOWN} ",
            "Thành tích  tốt",
            3,
            "5",
        ],
        [None, None, None, None, None, None],
        [
            2,
            "Cá nhân",
            b.full_name,
            datetime(b_born.year, b_born.month, b_born.day) if b_born else None,
            GK_TOWN,
            "Tốt",
        ],
        [3, "Tập thể", "tổ dân phố số 2", None, GK_TOWN, "Tập thể tiêu biểu"],
        [
            4,
            "Cá nhân",
            c.full_name,
            b_born.strftime("%d/%m/%Y")
            if c.date_of_birth == b_born and b_born
            else (c.date_of_birth.strftime("%d/%m/%Y") if c.date_of_birth else None),
            GK_TOWN,
            "Tốt",
        ],
    ]
    upload = filled_template(client_as("phuongsapa"), ward_dossier, rows)
    response = client_as("phuongsapa").post(
        f"/ho-so/{ward_dossier.pk}/nhap-excel/", {"version": ward_dossier.version, "file": upload}
    )
    assert response.status_code == 302, response.context["report"].errors
    imported = ward_dossier.candidates.get(person=a)
    assert imported.summary == "Thành tích tốt"
    assert imported.facts == {"ho_thoat_ngheo": 3, "lao_dong_dia_phuong": 5}
    assert ward_dossier.candidates.filter(unit__name="Tổ dân phố số 2").exists()
    assert ward_dossier.candidates.filter(person=c).exists()


def test_duplicate_rows_and_people_already_in_the_dossier_are_errors(
    client_as, ward_dossier, before_deadline
):
    existing = ward_dossier.candidates.filter(person__isnull=False).first()
    rows = [[1, "Cá nhân", existing.person.full_name, None, existing.award_form.name, "Tốt"]]
    upload = filled_template(client_as("phuongsapa"), ward_dossier, rows)
    response = client_as("phuongsapa").post(
        f"/ho-so/{ward_dossier.pk}/nhap-excel/", {"version": ward_dossier.version, "file": upload}
    )
    assert "đã có trong hồ sơ" in response.content.decode()


def test_a_file_that_is_not_xlsx_is_refused(client_as, ward_dossier, before_deadline):
    upload = SimpleUploadedFile("danh-sach.xlsx", b"%PDF-1.4 not a workbook")
    response = client_as("phuongsapa").post(
        f"/ho-so/{ward_dossier.pk}/nhap-excel/", {"version": ward_dossier.version, "file": upload}
    )
    assert "cần tệp Excel (XLSX)" in response.content.decode()


def test_api_import_returns_the_errors_as_data(api_as, client_as, ward_dossier, before_deadline):
    rows = [[1, "Cá nhân", "Không Có Ai", "12/13/1990", GK_TOWN, "Tốt"]]
    upload = filled_template(client_as("phuongsapa"), ward_dossier, rows)
    response = api_as("phuongsapa").post(
        f"/api/v1/dossiers/{ward_dossier.pk}/candidates/import",
        {"version": ward_dossier.version, "file": upload},
    )
    assert response.status_code == 422
    errors = {(e["row"], e["column"]) for e in response.json()["errors"]}
    assert errors == {(2, "C"), (2, "D")}


def test_template_never_turns_data_into_formulas(client_as, ward_dossier):
    """A campaign's text copied into the template stays text, even when it starts with "="."""
    form = ward_dossier.campaign.award_forms.first()
    form.name = '=HYPERLINK("http://x.example","Bấm")'
    form.save(update_fields=["name"])
    response = client_as("phuongsapa").get(f"/ho-so/{ward_dossier.pk}/mau-danh-sach.xlsx")
    book = load_workbook(io.BytesIO(response.content))
    cells = [
        c
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for c in row
        if isinstance(c.value, str) and "HYPERLINK" in c.value
    ]
    assert len(cells) >= 2 and all(c.data_type == "s" for c in cells)


# --- Lists as units really send them (issue 13, "Files and lists") -------------------------

HEADERS = [
    "STT",
    "Loại (Cá nhân/Tập thể)",
    "Họ và tên / Tên tập thể",
    "Ngày sinh (dd/mm/yyyy)",
    "Hình thức đề nghị khen thưởng",
    "Tóm tắt thành tích",
]


def xlsx(rows: list[list], name: str = "danh-sach.xlsx", prepare=None) -> SimpleUploadedFile:
    book = Workbook()
    if prepare:
        prepare(book)
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def post_import(client_as, dossier, upload, **extra):
    dossier.refresh_from_db()
    return client_as("phuongsapa").post(
        f"/ho-so/{dossier.pk}/nhap-excel/",
        {"version": dossier.version, "file": upload, **extra},
        follow=True,
    )


def test_a_missing_type_column_is_inferred(client_as, ward_dossier, ward_people, before_deadline):
    a, b, _c = ward_people
    without_type = [h for h in HEADERS if not h.startswith("Loại")]
    born = b.date_of_birth.strftime("%d/%m/%Y") if b.date_of_birth else None
    rows = [
        without_type,
        [1, a.full_name, None, GK_TOWN, "Tốt"],  # a name only a person has
        [2, b.full_name, born, GK_TOWN, "Tốt"],  # a birth date: a person
        [3, "Tổ dân phố số 2", None, GK_TOWN, "Tập thể tiêu biểu"],  # a collective's name
    ]
    before = ward_dossier.candidates.count()
    response = post_import(client_as, ward_dossier, xlsx(rows))
    assert "Đã nhập 3 người, tập thể vào hồ sơ." in response.content.decode()
    assert ward_dossier.candidates.count() == before + 3
    assert ward_dossier.candidates.filter(person=a).exists()
    assert ward_dossier.candidates.filter(person=b).exists()
    assert ward_dossier.candidates.filter(unit__name="Tổ dân phố số 2").exists()


def test_award_forms_in_other_case_without_diacritics_or_abbreviated_are_matched(
    client_as, ward_dossier, ward_people, before_deadline
):
    a, b, c = ward_people
    rows = [
        HEADERS,
        [1, "Cá nhân", a.full_name, None, "GIẤY KHEN CỦA CHỦ TỊCH UBND THỊ XÃ", "Tốt"],
        [2, "Cá nhân", b.full_name, None, "giay khen cua chu tich ubnd thi xa", "Tốt"],
        [3, "Cá nhân", c.full_name, None, "GK Chủ tịch Ủy ban nhân dân TX", "Tốt"],
    ]
    response = post_import(client_as, ward_dossier, xlsx(rows))
    assert "Đã nhập 3 người, tập thể vào hồ sơ." in response.content.decode()
    forms = set(
        ward_dossier.candidates.filter(person__in=ward_people).values_list(
            "award_form__name", flat=True
        )
    )
    assert forms == {GK_TOWN}


def test_a_near_miss_names_the_closest_form_and_nothing_is_stored(
    client_as, ward_dossier, ward_people, before_deadline
):
    a, b, _c = ward_people
    rows = [
        HEADERS,
        [1, "Cá nhân", a.full_name, None, GK_TOWN, "Tốt"],
        [2, "Cá nhân", b.full_name, None, "Giấy khen của Chủ tịch UBND thị xả Sa Pa", "Tốt"],
    ]
    before = ward_dossier.candidates.count()
    response = post_import(client_as, ward_dossier, xlsx(rows))
    report = response.context["report"]
    assert [(e.row, e.column, e.message) for e in report.errors] == [
        (
            3,
            "E",
            "Hình thức “Giấy khen của Chủ tịch UBND thị xả Sa Pa” không có trong đợt thi đua. "
            f"Có phải “{GK_TOWN}”?",
        )
    ]
    assert "Chưa nhập dòng nào" in response.content.decode()
    assert ward_dossier.candidates.count() == before


def test_a_hidden_first_sheet_is_not_read_and_the_page_says_so(
    client_as, ward_dossier, ward_people, before_deadline
):
    a, _b, _c = ward_people
    upload = filled_template(
        client_as("phuongsapa"), ward_dossier, [[1, "Cá nhân", a.full_name, None, GK_TOWN, "Tốt"]]
    )
    book = load_workbook(io.BytesIO(upload.read()))
    old = book.create_sheet("Bản cũ", 0)  # a hidden first sheet with another list
    old.append(HEADERS)
    old.append([1, "Cá nhân", "Người Không Có", None, GK_TOWN, "Tốt"])
    old.sheet_state = "hidden"
    book.active = 1
    buffer = io.BytesIO()
    book.save(buffer)
    response = post_import(
        client_as, ward_dossier, SimpleUploadedFile("danh-sach.xlsx", buffer.getvalue())
    )
    page = response.content.decode()
    assert (
        "Tệp có 1 trang tính bị ẩn (“Bản cũ”); hệ thống chỉ đọc trang “Danh sách đề nghị”" in page
    )
    assert "Đã nhập 1 người, tập thể vào hồ sơ." in page
    assert ward_dossier.candidates.filter(person=a).exists()


def test_a_formula_without_its_value_names_the_cell_and_nothing_is_stored(
    client_as, ward_dossier, ward_people, before_deadline
):
    a, b, _c = ward_people
    rows = [
        HEADERS,
        [1, "Cá nhân", a.full_name, None, GK_TOWN, "Tốt"],
        [2, "Cá nhân", f'=CONCAT("{b.full_name}")', None, GK_TOWN, "Tốt"],
    ]
    before = ward_dossier.candidates.count()
    response = post_import(client_as, ward_dossier, xlsx(rows))
    report = response.context["report"]
    assert [(e.row, e.column) for e in report.errors] == [(3, "C")]
    assert "Ô C3 chứa công thức nhưng chưa có giá trị tính sẵn" in response.content.decode()
    assert "hãy mở tệp bằng Excel và lưu lại" in response.content.decode()
    assert ward_dossier.candidates.count() == before


def test_pre_numbered_rows_count_as_blank(client_as, ward_dossier, ward_people, before_deadline):
    a, _b, _c = ward_people
    rows = [HEADERS, [1, "Cá nhân", a.full_name, None, GK_TOWN, "Tốt"]]
    rows += [[n] for n in range(2, 25001)]  # STT filled in advance beyond the 20,000-row limit
    response = post_import(client_as, ward_dossier, xlsx(rows))
    assert "Đã nhập 1 người, tập thể vào hồ sơ." in response.content.decode()


def cp1258(text: str) -> bytes:
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(x for x in parts if x in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(x for x in parts if x not in tones))
            out += (base + tones).encode("cp1258")
    return out


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp1258"])
def test_a_csv_renamed_xlsx_is_read_in_its_encoding(
    client_as, ward_dossier, ward_people, before_deadline, encoding
):
    a, _b, _c = ward_people
    text = ",".join(HEADERS) + f"\r\n1,Cá nhân,{a.full_name},,{GK_TOWN},Tốt\r\n"
    data = cp1258(text) if encoding == "cp1258" else text.encode(encoding)
    response = post_import(client_as, ward_dossier, SimpleUploadedFile("danh-sach.xlsx", data))
    page = response.content.decode()
    assert "Tệp là tệp CSV (văn bản), không phải tệp Excel: hệ thống đã đọc được." in page
    assert "Đã nhập 1 người, tập thể vào hồ sơ." in page
    assert ward_dossier.candidates.filter(person=a).exists()


def test_a_csv_in_an_unknown_encoding_is_refused_and_nothing_is_stored(
    client_as, ward_dossier, before_deadline
):
    tcvn3 = "STT,Hä vµ tªn,Lo¹i\r\n1,NguyÔn ThÞ HuyÒn,C¸ nh©n\r\n".encode("latin-1")
    before = ward_dossier.candidates.count()
    response = post_import(client_as, ward_dossier, SimpleUploadedFile("danh-sach.csv", tcvn3))
    assert (
        "Tệp là tệp CSV (văn bản), không phải tệp Excel, và không đọc được bảng mã của nó: "
        "hãy mở tệp bằng Excel rồi lưu thành “Excel Workbook (.xlsx)”"
    ) in response.content.decode()
    assert ward_dossier.candidates.count() == before


def test_the_api_reports_notices_and_errors_as_data(api_as, ward_dossier, before_deadline):
    text = ",".join(HEADERS) + "\r\n1,Cá nhân,Không Có Ai,,GK CT UBND thị xã,Tốt\r\n"
    response = api_as("phuongsapa").post(
        f"/api/v1/dossiers/{ward_dossier.pk}/candidates/import",
        {"version": ward_dossier.version, "file": SimpleUploadedFile("ds.csv", text.encode())},
    )
    assert response.status_code == 422
    body = response.json()
    assert [(e["row"], e["column"]) for e in body["errors"]] == [(2, "C")]
    assert body["notices"][0].startswith("Tệp là tệp CSV (văn bản)")


def test_a_template_formatted_to_the_last_row_imports_its_rows(
    client_as, ward_dossier, ward_people, before_deadline, settings
):
    """Blank but formatted rows down to row 1,048,576 do not count against the 20,000 rows."""
    settings.THIDUA_MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # the production limit
    a, _b, _c = ward_people
    upload = filled_template(
        client_as("phuongsapa"), ward_dossier, [[1, "Cá nhân", a.full_name, None, GK_TOWN, "Tốt"]]
    )
    data = formatted_to_the_last_row(upload.read())
    response = post_import(client_as, ward_dossier, SimpleUploadedFile("danh-sach.xlsx", data))
    assert "Đã nhập 1 người, tập thể vào hồ sơ." in response.content.decode()
    assert ward_dossier.candidates.filter(person=a).exists()
