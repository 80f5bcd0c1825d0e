"""The staff list as an Excel file: the template, the check of every row, and the import.

Read with ``core.sheets`` (columns by header text, blank rows skipped, errors by row and column
letter). A row naming a person already on the staff (same name, birth date and unit) is a
"trùng" row: shown, not imported unless the user asks. Nothing is stored unless the whole file
is clean, or the user asked for the clean rows only. 10,000 rows are written with two
``bulk_create`` (people, then their employment rows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from thidua.core import audit, uploads
from thidua.core.bulk import gc_paused
from thidua.core.sheets import (
    Column,
    RowError,
    Sheet,
    build_template,
    is_blank,
    parse_date,
    read_sheet,
)
from thidua.core.text import ascii_key, clean_text, text_key

from . import access
from .access import Actor, Perm
from .ethnicities import ETHNICITIES
from .models import Employment, Gender, Person, PersonCategory, Unit

MAX_ROWS = 20000
COLUMNS = [
    Column("name", "Họ và tên", 28),
    Column("gender", "Giới tính", 10),
    Column("dob", "Ngày sinh", 14, required=False),
    Column("ethnicity", "Dân tộc", 12, required=False),
    Column("unit", "Đơn vị", 36),
    Column("position", "Chức vụ", 28, required=False),
    Column("category", "Đối tượng", 18),
    Column("leader", "Lãnh đạo", 10, required=False),
]
YES = {"co", "x", "1", "true", "lanh dao", "yes"}
NO = {"khong", "0", "false", "no", ""}


def template(units: list[str]) -> bytes:
    return build_template(
        "Danh sách cán bộ",
        COLUMNS,
        [
            "Mỗi dòng là một cán bộ, công chức, viên chức, người lao động.",
            "Họ và tên, Giới tính (Nam/Nữ), Đơn vị, Đối tượng: bắt buộc.",
            "Ngày sinh: dạng dd/mm/yyyy hoặc ô ngày của Excel.",
            "Dân tộc: tên dân tộc (để trống là Kinh).",
            "Đơn vị: đúng tên đơn vị trên hệ thống, trong phạm vi bạn quản lý.",
            "Đối tượng: " + ", ".join(label for _v, label in PersonCategory.choices) + ".",
            "Lãnh đạo: ghi “Có” nếu là lãnh đạo, quản lý; để trống nếu không.",
            "Người đã có trên hệ thống (trùng họ tên, ngày sinh, đơn vị) được báo là “trùng”.",
            "Dòng trống được bỏ qua.",
        ],
        choices={
            "gender": [label for _v, label in Gender.choices],
            "category": [label for _v, label in PersonCategory.choices],
            "unit": units,
            "leader": ["Có", "Không"],
        },
    )


@dataclass
class StaffRow:
    row: int
    values: dict[str, Any]  # Person fields, unit_id included
    duplicate_of: int | None = None  # a person already on the staff

    @property
    def key(self) -> tuple[str, date | None, int]:
        v = self.values
        return (text_key(v["full_name"]), v["date_of_birth"], v["unit_id"])


@dataclass
class StaffReport:
    rows: list[StaffRow] = field(default_factory=list)
    duplicates: list[StaffRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    imported: int = 0

    @property
    def bad_rows(self) -> int:
        return len({e.row for e in self.errors})


class Lookups:
    def __init__(self, actor: Actor, perm: str):
        self.units: dict[str, list[int]] = {}
        for pk, name in access.units_with(actor, perm).values_list("pk", "name"):
            self.units.setdefault(text_key(name), []).append(pk)
        self.genders = {ascii_key(label): v for v, label in Gender.choices}
        self.categories = {ascii_key(label): v for v, label in PersonCategory.choices}
        self.categories |= {v.replace("_", " "): v for v in PersonCategory.values}
        self.ethnicities = {ascii_key(label): code for code, label in ETHNICITIES}
        self.ethnicities |= {code: code for code, _l in ETHNICITIES}

    def existing(self, unit_ids: set[int]) -> dict[tuple, int]:
        found: dict[tuple, int] = {}
        rows = Person.objects.filter(unit_id__in=unit_ids).values_list(
            "pk", "full_name", "date_of_birth", "unit_id"
        )
        for pk, name, dob, unit_id in rows:
            found.setdefault((text_key(name), dob, unit_id), pk)
        return found


def check_rows(uploaded: IO[bytes], actor: Actor, perm: str = Perm.MANAGE_PEOPLE) -> StaffReport:
    """Read and check every row of the file; nothing is written here."""
    sheet, errors = read_sheet(uploaded, COLUMNS, max_rows=MAX_ROWS)
    if sheet is None:
        return StaffReport(errors=errors)
    return _check(sheet, actor, perm)


def check_records(records: list[dict[str, Any]], actor: Actor) -> StaffReport:
    """The same check for rows sent as JSON (the API's bulk import): keys are the column keys
    (name, gender, dob, ethnicity, unit, position, category, leader), rows count from 1."""
    sheet = Sheet(0, {c.key: c.key for c in COLUMNS})
    if len(records) > MAX_ROWS:
        return StaffReport(errors=[RowError(0, "", f"Quá {MAX_ROWS} dòng.")])
    sheet._rows = (
        (i, {c.key: _json_value(c.key, r.get(c.key)) for c in COLUMNS})
        for i, r in enumerate(records, start=1)
        if not all(is_blank(v) for v in r.values())
    )
    return _check(sheet, actor, Perm.MANAGE_PEOPLE)


def _json_value(key: str, value: Any) -> Any:
    """JSON sends dates as text: ISO (yyyy-mm-dd) is read as well as dd/mm/yyyy."""
    if key == "dob" and isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _check(sheet: Sheet, actor: Actor, perm: str) -> StaffReport:
    report = StaffReport()
    lookups = Lookups(actor, perm)
    seen: dict[tuple, int] = {}
    parsed: list[StaffRow] = []
    for index, cells in sheet.rows():
        row = _parse(index, cells, sheet, lookups)
        if row is None:
            continue
        if row.key in seen:
            sheet.error(index, "name", f"Trùng với dòng {seen[row.key]} của tệp.")
            continue
        seen[row.key] = index
        parsed.append(row)
    existing = lookups.existing({r.values["unit_id"] for r in parsed})
    for row in parsed:
        row.duplicate_of = existing.get(row.key)
        (report.duplicates if row.duplicate_of else report.rows).append(row)
    report.errors = sheet.errors
    return report


def _parse(index: int, cells: dict[str, Any], sheet: Sheet, lookups: Lookups) -> StaffRow | None:
    before = len(sheet.errors)
    name = clean_text(cells.get("name"))
    if not name:
        sheet.error(index, "name", "Thiếu họ và tên.")
    gender = lookups.genders.get(ascii_key(cells.get("gender")))
    if gender is None:
        sheet.error(index, "gender", "Giới tính phải là “Nam” hoặc “Nữ”.")
    dob = parse_date(cells.get("dob"))
    if dob == "invalid":
        sheet.error(index, "dob", "Ngày sinh không hợp lệ (ghi ngày có thật, dạng dd/mm/yyyy).")
    ethnicity = "01"
    if not is_blank(cells.get("ethnicity")):
        found = lookups.ethnicities.get(ascii_key(cells.get("ethnicity")))
        if found is None:
            sheet.error(index, "ethnicity", f"Không có dân tộc “{clean_text(cells['ethnicity'])}”.")
        ethnicity = found or ethnicity
    unit_name = clean_text(cells.get("unit"))
    units = lookups.units.get(text_key(unit_name), [])
    if not unit_name:
        sheet.error(index, "unit", "Thiếu đơn vị.")
    elif not units:
        sheet.error(index, "unit", f"Không có đơn vị “{unit_name}” trong phạm vi bạn quản lý.")
    elif len(units) > 1:
        sheet.error(index, "unit", f"Có {len(units)} đơn vị tên “{unit_name}”.")
    category = lookups.categories.get(ascii_key(cells.get("category")))
    if category is None:
        sheet.error(index, "category", "Đối tượng không hợp lệ (xem trang Hướng dẫn của mẫu).")
    leader_text = ascii_key(cells.get("leader"))
    if leader_text not in YES | NO:
        sheet.error(index, "leader", "Lãnh đạo: ghi “Có” hoặc để trống.")
    if len(sheet.errors) > before:
        return None
    values = {
        "full_name": name,
        "search_name": ascii_key(name),
        "gender": gender,
        "date_of_birth": dob,
        "ethnicity": ethnicity,
        "unit_id": units[0],
        "position": clean_text(cells.get("position"))[:150],
        "category": category,
        "is_leader": leader_text in YES,
    }
    return StaffRow(index, values)


GENDERS = {ascii_key(label): v for v, label in Gender.choices}
CATEGORIES = {ascii_key(label): v for v, label in PersonCategory.choices}
ETHNICITY_CODES = {ascii_key(label): code for code, label in ETHNICITIES}


def new_person_fields(cells: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
    """The staff fields of a person that another list (a dossier's candidates) names and the
    staff does not have yet: (fields, "") or (None, what is missing, in Vietnamese)."""
    gender = GENDERS.get(ascii_key(cells.get("gender")))
    category = CATEGORIES.get(ascii_key(cells.get("category")))
    ethnicity = ETHNICITY_CODES.get(ascii_key(cells.get("ethnicity")), "01")
    if gender is None or category is None:
        return None, "ghi Giới tính (Nam/Nữ) và Đối tượng (Cán bộ, Công chức…)"
    fields = {"gender": gender, "category": category, "ethnicity": ethnicity}
    return fields | {"position": clean_text(cells.get("position"))[:150]}, ""


def insert_people(rows: list[StaffRow]) -> list[Person]:
    """Two bulk_create: the people (search_name written here, as ``save`` would), then their
    open employment rows."""
    people = Person.objects.bulk_create([Person(**r.values) for r in rows], batch_size=2000)
    Employment.objects.bulk_create(
        [Employment(person_id=p.pk, unit_id=p.unit_id) for p in people], batch_size=2000
    )
    return people


def import_staff(
    *,
    actor: Actor,
    uploaded: Any,
    only_clean: bool = False,
    include_duplicates: bool = False,
) -> StaffReport:
    """Check the file; store its rows only when all are clean (or, on request, the clean ones).
    Rows of people already on the staff are left out unless ``include_duplicates``."""
    _may_import(actor)
    try:
        uploads.detect_kind(uploaded, allowed=("xlsx",))
    except ValidationError as error:
        return StaffReport(errors=[RowError(0, "", m) for m in error.messages])
    with gc_paused():
        report = check_rows(uploaded, actor)
    source = f"tệp {getattr(uploaded, 'name', '')}"
    return store(actor, report, source, only_clean, include_duplicates)


def import_records(
    *,
    actor: Actor,
    records: list[dict[str, Any]],
    only_clean: bool = False,
    include_duplicates: bool = False,
) -> StaffReport:
    """The API's bulk import: the same checks and rules as the Excel file."""
    _may_import(actor)
    report = check_records(records, actor)
    return store(actor, report, "API", only_clean, include_duplicates)


def _may_import(actor: Actor) -> None:
    if not access.has_perm_anywhere(actor, Perm.MANAGE_PEOPLE):
        raise PermissionDenied("Vai trò của bạn không được quản lý cán bộ.")


def store(
    actor: Actor, report: StaffReport, source: str, only_clean: bool, include_duplicates: bool
) -> StaffReport:
    chosen = report.rows + (report.duplicates if include_duplicates else [])
    if not chosen or (report.errors and not only_clean):
        return report
    with transaction.atomic(), gc_paused():
        insert_people(chosen)
        report.imported = len(chosen)
        unit = Unit.objects.get(pk=chosen[0].values["unit_id"])
        audit.record(
            actor=actor,
            action="org.person.imported",
            obj=unit,
            message=f"Nhập {report.imported} cán bộ từ {source}"
            + (f", bỏ qua {report.bad_rows} dòng lỗi" if report.errors else "")
            + (f", {len(report.duplicates)} dòng trùng" if report.duplicates else ""),
            data={"rows": report.imported},
        )
    return report
