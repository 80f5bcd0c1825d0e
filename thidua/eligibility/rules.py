"""Evaluation: each kind's rule over one candidate's facts, groups, and a whole criteria set."""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from functools import cache
from typing import Any

from thidua.records.levels import AUTHORITY_LEVELS, DISCIPLINE_FORMS, RATING_LEVELS, label, rank

from .facts import CriterionResult, CriterionSpec, Facts, Status
from .kinds import KINDS, RATING_KINDS, WHEN_MISSING_ATTEST, WHEN_MISSING_FAIL, defaults

# A criterion's parameters, its kind's defaults filled in.
Params = Mapping[str, Any]
# The statuses read once: ``Status.DAT`` goes through the enum's metaclass on every read, and
# the rules run once per criterion and candidate of a whole campaign.
DAT, KHONG_DAT, CAN_XAC_NHAN = Status.DAT, Status.KHONG_DAT, Status.CAN_XAC_NHAN


def evaluate(spec: CriterionSpec, facts: Facts) -> CriterionResult:
    kind = KINDS.get(spec.kind)
    if kind is None:
        return CriterionResult(
            spec.key, spec.text, CAN_XAC_NHAN, f"Loại tiêu chuẩn chưa hỗ trợ: {spec.kind}."
        )
    if kind.is_group:
        return _group(spec, facts)
    status, explanation = EVALUATORS[spec.kind](spec, {**defaults(kind), **spec.params}, facts)
    return CriterionResult(spec.key, spec.text, status, explanation)


def all_of(specs: Iterable[CriterionSpec]) -> CriterionSpec:
    """One spec holding a whole criteria set: every top-level criterion must pass."""
    return CriterionSpec("__all__", "all_of", "Tất cả tiêu chuẩn", {}, tuple(specs))


def evaluate_all(specs: Iterable[CriterionSpec], facts: Facts) -> CriterionResult:
    return evaluate(all_of(specs), facts)


def _group(spec: CriterionSpec, facts: Facts) -> CriterionResult:
    return group_result(spec, tuple(evaluate(child, facts) for child in spec.children))


def group_result(spec: CriterionSpec, children: tuple[CriterionResult, ...]) -> CriterionResult:
    if not children:
        return CriterionResult(spec.key, spec.text, CAN_XAC_NHAN, "Nhóm chưa có tiêu chuẩn nào.")
    statuses = [child[2] for child in children]  # .status, without the attribute lookup
    status, explanation = _group_outcome(
        spec.kind == "all_of", statuses.count(DAT), statuses.count(CAN_XAC_NHAN), len(statuses)
    )
    return _new_tuple(CriterionResult, (spec.key, spec.text, status, explanation, children))


# Run once per group and candidate of a whole campaign: the result built as the tuple it is
# (a named tuple's ``__new__`` is a Python function).
_new_tuple = tuple.__new__


@cache
def _group_outcome(all_needed: bool, dat: int, pending: int, total: int) -> tuple[Status, str]:
    """A group's status and wording from its children's counts: a handful of combinations,
    each worded once (counts only, nothing of a candidate's facts)."""
    failed = total - dat - pending
    summary = f"{dat}/{total} tiêu chuẩn đạt"
    if all_needed:
        status = KHONG_DAT if failed else CAN_XAC_NHAN if pending else DAT
        return status, f"Cần đạt tất cả: {summary}" + (
            f", {pending} cần xác nhận." if pending else "."
        )
    status = DAT if dat else CAN_XAC_NHAN if pending else KHONG_DAT
    return status, f"Cần đạt ít nhất một: {summary}."


def _attestation(spec: CriterionSpec, facts: Facts, pending: str) -> tuple[Status, str]:
    attestation = facts.attestations.get(spec.key)
    if attestation is None:
        return CAN_XAC_NHAN, pending
    who = f" ({attestation.by})" if attestation.by else ""
    note = f": {attestation.note}" if attestation.note else "."
    if attestation.confirmed:
        return DAT, f"Đã xác nhận đạt{who}{note}"
    return KHONG_DAT, f"Đã xác nhận không đạt{who}{note}"


def _attested(spec: CriterionSpec, params: Params, facts: Facts) -> tuple[Status, str]:
    return _attestation(spec, facts, "Cần cán bộ có thẩm quyền xác nhận.")


