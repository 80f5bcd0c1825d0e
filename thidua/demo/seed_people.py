"""The demo's people and their history: staff of every unit with four years of ratings and a
few awards and initiatives, households of the hamlets, units' own ratings, and four named
personas whose history shows each kind of eligibility result. Reproducible: one seeded
random generator, used in a fixed order."""

from __future__ import annotations

import random
from datetime import date

from thidua.org.models import Person, Unit, UnitKind
from thidua.records.models import AnnualRating, AwardRecord, Discipline, Initiative

from .people_data import NAME_POOL, POSITIONS_OFFICE, POSITIONS_SCHOOL, POSITIONS_UBND

K = UnitKind

INITIATIVE_TITLES = [
    "Ứng dụng phần mềm quản lý văn bản trong tiếp nhận hồ sơ một cửa",
    "Mô hình tổ tự quản bảo vệ môi trường du lịch",
    "Đổi mới phương pháp dạy tiếng Việt cho học sinh dân tộc thiểu số",
    "Cải tiến quy trình thẩm định hồ sơ đất đai",
    "Tuyên truyền pháp luật bằng tiếng Hmông trên loa truyền thanh",
]


def build_people(units: dict[str, Unit]) -> None:
    PeopleSeeder(units).run()


class PeopleSeeder:
    def __init__(self, units: dict[str, Unit]):
        self.rng = random.Random(2020)  # noqa: S311 - reproducible demo data, not security
        self.units = units
        self.name_index = 0

    def run(self) -> None:
        self.build_people_and_history()
        self.build_personas()

    def next_name(self):
        name = NAME_POOL[self.name_index % len(NAME_POOL)]
        self.name_index += 1
        return name

    def person(
        self,
        unit,
        full_name,
        gender,
        ethnicity,
        position,
        category,
        is_leader=False,
        birth_year=None,
    ):
        year = birth_year or self.rng.randint(1965, 1996)
        return Person.objects.create(
            full_name=full_name,
            gender=gender,
            ethnicity=ethnicity,
            unit=unit,
            position=position,
            category=category,
            is_leader=is_leader,
            date_of_birth=date(year, self.rng.randint(1, 12), self.rng.randint(1, 28)),
        )

    def build_people_and_history(self):
        staff_units = [
            u for u in self.units.values() if u.kind not in (K.UBND_TINH, K.UBND_HUYEN, K.THON)
        ]
        for unit in staff_units:
            if unit.kind == K.UBND_XA:
                positions, category = POSITIONS_UBND, "cong_chuc"
            elif unit.kind == K.TRUONG_HOC or unit.kind == K.DON_VI_SU_NGHIEP:
                positions, category = (
                    POSITIONS_SCHOOL if unit.kind == K.TRUONG_HOC else POSITIONS_OFFICE,
                    "vien_chuc",
                )
            elif unit.kind in (K.DOANH_NGHIEP, K.HOP_TAC_XA):
                positions, category = (
                    ["Giám đốc", "Kế toán", "Nhân viên", "Nhân viên"],
                    "nguoi_lao_dong",
                )
            elif unit.kind == K.LLVT:
                positions, category = (
                    ["Chỉ huy trưởng", "Chính trị viên", "Trợ lý tác chiến"],
                    "llvt",
                )
            else:
                positions, category = POSITIONS_OFFICE, "cong_chuc"
            for index, position in enumerate(positions):
                name, gender, ethnicity = self.next_name()
                cat = "can_bo" if index < 2 and unit.kind == K.UBND_XA else category
                person = self.person(
                    unit, name, gender, ethnicity, position, cat, is_leader=index < 2
                )
                self.add_history(person)
        for unit in [u for u in self.units.values() if u.kind == K.THON]:
            for _ in range(2):
                name, gender, ethnicity = self.next_name()
                self.person(unit, name, gender, ethnicity, "Hộ sản xuất, kinh doanh", "nhan_dan")
        for unit in self.units.values():
            if unit.kind in (K.UBND_XA, K.CO_QUAN_NHA_NUOC, K.DON_VI_SU_NGHIEP, K.TRUONG_HOC):
                for year in range(2016, 2020):
                    level = self.rng.choices(["xuat_sac", "tot", "hoan_thanh"], [3, 6, 1])[0]
                    AnnualRating.objects.create(unit=unit, year=year, level=level)

    def add_history(self, person):
        if person.category == "nguoi_lao_dong":
            return
        for year in range(2016, 2020):
            level = self.rng.choices(
                ["xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh"], [2, 6, 2, 0.2]
            )[0]
            AnnualRating.objects.create(person=person, year=year, level=level)
        if self.rng.random() < 0.35:
            AwardRecord.objects.create(
                person=person,
                award_name="Lao động tiên tiến",
                award_kind="danh_hieu",
                award_type="cong_trang",
                authority_level="huyen",
                decision_number=f"{self.rng.randint(100, 999)}/QĐ-UBND",
                decided_on=date(2019, 12, self.rng.randint(10, 28)),
                issuer_name="UBND thị xã Sa Pa",
            )
        if self.rng.random() < 0.2:
            Initiative.objects.create(
                person=person,
                title=self.rng.choice(INITIATIVE_TITLES),
                authority_level="huyen",
                recognized_on=date(2019, self.rng.randint(1, 12), self.rng.randint(1, 28)),
                recognized_by="Chủ tịch UBND thị xã Sa Pa",
                decision_number=f"{self.rng.randint(10, 99)}/QĐ-UBND",
            )

    def build_personas(self):
        """Four people whose history shows each kind of eligibility result."""
        ward = self.units["Phường Sa Pa"]
        huong = self.person(
            ward,
            "Nguyễn Thị Thu Hương",
            "nu",
            "01",
            "Công chức Văn hóa - Xã hội",
            "cong_chuc",
            birth_year=1986,
        )
        AnnualRating.objects.create(person=huong, year=2018, level="tot")
        AnnualRating.objects.create(person=huong, year=2019, level="xuat_sac")
        Initiative.objects.create(
            person=huong,
            title="Số hóa hồ sơ hộ tịch phường Sa Pa",
            recognized_on=date(2019, 11, 20),
            authority_level="huyen",
            recognized_by="Chủ tịch UBND thị xã Sa Pa",
            decision_number="2150/QĐ-UBND",
        )
        AwardRecord.objects.create(
            person=huong,
            award_name="Giấy khen của Chủ tịch UBND huyện Sa Pa",
            award_kind="hinh_thuc",
            award_type="cong_trang",
            authority_level="huyen",
            decision_number="1820/QĐ-UBND",
            decided_on=date(2018, 12, 20),
            issuer_name="UBND huyện Sa Pa",
            achievement="Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2018",
        )
        quy = self.person(
            ward,
            "Hoàng Văn Quý",
            "nam",
            "25",
            "Công chức Địa chính - Xây dựng",
            "cong_chuc",
            birth_year=1990,
        )
        AnnualRating.objects.create(person=quy, year=2019, level="tot")  # 2018 missing on purpose
        may = self.person(
            self.units["Xã Tả Van"],
            "Lý Thị Mẩy",
            "nu",
            "09",
            "Công chức Văn hóa - Xã hội",
            "cong_chuc",
            birth_year=1992,
        )
        AnnualRating.objects.create(person=may, year=2018, level="tot")
        AnnualRating.objects.create(person=may, year=2019, level="tot")
        Discipline.objects.create(
            person=may,
            form="khien_trach",
            decided_on=date(2020, 5, 12),
            ends_on=date(2021, 5, 11),
            decision_number="45/QĐ-UBND",
            reason="Chậm trễ giải quyết hồ sơ hành chính",
        )
        self.person(
            self.units["Thôn Lao Chải"],
            "Sùng A Páo",
            "nam",
            "08",
            "Chủ hộ sản xuất, kinh doanh du lịch cộng đồng",
            "nhan_dan",
            birth_year=1979,
        )
