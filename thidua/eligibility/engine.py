"""The criteria engine: pure Python over plain facts, no Django.

A criterion is data (``CriterionSpec``: a kind, the plan's own wording, parameters and, for
groups, children). ``evaluate`` turns one candidate's ``Facts`` into a ``CriterionResult`` per
criterion, đạt / không đạt / cần xác nhận, each with a Vietnamese explanation. ``KINDS``
describes every kind and its parameters so that forms and the API are built from it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import cache
from typing import NamedTuple

from thidua.records.levels import AUTHORITY_LEVELS, DISCIPLINE_FORMS, RATING_LEVELS, label, rank


class Status(str, Enum):
    DAT = "dat"
    KHONG_DAT = "khong_dat"
    CAN_XAC_NHAN = "can_xac_nhan"

    @property
    def label(self) -> str:
        return {"dat": "Đạt", "khong_dat": "Không đạt", "can_xac_nhan": "Cần xác nhận"}[self.value]


@dataclass(frozen=True)
class CriterionSpec:
    key: str
    kind: str
    text: str
    params: Mapping[str, object] = field(default_factory=dict)
    children: tuple[CriterionSpec, ...] = ()


@dataclass(frozen=True)
class InitiativeFact:
    key: str
    title: str
    recognized_on: date
    authority_level: str
    used_for: str | None = None  # an award it already served: one initiative, one award


@dataclass(frozen=True)
class DisciplineFact:
    form: str
    decided_on: date
    ends_on: date | None = None
    person_name: str = ""


@dataclass(frozen=True)
class Attestation:
    confirmed: bool
    note: str = ""
    by: str = ""


@dataclass(slots=True)
class Facts:
    subject_kind: str  # "individual" | "collective"
    reference_date: date
    period_start: date | None = None
    ratings: dict[int, str] = field(default_factory=dict)
    initiatives: list[InitiativeFact] = field(default_factory=list)
    disciplines: list[DisciplineFact] = field(default_factory=list)
    numbers: dict[str, float | int | None] = field(default_factory=dict)
    campaigns_asked: list[tuple[str, str]] | None = None
    campaigns_launched: set[str] = field(default_factory=set)
    attestations: dict[str, Attestation] = field(default_factory=dict)
    # Years with maternity leave: counted as working time (NĐ 152/2025/NĐ-CP Điều 4).
    maternity_years: set[int] = field(default_factory=set)


class CriterionResult(NamedTuple):
    # A named tuple, not a frozen dataclass: a campaign creates hundreds of thousands.
    key: str
    text: str
    status: Status
    explanation: str
    children: tuple[CriterionResult, ...] = ()


# --- the registry of kinds ---------------------------------------------------------------


@dataclass(frozen=True)
class ParamSpec:
    name: str
    label: str
    type: str  # "int" | "choice" | "str"
    choices: tuple[tuple[str, str], ...] = ()
    min: int | None = None
    required: bool = True
    default: object = None
    help: str = ""
    pattern: str | None = None


@dataclass(frozen=True)
class KindSpec:
    code: str
    label: str
    description: str
    params: tuple[ParamSpec, ...] = ()
    is_group: bool = False


RATING_CHOICES = tuple(RATING_LEVELS)
AUTHORITY_CHOICES = tuple(AUTHORITY_LEVELS)
DISCIPLINE_CHOICES = tuple(DISCIPLINE_FORMS)

KINDS: dict[str, KindSpec] = {
    k.code: k
    for k in [
        KindSpec(
            "all_of",
            "Nhóm: đáp ứng tất cả",
            "Đạt khi mọi tiêu chuẩn trong nhóm đều đạt.",
            is_group=True,
        ),
        KindSpec(
            "any_of",
            "Nhóm: đáp ứng ít nhất một",
            "Đạt khi có ít nhất một tiêu chuẩn trong nhóm đạt.",
            is_group=True,
        ),
        KindSpec(
            "attested",
            "Xác nhận của người có thẩm quyền",
            "Tiêu chuẩn định tính (chấp hành, đạo đức, thành tích…) do cán bộ xác nhận kèm ghi chú.",
        ),
        KindSpec(
            "discretionary",
            "Hội đồng lựa chọn",
            "Hội đồng TĐKT lựa chọn trong số tập thể, cá nhân tiêu biểu, xuất sắc nhất.",
        ),
        KindSpec(
            "rating_streak",
            "Số năm liên tục đạt mức đánh giá",
            "Kiểm tra kết quả đánh giá mức độ hoàn thành nhiệm vụ của các năm gần nhất.",
            (
                ParamSpec("years", "Số năm liên tục", "int", min=1, default=2),
                ParamSpec(
                    "min_level", "Mức đánh giá tối thiểu", "choice", RATING_CHOICES, default="tot"
                ),
                ParamSpec(
                    "last_year_offset",
                    "Năm gần nhất tính lùi (0 = năm xét)",
                    "int",
                    min=0,
                    default=1,
                    required=False,
                    help="1: tính đến năm trước năm xét, vì năm xét thường chưa đánh giá.",
                ),
            ),
        ),
        KindSpec(
            "initiative_count",
            "Số sáng kiến được công nhận",
            "Đếm sáng kiến được công nhận trong khoảng thời gian, từ cấp công nhận trở lên, chưa dùng để "
            "khen thưởng lần khác.",
            (
                ParamSpec("min_count", "Số sáng kiến tối thiểu", "int", min=1, default=1),
                ParamSpec(
                    "min_authority",
                    "Cấp công nhận tối thiểu",
                    "choice",
                    AUTHORITY_CHOICES,
                    default="co_so",
                ),
                ParamSpec(
                    "window_months",
                    "Trong khoảng (tháng) tính đến ngày xét",
                    "int",
                    min=1,
                    default=24,
                ),
            ),
        ),
        KindSpec(
            "number_at_least",
            "Chỉ tiêu số liệu",
            "So sánh một số liệu do đơn vị kê khai với ngưỡng tối thiểu.",
            (
                ParamSpec(
                    "fact",
                    "Mã số liệu",
                    "str",
                    pattern=r"^[a-z][a-z0-9_]*$",
                    help="Chữ thường không dấu, ví dụ ho_thoat_ngheo.",
                ),
                ParamSpec("fact_label", "Tên số liệu", "str"),
                ParamSpec("min", "Ngưỡng tối thiểu", "int", min=0),
                ParamSpec("unit", "Đơn vị tính", "str", required=False, default=""),
            ),
        ),
        KindSpec(
            "no_discipline",
            "Không bị kỷ luật",
            "Không có kỷ luật từ hình thức đã chọn trở lên còn hiệu lực trong khoảng xét (với tập thể: "
            "không cá nhân nào).",
            (
                ParamSpec(
                    "min_form",
                    "Từ hình thức kỷ luật",
                    "choice",
                    DISCIPLINE_CHOICES,
                    default="khien_trach",
                ),
                ParamSpec(
                    "window_months",
                    "Khoảng xét (tháng); 0 = thời gian đợt thi đua",
                    "int",
                    min=0,
                    default=0,
                    required=False,
                ),
            ),
        ),
        KindSpec(
            "launched_all_campaigns",
            "Tổ chức phát động đầy đủ các đợt thi đua",
            "Đơn vị có kế hoạch và đã phát động mọi đợt thi đua được cấp trên yêu cầu.",
        ),
    ]
}
KIND_CHOICES: list[tuple[str, str]] = [(k.code, k.label) for k in KINDS.values()]


# --- parameters ----------------------------------------------------------------------------


def clean_params(kind: str, raw: Mapping[str, object]) -> tuple[dict, dict[str, str]]:
    """Coerce form/API values to the kind's schema; return (params, errors by param name)."""
    spec = KINDS.get(kind)
    if spec is None:
        return {}, {"kind": f"Loại tiêu chuẩn không hợp lệ: {kind}."}
    known = {p.name for p in spec.params}
    errors = {name: "Tham số không thuộc loại tiêu chuẩn này." for name in raw if name not in known}
    cleaned: dict[str, object] = {}
    for param in spec.params:
        value = raw.get(param.name)
        if value is None or value == "":
            if param.required:
                errors[param.name] = f"{param.label}: bắt buộc nhập."
            elif param.default is not None:
                cleaned[param.name] = param.default
            continue
        if param.type == "int":
            number = _as_int(value)
            if number is None:
                errors[param.name] = f"{param.label} phải là số nguyên."
            elif param.min is not None and number < param.min:
                errors[param.name] = (
                    f"{param.label} không được âm."
                    if param.min == 0
                    else f"{param.label} phải lớn hơn hoặc bằng {param.min}."
                )
            else:
                cleaned[param.name] = number
        elif param.type == "choice":
            if value not in dict(param.choices):
                errors[param.name] = f"{param.label} không hợp lệ."
            else:
                cleaned[param.name] = value
        else:
            text = str(value).strip()
            if param.pattern and not re.match(param.pattern, text):
                errors[param.name] = f"{param.label} không hợp lệ: {param.help or 'sai định dạng'}"
            else:
                cleaned[param.name] = text
    return cleaned, errors


