"""Who is being missed and the fairness view (issue 16): /ho-so/dot/<pk>/ra-soat/."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.nominations.models import Candidate
from thidua.org.models import Person, Unit
from thidua.records.models import AnnualRating, Discipline, Initiative, ReviewCase

pytestmark = pytest.mark.django_db

TOWN_GK = "Giấy khen của Chủ tịch UBND thị xã"


def url(campaign, **query):
    suffix = "".join(f"?{k}={v}" for k, v in query.items())
    return f"/ho-so/dot/{campaign.pk}/ra-soat/{suffix}"


def by_form(response):
    return {fr.form.name: fr for fr in response.context["forms"]}


def test_phong_noi_vu_sees_the_missed_and_the_failing_of_the_whole_town(client_as, campaign):
    response = client_as("noivu").get(url(campaign))
    assert response.status_code == 200
    forms = by_form(response)
    assert [len(fr.missed) for fr in forms.values()] == [0, 18, 0]
    town = forms[TOWN_GK]
    assert [(f.name, f.unit_name, f.status) for f in town.failing] == [
        ("Hoàng Văn Quý", "Phường Sa Pa", "khong_dat"),
        ("Nguyễn Thị Minh Thư", "Phường Sa Pa", "tam_hoan"),
        ("Lý Thị Mẩy", "Xã Tả Van", "khong_dat"),
    ]
    quy = town.failing[0]
    assert quy.reasons == [
        "Trong thời gian gần nhất có 01 sáng kiến được Chủ tịch UBND thị xã công nhận.: Có 0 "
        "sáng kiến hợp lệ từ sau ngày 31/10/2018 đến ngày 31/10/2020, cấp Chủ tịch UBND cấp "
        "huyện trở lên (cần tối thiểu 1)."
    ]
    assert any(r.startswith("Tạm hoãn xét khen thưởng") for r in town.failing[1].reasons)
    missed = {(f.name, f.unit_name): f for f in town.missed}
    my = missed[("Giàng Thị Mỷ", "Xã Hoàng Liên")]
    assert my.status == "can_xac_nhan" and my.is_person and my.other_forms == []
    assert len(my.reasons) == 5  # the qualitative criteria someone must still confirm
    html = response.content.decode()
    assert "Đủ tiêu chuẩn theo lịch sử nhưng chưa đơn vị nào đề nghị (18)" in html
    assert "Giàng Thị Mỷ" in html


def test_a_discipline_is_noted_and_an_open_case_takes_a_person_off_the_list(client_as, campaign):
    my = Person.objects.get(full_name="Giàng Thị Mỷ", unit__name="Xã Hoàng Liên")
    Discipline.objects.create(person=my, form="khien_trach", decided_on=date(2020, 3, 1))
    town = by_form(client_as("noivu").get(url(campaign)))[TOWN_GK]
    found = [f for f in town.missed if (f.name, f.unit_name) == ("Giàng Thị Mỷ", "Xã Hoàng Liên")]
    assert (
        found[0].reasons[-1] == "Có kỷ luật trong thời gian thi đua: Khiển trách ngày 01/03/2020."
    )
    ReviewCase.objects.create(person=my, kind="thanh_tra", opened_on=date(2020, 1, 1))
    town = by_form(client_as("noivu").get(url(campaign)))[TOWN_GK]
    assert len(town.missed) == 17
    assert ("Giàng Thị Mỷ", "Xã Hoàng Liên") not in {(f.name, f.unit_name) for f in town.missed}


def test_proposing_a_missed_person_takes_them_off_the_list(client_as, campaign, ward_dossier):
    my = Person.objects.get(full_name="Giàng Thị Mỷ", unit__name="Xã Hoàng Liên")
    form = campaign.award_forms.get(name=TOWN_GK)
    Candidate.objects.create(dossier=ward_dossier, person=my, award_form=form, summary="x")
    town = by_form(client_as("noivu").get(url(campaign)))[TOWN_GK]
    assert len(town.missed) == 17


def test_unit_head_sees_their_unit_only(client_as, campaign):
    response = client_as("phuongsapa.truong").get(url(campaign))
    assert response.status_code == 200
    assert [u.name for u in response.context["scopes"]] == ["Phường Sa Pa"]
    town = by_form(response)[TOWN_GK]
    assert [f.name for f in town.failing] == ["Hoàng Văn Quý", "Nguyễn Thị Minh Thư"]
    assert town.missed == []
    units = {r.label: r for r in response.context["fairness"]["units"]}
    assert (units["Tổ dân phố số 1"].headcount, units["Tổ dân phố số 1"].collectives_proposed) == (
        2,
        1,
    )
    own = units["Phường Sa Pa (trực thuộc)"]
    assert (own.headcount, own.proposed, own.awarded) == (8, 3, 0)


def test_who_may_not_see_the_review(client_as, campaign):
    for username in ("phuongsapa", "chutich", "tavan", "hoidong1"):
        assert client_as(username).get(url(campaign)).status_code == 403, username
    other = Unit.objects.get(name="Xã Tả Van")
    assert client_as("phuongsapa.truong").get(url(campaign, don_vi=other.pk)).status_code == 404
    assert client_as("phuongsapa").get(url(campaign, don_vi=other.pk)).status_code == 404
    assert client_as("phuongsapa.truong").get(url(campaign, don_vi=999999)).status_code == 404
    assert client_as("noivu").get("/ho-so/dot/999999/ra-soat/").status_code == 404


def test_a_unit_inside_the_scope_but_not_reviewed_is_forbidden_not_hidden(client_as, campaign):
    """404 only outside the user's scope; a unit they see but do not review is a 403."""
    hamlet = Unit.objects.get(name="Tổ dân phố số 1")  # under the head's Phường Sa Pa
    response = client_as("phuongsapa.truong").get(url(campaign, don_vi=hamlet.pk))
    assert response.status_code == 403
    assert "Không rà soát riêng được Tổ dân phố số 1" in response.content.decode()
    assert client_as("phuongsapa").get(url(campaign, don_vi=hamlet.pk)).status_code == 403
    ward = Unit.objects.get(name="Phường Sa Pa")
    assert client_as("noivu").get(url(campaign, don_vi=ward.pk)).status_code == 403
    own = client_as("phuongsapa.truong").get(url(campaign, don_vi=ward.pk))
    assert own.status_code == 200 and own.context["scope"] == ward


