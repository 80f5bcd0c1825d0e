"""`thidua seed_demo`: the demo data of the seed campaign (UBND thị xã Sa Pa, 2020), a second
campaign of today's two-tier structure, synthetic history, and a demo account for every role.

Idempotent: when the demo data is there it changes nothing and prints the accounts again.
"""

from __future__ import annotations

import random
from datetime import date

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from thidua.campaigns.models import (
    AwardAuthority,
    AwardForm,
    Campaign,
    CampaignClause,
    CampaignStatus,
    CriteriaSet,
    Criterion,
    LegalBasis,
    RequiredDocument,
    SubjectCategory,
)
from thidua.org.models import Person, Role, RoleAssignment, Unit, UnitKind
from thidua.records.models import AnnualRating, AwardRecord, Discipline, Initiative
from thidua.statistics.tasks import rebuild_all as rebuild_statistics

from ... import seed_campaign as seed
from ...people_data import NAME_POOL, POSITIONS_OFFICE, POSITIONS_SCHOOL, POSITIONS_UBND
from ...seed_council import seed_council
from ...seed_dossiers import seed_dossiers
from ...seed_money import seed_money

DEMO_PASSWORD = "thidua2020"
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


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu: đợt thi đua của UBND thị xã Sa Pa (2020) và các tài khoản mẫu."

    def handle(self, *args, **options):
        if Unit.objects.filter(name="Tỉnh Lào Cai").exists():
            self.stdout.write("Dữ liệu mẫu đã có, không nạp lại.")
        else:
            with transaction.atomic():
                Seeder().run()
            self.stdout.write(self.style.SUCCESS("Đã nạp dữ liệu mẫu."))
        with transaction.atomic():
            ensure_accounts()  # accounts added to the demo after a database was first seeded
            seed_dossiers()  # each is a no-op once its data is there
            seed_council()
            seed_money()
            rebuild_statistics()  # the seed writes rows directly; cheap at the demo's size
        self.print_accounts()

    def print_accounts(self):
        self.stdout.write(f"\nTài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD})")
        self.stdout.write(f"{'Tên đăng nhập':<22} {'Vai trò':<34} Phạm vi")
        for a in (
            RoleAssignment.objects.filter(user__username__in=[u for u, *_ in ACCOUNTS])
            .select_related("user", "unit")
            .order_by("id")
        ):
            self.stdout.write(f"{a.user.username:<22} {a.get_role_display():<34} {a.unit.name}")


def ensure_accounts() -> None:
    User = get_user_model()
    for username, full_name, role, unit_name in ACCOUNTS:
        if User.objects.filter(username=username).exists():
            continue
        unit = Unit.objects.filter(name=unit_name).first()
        if unit is None:
            continue
        user = User.objects.create_user(
            username=username, password=DEMO_PASSWORD, first_name=full_name
        )
        RoleAssignment.objects.create(user=user, role=role, unit=unit)


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
]