def validate_params(kind: str, params: Mapping[str, object]) -> dict[str, str]:
    return clean_params(kind, params)[1]


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    return None


# --- evaluation ----------------------------------------------------------------------------


def evaluate(spec: CriterionSpec, facts: Facts) -> CriterionResult:
    kind = KINDS.get(spec.kind)
    if kind is None:
        return CriterionResult(
            spec.key, spec.text, Status.CAN_XAC_NHAN, f"Loại tiêu chuẩn chưa hỗ trợ: {spec.kind}."
        )
    if kind.is_group:
        return _group(spec, facts)
    status, explanation = EVALUATORS[spec.kind](spec, {**_defaults(kind), **spec.params}, facts)
    return CriterionResult(spec.key, spec.text, status, explanation)


def all_of(specs: Iterable[CriterionSpec]) -> CriterionSpec:
    """One spec holding a whole criteria set: every top-level criterion must pass."""
    return CriterionSpec("__all__", "all_of", "Tất cả tiêu chuẩn", {}, tuple(specs))


def evaluate_all(specs: Iterable[CriterionSpec], facts: Facts) -> CriterionResult:
    return evaluate(all_of(specs), facts)


# --- many candidates at once ---------------------------------------------------------------
#
# A campaign evaluates the same criteria for thousands of candidates, most of whom present the
# same relevant facts (the same two ratings, no initiative, no discipline). ``Plan`` evaluates
# like ``evaluate`` but remembers each criterion's result per distinct relevant facts, in a
# memo the caller shares across candidates. Results are immutable, so sharing them is safe.