def test_fairness_by_sex_ethnicity_level_and_size(client_as, campaign):
    fairness = client_as("noivu").get(url(campaign)).context["fairness"]
    groups = {r.label: (r.headcount, r.proposed, r.awarded) for r in fairness["groups"]}
    assert groups == {
        "Nam": (97, 2, 0),
        "Nữ": (99, 3, 0),
        "Dân tộc Kinh": (70, 2, 0),
        "Dân tộc thiểu số": (126, 3, 0),
        "Lãnh đạo, quản lý": (64, 0, 0),
        "Trực tiếp công tác, sản xuất": (132, 5, 0),
    }
    assert fairness["groups"][1].proposed_rate == "3,0 %"
    units = {r.label: r for r in fairness["units"]}
    assert (units["Phường Sa Pa"].headcount, units["Phường Sa Pa"].proposed) == (14, 3)
    assert (units["Xã Tả Van"].headcount, units["Xã Tả Van"].collectives_proposed) == (14, 1)
    sizes = [(r.label, r.headcount, r.proposed) for r in fairness["sizes"]]
    assert sizes == [
        ("Tập thể nhỏ (đến 10 người)", 40, 2),
        ("Tập thể trên 10 người", 2, 0),
    ]


def test_a_thousand_people_cost_no_more_queries(client_as, campaign, django_assert_max_num_queries):
    client = client_as("noivu")
    with CaptureQueriesContext(connection) as baseline:
        client.get(url(campaign))
    model = Person.objects.get(full_name="Giàng Thị Mỷ", unit__name="Xã Hoàng Liên")
    ratings = list(AnnualRating.objects.filter(person=model).values_list("year", "level"))
    initiative = Initiative.objects.filter(person=model).values(
        "recognized_on", "authority_level", "recognized_by"
    )[0]
    people = Person.objects.bulk_create(
        Person(
            full_name=f"Người thử {i}",
            gender="nu" if i % 2 else "nam",
            ethnicity="08" if i % 3 else "01",
            unit=model.unit,
            category=model.category,
        )
        for i in range(1000)
    )
    AnnualRating.objects.bulk_create(
        AnnualRating(person=p, year=y, level=level) for p in people for y, level in ratings
    )
    Initiative.objects.bulk_create(
        Initiative(person=p, title=f"Sáng kiến {p.pk}", **initiative) for p in people
    )
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        response = client.get(url(campaign))
    assert len(by_form(response)[TOWN_GK].missed) == 1018
    groups = {r.label: r.headcount for r in response.context["fairness"]["groups"]}
    assert groups["Nữ"] == 99 + 500


def test_the_review_is_linked_for_those_who_may_open_it(client_as, campaign):
    link = f'href="/ho-so/dot/{campaign.pk}/ra-soat/"'
    panel = f"/ho-so/dot/{campaign.pk}/ho-so-cua-don-vi/"
    assert link in client_as("phuongsapa.truong").get(panel).content.decode()
    assert link not in client_as("phuongsapa").get(panel).content.decode()
    assert link in client_as("noivu").get(f"/ho-so/dot/{campaign.pk}/").content.decode()
