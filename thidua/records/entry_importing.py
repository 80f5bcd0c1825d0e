"""Annual ratings and legacy awards from Excel, read with ``core.sheets``.

A row names a person by full name, birth date and unit (compared as people write them: Unicode
form, case and spacing do not matter), or a collective by leaving the name empty and giving the
unit. Units are looked up in the importing unit's subtree only. Every wrong cell comes back
with its row and column; nothing is stored unless the whole file is clean, or only the clean
rows on request. The people of the subtree are read once, as plain tuples.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import IO, Any

from django.db import transaction
from django.utils import timezone

from thidua.core import audit
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
from thidua.org import access
from thidua.org.access import Actor, Perm, acting_user
from thidua.org.models import Person, Unit

from .entry_services import NO_EVIDENCE, Evidence, store_ratings
from .levels import AUTHORITY_LEVELS, RATING_LEVELS
from .models import AwardKind, AwardRecord, AwardType
from .signals import awards_entered

MAX_ROWS = 200_000
SUBJECT_COLUMNS = [
    Column("name", "Họ và tên", 30, required=False),
    Column("dob", "Ngày sinh", 14, required=False),
    Column("unit", "Đơn vị", 34),
]
RATING_COLUMNS = [*SUBJECT_COLUMNS, Column("year", "Năm", 8), Column("level", "Xếp loại", 34)]
AWARD_COLUMNS = [
    *SUBJECT_COLUMNS,
    Column("award_name", "Danh hiệu, hình thức khen thưởng", 40),
    Column("award_kind", "Loại", 24),
    Column("award_type", "Loại hình", 24, required=False),
    Column("authority_level", "Cấp khen", 30),
    Column("decision_number", "Số quyết định", 16),
    Column("decided_on", "Ngày quyết định", 14),
    Column("issuer_name", "Cơ quan ban hành", 30),
    Column("campaign_title", "Đợt thi đua", 30, required=False),
    Column("achievement", "Thành tích", 40, required=False),
]

COLUMN_KEYS = list(dict.fromkeys(c.key for c in [*RATING_COLUMNS, *AWARD_COLUMNS]))


def _choice_keys(choices: list[tuple[str, str]] | Any) -> dict[str, str]:
    """Codes by every way of writing them: the code, the label, with or without diacritics,
    and for ratings without the trailing "nhiệm vụ"."""
    keys: dict[str, str] = {}
    for code, label_text in choices:
        for text in (code, label_text, label_text.removesuffix(" nhiệm vụ")):
            keys[text_key(text)] = code
            keys[ascii_key(text)] = code
    return keys


RATING_KEYS = _choice_keys(RATING_LEVELS)
AUTHORITY_KEYS = _choice_keys(AUTHORITY_LEVELS)
AWARD_KIND_KEYS = _choice_keys(AwardKind.choices)
AWARD_TYPE_KEYS = _choice_keys(AwardType.choices)


@dataclass
class ImportReport:
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0
    imported: int = 0

    @property
    def bad_rows(self) -> int:
        return len({e.row for e in self.errors})


class Subjects:
    """The people and collectives of a unit's subtree, keyed as rows name them."""

    def __init__(self, root: Unit) -> None:
        self.units: dict[str, list[int]] = {}
        unit_ids = []
        for pk, name in Unit.objects.filter(path__startswith=root.path).values_list("pk", "name"):
            self.units.setdefault(text_key(name), []).append(pk)
            unit_ids.append(pk)
        self.people: dict[tuple[str, date | None, int], list[int]] = {}
        keys: dict[str, str] = {}
        for pk, name, born, unit_id in Person.objects.filter(
            unit_id__in=Unit.objects.filter(path__startswith=root.path).values("pk")
        ).values_list("pk", "full_name", "date_of_birth", "unit_id"):
            key = keys.get(name)
            if key is None:
                key = keys[name] = text_key(name)
            self.people.setdefault((key, born, unit_id), []).append(pk)
        self._keys: dict[Any, str] = {}

    def key(self, value: Any) -> str:
        found = self._keys.get(value)
        if found is None:
            found = self._keys[value] = text_key(value)
        return found

    def find(self, sheet: Sheet, line: int, raw: dict[str, Any]) -> str | None:
        """The row's subject as "p<id>" (a person) or "u<id>" (a collective); None after
        recording the error."""
        units = self.units.get(self.key(raw["unit"]), [])
        if is_blank(raw["unit"]):
            sheet.error(line, "unit", "Thiếu tên đơn vị.")
            return None
        if not units:
            sheet.error(line, "unit", f"Không có đơn vị “{clean_text(raw['unit'])}” trong phạm vi.")
            return None
        if is_blank(raw["name"]):
            if len(units) > 1:
                shown = clean_text(raw["unit"])
                sheet.error(line, "unit", f"Có {len(units)} đơn vị cùng tên “{shown}”.")
                return None
            return f"u{units[0]}"
        born = raw["dob"]
        if not isinstance(born, date) or hasattr(born, "hour"):
            born = parse_date(born)
        if born == "invalid":
            sheet.error(line, "dob", "Ngày sinh không hợp lệ (ghi dạng dd/mm/yyyy).")
            return None
        # Units of the same name (two wards' "Tổ dân phố số 1"): the person tells them apart.
        name = self.key(raw["name"])
        people = [pk for unit_id in units for pk in self.people.get((name, born, unit_id), ())]
        if not people:
            sheet.error(
                line,
                "name",
                f"Không có “{clean_text(raw['name'])}”"
                f"{f' sinh ngày {born:%d/%m/%Y}' if born else ''} trong danh sách của đơn vị.",
            )
            return None
        if len(people) > 1:
            sheet.error(line, "name", f"Có {len(people)} người trùng họ tên, ngày sinh, đơn vị.")
            return None
        return f"p{people[0]}"