def _fact_key(spec: CriterionSpec, params: Mapping) -> Callable[[Facts], object]:
    """What of the facts the criterion reads, as a hashable key. A new kind must say here
    what it reads, or two candidates could share a wrong result."""
    match spec.kind:
        case "attested" | "discretionary":
            return lambda f: f.attestations.get(spec.key)
        case "rating_streak":
            offset, count = params.get("last_year_offset", 1), params["years"]
            cached: list = [None, ()]  # (reference year, years checked), same for a campaign

            def key(f: Facts):
                year = f.reference_date.year
                if cached[0] != year:
                    end = year - offset
                    cached[:] = [year, tuple(range(end - count + 1, end + 1))]
                years = cached[1]
                ratings = f.ratings.get
                if f.maternity_years:
                    return year, tuple(map(ratings, years)), tuple(f.maternity_years & set(years))
                return year, tuple(map(ratings, years))

            return key
        case "initiative_count":
            return lambda f: (f.reference_date, tuple(f.initiatives))
        case "number_at_least":
            return lambda f: f.numbers.get(params["fact"])
        case "no_discipline":
            return lambda f: (
                f.reference_date,
                f.period_start,
                f.subject_kind,
                tuple(f.disciplines),
            )
        case "launched_all_campaigns":
            return lambda f: (
                None if f.campaigns_asked is None else tuple(f.campaigns_asked),
                frozenset(f.campaigns_launched),
            )
    raise ValueError(f"No fact key for criterion kind {spec.kind!r}: add one to _fact_key.")


