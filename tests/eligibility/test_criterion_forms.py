"""The officer sets the criteria that read the history through the campaign's forms: the
share of members rated, what to do when the year cannot be rated yet, and a figure named in
Vietnamese whose code is generated, never typed."""

import pytest

from thidua.campaigns.models import AwardAuthority, AwardForm, Campaign, CriteriaSet, Criterion
from thidua.org.models import Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def criteria_set(client_as):
    officer = client_as("noivu")
    officer.post(
        "/dot-thi-dua/tao-moi/",
        {
            "title": "Phong trào thử tiêu chuẩn tập thể",
            "symbol": "KH-UBND",
            "number": "7",
            "period_start": "2020-01-01",
            "period_end": "2020-10-31",
            "reward_mode": "hang_nam",
            "dossier_deadline": "2020-10-15",
            "signer_authority": "TM. ỦY BAN NHÂN DÂN",
            "signer_title": "CHỦ TỊCH",
            "issuer": Unit.objects.get(name="Thị xã Sa Pa").pk,
        },
    )
    campaign = Campaign.objects.get(title="Phong trào thử tiêu chuẩn tập thể")
    officer.post(
        f"/dot-thi-dua/{campaign.pk}/muc/nhom-doi-tuong/",
        {
            "items-TOTAL_FORMS": "1",
            "items-INITIAL_FORMS": "0",
            "items-0-order": "1",
            "items-0-kind": "tap_the",
            "items-0-name": "Tổ dân phố, thôn",
            "items-0-unit_kinds": ["thon"],
        },
    )
    officer.post(
        f"/dot-thi-dua/{campaign.pk}/hinh-thuc/them/",
        {
            "order": "1",
            "name": "Giấy khen",
            "authority": AwardAuthority.objects.get(level="huyen").pk,
        },
    )
    award_form = AwardForm.objects.get(campaign=campaign)
    category = campaign.subject_categories.get()
    officer.post(
        f"/dot-thi-dua/{campaign.pk}/hinh-thuc/{award_form.pk}/bo-tieu-chuan/",
        {"subject_category": category.pk},
    )
    return officer, campaign, CriteriaSet.objects.get(award_form=award_form)


def test_members_rated_and_a_generated_figure_code(criteria_set):
    officer, campaign, cset = criteria_set
    url = f"/dot-thi-dua/{campaign.pk}/bo-tieu-chuan/{cset.pk}/them/"
    fields = officer.get(url + "?kind=members_rated").content.decode()
    assert "Tỉ lệ tối thiểu (%)" in fields
    assert "Khi năm xét chưa thể có kết quả đánh giá" in fields
    response = officer.post(
        url,
        {
            "kind": "members_rated",
            "text": "Ít nhất 80% hộ gia đình đạt danh hiệu",
            "order": "1",
            "param_min_percent": "80",
            "param_min_level": "tot",
            "param_year_offset": "0",
            "param_when_missing": "xac_nhan",
        },
    )
    assert response.status_code == 302
    assert Criterion.objects.get(criteria_set=cset, kind="members_rated").params == {
        "min_percent": 80,
        "min_level": "tot",
        "year_offset": 0,
        "when_missing": "xac_nhan",
    }
    page = officer.get(url + "?kind=number_at_least").content.decode()
    assert "Tên số liệu" in page and "Mã số liệu" not in page  # the code is not typed
    response = officer.post(
        url,
        {
            "kind": "number_at_least",
            "text": "Giúp ít nhất 3 hộ thoát nghèo",
            "order": "2",
            "param_fact_label": "Số hộ thoát nghèo",
            "param_min": "3",
            "param_unit": "hộ",
        },
    )
    assert response.status_code == 302
    figure = Criterion.objects.get(criteria_set=cset, kind="number_at_least")
    assert figure.params["fact"] == "so_ho_thoat_ngheo"
    # Changing the label later keeps the code the candidates' figures are filed under.
    response = officer.post(
        f"/dot-thi-dua/{campaign.pk}/bo-tieu-chuan/{cset.pk}/{figure.pk}/",
        {
            "kind": "number_at_least",
            "text": "Giúp ít nhất 3 hộ thoát nghèo bền vững",
            "order": "2",
            "param_fact_label": "Số hộ thoát nghèo bền vững",
            "param_fact": "so_ho_thoat_ngheo",
            "param_min": "3",
        },
    )
    assert response.status_code == 302
    figure.refresh_from_db()
    assert figure.params["fact"] == "so_ho_thoat_ngheo"