def _discretionary(spec: CriterionSpec, params: Params, facts: Facts) -> tuple[Status, str]:
    return _attestation(
        spec, facts, "Do Hội đồng TĐKT lựa chọn trong số tập thể, cá nhân tiêu biểu, xuất sắc nhất."
    )


def _rating_streak(spec: CriterionSpec, params: Params, facts: Facts) -> tuple[Status, str]:
    years, minimum, offset = params["years"], params["min_level"], params.get("last_year_offset", 1)
    checked = _years(facts.reference_date.year - offset, years)
    ratings = facts.ratings
    floor = RATING_RANK[minimum]
    levels = list(map(ratings.get, checked))
    low = [
        year
        for year, level in zip(checked, levels, strict=True)
        if level is not None and RATING_RANK[level] < floor
    ]
    if low:
        detail = "; ".join([_year_rating(y, ratings[y]) for y in low])
        return KHONG_DAT, f"Chưa đạt {_rating_label(minimum)} trở lên ({detail})."
    if None not in levels:  # the common case: every year rated high enough
        detail = "; ".join(map(_year_rating, checked, levels))
        return DAT, detail[:1].upper() + detail[1:] + "."
    missing = [year for year, level in zip(checked, levels, strict=True) if level is None]
    pending = [y for y in missing if not_rated_yet(y, facts.reference_date)]
    if pending:
        return _when_missing(spec, params, facts, pending)
    on_leave = [y for y in missing if y in facts.maternity_years]
    leave = (
        " Năm " + ", ".join(map(str, on_leave)) + " có thời gian nghỉ thai sản, được tính là "
        "thời gian công tác (Nghị định 152/2025/NĐ-CP, Điều 4): xác nhận kết quả đánh giá."
        if on_leave
        else ""
    )
    return CAN_XAC_NHAN, "Chưa có kết quả đánh giá năm " + ", ".join(
        map(str, missing)
    ) + "." + leave


# The scales as dictionaries: the rules below run once per candidate of a whole campaign.
RATING_RANK = {code: i for i, (code, _label) in enumerate(RATING_LEVELS)}
_RATING_LABELS = dict(RATING_LEVELS)


def _rating_label(code: str) -> str:
    return _RATING_LABELS.get(code, code)


@cache
def _year_rating(year: int, level: str) -> str:
    """ "năm 2019: Hoàn thành tốt nhiệm vụ", worded once per year and level."""
    return f"năm {year}: {_rating_label(level)}"


@cache
def _years(end_year: int, count: int) -> tuple[int, ...]:
    return tuple(range(end_year - count + 1, end_year + 1))


@cache
def _day(day: date) -> str:
    """31/10/2020, each distinct day written once (``strftime`` costs microseconds, and the
    rules write the same campaign windows and record dates for every candidate)."""
    return f"{day:%d/%m/%Y}"


@cache
def _initiative_words(start: date, end: date, minimum: str) -> str:
    """ " sáng kiến hợp lệ từ sau ngày … đến ngày …, cấp … trở lên": the campaign's window and
    level, worded once."""
    return (
        f" sáng kiến hợp lệ từ sau ngày {_day(start)} đến ngày {_day(end)}, "
        f"cấp {label(AUTHORITY_LEVELS, minimum)} trở lên"
    )


def not_rated_yet(year: int, reference: date) -> bool:
    """The annual rating of ``year`` is made at its end: a campaign ending on ``reference``
    within that year (or before it) cannot have it yet."""
    return reference.year <= year


def attestable_when_missing(kind: str, params: Mapping[str, Any], reference: date) -> bool:
    """Whether a criterion reading ratings falls back to a person's confirmation for a campaign
    ending on ``reference`` (some year it reads cannot be rated yet)."""
    if kind not in RATING_KINDS:
        return False
    p = {**defaults(KINDS[kind]), **params}
    if p.get("when_missing", WHEN_MISSING_ATTEST) != WHEN_MISSING_ATTEST:
        return False
    offset = p.get("last_year_offset", 1) if kind == "rating_streak" else p.get("year_offset", 1)
    return not_rated_yet(reference.year - offset, reference)