class Plan:
    """A criterion compiled for repeated evaluation with a shared memo."""

    def __init__(self, spec: CriterionSpec):
        self.spec = spec
        kind = KINDS.get(spec.kind)
        self.is_group = bool(kind and kind.is_group)
        self.children = tuple(Plan(child) for child in spec.children) if self.is_group else ()
        self.params = {**_defaults(kind), **spec.params} if kind and not self.is_group else {}
        self.key = _fact_key(spec, self.params) if kind and not self.is_group else None
        # A group is looked up once, by the keys of all its leaves, when they all have one.
        leaves = self.leaves()
        self.leaf_keys = [leaf.key for leaf in leaves] if all(x.key for x in leaves) else None

    def leaves(self) -> list[Plan]:
        return (
            [leaf for child in self.children for leaf in child.leaves()]
            if self.is_group
            else [self]
        )

    def __call__(self, facts: Facts, memo: dict) -> CriterionResult:
        if not self.is_group:
            return self._leaf(facts, memo, self.key(facts) if self.key else None)
        if self.leaf_keys is None:
            return self._group(facts, memo, None)
        keys = [leaf_key(facts) for leaf_key in self.leaf_keys]
        key = (self, tuple(keys))
        result = memo.get(key)
        if result is None:
            result = memo[key] = self._group(facts, memo, iter(keys))
        return result

    def _group(self, facts: Facts, memo: dict, keys) -> CriterionResult:
        # ``keys``: the leaf keys already computed, in the order of ``leaves()``.
        children = tuple(
            child._group(facts, memo, keys)
            if child.is_group
            else child._leaf(facts, memo, next(keys) if keys else None)
            for child in self.children
        )
        return _group_result(self.spec, children)

    def _leaf(self, facts: Facts, memo: dict, fact_key) -> CriterionResult:
        if self.key is None:
            return evaluate(self.spec, facts)
        key = (self, fact_key if fact_key is not None else self.key(facts))
        result = memo.get(key)
        if result is None:
            status, explanation = EVALUATORS[self.spec.kind](self.spec, self.params, facts)
            result = memo[key] = CriterionResult(self.spec.key, self.spec.text, status, explanation)
        return result


@cache
def _defaults_of(code: str) -> dict:
    return {p.name: p.default for p in KINDS[code].params if p.default is not None}


def _defaults(kind: KindSpec) -> dict:
    return _defaults_of(kind.code)


def _group(spec: CriterionSpec, facts: Facts) -> CriterionResult:
    return _group_result(spec, tuple(evaluate(child, facts) for child in spec.children))


def _group_result(spec: CriterionSpec, children: tuple[CriterionResult, ...]) -> CriterionResult:
    if not children:
        return CriterionResult(
            spec.key, spec.text, Status.CAN_XAC_NHAN, "Nhóm chưa có tiêu chuẩn nào."
        )
    dat = pending = failed = 0
    for child in children:
        if child.status is Status.DAT:
            dat += 1
        elif child.status is Status.CAN_XAC_NHAN:
            pending += 1
        else:
            failed += 1
    summary = f"{dat}/{len(children)} tiêu chuẩn đạt"
    if spec.kind == "all_of":
        status = Status.KHONG_DAT if failed else Status.CAN_XAC_NHAN if pending else Status.DAT
        explanation = f"Cần đạt tất cả: {summary}" + (
            f", {pending} cần xác nhận." if pending else "."
        )
    else:
        status = Status.DAT if dat else Status.CAN_XAC_NHAN if pending else Status.KHONG_DAT
        explanation = f"Cần đạt ít nhất một: {summary}."
    return CriterionResult(spec.key, spec.text, status, explanation, children)


def _attestation(spec: CriterionSpec, facts: Facts, pending: str) -> tuple[Status, str]:
    attestation = facts.attestations.get(spec.key)
    if attestation is None:
        return Status.CAN_XAC_NHAN, pending
    who = f" ({attestation.by})" if attestation.by else ""
    note = f": {attestation.note}" if attestation.note else "."
    if attestation.confirmed:
        return Status.DAT, f"Đã xác nhận đạt{who}{note}"
    return Status.KHONG_DAT, f"Đã xác nhận không đạt{who}{note}"


def _attested(spec, params, facts):
    return _attestation(spec, facts, "Cần cán bộ có thẩm quyền xác nhận.")


def _discretionary(spec, params, facts):
    return _attestation(
        spec, facts, "Do Hội đồng TĐKT lựa chọn trong số tập thể, cá nhân tiêu biểu, xuất sắc nhất."
    )


