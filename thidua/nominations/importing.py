"""The candidate list as an Excel file: the template the app offers, and the import.

Columns are found by their header text, so a unit may reorder them; the file is read by the
shared reader (``core.sheets``: the active sheet, never a hidden one; CSV too; formula cells
without a value named). Every wrong row comes back with its row number, column letter and a
Vietnamese reason; the caller decides whether to import nothing (the default) or only the
clean rows.

A missing "Loại" column (or an empty cell) is inferred: a birth date means a person, else the
name found among the unit's people or collectives. An award form is matched whatever its
case, with or without diacritics, with the usual abbreviations ("GK", "CT", "UBND"…); a near
miss names the closest form of the campaign (rapidfuzz).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from thidua.campaigns.models import AwardForm, Campaign, Criterion
from thidua.core.sheets import Column, RowError, parse_date, parse_number, read_sheet
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
SHEET_TITLE = "Danh sách đề nghị"  # the template's sheet, read even when another is active


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
    # openpyxl only here: the views import this module, and openpyxl is slow to import.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
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
        "Loại: ghi “Cá nhân” hoặc “Tập thể” (để trống thì hệ thống tự nhận: có ngày sinh là "
        "cá nhân, còn lại theo tên trên hệ thống).",
        "Họ và tên / Tên tập thể: ghi đúng như trong danh sách cán bộ, đơn vị trên hệ thống.",
        "Ngày sinh: chỉ cần khi có hai người trùng họ tên; ghi dạng dd/mm/yyyy.",
        "Hình thức đề nghị: chọn một trong các hình thức sau (không phân biệt chữ hoa, "
        "có dấu hay không dấu; được viết tắt GK, BK, CT, UBND…):",
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
    notices: list[str] = field(default_factory=list)  # hidden sheets, a CSV read
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
        self.form_keys: dict[str, AwardForm | None] = {}
        for form in self.forms.values():
            key = form_key(form.name)  # two forms with one key: neither is matched loosely
            self.form_keys[key] = None if key in self.form_keys else form

    def find_form(self, name: str) -> tuple[AwardForm | None, str | None]:
        """The campaign's award form written as ``name``, or None and the closest form's
        name when there is one near enough."""
        form = self.forms.get(text_key(name)) or self.form_keys.get(form_key(name))
        if form is not None:
            return form, None
        from rapidfuzz import fuzz, process  # only for a near miss, not at start-up

        names = {key: f.name for key, f in self.form_keys.items() if f is not None}
        best = process.extractOne(form_key(name), list(names), scorer=fuzz.WRatio, score_cutoff=70)
        return None, (names[best[0]] if best else None)


# Words written short in award lists, read in full (without diacritics) before comparing.
ABBREVIATIONS = {
    "gk": "giay khen",
    "bk": "bang khen",
    "ct": "chu tich",
    "ubnd": "uy ban nhan dan",
    "tx": "thi xa",
    "tp": "thanh pho",
    "cstd": "chien si thi dua",
    "cstdcs": "chien si thi dua co so",
    "ldtt": "lao dong tien tien",
    "ttldtt": "tap the lao dong tien tien",
    "ttldxs": "tap the lao dong xuat sac",
    "hc": "huan chuong",
    "hcld": "huan chuong lao dong",
    "ttg": "thu tuong",
    "cp": "chinh phu",
}
FILLER_WORDS = {"cua"}


def form_key(name: object) -> str:
    """An award form's name without case, diacritics, punctuation, "của" or abbreviations:
    "GK CT UBND thị xã" and "Giấy khen của Chủ tịch Ủy ban nhân dân thị xã" are one key."""
    words = re.sub(r"[^a-z0-9]+", " ", ascii_key(name)).split()
    expanded = " ".join(ABBREVIATIONS.get(w, w) for w in words).split()
    return " ".join(w for w in expanded if w not in FILLER_WORDS)


def new_key(row: ParsedRow) -> tuple:
    assert row.person is not None
    return ("new", text_key(row.person.name), row.person.date_of_birth)


def columns_of(facts: list[tuple[str, str]]) -> list[Column]:
    optional = {"stt", "type", "dob"}
    return (
        [
            Column(key, header, width, required=key not in optional, is_row_number=key == "stt")
            for key, header, width in BASE_COLUMNS
        ]
        + [Column(f"fact:{code}", label, required=False) for code, label in facts]
        + [Column(key, header, width, required=False) for key, header, width in STAFF_COLUMNS]
    )


def parse_workbook(uploaded, dossier, existing: set[tuple] | None = None) -> ImportReport:
    """Read and check every row; nothing is written here."""
    report = ImportReport()
    facts = number_facts(dossier.campaign)
    sheet, errors = read_sheet(
        uploaded, columns_of(facts), max_rows=MAX_ROWS, sheet_name=SHEET_TITLE
    )
    if sheet is None:
        report.errors.extend(errors)
        return report
    report.notices = sheet.notices
    lookup = Lookup(dossier.unit, dossier.campaign)
    seen = set(existing or ())
    for index, cell in sheet.rows():
        parsed = _parse_row(index, cell, sheet.letters, lookup, facts, report.errors, seen)
        if parsed is not None:
            report.rows.append(parsed)
    report.errors.extend(sheet.errors)
    report.errors.sort(key=lambda e: e.row)
    return report


def _parse_row(index, cell, letter, lookup: Lookup, facts, errors, seen) -> ParsedRow | None:
    before = len(errors)

    def error(column: str, message: str):
        errors.append(RowError(index, letter.get(column, ""), message))

    kind = ascii_key(cell.get("type"))
    name = clean_text(cell.get("name"))
    dob = parse_date(cell.get("dob"))
    if not name:
        error("name", "Thiếu họ và tên / tên tập thể.")
    if dob == "invalid":
        error("dob", "Ngày sinh không hợp lệ (ghi ngày có thật, dạng dd/mm/yyyy).")
    if not kind and name:  # no "Loại" column, or left empty
        kind = _infer_kind(name, dob, lookup, error, has_staff_fields=bool(cell.get("gender")))
    elif kind not in ("ca nhan", "tap the"):
        error("type", "Loại phải là “Cá nhân” hoặc “Tập thể”.")
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
    award_form, closest = lookup.find_form(form_name) if form_name else (None, None)
    if not form_name:
        error("form", "Thiếu hình thức đề nghị khen thưởng.")
    elif award_form is None:
        error(
            "form",
            f"Hình thức “{form_name}” không có trong đợt thi đua."
            + (f" Có phải “{closest}”?" if closest else ""),
        )
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


def _infer_kind(name: str, dob, lookup: Lookup, error, *, has_staff_fields: bool = False) -> str:
    """ "ca nhan" or "tap the" for a row without its "Loại": a birth date (or a person's staff
    fields) means a person; else the name decides when it is only a person's or a
    collective's."""
    if isinstance(dob, date) or has_staff_fields:
        return "ca nhan"
    key = text_key(name)
    person, collective = key in lookup.people, key in lookup.units
    if person and not collective:
        return "ca nhan"
    if collective and not person:
        return "tap the"
    if person and collective:
        error(
            "type", f"“{name}” là tên của cả cá nhân và tập thể: ghi Loại “Cá nhân” hoặc “Tập thể”."
        )
    else:
        error("name", f"Không tìm thấy cá nhân hay tập thể “{name}” trong đơn vị.")
    return ""
