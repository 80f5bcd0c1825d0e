"""A person's and a collective's history, as the Phòng Nội vụ officer reads it. On the tiny
persona tree (tests/personas.py), each test writes the history it reads."""

from datetime import date

import pytest

from thidua.records.models import AnnualRating, AwardRecord, Discipline, Initiative

pytestmark = pytest.mark.django_db


def test_person_history_shows_ratings_initiatives_and_awards(personas):
    van = personas.people["ward_person"]
    AnnualRating.objects.create(person=van, year=2018, level="tot")
    AnnualRating.objects.create(person=van, year=2019, level="xuat_sac")
    Initiative.objects.create(
        person=van,
        title="Số hóa hồ sơ hộ tịch phường Đồi Chè",
        recognized_on=date(2019, 11, 20),
        authority_level="huyen",
        recognized_by="Chủ tịch UBND thị xã Đồi Chè",
        decision_number="2150/QĐ-UBND",
    )
    AwardRecord.objects.create(
        person=van,
        award_name="Giấy khen của Chủ tịch UBND thị xã Đồi Chè",
        award_kind="hinh_thuc",
        award_type="cong_trang",
        authority_level="huyen",
        decision_number="1820/QĐ-UBND",
        decided_on=date(2018, 12, 20),
        issuer_name="UBND thị xã Đồi Chè",
    )
    page = personas.client("town_officer").get(f"/lich-su/ca-nhan/{van.pk}/").content.decode()
    assert "Hoàn thành xuất sắc nhiệm vụ" in page and "2019" in page
    assert "Số hóa hồ sơ hộ tịch phường Đồi Chè" in page and "20/11/2019" in page
    assert "Giấy khen của Chủ tịch UBND thị xã Đồi Chè" in page and "1820/QĐ-UBND" in page
    assert "Không có kỷ luật." in page


def reprimand(person) -> None:
    Discipline.objects.create(
        person=person,
        form="khien_trach",
        decided_on=date(2020, 5, 12),
        ends_on=date(2021, 5, 11),
        decision_number="45/QĐ-UBND",
        reason="Chậm trễ giải quyết hồ sơ hành chính",
    )


def test_person_history_shows_discipline_with_dates(personas):
    phao = personas.people["commune_person"]
    reprimand(phao)
    page = personas.client("town_officer").get(f"/lich-su/ca-nhan/{phao.pk}/").content.decode()
    assert "Khiển trách" in page and "12/05/2020" in page and "11/05/2021" in page


def test_collective_history_shows_unit_ratings_and_member_disciplines(personas):
    commune = personas.units["commune"]
    AnnualRating.objects.create(unit=commune, year=2019, level="tot")
    reprimand(personas.people["commune_person"])
    page = personas.client("town_officer").get(f"/lich-su/tap-the/{commune.pk}/").content.decode()
    assert "Đánh giá tập thể hằng năm" in page and "2019" in page
    assert personas.people["commune_person"].full_name in page


def test_collective_history_is_refused_outside_the_subtree(personas):
    commune = personas.units["commune"]
    url = f"/lich-su/tap-the/{commune.pk}/"
    assert personas.client("ward_officer").get(url).status_code == 404
    assert personas.client("member").get(url).status_code == 403
