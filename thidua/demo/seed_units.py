"""The demo's units: tỉnh Lào Cai, thị xã Sa Pa with its agencies, wards, communes and hamlets
(until 30/06/2025), and the new phường Sa Pa of the two-tier structure (from 01/07/2025)."""

from __future__ import annotations

from datetime import date

from thidua.org.models import Unit, UnitKind, UnitType, forget_unit_type_names

K = UnitKind

WARDS = ["Sa Pa", "Sa Pả", "Ô Quý Hồ", "Phan Si Păng", "Hàm Rồng", "Cầu Mây"]
COMMUNES = [
    "Bản Hồ",
    "Hoàng Liên",
    "Liên Minh",
    "Mường Bo",
    "Mường Hoa",
    "Ngũ Chỉ Sơn",
    "Tả Phìn",
    "Tả Van",
    "Thanh Bình",
    "Trung Chải",
]
HAMLETS = {
    "Phường Sa Pa": ["Tổ dân phố số 1", "Tổ dân phố số 2", "Tổ dân phố số 3"],
    "Xã Tả Van": ["Thôn Lao Chải", "Thôn Tả Van Giáy", "Thôn Séo Mý Tỷ"],
    "Xã Bản Hồ": ["Thôn Bản Dền", "Thôn Nậm Toóng"],
    "Phường Cầu Mây": ["Tổ dân phố Lao Chải San", "Tổ dân phố Sín Chải"],
}
TOWN_AGENCIES = [
    ("Phòng Nội vụ", K.CO_QUAN_NHA_NUOC),
    ("Văn phòng HĐND và UBND thị xã", K.CO_QUAN_NHA_NUOC),
    ("Phòng Tài chính - Kế hoạch", K.CO_QUAN_NHA_NUOC),
    ("Phòng Giáo dục và Đào tạo", K.CO_QUAN_NHA_NUOC),
    ("Phòng Văn hóa và Thông tin", K.CO_QUAN_NHA_NUOC),
    ("Phòng Lao động - Thương binh và Xã hội", K.CO_QUAN_NHA_NUOC),
    ("Trung tâm Thông tin thể thao – Truyền thông", K.DON_VI_SU_NGHIEP),
    ("Ban Quản lý Khu du lịch quốc gia Sa Pa", K.DON_VI_SU_NGHIEP),
    ("Ban Tuyên giáo Thị ủy", K.CO_QUAN_DANG),
    ("Ủy ban MTTQ Việt Nam thị xã", K.MTTQ),
    ("Hội Liên hiệp Phụ nữ thị xã", K.DOAN_THE),
    ("Thị đoàn Sa Pa", K.DOAN_THE),
    ("Ban Chỉ huy Quân sự thị xã", K.LLVT),
    ("Trường THCS thị trấn Sa Pa", K.TRUONG_HOC),
    ("Công ty Cổ phần Du lịch Hoàng Liên", K.DOANH_NGHIEP),
    ("Hợp tác xã Dệt thổ cẩm Tả Van", K.HOP_TAC_XA),
]
OLD_END = date(2025, 6, 30)
NEW_START = date(2025, 7, 1)


def build_units() -> dict[str, Unit]:
    """Create the units, parents first, numbered in creation order; return them by name."""
    units: dict[str, Unit] = {}

    def unit(name, kind, parent=None, **extra) -> Unit:
        units[name] = Unit.objects.create(
            name=name, kind=kind, parent=parent, sort_order=len(units), **extra
        )
        return units[name]

    province = unit("Tỉnh Lào Cai", K.UBND_TINH, code="UBND", place_name="Lào Cai")
    town = unit(
        "Thị xã Sa Pa",
        K.UBND_HUYEN,
        province,
        code="UBND",
        place_name="Sa Pa",
        valid_from=date(2020, 1, 1),
        valid_to=OLD_END,
    )
    for name, kind in TOWN_AGENCIES:
        unit(name, kind, town, valid_to=OLD_END)
    for name in WARDS:
        unit(f"Phường {name}", K.UBND_XA, town, code="UBND", place_name=name, valid_to=OLD_END)
    for name in COMMUNES:
        unit(f"Xã {name}", K.UBND_XA, town, code="UBND", place_name=name, valid_to=OLD_END)
    for parent, hamlets in HAMLETS.items():
        for hamlet in hamlets:
            unit(hamlet, K.THON, units[parent])
    # Since 01/07/2025 there is no district: the new ward sits directly under the province.
    ward = unit(
        "Phường Sa Pa (từ 01/07/2025)",
        K.UBND_XA,
        province,
        code="UBND",
        place_name="Sa Pa",
        valid_from=NEW_START,
    )
    unit("Phòng Văn hóa - Xã hội phường Sa Pa", K.CO_QUAN_NHA_NUOC, ward, valid_from=NEW_START)
    for hamlet in ["Tổ dân phố Cầu Mây", "Tổ dân phố Hàm Rồng", "Tổ dân phố Ô Quý Hồ"]:
        unit(hamlet, K.THON, ward, valid_from=NEW_START)
    return units


def ensure_unit_types() -> None:
    """The built-in unit types (made by a migration) again after a database flush: without
    them the administrator's unit form has no type to choose."""
    if UnitType.objects.exists():
        return
    UnitType.objects.bulk_create(
        UnitType(code=code, name=name, is_people_committee=code.startswith("ubnd_"), order=order)
        for order, (code, name) in enumerate(K.choices)
    )
    forget_unit_type_names()
