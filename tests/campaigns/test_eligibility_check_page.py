"""The campaign's criteria checked against a person's or a collective's history, in the page."""

import pytest

from thidua.campaigns.models import Campaign
from thidua.demo.seed_campaign import SAPA_TITLE
from thidua.org.models import Person, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def url():
    return f"/dot-thi-dua/{Campaign.objects.get(title=SAPA_TITLE).pk}/kiem-tra/"


def person(name):
    return Person.objects.get(full_name=name, unit__name__in=["Phường Sa Pa", "Xã Tả Van"])


def test_history_meets_the_computed_criteria(client_as, url, django_assert_max_num_queries):
    client = client_as("noivu")
    with django_assert_max_num_queries(15):
        page = client.get(url, {"ca_nhan": person("Nguyễn Thị Thu Hương").pk}).content.decode()
    assert "Giấy khen của Chủ tịch UBND thị xã" in page
    assert "Năm 2018: Hoàn thành tốt nhiệm vụ; năm 2019: Hoàn thành xuất sắc nhiệm vụ." in page
    assert "“Số hóa hồ sơ hộ tịch phường Sa Pa” (20/11/2019)" in page
    assert "Cần cán bộ có thẩm quyền xác nhận." in page  # attested criteria wait for a person


def test_missing_rating_is_named(client_as, url):
    page = client_as("noivu").get(url, {"ca_nhan": person("Hoàng Văn Quý").pk}).content.decode()
    assert "Chưa có kết quả đánh giá năm 2018." in page


def test_collective_fails_on_a_members_discipline(client_as, url):
    tavan = Unit.objects.get(name="Xã Tả Van")
    page = client_as("noivu").get(url, {"tap_the": tavan.pk}).content.decode()
    assert "Tập thể là các cơ quan chuyên môn, đơn vị sự nghiệp, UBND các xã, phường" in page
    assert "Lý Thị Mẩy: Khiển trách ngày 12/05/2020" in page


def test_search_lists_only_people_in_scope(client_as, url):
    page = client_as("phuongsapa").get(url, {"q": "Thị"}).content.decode()
    assert "Nguyễn Thị Thu Hương" in page and "Lý Thị Mẩy" not in page


def test_other_units_and_roles_are_refused(client_as, client, url):
    may = person("Lý Thị Mẩy").pk
    assert client_as("phuongsapa").get(url, {"ca_nhan": may}).status_code == 404
    assert client_as("hoidong1").get(url, {"ca_nhan": may}).status_code == 403
    assert client.get(url, {"ca_nhan": may}).status_code == 403  # anonymous has no personal data
