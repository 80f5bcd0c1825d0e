"""The candidate list as an Excel file: the template the app offers, and the import.

Columns are found by their header text, so a unit may reorder them. Every wrong row comes
back with its row number, column letter and a Vietnamese reason; the caller decides whether
to import nothing (the default) or only the clean rows.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel
from openpyxl.worksheet.datavalidation import DataValidation

from thidua.campaigns.models import AwardForm, Campaign, Criterion
from thidua.core.spreadsheet import put_value
from thidua.core.text import ascii_key, clean_text, text_key
from thidua.org.models import Person, Unit
from thidua.org.people_import import new_person_fields

INDIVIDUAL, COLLECTIVE = "Cá nhân", "Tập thể"
BASE_COLUMNS = [
    ("stt", "STT", 6),
    ("type", "Loại (Cá nhân/Tập thể)", 14),
    ("name", "Họ và tên / Tên tập thể", 30),
    ("dob", "Ngày sinh (dd/mm/yyyy)", 16),
    ("form", "Hình thức đề nghị khen thưởng", 40),
    ("summary", "Tóm tắt thành tích", 60),
]
# Optional: when the list names a person the unit's staff lacks, these columns let the import
# offer to add them (after the user confirms) instead of refusing the row.
STAFF_COLUMNS = [
    ("gender", "Giới tính", 10),
    ("category", "Đối tượng", 18),
    ("position", "Chức vụ", 24),
    ("ethnicity", "Dân tộc", 12),
]
MAX_ROWS = 20000


def number_facts(campaign: Campaign) -> list[tuple[str, str]]:
    """(fact code, column header) of every figure the campaign's criteria ask for."""
    seen: dict[str, str] = {}
    for params in Criterion.objects.filter(
        criteria_set__award_form__campaign=campaign, kind="number_at_least"
    ).values_list("params", flat=True):
        code = params.get("fact")
        if code and code not in seen:
            unit = params.get("unit") or ""
            seen[code] = params.get("fact_label", code) + (f" ({unit})" if unit else "")
    return list(seen.items())


def build_template(campaign: Campaign, unit: Unit) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh sách đề nghị"
    facts = number_facts(campaign)
    headers = [(h, w) for _k, h, w in BASE_COLUMNS] + [(label, 18) for _c, label in facts]
    headers += [(h, w) for _k, h, w in STAFF_COLUMNS]
    for col, (header, width) in enumerate(headers, start=1):
        cell = put_value(sheet, 1, col, header)  # fact labels come from the campaign's data
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="FDE9D9")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A2"
    forms = list(campaign.award_forms.values_list("name", flat=True))
    type_list = DataValidation(
        type="list", formula1=f'"{INDIVIDUAL},{COLLECTIVE}"', allow_blank=True
    )
    sheet.add_data_validation(type_list)
    type_list.add(f"B2:B{MAX_ROWS}")
    guide = workbook.create_sheet("Hướng dẫn")
    lines = [
        f"Đợt thi đua: {campaign.title}",
        f"Đơn vị đề nghị: {unit}",
        "",
        "Mỗi dòng là một cá nhân hoặc một tập thể được đề nghị khen thưởng.",
        "Loại: ghi “Cá nhân” hoặc “Tập thể”.",
        "Họ và tên / Tên tập thể: ghi đúng như trong danh sách cán bộ, đơn vị trên hệ thống.",
        "Ngày sinh: chỉ cần khi có hai người trùng họ tên; ghi dạng dd/mm/yyyy.",
        "Hình thức đề nghị: chép đúng một trong các hình thức sau:",
        *[f"    {name}" for name in forms],
        "Các cột số liệu (nếu có): ghi số, không ghi chữ.",
        "Giới tính, Đối tượng, Chức vụ, Dân tộc: chỉ cần cho người chưa có trong danh sách cán bộ"
        " của đơn vị; hệ thống sẽ đề nghị thêm họ trước khi nhập.",
        "Dòng trống được bỏ qua.",
    ]
    for row, line in enumerate(lines, start=1):
        put_value(guide, row, 1, line)
    guide.column_dimensions["A"].width = 110
    forms_sheet = workbook.create_sheet("Hình thức")
    for row, name in enumerate(forms, start=1):
        put_value(forms_sheet, row, 1, name)
    if forms:
        form_list = DataValidation(
            type="list", formula1=f"='Hình thức'!$A$1:$A${len(forms)}", allow_blank=True
        )
        sheet.add_data_validation(form_list)
        form_list.add(f"E2:E{MAX_ROWS}")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ParsedRow:
    row: int
    award_form: AwardForm
    summary: str
    person: Match | None = None
    unit: Match | None = None
    facts: dict = field(default_factory=dict)
    new_person: dict | None = None  # staff fields of a person the unit's staff lacks

    @property
    def name(self) -> str:
        return (self.person or self.unit).name


