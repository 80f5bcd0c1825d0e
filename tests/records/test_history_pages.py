"""A person's and a collective's history, as the Phòng Nội vụ officer reads it."""

import pytest

from thidua.org.models import Person, Unit

pytestmark = pytest.mark.django_db


def test_person_history_shows_ratings_initiatives_and_awards(client_as):
    huong = Person.objects.get(full_name="Nguyễn Thị Thu Hương", unit__name="Phường Sa Pa")
    page = client_as("noivu").get(f"/lich-su/ca-nhan/{huong.pk}/").content.decode()
    assert "Hoàn thành xuất sắc nhiệm vụ" in page and "2019" in page
    assert "Số hóa hồ sơ hộ tịch phường Sa Pa" in page and "20/11/2019" in page
    assert "Giấy khen của Chủ tịch UBND huyện Sa Pa" in page and "1820/QĐ-UBND" in page
    assert "Không có kỷ luật." in page


def test_person_history_shows_discipline_with_dates(client_as):
    may = Person.objects.get(full_name="Lý Thị Mẩy", unit__name="Xã Tả Van")
    page = client_as("noivu").get(f"/lich-su/ca-nhan/{may.pk}/").content.decode()
    assert "Khiển trách" in page and "12/05/2020" in page and "11/05/2021" in page


def test_collective_history_shows_unit_ratings_and_member_disciplines(client_as):
    tavan = Unit.objects.get(name="Xã Tả Van")
    page = client_as("noivu").get(f"/lich-su/tap-the/{tavan.pk}/").content.decode()
    assert "Đánh giá tập thể hằng năm" in page and "2019" in page
    assert "Lý Thị Mẩy" in page


def test_collective_history_is_refused_outside_the_subtree(client_as):
    tavan = Unit.objects.get(name="Xã Tả Van")
    assert client_as("phuongsapa").get(f"/lich-su/tap-the/{tavan.pk}/").status_code == 404
    assert client_as("hoidong1").get(f"/lich-su/tap-the/{tavan.pk}/").status_code == 403