def _rating_streak(spec, params, facts):
    years, minimum, offset = params["years"], params["min_level"], params.get("last_year_offset", 1)
    end_year = facts.reference_date.year - offset
    checked = list(range(end_year - years + 1, end_year + 1))
    min_label = label(RATING_LEVELS, minimum)
    low = [
        y
        for y in checked
        if y in facts.ratings
        and rank(RATING_LEVELS, facts.ratings[y]) < rank(RATING_LEVELS, minimum)
    ]
    if low:
        detail = "; ".join(f"năm {y}: {label(RATING_LEVELS, facts.ratings[y])}" for y in low)
        return Status.KHONG_DAT, f"Chưa đạt {min_label} trở lên ({detail})."
    missing = [y for y in checked if y not in facts.ratings]
    if missing:
        on_leave = [y for y in missing if y in facts.maternity_years]
        leave = (
            " Năm " + ", ".join(map(str, on_leave)) + " có thời gian nghỉ thai sản, được tính là "
            "thời gian công tác (Nghị định 152/2025/NĐ-CP, Điều 4): xác nhận kết quả đánh giá."
            if on_leave
            else ""
        )
        return Status.CAN_XAC_NHAN, "Chưa có kết quả đánh giá năm " + ", ".join(
            map(str, missing)
        ) + "." + leave
    detail = "; ".join(f"năm {y}: {label(RATING_LEVELS, facts.ratings[y])}" for y in checked)
    return Status.DAT, detail[0].upper() + detail[1:] + "."


@cache
def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (31/03 − 1 tháng = 28 or 29/02)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last_day))


def _initiative_count(spec, params, facts):
    ref = facts.reference_date
    start = months_before(ref, params["window_months"])
    minimum = params["min_authority"]
    counted, notes = [], []
    for item in facts.initiatives:
        when = item.recognized_on.strftime("%d/%m/%Y")
        if not (start < item.recognized_on <= ref):
            notes.append(f"“{item.title}” công nhận ngày {when}, ngoài khoảng xét")
        elif rank(AUTHORITY_LEVELS, item.authority_level) < rank(AUTHORITY_LEVELS, minimum):
            notes.append(
                f"“{item.title}” do {label(AUTHORITY_LEVELS, item.authority_level)} công nhận, chưa đủ cấp"
            )
        elif item.used_for:
            notes.append(f"“{item.title}” đã dùng làm căn cứ khen thưởng: {item.used_for}")
        else:
            counted.append(f"“{item.title}” ({when})")
    window = f"từ sau ngày {start:%d/%m/%Y} đến ngày {ref:%d/%m/%Y}"
    head = f"Có {len(counted)} sáng kiến hợp lệ {window}, cấp {label(AUTHORITY_LEVELS, minimum)} trở lên"
    if counted:
        head += ": " + ", ".join(counted)
    tail = (". Không tính: " + "; ".join(notes)) if notes else ""
    status = Status.DAT if len(counted) >= params["min_count"] else Status.KHONG_DAT
    need = "" if status == Status.DAT else f" (cần tối thiểu {params['min_count']})"
    return status, f"{head}{need}{tail}."


def _number(value: float) -> str:
    return (
        f"{value:,.0f}".replace(",", ".")
        if float(value).is_integer()
        else str(value).replace(".", ",")
    )


def _number_at_least(spec, params, facts):
    value = facts.numbers.get(params["fact"])
    name, unit = params["fact_label"], params.get("unit") or ""
    suffix = f" {unit}" if unit else ""
    if value is None:
        return Status.CAN_XAC_NHAN, f"Chưa nhập số liệu: {name}."
    status = Status.DAT if value >= params["min"] else Status.KHONG_DAT
    return (
        status,
        f"{name}: {_number(value)}{suffix}, cần tối thiểu {_number(params['min'])}{suffix}.",
    )