@dataclass
class ImportReport:
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    imported: int = 0
    added_people: int = 0

    @property
    def new_people(self) -> list[ParsedRow]:
        """One row per person to add to the staff (the first row naming them)."""
        seen: set[tuple] = set()
        rows = []
        for row in self.rows:
            if row.new_person and (key := new_key(row)) not in seen:
                seen.add(key)
                rows.append(row)
        return rows

    @property
    def bad_rows(self) -> int:
        return len({e.row for e in self.errors})


def parse_date(value) -> date | None | str:
    """A date from a real Excel date, an Excel serial number or "dd/mm/yyyy" text; the string
    "invalid" when the value is there but is not a date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return from_excel(value).date()
        except (ValueError, OverflowError, AttributeError):
            return "invalid"
    match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", str(value).strip())
    if not match:
        return "invalid"
    day, month, year = map(int, match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return "invalid"


def parse_number(value) -> float | None | str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        text = str(value).strip().replace(" ", "")
        if not re.fullmatch(r"\d+([.,]\d+)?", text):
            return "invalid"
        number = float(text.replace(",", "."))
    return "invalid" if number < 0 else number


def new_key(row: ParsedRow) -> tuple:
    assert row.person is not None
    return ("new", text_key(row.person.name), row.person.date_of_birth)


class Match(NamedTuple):
    pk: int
    name: str
    date_of_birth: date | None = None


class Lookup:
    """Names of people and collectives of a unit's subtree, and the campaign's award forms.
    Plain tuples, not model rows: a province has tens of thousands of people."""

    def __init__(self, unit: Unit, campaign: Campaign):
        self.people: dict[str, list[Match]] = {}
        subtree = Unit.objects.filter(path__startswith=unit.path).values("pk")
        # By unit id (indexed on Person), not by a join on the path: a nation has 1M people.
        for row in Person.objects.filter(unit_id__in=subtree).values_list(
            "pk", "full_name", "date_of_birth"
        ):
            self.people.setdefault(text_key(row[1]), []).append(Match(*row))
        self.units: dict[str, list[Match]] = {}
        for row in Unit.objects.filter(path__startswith=unit.path).values_list("pk", "name"):
            self.units.setdefault(text_key(row[1]), []).append(Match(*row))
        self.forms = {text_key(f.name): f for f in campaign.award_forms.all()}


def parse_workbook(uploaded, dossier, existing: set[tuple] | None = None) -> ImportReport:
    """Read and check every row; nothing is written here."""
    report = ImportReport()
    try:
        workbook = load_workbook(uploaded, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a broken file
        report.errors.append(RowError(0, "", "Không đọc được tệp Excel (.xlsx)."))
        return report
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header_row, columns = 0, {}
    facts = number_facts(dossier.campaign)
    wanted = {text_key(h): k for k, h, _w in BASE_COLUMNS}
    wanted |= {text_key(label): f"fact:{code}" for code, label in facts}
    wanted |= {text_key(h): k for k, h, _w in STAFF_COLUMNS}
    for index, values in enumerate(rows, start=1):
        keys = [text_key(v) for v in values]
        if "hình thức đề nghị khen thưởng" in keys or "họ và tên / tên tập thể" in keys:
            header_row = index
            columns = {wanted[k]: i for i, k in enumerate(keys) if k in wanted}
            break
        if index >= 10:
            break
    missing = [h for k, h, _w in BASE_COLUMNS if k not in columns and k not in ("stt", "dob")]
    if not header_row or missing:
        report.errors.append(
            RowError(
                header_row or 1,
                "",
                "Thiếu cột: " + ", ".join(missing) + ". Hãy dùng mẫu tải về từ hệ thống.",
            )
        )
        workbook.close()
        return report
    lookup = Lookup(dossier.unit, dossier.campaign)
    seen = set(existing or ())
    letter = {name: get_column_letter(i + 1) for name, i in columns.items()}
    for index, values in enumerate(rows, start=header_row + 1):
        if index - header_row > MAX_ROWS:
            report.errors.append(RowError(index, "", f"Tệp vượt quá {MAX_ROWS} dòng."))
            break
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        cell = {name: (values[i] if i < len(values) else None) for name, i in columns.items()}
        parsed = _parse_row(index, cell, letter, lookup, facts, report.errors, seen)
        if parsed is not None:
            report.rows.append(parsed)
    workbook.close()
    return report


def _parse_row(index, cell, letter, lookup: Lookup, facts, errors, seen) -> ParsedRow | None:
    before = len(errors)

    def error(column: str, message: str):
        errors.append(RowError(index, letter.get(column, ""), message))

    kind = ascii_key(cell.get("type"))
    name = clean_text(cell.get("name"))
    dob = parse_date(cell.get("dob"))
    if kind not in ("ca nhan", "tap the"):
        error("type", "Loại phải là “Cá nhân” hoặc “Tập thể”.")
    if not name:
        error("name", "Thiếu họ và tên / tên tập thể.")
    if dob == "invalid":
        error("dob", "Ngày sinh không hợp lệ (ghi ngày có thật, dạng dd/mm/yyyy).")
    person = unit = None
    new_person: dict | None = None
    if name and kind == "ca nhan":
        matches = lookup.people.get(text_key(name), [])
        if isinstance(dob, date):
            matches = [p for p in matches if p.date_of_birth == dob]
        new_person, missing = new_person_fields(cell) if not matches else (None, "")
        if not matches and new_person is not None:
            person = Match(0, name, dob if isinstance(dob, date) else None)
        elif not matches:
            error(
                "name",
                f"Không tìm thấy cá nhân “{name}”"
                + (f" sinh ngày {dob:%d/%m/%Y}" if isinstance(dob, date) else "")
                + " trong đơn vị."
                + f" Để thêm người này vào danh sách cán bộ, {missing}.",
            )
        elif len(matches) > 1:
            error("dob", f"Có {len(matches)} người tên “{name}”: ghi ngày sinh để phân biệt.")
        else:
            person = matches[0]
    elif name and kind == "tap the":
        matches = lookup.units.get(text_key(name), [])
        if not matches:
            error("name", f"Không tìm thấy tập thể “{name}” trong đơn vị.")
        elif len(matches) > 1:
            error("name", f"Có {len(matches)} tập thể tên “{name}”.")
        else:
            unit = matches[0]
    form_name = clean_text(cell.get("form"))
    award_form = lookup.forms.get(text_key(form_name))
    if not form_name:
        error("form", "Thiếu hình thức đề nghị khen thưởng.")
    elif award_form is None:
        error("form", f"Hình thức “{form_name}” không có trong đợt thi đua.")
    summary = clean_text(cell.get("summary"))
    if not summary:
        error("summary", "Thiếu tóm tắt thành tích.")
    values = {}
    for code, label in facts:
        number = parse_number(cell.get(f"fact:{code}"))
        if number == "invalid":
            error(f"fact:{code}", f"{label}: phải là số không âm.")
        elif number is not None:
            values[code] = int(number) if float(number).is_integer() else number
    if len(errors) > before:
        return None
    subject = ("u", unit.pk) if unit else ("p", person.pk)
    if person and new_person:
        subject = ("new", text_key(name), person.date_of_birth)
    key = (subject, award_form.pk)
    if key in seen:
        error("name", f"“{name}” đã có trong hồ sơ hoặc trùng một dòng trước với cùng hình thức.")
        return None
    seen.add(key)
    return ParsedRow(index, award_form, summary, person, unit, values, new_person)
