"""Lists that grow (issue 16): dossiers, a dossier's candidates, the tracking table's units,
decisions and stories are filtered, sorted and paged, in a bounded number of queries with
1,000 rows."""

from __future__ import annotations

import html
from datetime import date

import pytest

from thidua.decisions.models import Decision
from thidua.nominations.models import Dossier
from thidua.org.models import Unit, UnitKind
from thidua.portal.models import Story, StoryStatus

from .test_query_bounds import grow

pytestmark = pytest.mark.django_db
MANY = 1000


def many_units(parent: Unit, n: int = MANY) -> list[Unit]:
    """``n`` hamlets under ``parent`` in two statements (paths set after the ids are known)."""
    units = Unit.objects.bulk_create(
        Unit(name=f"Thôn thử {i:04d}", kind=UnitKind.THON, parent=parent, sort_order=900 + i)
        for i in range(n)
    )
    for unit in units:
        unit.path = f"{parent.path}{unit.pk}/"
        unit.depth = parent.depth + 1
    Unit.objects.bulk_update(units, ["path", "depth"])
    return units


def rows_of(page: str) -> int:
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    return body.count("<tr")


def test_dossier_list_filters_sorts_and_pages(client_as, campaign, django_assert_max_num_queries):
    units = many_units(campaign.issuer)
    Dossier.objects.bulk_create(Dossier(campaign=campaign, unit=u) for u in units)
    client = client_as("noivu")
    with django_assert_max_num_queries(12):
        page = client.get("/ho-so/?sap-xep=don-vi").text
    assert rows_of(page) == 50
    assert "Trang 1/21" in page  # 1,000 + the demo's dossiers
    assert "Thôn thử 0000" in page

    page = client.get("/ho-so/?sap-xep=-don-vi&trang=2").text
    assert "Thôn thử 0949" in page and "Thôn thử 0999" not in page

    page = client.get("/ho-so/?q=Thôn thử 0012").text
    assert rows_of(page) == 1
    page = client.get("/ho-so/?trang-thai=submitted").text
    assert "Xã Tả Van" in page and "Thôn thử" not in page
    assert client.get("/ho-so/?sap-xep=khong-co&trang=999").status_code == 200


def test_candidates_on_the_dossier_page(client_as, ward_dossier, django_assert_max_num_queries):
    grow(ward_dossier, MANY)
    client = client_as("noivu")
    url = f"/ho-so/{ward_dossier.pk}/"
    client.get(url)
    with django_assert_max_num_queries(30):
        page = client.get(f"{url}?sap-xep=ten&trang=3").text
    section = page.split('id="danh-sach"')[1].split("</section>")[0]
    assert rows_of(section) == 50
    assert "Trang 3/20" in section
    page = client.get(f"{url}?q=can bo thu 500").text  # without diacritics
    section = page.split('id="danh-sach"')[1].split("</section>")[0]
    assert rows_of(section) == 1 and "Cán bộ thử 500" in section


def test_tracking_table_units(client_as, campaign, django_assert_max_num_queries):
    many_units(campaign.issuer)
    client = client_as("noivu")
    url = f"/ho-so/dot/{campaign.pk}/"
    with django_assert_max_num_queries(25):
        page = html.unescape(client.get(f"{url}?sap-xep=ten").text)
    assert rows_of(page) == 100
    page = html.unescape(client.get(f"{url}?q=thon thu 05&tinh-trang=late").text)
    assert rows_of(page) == 100 and "Thôn thử 0500" in page
    page = html.unescape(client.get(f"{url}?tinh-trang=submitted").text)
    table = page.split("<tbody>")[1].split("</tbody>")[0]
    assert "Xã Tả Van" in table and "Thôn thử" not in table


def test_decision_list(client_as, campaign, django_assert_max_num_queries):
    form = campaign.award_forms.first()
    Decision.objects.bulk_create(
        Decision(
            issuer=campaign.issuer,
            issuer_name=campaign.issuer.name,
            campaign=campaign,
            award_form=form,
            year=2020,
            number=i + 1,
            signed_on=date(2020, 11, 1 + i % 28),
            place="Sa Pa",
            subject=f"Khen thưởng thử số {i:04d}",
            legal_bases="Luật Thi đua, khen thưởng",
        )
        for i in range(MANY)
    )
    client = client_as("noivu")
    with django_assert_max_num_queries(12):
        page = client.get("/quyet-dinh/?sap-xep=trich-yeu").text
    assert rows_of(page) == 50 and "Khen thưởng thử số 0000" in page
    page = client.get("/quyet-dinh/?q=số 0123").text
    assert rows_of(page) == 1
    page = client.get("/quyet-dinh/?trang-thai=approved").text
    assert "Khen thưởng thử" not in page


def test_story_list(client_as, campaign, django_assert_max_num_queries):
    owner = Unit.objects.get(name__startswith="Trung tâm Thông tin thể thao")
    Story.objects.bulk_create(
        Story(
            owner_unit=owner,
            kind="dien_hinh",
            title=f"Gương sáng thử {i:04d}",
            summary="Tóm tắt",
            body="<p>Nội dung</p>",
            search_text=f"guong sang thu {i:04d}",
            status=StoryStatus.PUBLISHED if i % 2 else StoryStatus.DRAFT,
        )
        for i in range(MANY)
    )
    client = client_as("truyenthong")
    with django_assert_max_num_queries(12):
        page = client.get("/dien-hinh/?sap-xep=tieu-de").text
    assert rows_of(page) == 50 and "Gương sáng thử 0000" in page
    page = client.get("/dien-hinh/?q=guong sang thu 0007").text
    assert rows_of(page) == 1
    page = client.get("/dien-hinh/?trang-thai=draft&sap-xep=-tieu-de").text
    assert "Gương sáng thử 0998" in page and "Gương sáng thử 0999" not in page
