"""People carry what criteria and statistics need; ethnicity comes from the official 54."""

import pytest

from thidua.org.ethnicities import ETHNICITIES
from thidua.org.models import Person

pytestmark = pytest.mark.django_db


def test_the_official_list_has_54_groups():
    assert len(ETHNICITIES) == 54
    assert dict(ETHNICITIES)["08"] == "Hmông" and dict(ETHNICITIES)["09"] == "Dao"


def test_people_page_shows_statistics_fields(client_as):
    page = client_as("phuongsapa").get("/don-vi/ca-nhan/?q=Thu+Hương").content.decode()
    assert "Nguyễn Thị Thu Hương" in page
    for text in ["Nữ", "Kinh", "Công chức", "Trực tiếp", "Công chức Văn hóa - Xã hội"]:
        assert text in page


def test_demo_people_include_minorities_leaders_and_citizens():
    assert Person.objects.exclude(ethnicity="01").count() > 20
    assert Person.objects.filter(is_leader=True).exists()
    assert Person.objects.filter(category="nhan_dan").exists()
