"""The offices the demo's issuers name in their documents, and the 2025 reorganisation as data.

Thị xã Sa Pa (until 30/06/2025): Phòng Nội vụ proposes the commendations, the town's office,
Phòng Nội vụ and Phòng Tài chính - Kế hoạch execute them. Phường Sa Pa of the two-tier
structure (from 01/07/2025): its Phòng Văn hóa – Xã hội proposes. The six wards of the old town
merged into the new phường Sa Pa name it as their successor (Nghị quyết của UBTVQH về sắp xếp
đơn vị hành chính cấp xã tỉnh Lào Cai năm 2025; the communes of the old town went to other new
communes that the demo does not model, so they keep no successor).

A no-op once its data is there: ``seed_demo`` calls it on every run.
"""

from __future__ import annotations

from thidua.org.models import Office, OfficeDuty, Unit

from .seed_units import NEW_START, OLD_END, WARDS

P, E, R = OfficeDuty.PROPOSES, OfficeDuty.EXECUTES, OfficeDuty.RECEIVES
NEW_WARD = "Phường Sa Pa (từ 01/07/2025)"

# unit name → (office name, abbreviation, duties, valid from, valid to)
OFFICES = {
    "Tỉnh Lào Cai": [
        ("Sở Nội vụ", "SNV", [P], None, None),
    ],
    "Thị xã Sa Pa": [
        ("Văn phòng HĐND và UBND thị xã", "VP", [E], None, OLD_END),
        ("Phòng Nội vụ", "NV", [P, E], None, OLD_END),
        ("Phòng Tài chính - Kế hoạch", "TCKH", [E], None, OLD_END),
        ("Thường trực Thị ủy", "", [R], None, OLD_END),
        ("Thường trực HĐND thị xã", "", [R], None, OLD_END),
    ],
    NEW_WARD: [
        ("Văn phòng HĐND và UBND phường", "VP", [E], NEW_START, None),
        ("Phòng Văn hóa – Xã hội", "VHXH", [P, E], NEW_START, None),
        ("Phòng Kinh tế, Hạ tầng và Đô thị", "KT", [E], NEW_START, None),
        ("Thường trực Đảng ủy phường", "", [R], NEW_START, None),
        ("Thường trực HĐND phường", "", [R], NEW_START, None),
    ],
}


def seed_offices() -> None:
    units = {u.name: u for u in Unit.objects.filter(name__in=[*OFFICES, NEW_WARD])}
    if NEW_WARD not in units or Office.objects.filter(unit=units[NEW_WARD]).exists():
        return
    for unit_name, offices in OFFICES.items():
        for order, (name, abbreviation, duties, start, end) in enumerate(offices):
            Office.objects.create(
                unit=units[unit_name],
                name=name,
                abbreviation=abbreviation,
                duties=list(duties),
                valid_from=start,
                valid_to=end,
                order=order,
            )
    # The old town's wards were merged into the new phường Sa Pa on 01/07/2025.
    Unit.objects.filter(
        name__in=[f"Phường {name}" for name in WARDS], valid_to=OLD_END, successor=None
    ).update(successor=units[NEW_WARD])