def _when_missing(
    spec: CriterionSpec, params: Params, facts: Facts, years: list[int]
) -> tuple[Status, str]:
    ref = facts.reference_date
    words = (
        f"Kết quả đánh giá năm {', '.join(map(str, years))} chưa thể có: đợt thi đua kết thúc "
        f"ngày {_day(ref)}, trước kỳ đánh giá, xếp loại cuối năm"
    )
    if params.get("when_missing", WHEN_MISSING_ATTEST) == WHEN_MISSING_FAIL:
        return KHONG_DAT, words + "; tiêu chuẩn quy định tính là không đạt."
    status, said = _attestation(
        spec, facts, words + ": cần cán bộ có thẩm quyền xác nhận tiêu chuẩn này."
    )
    if status is CAN_XAC_NHAN:
        return status, said
    return status, f"{words}. {said}"


def _percent(part: int, whole: int) -> str:
    value = round(part * 100 / whole, 1)
    return (f"{value:.0f}" if value.is_integer() else f"{value:.1f}".replace(".", ",")) + "%"


def _members_rated(spec: CriterionSpec, params: Params, facts: Facts) -> tuple[Status, str]:
    ref = facts.reference_date
    year = ref.year - (params.get("year_offset") or 0)
    minimum, share = params["min_level"], params["min_percent"]
    min_label = label(RATING_LEVELS, minimum)
    if facts.members is None:
        return CAN_XAC_NHAN, "Chưa có dữ liệu thành viên của tập thể."
    if not_rated_yet(year, ref):
        return _when_missing(spec, params, facts, [year])
    day = min(date(year, 12, 31), ref)
    total = reached = unrated = 0
    floor = rank(RATING_LEVELS, minimum)
    for member in facts.members:
        if not member.member_on(day):
            continue
        total += 1
        level = member.ratings.get(year)
        if level is None:
            unrated += 1
        elif rank(RATING_LEVELS, level) >= floor:
            reached += 1
    if not total:
        return CAN_XAC_NHAN, f"Tập thể không có thành viên nào vào ngày {_day(day)}."
    head = (
        f"{reached}/{total} thành viên ({_percent(reached, total)}) đạt {min_label} trở lên "
        f"năm {year}, cần tối thiểu {share}%"
    )
    tail = f"; {unrated} thành viên chưa có kết quả đánh giá năm {year}" if unrated else ""
    if reached * 100 >= share * total:
        return DAT, head + tail + "."
    if (reached + unrated) * 100 >= share * total:
        return CAN_XAC_NHAN, head + tail + ": cần nhập đủ kết quả đánh giá để kết luận."
    return KHONG_DAT, head + tail + "."


def _unit_rated(spec: CriterionSpec, params: Params, facts: Facts) -> tuple[Status, str]:
    ref = facts.reference_date
    year = ref.year - (params.get("year_offset") or 0)
    minimum = params["min_level"]
    level = facts.ratings.get(year)
    who = "Tập thể" if facts.subject_kind == "collective" else "Cá nhân"
    if level is None:
        if not_rated_yet(year, ref):
            return _when_missing(spec, params, facts, [year])
        return CAN_XAC_NHAN, f"Chưa có kết quả đánh giá năm {year} của {who.lower()}."
    said = f"{who} được đánh giá năm {year}: {label(RATING_LEVELS, level)}"
    if rank(RATING_LEVELS, level) >= rank(RATING_LEVELS, minimum):
        return DAT, said + "."
    return KHONG_DAT, f"{said}, chưa đạt {label(RATING_LEVELS, minimum)} trở lên."


@cache
def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (31/03 − 1 tháng = 28 or 29/02)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last_day))


def _initiative_count(spec: CriterionSpec, params: Params, facts: Facts) -> tuple[Status, str]:
    ref = facts.reference_date
    start = months_before(ref, params["window_months"])
    minimum = params["min_authority"]
    counted, notes = [], []
    if facts.initiatives:
        floor = rank(AUTHORITY_LEVELS, minimum)
        for item in facts.initiatives:
            when = _day(item.recognized_on)
            if not (start < item.recognized_on <= ref):
                notes.append(f"“{item.title}” công nhận ngày {when}, ngoài khoảng xét")
            elif rank(AUTHORITY_LEVELS, item.authority_level) < floor:
                notes.append(
                    f"“{item.title}” do {label(AUTHORITY_LEVELS, item.authority_level)} công nhận, chưa đủ cấp"
                )
            elif item.used_for:
                notes.append(f"“{item.title}” đã dùng làm căn cứ khen thưởng: {item.used_for}")
            else:
                counted.append(f"“{item.title}” ({when})")
    head = f"Có {len(counted)}{_initiative_words(start, ref, minimum)}"
    if counted:
        head += ": " + ", ".join(counted)
    tail = (". Không tính: " + "; ".join(notes)) if notes else ""
    status = DAT if len(counted) >= params["min_count"] else KHONG_DAT
    need = "" if status == DAT else f" (cần tối thiểu {params['min_count']})"
    return status, f"{head}{need}{tail}."


