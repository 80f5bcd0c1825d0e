"""Ordered scales used by the history records and the criteria engine.

Plain Python (no Django import) so that the eligibility engine can use them over
plain facts. Each scale is ordered from lowest to highest; ``rank`` compares.
"""

from __future__ import annotations

# Mức độ hoàn thành nhiệm vụ (annual task rating), lowest first.
RATING_LEVELS: list[tuple[str, str]] = [
    ("khong_hoan_thanh", "Không hoàn thành nhiệm vụ"),
    ("hoan_thanh", "Hoàn thành nhiệm vụ"),
    ("tot", "Hoàn thành tốt nhiệm vụ"),
    ("xuat_sac", "Hoàn thành xuất sắc nhiệm vụ"),
]

# Hình thức kỷ luật, lightest first (Luật Cán bộ, công chức; Luật Viên chức).
DISCIPLINE_FORMS: list[tuple[str, str]] = [
    ("khien_trach", "Khiển trách"),
    ("canh_cao", "Cảnh cáo"),
    ("ha_bac_luong", "Hạ bậc lương"),
    ("giang_chuc", "Giáng chức"),
    ("cach_chuc", "Cách chức"),
    ("buoc_thoi_viec", "Buộc thôi việc"),
]

# Level of the authority that recognises an initiative or grants an award, lowest first.
AUTHORITY_LEVELS: list[tuple[str, str]] = [
    ("co_so", "Thủ trưởng cơ quan, đơn vị (cơ sở)"),
    ("xa", "Chủ tịch UBND cấp xã"),
    ("huyen", "Chủ tịch UBND cấp huyện"),
    ("tinh", "Chủ tịch UBND cấp tỉnh"),
    ("bo", "Bộ, ban, ngành trung ương"),
    ("trung_uong", "Thủ tướng Chính phủ"),
]


# The scales never change at run time: index them once (the engine asks millions of times).
_RANKS = {
    id(s): {code: i for i, (code, _l) in enumerate(s)}
    for s in (RATING_LEVELS, DISCIPLINE_FORMS, AUTHORITY_LEVELS)
}
_LABELS = {id(s): dict(s) for s in (RATING_LEVELS, DISCIPLINE_FORMS, AUTHORITY_LEVELS)}


def rank(scale: list[tuple[str, str]], code: str) -> int:
    """Position of ``code`` in ``scale``; raises KeyError for an unknown code."""
    ranks = _RANKS.get(id(scale))
    if ranks is None:
        ranks = {value: i for i, (value, _label) in enumerate(scale)}
    return ranks[code]


def label(scale: list[tuple[str, str]], code: str) -> str:
    labels = _LABELS.get(id(scale)) or dict(scale)
    return labels.get(code, code)