def _choice(
    sheet: Sheet, line: int, raw: dict[str, Any], column: str, keys: dict[str, str]
) -> str | None:
    value = raw[column]
    code = keys.get(text_key(value)) or keys.get(ascii_key(value))
    if code is None:
        shown = clean_text(value) or "(trống)"
        sheet.error(line, column, f"Giá trị “{shown}” không có trong danh sách cho phép.")
    return code


def _year(sheet: Sheet, line: int, value: Any, latest: int) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        text = str(value)
    else:
        text = str(value).strip().removesuffix(".0") if not is_blank(value) else ""
    if not text.isdigit() or not 1975 <= int(text) <= latest:
        sheet.error(line, "year", "Năm không hợp lệ (ghi bốn chữ số, không sau năm nay).")
        return None
    return int(text)


def _open(uploaded: IO[bytes], columns: list[Column], report: ImportReport) -> Sheet | None:
    sheet, errors = read_sheet(uploaded, columns, max_rows=MAX_ROWS)
    report.errors += errors
    return sheet


def import_ratings(
    *,
    actor: Actor,
    unit: Unit,
    uploaded: IO[bytes],
    evidence: Evidence = NO_EVIDENCE,
    only_clean: bool = False,
) -> ImportReport:
    """Ratings of the people and collectives of ``unit``'s subtree from an Excel list."""
    access.require(actor, unit, Perm.MANAGE_RECORDS)
    report = ImportReport()
    with gc_paused():
        sheet = _open(uploaded, RATING_COLUMNS, report)
        if sheet is None:
            return report
        return ratings_from_sheet(
            actor=actor, unit=unit, sheet=sheet, evidence=evidence, only_clean=only_clean
        )


def ratings_from_sheet(
    *, actor: Actor, unit: Unit, sheet: Sheet, evidence: Evidence, only_clean: bool
) -> ImportReport:
    """Check every row of ``sheet`` (an Excel list or JSON rows) and store the ratings."""
    access.require(actor, unit, Perm.MANAGE_RECORDS)
    report = ImportReport()
    subjects = Subjects(unit)
    seen: dict[tuple[str, int], int] = {}
    clean: list[tuple[int, str, str]] = []
    latest = timezone.localdate().year  # once: asking the time zone costs per row
    for line, raw in sheet.rows():
        report.rows += 1
        before = len(sheet.errors)
        key = subjects.find(sheet, line, raw)
        year = _year(sheet, line, raw["year"], latest)
        level = RATING_KEYS.get(subjects.key(raw["level"])) or _choice(
            sheet, line, raw, "level", RATING_KEYS
        )
        if key and year and (key, year) in seen:
            sheet.error(line, "name", f"Trùng với dòng {seen[(key, year)]} (cùng người, cùng năm).")
        if len(sheet.errors) == before and key and year and level:
            seen[(key, year)] = line
            clean.append((year, key, level))
    report.errors += sheet.errors
    if report.errors and not only_clean or not clean:
        return report
    store_ratings(
        actor=actor,
        year_levels=clean,
        evidence=evidence,
        action="records.rating.imported",
        obj=unit,
        message=f"{len(clean)} dòng",
    )
    report.imported = len(clean)
    return report


def import_legacy_awards(
    *, actor: Actor, unit: Unit, uploaded: IO[bytes], only_clean: bool = False
) -> ImportReport:
    """Awards received before the system, from an Excel list; the statistics count them."""
    access.require(actor, unit, Perm.MANAGE_RECORDS)
    report = ImportReport()
    sheet = _open(uploaded, AWARD_COLUMNS, report)
    if sheet is None:
        return report
    return awards_from_sheet(actor=actor, unit=unit, sheet=sheet, only_clean=only_clean)