def _number(value: float) -> str:
    return (
        f"{value:,.0f}".replace(",", ".")
        if float(value).is_integer()
        else str(value).replace(".", ",")
    )


def _number_at_least(spec: CriterionSpec, params: Params, facts: Facts) -> tuple[Status, str]:
    value = facts.numbers.get(params["fact"])
    name, unit = params["fact_label"], params.get("unit") or ""
    suffix = f" {unit}" if unit else ""
    if value is None:
        return CAN_XAC_NHAN, f"Chưa nhập số liệu: {name}."
    status = DAT if value >= params["min"] else KHONG_DAT
    return (
        status,
        f"{name}: {_number(value)}{suffix}, cần tối thiểu {_number(params['min'])}{suffix}.",
    )


@cache
def _discipline_words(start: date, end: date, minimum: str) -> tuple[str, str]:
    """The window ("từ … đến …") and the lightest form counted, worded once per campaign."""
    return f"từ {_day(start)} đến {_day(end)}", label(DISCIPLINE_FORMS, minimum).lower()


def _no_discipline(spec: CriterionSpec, params: Params, facts: Facts) -> tuple[Status, str]:
    ref = facts.reference_date
    months = params.get("window_months") or 0
    if months:
        start = months_before(ref, months)
    else:
        start = facts.period_start or months_before(ref, 12)
    minimum = params["min_form"]
    counted = []
    if facts.disciplines:
        floor = rank(DISCIPLINE_FORMS, minimum)
        counted = [
            d
            for d in facts.disciplines
            if rank(DISCIPLINE_FORMS, d.form) >= floor
            and d.decided_on <= ref
            and (d.ends_on is None or d.ends_on >= start)
        ]
    window, form = _discipline_words(start, ref, minimum)
    if counted:
        detail = "; ".join(
            f"{(d.person_name + ': ') if d.person_name else ''}{label(DISCIPLINE_FORMS, d.form)} ngày "
            f"{_day(d.decided_on)}"
            for d in counted
        )
        return (
            KHONG_DAT,
            f"Có kỷ luật từ hình thức {form} trở lên trong khoảng {window}: {detail}.",
        )
    if facts.subject_kind == "collective":
        return (
            DAT,
            f"Không có cá nhân nào bị kỷ luật từ hình thức {form} trở lên trong khoảng {window}.",
        )
    return DAT, f"Không bị kỷ luật từ hình thức {form} trở lên trong khoảng {window}."


def _launched_all_campaigns(
    spec: CriterionSpec, params: Params, facts: Facts
) -> tuple[Status, str]:
    if facts.campaigns_asked is None:
        return (
            CAN_XAC_NHAN,
            "Chưa có dữ liệu về kế hoạch, phát động các đợt thi đua của đơn vị.",
        )
    missing = [title for key, title in facts.campaigns_asked if key not in facts.campaigns_launched]
    if missing:
        return KHONG_DAT, "Chưa phát động: " + "; ".join(missing) + "."
    return DAT, f"Đã có kế hoạch và phát động đủ {len(facts.campaigns_asked)} đợt thi đua."


Evaluator = Callable[[CriterionSpec, Params, Facts], tuple[Status, str]]
EVALUATORS: dict[str, Evaluator] = {
    "attested": _attested,
    "discretionary": _discretionary,
    "rating_streak": _rating_streak,
    "members_rated": _members_rated,
    "unit_rated": _unit_rated,
    "initiative_count": _initiative_count,
    "number_at_least": _number_at_least,
    "no_discipline": _no_discipline,
    "launched_all_campaigns": _launched_all_campaigns,
}
