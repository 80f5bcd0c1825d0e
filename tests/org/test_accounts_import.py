"""Importing accounts from Excel: the template, errors by row and column, nothing stored unless
the list is clean or the clean rows only were asked for."""

from __future__ import annotations

import io
import unicodedata
from datetime import date, datetime

import pytest
from django.contrib.auth import get_user_model
from openpyxl import Workbook, load_workbook

from thidua.core.models import AuditEntry
from thidua.org.models import Role, RoleAssignment, Unit

pytestmark = pytest.mark.django_db

User = get_user_model()
URL = "/quan-tri/tai-khoan/nhap/"
HEADER = ["Tên đăng nhập", "Họ và tên", "Email", "Đơn vị", "Vai trò", "Từ ngày"]


def xlsx(rows: list[list]) -> io.BytesIO:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = "tai-khoan.xlsx"
    return buffer


def test_the_template_lists_the_units_in_scope_and_the_roles(client_as):
    response = client_as("quantri.tavan").get(URL + "mau/")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == HEADER
    units = [c.value for c in book["DS 4"]["A"]]
    assert units[0] == "Xã Tả Van" and "Thôn Lao Chải" in units
    assert "Phường Sa Pa" not in units and "Thị xã Sa Pa" not in units
    assert [c.value for c in book["DS 5"]["A"]] == [label for _v, label in Role.choices]
    assert client_as("noivu").get(URL + "mau/").status_code == 403


def test_a_list_with_errors_stores_nothing_and_names_each_row_and_column(client_as):
    rows = [
        HEADER,
        [
            "ct.laochai",
            "Sùng A Páo",
            "pao@example.vn",
            "Thôn Lao Chải",
            "Cán bộ đơn vị",
            "01/01/2026",
        ],
        ["tavan", "Trùng tên", "", "Xã Tả Van", "Cán bộ đơn vị", None],
        ["ct.laochai", "Lặp dòng 2", "", "Xã Tả Van", "Cán bộ đơn vị", None],
        ["ct.sapa", "Ngoài phạm vi", "", "Phường Sa Pa", "Cán bộ đơn vị", None],
        ["ct.x", "", "khong-phai-email", "Xã Tả Van", "Vua", "31/02/2026"],
        [None, None, None, None, None, None],
        ["ct ok", "Dấu cách", "", "Xã Tả Van", "Cán bộ đơn vị", None],
    ]
    response = client_as("quantri.tavan").post(URL, {"file": xlsx(rows)})
    assert response.status_code == 200
    report = response.context["report"]
    assert [(e.row, e.column, e.message) for e in report.errors] == [
        (3, "Tên đăng nhập", "Tên đăng nhập “tavan” đã có."),
        (4, "Tên đăng nhập", "Trùng tên đăng nhập với dòng 2."),
        (5, "Đơn vị", "Không tìm thấy đơn vị “Phường Sa Pa” trong phạm vi quản trị của bạn."),
        (6, "Họ và tên", "Chưa có họ và tên."),
        (6, "Email", "Địa chỉ email “khong-phai-email” không hợp lệ."),
        (6, "Vai trò", "Không có vai trò “Vua”."),
        (6, "Từ ngày", "Ngày không hợp lệ (ghi theo dạng dd/mm/yyyy)."),
        (8, "Tên đăng nhập", "Tên đăng nhập chỉ gồm chữ, số và các ký tự @ . + - _."),
    ]
    assert report.imported == 0
    assert "Chưa tạo tài khoản nào." in response.content.decode()
    assert not User.objects.filter(username__startswith="ct.").exists()


def test_only_the_clean_rows_when_asked_with_nfd_text_and_real_dates(client_as, user):
    nfd = unicodedata.normalize("NFD", "Sùng A Páo")
    rows = [
        ["Danh sách tài khoản xã Tả Van"],
        HEADER,
        [
            "ct.laochai",
            nfd,
            "pao@example.vn",
            unicodedata.normalize("NFD", "thôn lao chải"),
            "can bo don vi",
            datetime(2026, 1, 5),
        ],
        ["ct.sapa", "Ngoài phạm vi", "", "Phường Sa Pa", "Cán bộ đơn vị", None],
        ["ct.truong", "Lò Thị Dung", "", "Xã Tả Van", "Thủ trưởng đơn vị", "15/02/2026"],
    ]
    response = client_as("quantri.tavan").post(URL, {"file": xlsx(rows), "only_clean": "on"})
    report = response.context["report"]
    assert [(e.row, e.column) for e in report.errors] == [(4, "Đơn vị")]
    assert [(c.row, c.username) for c in report.created] == [(3, "ct.laochai"), (5, "ct.truong")]
    page = response.content.decode()
    for created in report.created:
        assert len(created.password) == 12 and f"<code>{created.password}</code>" in page
    pao = User.objects.get(username="ct.laochai")
    assert pao.first_name == "Sùng A Páo"  # stored NFC
    assignment = RoleAssignment.objects.get(user=pao)
    assert (assignment.role, assignment.unit.name, assignment.valid_from) == (
        Role.CAN_BO_DON_VI,
        "Thôn Lao Chải",
        date(2026, 1, 5),
    )
    assert pao.account_profile.must_change_password
    assert RoleAssignment.objects.get(user__username="ct.truong").valid_from == date(2026, 2, 15)
    entry = AuditEntry.objects.get(action="org.account.imported")
    assert entry.actor == user("quantri.tavan") and entry.message == "2 tài khoản"
    assert not User.objects.filter(username="ct.sapa").exists()


def test_a_broken_file_or_a_missing_column_is_refused_with_its_reason(client_as):
    client = client_as("quantri.tavan")
    broken = io.BytesIO(b"not a workbook")
    broken.name = "x.xlsx"
    report = client.post(URL, {"file": broken}).context["report"]
    assert [e.message for e in report.errors] == ["Không đọc được tệp Excel (.xlsx)."]
    report = client.post(URL, {"file": xlsx([HEADER[:3], ["a", "b", "c"]])}).context["report"]
    assert [e.message for e in report.errors] == [
        "Thiếu cột: Đơn vị, Vai trò. Hãy dùng mẫu tải về từ hệ thống."
    ]


def test_an_ambiguous_unit_code_asks_for_the_full_name(client_as):
    commune = Unit.objects.get(name="Xã Tả Van")
    Unit.objects.filter(parent=commune).update(code="TV")
    rows = [HEADER, ["ct.a", "A", "", "TV", "Cán bộ đơn vị", None]]
    report = client_as("quantri.tavan").post(URL, {"file": xlsx(rows)}).context["report"]
    assert [e.message for e in report.errors] == [
        "Có 3 đơn vị cùng tên hoặc ký hiệu “TV”: ghi tên đầy đủ."
    ]


def test_import_with_e_mail_links_sends_one_mail_per_account_with_an_address(client_as, mailoutbox):
    rows = [
        HEADER,
        ["ct.mail", "Có Thư", "co.thu@example.vn", "Xã Tả Van", "Cán bộ đơn vị", None],
        ["ct.nomail", "Không Thư", "", "Xã Tả Van", "Cán bộ đơn vị", None],
    ]
    response = client_as("quantri.tavan").post(URL, {"file": xlsx(rows), "gui_thu": "1"})
    created = {c.username: c.password for c in response.context["report"].created}
    assert created["ct.mail"] == "" and len(created["ct.nomail"]) == 12
    assert [m.to for m in mailoutbox] == [["co.thu@example.vn"]]
    assert "/quen-mat-khau/" in mailoutbox[0].body
