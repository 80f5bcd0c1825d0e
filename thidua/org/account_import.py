"""Importing accounts from an Excel list (or JSON rows through the API).

The list is read with ``core.sheets`` (columns by header text, blank rows skipped, NFC text);
every refused cell is reported with its row and column, and nothing is stored unless the whole
list is clean, or the administrator asked for the clean rows only. Each account gets a
temporary password, shown once in the result, or an e-mail link to choose one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import IO, Any

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from thidua.core import audit
from thidua.core.sheets import Column, RowError, build_template, parse_date, read_sheet
from thidua.core.text import ascii_key, clean_text, text_key

from . import access, account_services
from .access import Actor, Perm
from .models import Role, Unit
from .passwords import mail_password_link

MAX_ROWS = 1000

COLUMNS = [
    Column("username", "Tên đăng nhập", 22),
    Column("full_name", "Họ và tên", 28),
    Column("email", "Email", 28, required=False),
    Column("unit", "Đơn vị", 40),
    Column("role", "Vai trò", 32),
    Column("valid_from", "Từ ngày", 14, required=False),
]
HEADERS = {c.key: c.header for c in COLUMNS}

GUIDE = [
    "Mỗi dòng một tài khoản. Các cột có thể đổi thứ tự; tên cột giữ nguyên như dòng đầu.",
    "Tên đăng nhập: chữ không dấu, số và các ký tự @ . + - _ ; không trùng tài khoản đã có.",
    "Đơn vị: tên đơn vị như trên hệ thống (chọn trong danh sách) hoặc ký hiệu của đơn vị; "
    "chỉ các đơn vị trong phạm vi quản trị của bạn.",
    "Vai trò: chọn trong danh sách. Từ ngày: dd/mm/yyyy, để trống là từ ngày nhập.",
    "Email: không bắt buộc; cần có nếu muốn gửi thư để người dùng tự đặt mật khẩu.",
    "Hệ thống kiểm tra cả tệp; chưa nhập gì cho đến khi tệp không còn lỗi, trừ khi chọn "
    "“Chỉ nhập các dòng hợp lệ”.",
]


@dataclass
class AccountRow:
    row: int
    username: str
    full_name: str
    email: str
    unit: Unit
    role: str
    valid_from: date | None


@dataclass
class CreatedAccount:
    row: int
    user_id: int
    username: str
    full_name: str
    unit: str
    role: str
    password: str  # the temporary password, shown once; empty when a link was mailed


@dataclass
class AccountImportReport:
    rows: list[AccountRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    created: list[CreatedAccount] = field(default_factory=list)

    @property
    def bad_rows(self) -> int:
        return len({e.row for e in self.errors})

    @property
    def imported(self) -> int:
        return len(self.created)


class Lookup:
    """Units in the actor's scope by name or code, and roles by label or code, each compared
    without regard to case, Unicode form or (for roles) diacritics."""

    def __init__(self, actor: Actor):
        self.units: dict[str, list[Unit]] = {}
        self.codes: dict[str, list[Unit]] = {}
        for unit in access.units_with(actor, Perm.MANAGE_ACCOUNTS).order_by("path"):
            self.units.setdefault(text_key(unit.name), []).append(unit)
            if unit.code:
                self.codes.setdefault(text_key(unit.code), []).append(unit)
        self.roles: dict[str, str] = {}
        for value, label in Role.choices:
            for key in (text_key(value), text_key(label), ascii_key(label)):
                self.roles[key] = value

    def unit(self, value: Any) -> Unit | str:
        key = text_key(value)
        found = self.units.get(key) or self.codes.get(key) or []
        if len(found) == 1:
            return found[0]
        if found:
            return f"Có {len(found)} đơn vị cùng tên hoặc ký hiệu “{clean_text(value)}”: ghi tên đầy đủ."
        return f"Không tìm thấy đơn vị “{clean_text(value)}” trong phạm vi quản trị của bạn."

    def role(self, value: Any) -> str | None:
        return self.roles.get(text_key(value)) or self.roles.get(ascii_key(value))


def build_account_template(actor: Actor) -> bytes:
    units = [u.name for u in access.units_with(actor, Perm.MANAGE_ACCOUNTS).order_by("path")]
    return build_template(
        "Tài khoản",
        COLUMNS,
        GUIDE,
        choices={"unit": units, "role": [label for _value, label in Role.choices]},
    )


def check_rows(actor: Actor, items: Iterable[tuple[int, dict[str, Any]]]) -> AccountImportReport:
    """Every row checked; the clean ones parsed. Writes nothing."""
    report = AccountImportReport()
    lookup = Lookup(actor)
    seen: dict[str, int] = {}
    username_ok = UnicodeUsernameValidator()
    for index, cells in items:
        errors_before = len(report.errors)

        def error(key: str, message: str, index: int = index) -> None:
            report.errors.append(RowError(index, HEADERS[key], message))

        username = clean_text(cells.get("username"))
        full_name = clean_text(cells.get("full_name"))
        email = clean_text(cells.get("email"))
        if not username:
            error("username", "Chưa có tên đăng nhập.")
        else:
            try:
                username_ok(username)
            except ValidationError:
                error("username", "Tên đăng nhập chỉ gồm chữ, số và các ký tự @ . + - _.")
            if len(username) > 150:
                error("username", "Tên đăng nhập dài quá 150 ký tự.")
            if username.casefold() in seen:
                error("username", f"Trùng tên đăng nhập với dòng {seen[username.casefold()]}.")
            elif account_services.username_taken(username):
                error("username", f"Tên đăng nhập “{username}” đã có.")
            seen.setdefault(username.casefold(), index)
        if not full_name:
            error("full_name", "Chưa có họ và tên.")
        if email:
            try:
                validate_email(email)
            except ValidationError:
                error("email", f"Địa chỉ email “{email}” không hợp lệ.")
        unit = lookup.unit(cells.get("unit")) if clean_text(cells.get("unit")) else None
        if unit is None:
            error("unit", "Chưa có đơn vị.")
        elif isinstance(unit, str):
            error("unit", unit)
        role = lookup.role(cells.get("role")) if clean_text(cells.get("role")) else None
        if not clean_text(cells.get("role")):
            error("role", "Chưa có vai trò.")
        elif role is None:
            error("role", f"Không có vai trò “{clean_text(cells.get('role'))}”.")
        elif isinstance(unit, Unit) and role == Role.QUAN_TRI:
            if Role.QUAN_TRI not in access.roles_over(actor, unit):
                error("role", "Chỉ quản trị hệ thống được giao vai trò quản trị hệ thống.")
        valid_from = parse_date(cells.get("valid_from"))
        if valid_from == "invalid":
            error("valid_from", "Ngày không hợp lệ (ghi theo dạng dd/mm/yyyy).")
        if len(report.errors) == errors_before:
            assert isinstance(unit, Unit) and role is not None
            report.rows.append(
                AccountRow(
                    index,
                    username,
                    full_name,
                    email,
                    unit,
                    role,
                    valid_from if isinstance(valid_from, date) else None,
                )
            )
    return report


def import_accounts(
    *, actor: Actor, uploaded: IO[bytes], only_clean: bool = False, mail_link_from: str = ""
) -> AccountImportReport:
    """From an Excel list (the template of ``build_account_template``)."""
    account_services.require_admin(actor)
    sheet, errors = read_sheet(uploaded, COLUMNS, max_rows=MAX_ROWS)
    if sheet is None:
        return AccountImportReport(errors=errors)
    report = check_rows(actor, sheet.rows())
    report.errors[:0] = sheet.errors  # a list over the limit is refused whole
    if sheet.errors:
        report.rows = []
    return _store(actor, report, only_clean, mail_link_from)


def import_account_rows(
    *, actor: Actor, rows: list[dict[str, Any]], only_clean: bool = False, mail_link_from: str = ""
) -> AccountImportReport:
    """The same from JSON rows (the API): row numbers count from 1."""
    account_services.require_admin(actor)
    if len(rows) > MAX_ROWS:
        return AccountImportReport(errors=[RowError(0, "", f"Quá {MAX_ROWS} dòng.")])
    report = check_rows(actor, enumerate((_iso_dates(row) for row in rows), start=1))
    return _store(actor, report, only_clean, mail_link_from)


def _iso_dates(row: dict[str, Any]) -> dict[str, Any]:
    """JSON rows may give the date as ISO (2026-01-31) as well as dd/mm/yyyy."""
    value = row.get("valid_from")
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return {**row, "valid_from": date.fromisoformat(value.strip())}
        except ValueError:
            return row
    return row


def _store(
    actor: Actor, report: AccountImportReport, only_clean: bool, mail_link_from: str
) -> AccountImportReport:
    if not report.rows or (report.errors and not only_clean):
        return report
    labels = dict(Role.choices)
    mailed = []
    with transaction.atomic():
        for row in report.rows:
            account, raw = account_services.create_account(
                actor=actor,
                username=row.username,
                full_name=row.full_name,
                email=row.email,
                unit=row.unit,
                role=row.role,
                valid_from=row.valid_from,
            )
            if mail_link_from and account.email:
                mailed.append(account)
                raw = ""  # the user chooses a password through the link instead
            report.created.append(
                CreatedAccount(
                    row.row,
                    account.pk,
                    account.username,
                    account.first_name,
                    row.unit.name,
                    labels[row.role],
                    raw,
                )
            )
        audit.record(
            actor=actor,
            action="org.account.imported",
            obj=report.rows[0].unit,
            message=f"{len(report.created)} tài khoản",
            data={"accounts": [c.user_id for c in report.created]},
        )
    for account in mailed:  # once the accounts are stored
        mail_password_link(account, mail_link_from)
    return report
