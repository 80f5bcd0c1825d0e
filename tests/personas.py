"""A tiny tree of units with one user per role, for tests of rules (who sees what) that need no
campaign: built with the ordinary models in each test's transaction, so these tests do not
depend on the demo data. Its names are not the demo's, so the demo rows that share the test
database never match them.

  Tỉnh Thử Nghiệm                            admin (quản trị)
  ├── Thị xã Đồi Chè (until 30/06/2025)      town_officer (chuyên viên TĐKT), secretary,
  │   │                                      member (hội đồng), chairman
  │   ├── Phòng Giáo dục thị xã Đồi Chè      department_officer
  │   ├── Trung tâm Truyền thông Đồi Chè     media
  │   ├── Phường Đồi Chè                     ward_officer, ward_head; person ward_person
  │   │   └── Tổ dân phố Đồi Thông
  │   └── Xã Suối Mây                        commune_officer; person commune_person
  └── Phường Hồ Sen (from 01/07/2025)        new_ward_officer (two-tier: under the province)
      └── Tổ dân phố Hồ Sen
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.test import Client

from thidua.org.models import Person, Role, RoleAssignment, Unit, UnitKind

OLD_END = date(2025, 6, 30)
NEW_START = date(2025, 7, 1)


@dataclass
class Personas:
    units: dict[str, Unit] = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)

    def client(self, key: str) -> Client:
        """A test client signed in as the persona ``key``."""
        client = Client()
        client.force_login(self.users[key])
        return client


def build_personas() -> Personas:
    p = Personas()

    def unit(key: str, name: str, kind: str, parent: str | None = None, **extra) -> None:
        # Numbered in creation order, parents first, as the demo's units are.
        p.units[key] = Unit.objects.create(
            name=name,
            kind=kind,
            parent=p.units[parent] if parent else None,
            sort_order=len(p.units),
            **extra,
        )

    unit("province", "Tỉnh Thử Nghiệm", UnitKind.UBND_TINH, code="UBND")
    unit("town", "Thị xã Đồi Chè", UnitKind.UBND_HUYEN, "province", valid_to=OLD_END)
    unit("department", "Phòng Giáo dục thị xã Đồi Chè", UnitKind.CO_QUAN_NHA_NUOC, "town")
    unit("media", "Trung tâm Truyền thông Đồi Chè", UnitKind.DON_VI_SU_NGHIEP, "town")
    unit("ward", "Phường Đồi Chè", UnitKind.UBND_XA, "town", valid_to=OLD_END)
    unit("hamlet", "Tổ dân phố Đồi Thông", UnitKind.THON, "ward")
    unit("commune", "Xã Suối Mây", UnitKind.UBND_XA, "town", valid_to=OLD_END)
    unit("new_ward", "Phường Hồ Sen", UnitKind.UBND_XA, "province", valid_from=NEW_START)
    unit("new_hamlet", "Tổ dân phố Hồ Sen", UnitKind.THON, "new_ward", valid_from=NEW_START)

    for key, role, unit_key in [
        ("admin", Role.QUAN_TRI, "province"),
        ("town_officer", Role.CHUYEN_VIEN_TDKT, "town"),
        ("secretary", Role.THU_KY_HOI_DONG, "town"),
        ("member", Role.THANH_VIEN_HOI_DONG, "town"),
        ("chairman", Role.CHU_TICH, "town"),
        ("department_officer", Role.CAN_BO_DON_VI, "department"),
        ("media", Role.TRUYEN_THONG, "media"),
        ("ward_officer", Role.CAN_BO_DON_VI, "ward"),
        ("ward_head", Role.THU_TRUONG, "ward"),
        ("commune_officer", Role.CAN_BO_DON_VI, "commune"),
        ("new_ward_officer", Role.CHUYEN_VIEN_TDKT, "new_ward"),
    ]:
        # No password: the tests sign in with force_login.
        user = get_user_model().objects.create_user(f"persona.{key}", password=None)
        RoleAssignment.objects.create(user=user, role=role, unit=p.units[unit_key])
        p.users[key] = user

    for key, name, gender, unit_key in [
        ("ward_person", "Đặng Thị Thanh Vân", "nu", "ward"),
        ("commune_person", "Giàng A Pháo", "nam", "commune"),
    ]:
        p.people[key] = Person.objects.create(
            full_name=name,
            gender=gender,
            unit=p.units[unit_key],
            position="Công chức Văn hóa - Xã hội",
            category="cong_chuc",
            date_of_birth=date(1988, 4, 2),
        )
    return p