def _no_discipline(spec, params, facts):
    ref = facts.reference_date
    months = params.get("window_months") or 0
    if months:
        start = months_before(ref, months)
    else:
        start = facts.period_start or months_before(ref, 12)
    minimum = params["min_form"]
    counted = [
        d
        for d in facts.disciplines
        if rank(DISCIPLINE_FORMS, d.form) >= rank(DISCIPLINE_FORMS, minimum)
        and d.decided_on <= ref
        and (d.ends_on is None or d.ends_on >= start)
    ]
    window = f"từ {start:%d/%m/%Y} đến {ref:%d/%m/%Y}"
    form = label(DISCIPLINE_FORMS, minimum).lower()
    if counted:
        detail = "; ".join(
            f"{(d.person_name + ': ') if d.person_name else ''}{label(DISCIPLINE_FORMS, d.form)} ngày "
            f"{d.decided_on:%d/%m/%Y}"
            for d in counted
        )
        return (
            Status.KHONG_DAT,
            f"Có kỷ luật từ hình thức {form} trở lên trong khoảng {window}: {detail}.",
        )
    if facts.subject_kind == "collective":
        return (
            Status.DAT,
            f"Không có cá nhân nào bị kỷ luật từ hình thức {form} trở lên trong khoảng {window}.",
        )
    return Status.DAT, f"Không bị kỷ luật từ hình thức {form} trở lên trong khoảng {window}."


def _launched_all_campaigns(spec, params, facts):
    if facts.campaigns_asked is None:
        return (
            Status.CAN_XAC_NHAN,
            "Chưa có dữ liệu về kế hoạch, phát động các đợt thi đua của đơn vị.",
        )
    missing = [title for key, title in facts.campaigns_asked if key not in facts.campaigns_launched]
    if missing:
        return Status.KHONG_DAT, "Chưa phát động: " + "; ".join(missing) + "."
    return Status.DAT, f"Đã có kế hoạch và phát động đủ {len(facts.campaigns_asked)} đợt thi đua."


Evaluator = Callable[[CriterionSpec, Mapping, Facts], tuple[Status, str]]
EVALUATORS: dict[str, Evaluator] = {
    "attested": _attested,
    "discretionary": _discretionary,
    "rating_streak": _rating_streak,
    "initiative_count": _initiative_count,
    "number_at_least": _number_at_least,
    "no_discipline": _no_discipline,
    "launched_all_campaigns": _launched_all_campaigns,
}


# --- a one-line summary of a rule, for display -------------------------------------------


def describe(spec: CriterionSpec) -> str:
    p = {**_defaults(KINDS[spec.kind]), **spec.params} if spec.kind in KINDS else dict(spec.params)
    match spec.kind:
        case "all_of":
            return "Nhóm: đáp ứng tất cả tiêu chuẩn dưới đây"
        case "any_of":
            return "Nhóm: đáp ứng ít nhất một tiêu chuẩn dưới đây"
        case "attested":
            return "Cán bộ có thẩm quyền xác nhận"
        case "discretionary":
            return "Hội đồng TĐKT lựa chọn"
        case "rating_streak":
            return f"{p['years']} năm liên tục đạt {label(RATING_LEVELS, p['min_level'])} trở lên"
        case "initiative_count":
            return (
                f"Tối thiểu {p['min_count']} sáng kiến do {label(AUTHORITY_LEVELS, p['min_authority'])} trở lên "
                f"công nhận trong {p['window_months']} tháng gần nhất"
            )
        case "number_at_least":
            unit = f" {p['unit']}" if p.get("unit") else ""
            return f"{p['fact_label']} tối thiểu {p['min']}{unit}"
        case "no_discipline":
            months = p.get("window_months") or 0
            window = f"trong {months} tháng gần nhất" if months else "trong thời gian đợt thi đua"
            return f"Không có kỷ luật từ hình thức {label(DISCIPLINE_FORMS, p['min_form']).lower()} trở lên {window}"
        case "launched_all_campaigns":
            return "Đã có kế hoạch và phát động đủ các đợt thi đua được yêu cầu"
    return spec.kind


__all__ = [
    "KINDS",
    "KIND_CHOICES",
    "Attestation",
    "CriterionResult",
    "CriterionSpec",
    "DisciplineFact",
    "Facts",
    "InitiativeFact",
    "KindSpec",
    "ParamSpec",
    "Status",
    "clean_params",
    "describe",
    "evaluate",
    "evaluate_all",
    "months_before",
    "validate_params",
]
