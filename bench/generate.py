"""Synthetic data at province or national scale, written with bulk inserts.

    province  ≈ 100 units,    30,000 people, 5 years of history
    national  ≈ 10,000 units, 1,000,000 people, 5 years of history

Names are drawn from Vietnamese family, middle and given names so that text handling (NFC,
diacritics) is exercised as in real data. Deterministic: the same scale gives the same data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

SCALES = {
    "province": {"units": 100, "people": 30_000},
    "national": {"units": 10_000, "people": 1_000_000},
}
YEARS = range(2015, 2020)
FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Lò",
    "Sùng",
    "Giàng",
    "Hà",
    "Đinh",
    "Mai",
]
MIDDLE = ["Văn", "Thị", "Đức", "Thu", "Minh", "Quang", "Thị Thu", "Ngọc", "A", "Thị Hồng", "Hữu"]
GIVEN = [
    "Hương",
    "Quý",
    "Mẩy",
    "Páo",
    "Anh",
    "Bình",
    "Chi",
    "Dũng",
    "Giang",
    "Hải",
    "Hạnh",
    "Khánh",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Phong",
    "Phương",
    "Sơn",
    "Thắng",
    "Thảo",
    "Trang",
    "Tùng",
    "Vân",
    "Yến",
    "Ánh",
    "Đạt",
    "Hùng",
    "Linh",
]
KINDS = ["ubnd_xa", "co_quan_nha_nuoc", "don_vi_su_nghiep", "truong_hoc", "doan_the"]
CATEGORIES = ["can_bo", "cong_chuc", "vien_chuc", "nguoi_lao_dong"]
LEVELS = (["xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh"], [2, 6, 2, 0.2])


@dataclass
class Generated:
    root_id: int
    units: int
    people: int


def generate(scale: str, batch: int = 5000) -> Generated:
    from django.db import transaction

    from thidua.core.text import ascii_key
    from thidua.org.models import Person, Unit
    from thidua.records.models import AnnualRating, Discipline, Initiative

    size = SCALES[scale]
    rng = random.Random(f"thidua-{scale}")  # noqa: S311 - reproducible synthetic data
    with transaction.atomic():
        root = Unit.objects.create(name=f"Dữ liệu thử ({scale})", kind="ubnd_tinh")
        # Two levels where the scale needs it: groups of about 300 units, like provinces.
        groups = size["units"] // 300
        parents = [root]
        if groups > 1:
            parents = Unit.objects.bulk_create(
                Unit(name=f"Tỉnh thử {g + 1}", kind="ubnd_tinh", parent=root) for g in range(groups)
            )
            for parent in parents:
                parent.path, parent.depth = f"{root.path}{parent.pk}/", 1
            Unit.objects.bulk_update(parents, ["path", "depth"], batch_size=batch)
        count = size["units"] - 1 - (len(parents) if groups > 1 else 0)
        units = Unit.objects.bulk_create(
            (
                Unit(
                    name=f"Đơn vị thử {i + 1}",
                    kind=KINDS[i % len(KINDS)],
                    parent=parents[i % len(parents)],
                )
                for i in range(count)
            ),
            batch_size=batch,
        )
        by_id = {p.pk: p for p in parents}
        for unit in units:
            parent = by_id[unit.parent_id]
            unit.path, unit.depth = f"{parent.path}{unit.pk}/", parent.depth + 1
        Unit.objects.bulk_update(units, ["path", "depth"], batch_size=batch)

        people_per_unit = size["people"] // len(units)
        created = 0
        for start in range(0, len(units), max(1, batch // people_per_unit)):
            chunk = units[start : start + max(1, batch // people_per_unit)]
            people = Person.objects.bulk_create(
                [
                    Person(
                        full_name=(
                            name := f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
                        ),
                        search_name=ascii_key(name),
                        gender=rng.choice(["nam", "nu"]),
                        date_of_birth=date(
                            rng.randint(1965, 2000), rng.randint(1, 12), rng.randint(1, 28)
                        ),
                        ethnicity=rng.choice(["01", "01", "01", "02", "09", "25", "08"]),
                        unit=unit,
                        position="Chuyên viên",
                        category=rng.choice(CATEGORIES),
                        is_leader=rng.random() < 0.1,
                    )
                    for unit in chunk
                    for _ in range(people_per_unit)
                ]
            )
            created += len(people)
            AnnualRating.objects.bulk_create(
                (
                    AnnualRating(person=p, year=y, level=rng.choices(*LEVELS)[0])
                    for p in people
                    for y in YEARS
                ),
                batch_size=batch,
            )
            Initiative.objects.bulk_create(
                (
                    Initiative(
                        person=p,
                        title="Sáng kiến cải tiến quy trình",
                        authority_level="huyen",
                        recognized_on=date(2019, rng.randint(1, 12), rng.randint(1, 28)),
                        recognized_by="Chủ tịch UBND",
                    )
                    for p in people
                    if rng.random() < 0.2
                ),
                batch_size=batch,
            )
            Discipline.objects.bulk_create(
                (
                    Discipline(
                        person=p, form="khien_trach", decided_on=date(2019, rng.randint(1, 12), 1)
                    )
                    for p in people
                    if rng.random() < 0.01
                ),
                batch_size=batch,
            )
    return Generated(root.pk, len(units) + len(parents) + (1 if groups > 1 else 0), created)


def bench_campaign(root_id: int, candidates: int, batch: int = 5000):
    """A launched campaign of the generated tree, with one dossier per unit and ``candidates``
    candidates (people of the unit, for several award forms)."""
    from django.db import transaction

    from thidua.campaigns.models import (
        AwardAuthority,
        AwardForm,
        Campaign,
        CriteriaSet,
        Criterion,
        SubjectCategory,
    )
    from thidua.nominations.models import Candidate, Dossier
    from thidua.org.models import Person, Unit

    root = Unit.objects.get(pk=root_id)
    with transaction.atomic():
        authority = AwardAuthority.objects.create(name="Chủ tịch UBND (thử)", level="tinh")
        campaign = Campaign.objects.create(
            issuer=root,
            title=f"Đợt thi đua thử nghiệm {candidates:,} đề nghị",
            period_start=date(2020, 3, 1),
            period_end=date(2020, 10, 31),
            dossier_deadline=date(2020, 10, 25),
            status="launched",
        )
        people_cat = SubjectCategory.objects.create(
            campaign=campaign, kind="ca_nhan", name="Cá nhân", person_categories=CATEGORIES
        )
        forms = [
            AwardForm.objects.create(
                campaign=campaign, order=i, name=f"Hình thức {i + 1}", authority=authority
            )
            for i in range(4)
        ]
        for form in forms:
            criteria_set = CriteriaSet.objects.create(award_form=form, subject_category=people_cat)
            for order, text in enumerate(
                ["Chấp hành tốt chủ trương, chính sách", "Có đạo đức tốt"]
            ):
                Criterion.objects.create(
                    criteria_set=criteria_set, order=order, kind="attested", text=text
                )
            group = Criterion.objects.create(
                criteria_set=criteria_set, order=3, kind="all_of", text="Thành tích"
            )
            Criterion.objects.create(
                criteria_set=criteria_set,
                parent=group,
                kind="rating_streak",
                text="Hai năm hoàn thành tốt",
                params={"years": 2, "min_level": "tot"},
            )
            Criterion.objects.create(
                criteria_set=criteria_set,
                parent=group,
                kind="initiative_count",
                text="01 sáng kiến",
                params={"min_count": 1, "min_authority": "co_so", "window_months": 24},
            )
            Criterion.objects.create(
                criteria_set=criteria_set,
                order=4,
                kind="no_discipline",
                text="Không bị kỷ luật",
                params={"min_form": "khien_trach"},
            )

        units = list(
            Unit.objects.filter(path__startswith=root.path, depth__gte=1).exclude(kind="ubnd_tinh")
        )
        dossiers = {
            d.unit_id: d
            for d in Dossier.objects.bulk_create(
                Dossier(campaign=campaign, unit=u, status="submitted") for u in units
            )
        }
        # Distinct people, as in a real campaign (a person proposed twice is the exception),
        # spread over the award forms.
        made, rows = 0, []
        people = Person.objects.filter(unit__in=units).order_by("pk").values_list("pk", "unit_id")
        for person_id, unit_id in people[:candidates].iterator():
            rows.append(
                Candidate(
                    dossier=dossiers[unit_id],
                    person_id=person_id,
                    award_form=forms[made % 4],
                    summary="Hoàn thành xuất sắc nhiệm vụ",
                    order=made,
                )
            )
            made += 1
            if len(rows) >= batch:
                Candidate.objects.bulk_create(rows)
                rows = []
        Candidate.objects.bulk_create(rows)
    return campaign, made
