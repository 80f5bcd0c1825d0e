"""The registry of criterion kinds and their parameters, from which forms and the API are
built; parameter checks and the one-line summary of a rule."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from thidua.core.text import ascii_key
from thidua.records.levels import AUTHORITY_LEVELS, DISCIPLINE_FORMS, RATING_LEVELS, label

from .facts import CriterionSpec


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
    # A code generated from another parameter (the Vietnamese label) when left empty: forms
    # keep it hidden, so nobody types an identifier.
    generated_from: str | None = None


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

# What a criterion says when the year it reads cannot have been rated yet (the campaign ends
# before the annual rating): ask for a confirmation, or refuse.
WHEN_MISSING_ATTEST, WHEN_MISSING_FAIL = "xac_nhan", "khong_dat"
WHEN_MISSING_CHOICES = (
    (WHEN_MISSING_ATTEST, "Chuyển sang xác nhận của người có thẩm quyền"),
    (WHEN_MISSING_FAIL, "Tính là không đạt"),
)
# Kinds reading annual ratings: they take ``when_missing``.
RATING_KINDS = frozenset({"rating_streak", "members_rated", "unit_rated"})


def _when_missing() -> ParamSpec:
    return ParamSpec(
        "when_missing",
        "Khi năm xét chưa thể có kết quả đánh giá",
        "choice",
        WHEN_MISSING_CHOICES,
        default=WHEN_MISSING_ATTEST,
        required=False,
        help="Đợt thi đua kết thúc trước kỳ đánh giá cuối năm: xin xác nhận thay vì kết luận.",
    )


def _year_offset(default: int) -> ParamSpec:
    return ParamSpec(
        "year_offset",
        "Năm xét tính lùi (0 = năm kết thúc đợt thi đua)",
        "int",
        min=0,
        default=default,
        required=False,
        help="1: năm trước năm kết thúc đợt thi đua.",
    )


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
                    "Năm gần nhất tính lùi (0 = năm kết thúc đợt thi đua)",
                    "int",
                    min=0,
                    default=1,
                    required=False,
                    help="1: tính đến năm trước năm kết thúc đợt thi đua, vì năm đó thường chưa đánh giá.",
                ),
                _when_missing(),
            ),
        ),
        KindSpec(
            "members_rated",
            "Tỉ lệ thành viên đạt mức đánh giá",
            "Tập thể: ít nhất một tỉ lệ thành viên (cá nhân công tác trong đơn vị và các đơn vị "
            "trực thuộc vào cuối năm xét) được đánh giá từ mức đã chọn trở lên, tính từ kết quả "
            "đánh giá đã nhập.",
            (
                ParamSpec("min_percent", "Tỉ lệ tối thiểu (%)", "int", min=1, default=70),
                ParamSpec(
                    "min_level", "Mức đánh giá tối thiểu", "choice", RATING_CHOICES, default="tot"
                ),
                _year_offset(1),
                _when_missing(),
            ),
        ),
        KindSpec(
            "unit_rated",
            "Tập thể đạt mức đánh giá",
            "Kết quả đánh giá, xếp loại của chính tập thể (hoặc cá nhân) trong năm xét từ mức đã "
            "chọn trở lên.",
            (
                ParamSpec(
                    "min_level", "Mức đánh giá tối thiểu", "choice", RATING_CHOICES, default="tot"
                ),
                _year_offset(1),
                _when_missing(),
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
                ParamSpec("fact_label", "Tên số liệu", "str", help="Ví dụ: Số hộ thoát nghèo."),
                ParamSpec(
                    "fact",
                    "Mã số liệu",
                    "str",
                    required=False,
                    pattern=r"^[a-z][a-z0-9_]*$",
                    help="Tạo tự động từ tên số liệu (chữ thường không dấu).",
                    generated_from="fact_label",
                ),
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
        if (value is None or value == "") and param.generated_from:
            value = code_from_label(raw.get(param.generated_from))
            if not value and raw.get(param.generated_from):
                source = next(p for p in spec.params if p.name == param.generated_from)
                errors[source.name] = (
                    f"{source.label} cần có chữ hoặc số (để tạo {param.label.lower()})."
                )
                continue
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


def code_from_label(label_text: object) -> str:
    """The identifier of a Vietnamese label, without diacritics: "Số hộ thoát nghèo" →
    "so_ho_thoat_ngheo"; empty when the label has no letter or digit."""
    words = re.findall(r"[a-z0-9]+", ascii_key(label_text or ""))
    code = "_".join(words)[:60].strip("_")
    if code and not code[0].isalpha():
        code = "so_" + code
    return code


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


@cache
def _defaults_of(code: str) -> dict[str, Any]:
    return {p.name: p.default for p in KINDS[code].params if p.default is not None}


def defaults(kind: KindSpec) -> dict[str, Any]:
    """The kind's parameters that have a default, with it (what an empty parameter means)."""
    return _defaults_of(kind.code)


def describe(spec: CriterionSpec) -> str:
    p = {**defaults(KINDS[spec.kind]), **spec.params} if spec.kind in KINDS else dict(spec.params)
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
        case "members_rated":
            return (
                f"Tối thiểu {p['min_percent']}% thành viên đạt {label(RATING_LEVELS, p['min_level'])} "
                f"trở lên {_year_words(p)}"
            )
        case "unit_rated":
            return f"Tập thể đạt {label(RATING_LEVELS, p['min_level'])} trở lên {_year_words(p)}"
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


def _year_words(params: Mapping[str, Any]) -> str:
    offset = params.get("year_offset") or 0
    if not offset:
        return "trong năm kết thúc đợt thi đua"
    if offset == 1:
        return "trong năm trước năm kết thúc đợt thi đua"
    return f"trong năm thứ {offset} trước năm kết thúc đợt thi đua"