def awards_from_sheet(*, actor: Actor, unit: Unit, sheet: Sheet, only_clean: bool) -> ImportReport:
    access.require(actor, unit, Perm.MANAGE_RECORDS)
    report = ImportReport()
    subjects = Subjects(unit)
    user, now = acting_user(actor), timezone.now()
    records: list[AwardRecord] = []
    for line, raw in sheet.rows():
        report.rows += 1
        before = len(sheet.errors)
        key = subjects.find(sheet, line, raw)
        kind = _choice(sheet, line, raw, "award_kind", AWARD_KIND_KEYS)
        award_type = (
            AwardType.CONG_TRANG
            if is_blank(raw.get("award_type"))
            else _choice(sheet, line, raw, "award_type", AWARD_TYPE_KEYS)
        )
        level = _choice(sheet, line, raw, "authority_level", AUTHORITY_KEYS)
        decided_on = parse_date(raw["decided_on"])
        if not isinstance(decided_on, date):
            sheet.error(line, "decided_on", "Ngày quyết định không hợp lệ (ghi dạng dd/mm/yyyy).")
        texts = {c: clean_text(raw[c]) for c in ("award_name", "decision_number", "issuer_name")}
        for column, text in texts.items():
            if not text:
                sheet.error(line, column, "Bắt buộc nhập.")
        if (
            len(sheet.errors) == before
            and key
            and kind
            and award_type
            and level
            and isinstance(decided_on, date)
        ):
            records.append(
                AwardRecord(
                    **{"person_id" if key[0] == "p" else "unit_id": int(key[1:])},
                    award_name=texts["award_name"][:200],
                    decision_number=texts["decision_number"][:50],
                    issuer_name=texts["issuer_name"][:200],
                    award_kind=kind,
                    award_type=award_type,
                    authority_level=level,
                    decided_on=decided_on,
                    campaign_title=clean_text(raw.get("campaign_title"))[:500],
                    achievement=clean_text(raw.get("achievement")),
                    is_legacy=True,
                    entered_by=user,
                    entered_at=now,
                    evidence_number=texts["decision_number"][:50],
                    evidence_date=decided_on,
                )
            )
    report.errors += sheet.errors
    if report.errors and not only_clean or not records:
        return report
    with transaction.atomic():
        first = AwardRecord.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        AwardRecord.objects.bulk_create(records, batch_size=2000)
        awards = AwardRecord.objects.filter(pk__gt=first, is_legacy=True, entered_at=now)
        awards_entered.send(sender=AwardRecord, awards=awards)
        audit.record(
            actor=actor,
            action="records.award.imported",
            obj=unit,
            message=f"{len(records)} dòng",
        )
    report.imported = len(records)
    return report


def _example_rows(unit: Unit, year: int) -> Iterator[list[Any]]:
    for name, born, unit_name in (
        Person.objects.filter(unit=unit, left_on__isnull=True)
        .order_by("full_name")
        .values_list("full_name", "date_of_birth", "unit__name")[:2000]
    ):
        yield [name, born, unit_name, year, ""]


def ratings_template(unit: Unit, year: int) -> bytes:
    guide = [
        f"Kết quả đánh giá, xếp loại hằng năm – {unit.name}",
        "Mỗi dòng là một cá nhân (Họ và tên, Ngày sinh, Đơn vị) hoặc một tập thể "
        "(để trống Họ và tên, ghi tên tập thể ở cột Đơn vị).",
        "Ngày sinh: dd/mm/yyyy. Năm: bốn chữ số. Xếp loại: chọn trong danh sách.",
        "Đơn vị phải là đơn vị thuộc phạm vi quản lý; họ tên, ngày sinh như trong danh sách cán bộ.",
        "Dòng trống được bỏ qua. Nếu có dòng sai, không dòng nào được lưu (trừ khi chọn "
        "“Chỉ nhập các dòng đúng”).",
    ]
    return build_template(
        "Xếp loại",
        RATING_COLUMNS,
        guide,
        rows=list(_example_rows(unit, year)),
        choices={"level": [label for _c, label in RATING_LEVELS]},
    )


def awards_template(unit: Unit) -> bytes:
    guide = [
        f"Khen thưởng đã nhận trước khi dùng hệ thống – {unit.name}",
        "Mỗi dòng là một khen thưởng của một cá nhân (Họ và tên, Ngày sinh, Đơn vị) hoặc một "
        "tập thể (để trống Họ và tên, ghi tên tập thể ở cột Đơn vị).",
        "Loại, Loại hình, Cấp khen: chọn trong danh sách. Ngày quyết định: dd/mm/yyyy.",
        "Dòng trống được bỏ qua. Nếu có dòng sai, không dòng nào được lưu.",
    ]
    return build_template(
        "Khen thưởng",
        AWARD_COLUMNS,
        guide,
        choices={
            "award_kind": [label for _c, label in AwardKind.choices],
            "award_type": [label for _c, label in AwardType.choices],
            "authority_level": [label for _c, label in AUTHORITY_LEVELS],
        },
    )
