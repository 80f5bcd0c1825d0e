"""The demo accounts: one user for every role, all with the same password, each given its role
over one demo unit."""

from __future__ import annotations

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from thidua.org.models import Role, RoleAssignment, Unit

DEMO_PASSWORD = "thidua2020"

# username, full name, role, unit name
ACCOUNTS = [
    ("noivu", "Nguyễn Thị Oanh", Role.CHUYEN_VIEN_TDKT, "Thị xã Sa Pa"),
    ("phuongsapa", "Đỗ Thị Hồng Nhung", Role.CAN_BO_DON_VI, "Phường Sa Pa"),
    ("phuongsapa.truong", "Trần Văn Hùng", Role.THU_TRUONG, "Phường Sa Pa"),
    ("tavan", "Lò Văn Thắng", Role.CAN_BO_DON_VI, "Xã Tả Van"),
    ("phonggd", "Vũ Thị Phương", Role.CAN_BO_DON_VI, "Phòng Giáo dục và Đào tạo"),
    ("thuky", "Ngô Thị Hà", Role.THU_KY_HOI_DONG, "Thị xã Sa Pa"),
    ("hoidong1", "Bùi Quang Huy", Role.THANH_VIEN_HOI_DONG, "Thị xã Sa Pa"),
    ("hoidong2", "Hoàng Thị Yến", Role.THANH_VIEN_HOI_DONG, "Thị xã Sa Pa"),
    ("chutich", "Lê Tân Phong", Role.CHU_TICH, "Thị xã Sa Pa"),
    (
        "truyenthong",
        "Phan Văn Long",
        Role.TRUYEN_THONG,
        "Trung tâm Thông tin thể thao – Truyền thông",
    ),
    ("quantri", "Quản trị hệ thống", Role.QUAN_TRI, "Tỉnh Lào Cai"),
    ("vhxh.sapa", "Hà Thị Thu", Role.CHUYEN_VIEN_TDKT, "Phường Sa Pa (từ 01/07/2025)"),
    ("tdkt.phuongsapa", "Lương Thị Minh", Role.CHUYEN_VIEN_TDKT, "Phường Sa Pa"),
    # An administrator of one commune: sees and manages only the accounts of xã Tả Van.
    ("quantri.tavan", "Sùng Thị Mai", Role.QUAN_TRI, "Xã Tả Van"),
]


WARD = "Phường Sa Pa (từ 01/07/2025)"
OFFICE = "Phòng Văn hóa - Xã hội phường Sa Pa"
CAU_MAY, HAM_RONG, O_QUY_HO = "Tổ dân phố Cầu Mây", "Tổ dân phố Hàm Rồng", "Tổ dân phố Ô Quý Hồ"
# username, full name, role, unit name: the ward's accounts besides vhxh.sapa
ACCOUNTS_2026 = [
    ("chutich.sapa", "Giàng A Tùng", Role.CHU_TICH, WARD),
    ("hoidong.sapa", "Tẩn Thị Lả", Role.THANH_VIEN_HOI_DONG, WARD),
    ("vhxh.truong", "Đinh Thị Lan", Role.THU_TRUONG, OFFICE),
    ("caumay", "Lù Thị Sa", Role.CAN_BO_DON_VI, CAU_MAY),
    ("caumay.truong", "Vàng A Chư", Role.THU_TRUONG, CAU_MAY),
    ("hamrong", "Phàn Thị Mẩy", Role.CAN_BO_DON_VI, HAM_RONG),
    ("hamrong.truong", "Sần Văn Lìn", Role.THU_TRUONG, HAM_RONG),
    ("oquyho.truong", "Ma A Sử", Role.THU_TRUONG, O_QUY_HO),
]
USERNAMES_2026 = [a[0] for a in ACCOUNTS_2026]


def _create_user(username: str, full_name: str):
    """A demo account with the shared password, hashed once per run: the hasher's deliberate
    slowness, paid for each of the two dozen accounts, was most of the seed's time."""
    return get_user_model().objects.create(
        username=username, password=_password_hash(), first_name=full_name
    )


@cache
def _password_hash() -> str:
    return make_password(DEMO_PASSWORD)


def build_accounts(units: dict[str, Unit]) -> None:
    for username, full_name, role, unit_name in ACCOUNTS:
        # Vietnamese names read family name first: keep the whole name in first_name so
        # that get_full_name() returns it in the right order.
        user = _create_user(username, full_name)
        RoleAssignment.objects.create(user=user, role=role, unit=units[unit_name])


def ensure_accounts() -> None:
    User = get_user_model()
    for username, full_name, role, unit_name in ACCOUNTS:
        if User.objects.filter(username=username).exists():
            continue
        unit = Unit.objects.filter(name=unit_name).first()
        if unit is None:
            continue
        user = _create_user(username, full_name)
        RoleAssignment.objects.create(user=user, role=role, unit=unit)


def demo_role_assignments():
    """The demo accounts' role assignments (the 2026 ward's too, once made), in the order they
    were made."""
    return (
        RoleAssignment.objects.filter(user__username__in=[u for u, *_ in ACCOUNTS] + USERNAMES_2026)
        .select_related("user", "unit")
        .order_by("id")
    )


def ensure_accounts_2026() -> None:
    User = get_user_model()
    units = {u.name: u for u in Unit.objects.filter(name__in={a[3] for a in ACCOUNTS_2026})}
    for username, full_name, role, unit_name in ACCOUNTS_2026:
        if unit_name not in units or User.objects.filter(username=username).exists():
            continue
        user = _create_user(username, full_name)
        RoleAssignment.objects.create(user=user, role=role, unit=units[unit_name])
