"""Every rule of the Sa Pa 2020 plan is structured data, and the page shows it."""

import datetime

import pytest

from thidua.campaigns.models import Campaign, ClauseSection
from thidua.demo.seed_campaign import SAPA_TITLE

pytestmark = pytest.mark.django_db


@pytest.fixture
def sapa():
    return Campaign.objects.get(title=SAPA_TITLE)


def test_the_plan_is_structured(sapa):
    assert sapa.issuer.name == "Thị xã Sa Pa"
    assert (sapa.period_start, sapa.period_end) == (
        datetime.date(2020, 3, 1),
        datetime.date(2020, 10, 31),
    )
    assert sapa.dossier_deadline == datetime.date(2020, 10, 25)
    assert sapa.receiving_unit.name == "Phòng Nội vụ"
    assert sapa.reward_mode == "mot_lan"
    assert sapa.legal_bases.count() == 2
    counts = {s: sapa.clauses.filter(section=s).count() for s in ClauseSection.values}
    assert counts == {
        "muc_dich": 4,
        "noi_dung": 3,
        "muc_tieu": 1,
        "doi_tuong": 2,
        "to_chuc": 5,
        "noi_nhan": 12,
    }
    assert sapa.slogan.startswith("Thi đua đoàn kết, đổi mới, sáng tạo")


def test_three_award_forms_with_their_authorities(sapa):
    forms = {f.name: f for f in sapa.award_forms.select_related("authority")}
    assert set(forms) == {
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Giấy khen của Chủ tịch UBND thị xã",
        "Giấy khen của Chủ tịch UBND xã, phường",
    }
    provincial = forms["Bằng khen của Chủ tịch UBND tỉnh"]
    assert provincial.is_proposal_upward and provincial.authority.level == "tinh"
    assert "tiêu biểu, xuất sắc nhất" in provincial.selection_rule
    town = forms["Giấy khen của Chủ tịch UBND thị xã"]
    assert town.authority.level == "huyen" and town.authority.valid_to == datetime.date(2025, 6, 30)
    assert not town.quota_is_set and town.quota_note == "Sẽ có văn bản hướng dẫn cụ thể sau"
    assert forms["Giấy khen của Chủ tịch UBND xã, phường"].delegated_to_units


def test_town_award_criteria_per_subject_category(sapa):
    town = sapa.award_forms.get(name="Giấy khen của Chủ tịch UBND thị xã")
    kinds = {
        s.subject_category.name: sorted(c.kind for c in s.criteria.all())
        for s in town.criteria_sets.all()
    }
    assert kinds["Cá nhân là cán bộ, công chức, viên chức"].count("attested") == 5
    assert "rating_streak" in kinds["Cá nhân là cán bộ, công chức, viên chức"]
    assert "initiative_count" in kinds["Cá nhân là cán bộ, công chức, viên chức"]
    assert kinds["Cá nhân là nhân dân, nông dân"].count("number_at_least") == 2
    assert {"launched_all_campaigns", "no_discipline", "rating_streak"} <= set(
        kinds["Tập thể là các cơ quan chuyên môn, đơn vị sự nghiệp, UBND các xã, phường"]
    )
    households = town.criteria_sets.get(
        subject_category__name="Cá nhân là nhân dân, nông dân"
    ).criteria.get(params__fact="ho_thoat_ngheo")
    assert households.params["min"] == 3 and households.parent.kind == "all_of"


def test_required_documents_know_their_scope(sapa):
    docs = {d.name[:30]: d for d in sapa.required_documents.select_related("award_form")}
    report = next(d for name, d in docs.items() if name.startswith("Báo cáo thành tích"))
    assert report.award_form.name == "Bằng khen của Chủ tịch UBND tỉnh" and report.per_candidate
    collective = next(d for name, d in docs.items() if name.startswith("Báo cáo kết quả"))
    assert collective.scope == "tap_the"
    assert len(docs) == 5


def test_anyone_can_read_the_launched_plan(client, sapa, django_assert_max_num_queries):
    with django_assert_max_num_queries(15):
        page = client.get(f"/dot-thi-dua/{sapa.pk}/").content.decode()
    for text in [
        "từ tháng 03/2020 đến tháng 10/2020",
        "25/10/2020",
        "UBND thị xã (qua Phòng Nội vụ)",
        "Giấy khen của Chủ tịch UBND thị xã",
        "Sẽ có văn bản hướng dẫn cụ thể sau",
        "Giúp đỡ được từ 03 hộ trở lên thoát nghèo",
        "2 năm liên tục",
        "Hiệp hội du lịch",
        "Căn cứ Nghị quyết số 01-NQ/TU",
        "Khen thưởng một lần khi tổng kết đợt thi đua",
    ]:
        assert text in page, text
    assert "Sửa thông tin chung" not in page


def test_the_two_tier_campaign_uses_todays_authorities():
    from thidua.demo.seed_campaign import TWO_TIER_TITLE

    campaign = Campaign.objects.get(title=TWO_TIER_TITLE)
    assert campaign.issuer.parent.name == "Tỉnh Lào Cai"  # no district level any more
    ward_award = campaign.award_forms.get(name="Giấy khen của Chủ tịch UBND phường")
    assert ward_award.authority.level == "xa" and ward_award.authority.valid_from == datetime.date(
        2025, 7, 1
    )
    assert ward_award.authority.is_valid_on(campaign.signed_on)
    assert any("152/2025/NĐ-CP" in b.text for b in campaign.legal_bases.all())