class Seeder:
    def __init__(self):
        self.rng = random.Random(2020)  # noqa: S311 - reproducible demo data, not security
        self.units: dict[str, Unit] = {}
        self.name_index = 0

    def run(self):
        self.build_units()
        self.build_people_and_history()
        self.build_users()
        authorities = self.build_authorities()
        self.build_sapa_campaign(authorities)
        self.build_two_tier_campaign(authorities)

    # --- units -------------------------------------------------------------------------
    def unit(self, name, kind, parent=None, **extra) -> Unit:
        unit = Unit.objects.create(
            name=name, kind=kind, parent=parent, sort_order=len(self.units), **extra
        )
        self.units[name] = unit
        return unit

    def build_units(self):
        province = self.unit("Tỉnh Lào Cai", K.UBND_TINH, code="UBND", place_name="Lào Cai")
        town = self.unit(
            "Thị xã Sa Pa",
            K.UBND_HUYEN,
            province,
            code="UBND",
            place_name="Sa Pa",
            valid_from=date(2020, 1, 1),
            valid_to=OLD_END,
        )
        for name, kind in TOWN_AGENCIES:
            self.unit(name, kind, town, valid_to=OLD_END)
        for name in WARDS:
            self.unit(
                f"Phường {name}", K.UBND_XA, town, code="UBND", place_name=name, valid_to=OLD_END
            )
        for name in COMMUNES:
            self.unit(f"Xã {name}", K.UBND_XA, town, code="UBND", place_name=name, valid_to=OLD_END)
        for parent, hamlets in HAMLETS.items():
            for hamlet in hamlets:
                self.unit(hamlet, K.THON, self.units[parent])
        # Since 01/07/2025 there is no district: the new ward sits directly under the province.
        ward = self.unit(
            "Phường Sa Pa (từ 01/07/2025)",
            K.UBND_XA,
            province,
            code="UBND",
            place_name="Sa Pa",
            valid_from=NEW_START,
        )
        self.unit(
            "Phòng Văn hóa - Xã hội phường Sa Pa", K.CO_QUAN_NHA_NUOC, ward, valid_from=NEW_START
        )
        for hamlet in ["Tổ dân phố Cầu Mây", "Tổ dân phố Hàm Rồng", "Tổ dân phố Ô Quý Hồ"]:
            self.unit(hamlet, K.THON, ward, valid_from=NEW_START)

    # --- people and their history ----------------------------------------------------
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
        self.build_personas()

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

    # --- users -----------------------------------------------------------------------
    def build_users(self):
        User = get_user_model()
        for username, full_name, role, unit_name in ACCOUNTS:
            # Vietnamese names read family name first: keep the whole name in first_name so
            # that get_full_name() returns it in the right order.
            user = User.objects.create_user(
                username=username, password=DEMO_PASSWORD, first_name=full_name
            )
            RoleAssignment.objects.create(user=user, role=role, unit=self.units[unit_name])

    # --- campaigns -------------------------------------------------------------------
    def build_authorities(self) -> dict[str, AwardAuthority]:
        return {
            "tinh": AwardAuthority.objects.create(
                name="Chủ tịch UBND tỉnh",
                level="tinh",
                legal_basis="Luật Thi đua, khen thưởng; Nghị định 91/2017/NĐ-CP (đến 31/12/2023); Nghị định "
                "152/2025/NĐ-CP (từ 01/07/2025)",
            ),
            "huyen": AwardAuthority.objects.create(
                name="Chủ tịch UBND cấp huyện (huyện, thị xã, thành phố thuộc tỉnh)",
                level="huyen",
                valid_to=OLD_END,
                legal_basis="Nghị định 91/2017/NĐ-CP; Luật Thi đua, khen thưởng 2022 Điều 80",
            ),
            "xa_cu": AwardAuthority.objects.create(
                name="Chủ tịch UBND cấp xã (xã, phường, thị trấn)",
                level="xa",
                valid_to=OLD_END,
                legal_basis="Nghị định 91/2017/NĐ-CP; Luật Thi đua, khen thưởng 2022 Điều 80",
            ),
            "xa": AwardAuthority.objects.create(
                name="Chủ tịch UBND cấp xã (xã, phường, đặc khu)",
                level="xa",
                valid_from=NEW_START,
                legal_basis="Nghị định 129/2025/NĐ-CP Điều 59; Nghị định 152/2025/NĐ-CP",
            ),
        }

    def campaign(
        self, data: dict, issuer: Unit, receiving: Unit, subjects: dict, documents, award_forms
    ):
        fields = {k: v for k, v in data.items() if k not in ("legal_bases", "clauses")}
        campaign = Campaign.objects.create(issuer=issuer, receiving_unit=receiving, **fields)
        for order, (text, start, end) in enumerate(data["legal_bases"], 1):
            LegalBasis.objects.create(
                campaign=campaign, order=order, text=text, valid_from=start, valid_to=end
            )
        for section, items in data["clauses"].items():
            for order, (heading, text) in enumerate(items, 1):
                CampaignClause.objects.create(
                    campaign=campaign, section=section, order=order, heading=heading, text=text
                )
        categories = {}
        for order, (key, (kind, name, person_cats, unit_kinds, requirement)) in enumerate(
            subjects.items(), 1
        ):
            categories[key] = SubjectCategory.objects.create(
                campaign=campaign,
                kind=kind,
                name=name,
                order=order,
                person_categories=person_cats,
                unit_kinds=unit_kinds,
                requirement=requirement,
            )
        forms = {}
        for order, (key, spec) in enumerate(award_forms.items(), 1):
            criteria = spec.pop("criteria", {})
            forms[key] = AwardForm.objects.create(campaign=campaign, order=order, **spec)
            for category_key, tree in criteria.items():
                criteria_set = CriteriaSet.objects.create(
                    award_form=forms[key],
                    subject_category=categories[category_key],
                    valid_from=data["period_start"],
                    valid_to=data["period_end"],
                )
                self.criteria(criteria_set, tree)
        for order, (name, scope, form_key, per_candidate, note) in enumerate(documents, 1):
            RequiredDocument.objects.create(
                campaign=campaign,
                order=order,
                name=name,
                scope=scope,
                award_form=forms.get(form_key),
                per_candidate=per_candidate,
                note=note,
            )
        campaign.status = CampaignStatus.LAUNCHED
        campaign.launched_at = timezone.now()
        campaign.save()
        return campaign

    def criteria(self, criteria_set, tree, parent=None):
        for order, (kind, text, params, children) in enumerate(tree, 1):
            node = Criterion.objects.create(
                criteria_set=criteria_set,
                parent=parent,
                order=order,
                kind=kind,
                text=text,
                params=params,
            )
            self.criteria(criteria_set, children, node)

    def build_sapa_campaign(self, authorities):
        town, province = self.units["Thị xã Sa Pa"], self.units["Tỉnh Lào Cai"]
        outstanding = [("discretionary", seed.OUTSTANDING, {}, [])]
        self.campaign(
            seed.SAPA_CAMPAIGN,
            town,
            self.units["Phòng Nội vụ"],
            seed.SAPA_SUBJECTS,
            seed.SAPA_DOCUMENTS,
            {
                "bang_khen": {
                    "name": "Bằng khen của Chủ tịch UBND tỉnh",
                    "authority": authorities["tinh"],
                    "granting_unit": province,
                    "is_proposal_upward": True,
                    "selection_rule": "Căn cứ vào tình hình thực tế và thành tích tiêu biểu, nổi bật của các tập "
                    "thể, cá nhân trong dịp tổng kết đợt thi đua, UBND thị xã sẽ lựa chọn các tập thể, cá nhân có "
                    "thành tích tiêu biểu, xuất sắc nhất trong đợt thi đua để đề nghị Chủ tịch UBND tỉnh Lào Cai "
                    "tặng Bằng khen.",
                    "criteria": {key: outstanding for key in seed.SAPA_SUBJECTS},
                },
                "giay_khen_thi_xa": {
                    "name": "Giấy khen của Chủ tịch UBND thị xã",
                    "authority": authorities["huyen"],
                    "granting_unit": town,
                    "quota_note": "Sẽ có văn bản hướng dẫn cụ thể sau",
                    "criteria": seed.GK_THI_XA_CRITERIA,
                },
                "giay_khen_xa": {
                    "name": "Giấy khen của Chủ tịch UBND xã, phường",
                    "authority": authorities["xa_cu"],
                    "delegated_to_units": True,
                    "selection_rule": "UBND các xã, phường căn cứ vào kế hoạch này và quy định của pháp luật về thi "
                    "đua khen thưởng cụ thể hóa quy định về đối tượng, tiêu chuẩn, thủ tục, hồ sơ đề nghị khen "
                    "thưởng trong đợt thi đua này cho phù hợp với tình hình thực tế của địa phương nhằm động viên, "
                    "khuyến khích các tập thể, cá nhân, hộ gia đình tích cực tham gia phong trào thi đua ở địa "
                    "phương.",
                },
            },
        )

    def build_two_tier_campaign(self, authorities):
        ward, province = self.units["Phường Sa Pa (từ 01/07/2025)"], self.units["Tỉnh Lào Cai"]
        outstanding = [
            (
                "discretionary",
                "Có thành tích tiêu biểu, xuất sắc nhất trong phong trào, được UBND phường "
                "lựa chọn đề nghị Chủ tịch UBND tỉnh tặng Bằng khen.",
                {},
                [],
            )
        ]
        self.campaign(
            seed.TWO_TIER_CAMPAIGN,
            ward,
            self.units["Phòng Văn hóa - Xã hội phường Sa Pa"],
            seed.TWO_TIER_SUBJECTS,
            seed.TWO_TIER_DOCUMENTS,
            {
                "bang_khen": {
                    "name": "Bằng khen của Chủ tịch UBND tỉnh",
                    "authority": authorities["tinh"],
                    "granting_unit": province,
                    "is_proposal_upward": True,
                    "selection_rule": "Lựa chọn tập thể, cá nhân tiêu biểu, xuất sắc nhất để đề nghị Chủ tịch UBND "
                    "tỉnh Lào Cai tặng Bằng khen.",
                    "criteria": {key: outstanding for key in seed.TWO_TIER_SUBJECTS},
                },
                "giay_khen_phuong": {
                    "name": "Giấy khen của Chủ tịch UBND phường",
                    "authority": authorities["xa"],
                    "granting_unit": ward,
                    "quota_individual": 10,
                    "quota_collective": 3,
                    "criteria": seed.GK_PHUONG_CRITERIA,
                },
            },
        )


INITIATIVE_TITLES = [
    "Ứng dụng phần mềm quản lý văn bản trong tiếp nhận hồ sơ một cửa",
    "Mô hình tổ tự quản bảo vệ môi trường du lịch",
    "Đổi mới phương pháp dạy tiếng Việt cho học sinh dân tộc thiểu số",
    "Cải tiến quy trình thẩm định hồ sơ đất đai",
    "Tuyên truyền pháp luật bằng tiếng Hmông trên loa truyền thanh",
]
