"""A Phòng Nội vụ officer builds a whole new campaign through the forms and launches it:
no code change is needed for a campaign with other criteria."""

import pytest

from thidua.campaigns.models import (
    AwardAuthority,
    AwardForm,
    Campaign,
    CriteriaSet,
    Criterion,
    SubjectCategory,
)
from thidua.core.models import AuditEntry
from thidua.org.models import Unit

pytestmark = pytest.mark.django_db

GENERAL = {
    "title": "Phong trào thi đua “Dân vận khéo” năm 2020",
    "symbol": "KH-UBND",
    "number": "42",
    "period_start": "2020-04-01",
    "period_end": "2020-12-31",
    "reward_mode": "hang_nam",
    "dossier_deadline": "2020-12-15",
    "signer_authority": "TM. ỦY BAN NHÂN DÂN",
    "signer_title": "CHỦ TỊCH",
}


def formset(rows, prefix="items"):
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0"}
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{k}": v for k, v in row.items()})
    return data


@pytest.fixture
def officer(client_as):
    return client_as("noivu")


def create(officer, **overrides):
    data = {**GENERAL, "issuer": Unit.objects.get(name="Thị xã Sa Pa").pk, **overrides}
    return officer.post("/dot-thi-dua/tao-moi/", data)


def test_end_before_start_is_refused_naming_the_field_and_nothing_is_saved(officer):
    before = Campaign.objects.count()
    response = create(officer, period_end="2020-03-01")
    assert response.status_code == 200
    assert "Thời gian kết thúc phải sau hoặc trùng ngày bắt đầu." in response.content.decode()
    assert "period_end" in response.context["form"].errors
    assert Campaign.objects.count() == before


def test_a_ward_officer_cannot_create_a_campaign(client_as):
    client = client_as("phuongsapa")
    assert client.get("/dot-thi-dua/tao-moi/").status_code == 403
    assert client.post("/dot-thi-dua/tao-moi/", GENERAL).status_code == 403


def test_an_issuer_outside_the_scope_is_refused(officer):
    response = create(officer, issuer=Unit.objects.get(name="Tỉnh Lào Cai").pk)
    assert response.status_code == 200 and "issuer" in response.context["form"].errors


def test_full_campaign_through_forms_then_launch(officer, client):
    response = create(officer)
    campaign = Campaign.objects.get(title=GENERAL["title"])
    assert response.status_code == 302 and campaign.status == "draft"
    assert client.get(f"/dot-thi-dua/{campaign.pk}/").status_code == 404  # drafts are not public

    # Launch is refused while the plan is incomplete, with the reasons listed.
    page = officer.post(
        f"/dot-thi-dua/{campaign.pk}/thao-tac/launch/", follow=True
    ).content.decode()
    assert "Chưa có hình thức khen thưởng nào." in page
    campaign.refresh_from_db()
    assert campaign.status == "draft"

    officer.post(
        f"/dot-thi-dua/{campaign.pk}/muc/can-cu/",
        formset(
            [
                {
                    "order": "1",
                    "text": "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;",
                    "valid_from": "2004-07-01",
                    "valid_to": "2023-12-31",
                }
            ]
        ),
    )
    officer.post(
        f"/dot-thi-dua/{campaign.pk}/muc/muc-dich/",
        formset([{"order": "1", "text": "Phát huy vai trò của cán bộ dân vận."}]),
    )
    response = officer.post(
        f"/dot-thi-dua/{campaign.pk}/muc/nhom-doi-tuong/",
        formset(
            [
                {
                    "order": "1",
                    "kind": "ca_nhan",
                    "name": "Cán bộ làm công tác dân vận",
                    "person_categories": ["can_bo", "cong_chuc"],
                }
            ]
        ),
    )
    assert response.status_code == 302
    category = SubjectCategory.objects.get(campaign=campaign)
    assert category.person_categories == ["can_bo", "cong_chuc"]

    authority = AwardAuthority.objects.get(level="huyen")
    response = officer.post(
        f"/dot-thi-dua/{campaign.pk}/hinh-thuc/them/",
        {"order": "1", "name": "Giấy khen của Chủ tịch UBND thị xã", "authority": authority.pk},
    )
    assert response.status_code == 302
    award_form = AwardForm.objects.get(campaign=campaign)
    officer.post(
        f"/dot-thi-dua/{campaign.pk}/hinh-thuc/{award_form.pk}/bo-tieu-chuan/",
        {"subject_category": category.pk},
    )
    criteria_set = CriteriaSet.objects.get(award_form=award_form)
    # The plan's history names the set, not "CriteriaSet object (…)".
    assert AuditEntry.objects.filter(
        action="campaigns.criterion.saved",
        message=f"bộ tiêu chuẩn của “Giấy khen của Chủ tịch UBND thị xã” cho {category.name}",
    ).exists()

    # A negative threshold is refused with a message naming the field; nothing is saved.
    bad = officer.post(
        f"/dot-thi-dua/{campaign.pk}/bo-tieu-chuan/{criteria_set.pk}/them/",
        {
            "kind": "number_at_least",
            "text": "Vận động ít nhất 10 hộ",
            "order": "1",
            "param_fact": "ho_van_dong",
            "param_fact_label": "Số hộ được vận động",
            "param_min": "-1",
        },
    )
    assert bad.status_code == 200 and "Ngưỡng tối thiểu" in bad.content.decode()
    assert not Criterion.objects.filter(criteria_set=criteria_set).exists()

    group = officer.post(
        f"/dot-thi-dua/{campaign.pk}/bo-tieu-chuan/{criteria_set.pk}/them/",
        {
            "kind": "any_of",
            "text": "Có mô hình dân vận khéo hoặc vận động được từ 10 hộ",
            "order": "1",
        },
    )
    assert group.status_code == 302
    parent = Criterion.objects.get(criteria_set=criteria_set, kind="any_of")
    for data in [
        {"kind": "attested", "text": "Có mô hình “Dân vận khéo” được công nhận"},
        {
            "kind": "number_at_least",
            "text": "Vận động được từ 10 hộ",
            "param_fact": "ho_van_dong",
            "param_fact_label": "Số hộ được vận động",
            "param_min": "10",
            "param_unit": "hộ",
        },
    ]:
        response = officer.post(
            f"/dot-thi-dua/{campaign.pk}/bo-tieu-chuan/{criteria_set.pk}/them/",
            {**data, "order": "1", "parent": parent.pk},
        )
        assert response.status_code == 302
    officer.post(
        f"/dot-thi-dua/{campaign.pk}/muc/ho-so/",
        formset([{"order": "1", "name": "Tờ trình", "scope": "tat_ca"}]),
    )

    page = officer.post(
        f"/dot-thi-dua/{campaign.pk}/thao-tac/launch/", follow=True
    ).content.decode()
    campaign.refresh_from_db()
    assert campaign.status == "launched", page
    assert "Đã thực hiện: Phát động." in page
    public = client.get(f"/dot-thi-dua/{campaign.pk}/").content.decode()
    assert (
        "Vận động được từ 10 hộ" in public and "Có mô hình “Dân vận khéo” được công nhận" in public
    )

    # Launched: the content is frozen.
    response = officer.post(
        f"/dot-thi-dua/{campaign.pk}/sua/",
        {**GENERAL, "issuer": campaign.issuer_id, "title": "Khác"},
        follow=True,
    )
    campaign.refresh_from_db()
    assert campaign.title == GENERAL["title"]
    assert "không sửa được nữa" in response.content.decode()

    # The engine evaluates the new criteria without any code written for them.
    from thidua.campaigns.criteria import specs_for
    from thidua.eligibility import engine

    facts = engine.Facts(
        subject_kind="individual", reference_date=campaign.period_end, numbers={"ho_van_dong": 12}
    )
    result = engine.evaluate_all(specs_for(criteria_set), facts)
    assert result.status == engine.Status.DAT


def test_launch_refuses_a_legal_basis_out_of_force(officer):
    create(officer)
    campaign = Campaign.objects.get(title=GENERAL["title"])
    officer.post(
        f"/dot-thi-dua/{campaign.pk}/muc/can-cu/",
        formset(
            [
                {
                    "order": "1",
                    "text": "Căn cứ Nghị định số 42/2010/NĐ-CP;",
                    "valid_from": "2010-07-01",
                    "valid_to": "2014-08-14",
                }
            ]
        ),
    )
    page = officer.post(
        f"/dot-thi-dua/{campaign.pk}/thao-tac/launch/", follow=True
    ).content.decode()
    assert "Căn cứ không còn hiệu lực ngày 01/04/2020" in page


def test_an_expired_authority_is_refused_for_a_new_campaign(officer):
    create(
        officer, period_start="2026-01-01", period_end="2026-12-31", dossier_deadline="2026-12-10"
    )
    campaign = Campaign.objects.get(title=GENERAL["title"])
    district = AwardAuthority.objects.get(level="huyen")
    response = officer.post(
        f"/dot-thi-dua/{campaign.pk}/hinh-thuc/them/",
        {"order": "1", "name": "Giấy khen", "authority": district.pk},
    )
    assert response.status_code == 200
    assert "không có hiệu lực vào ngày 01/01/2026" in response.content.decode()
    assert not AwardForm.objects.filter(campaign=campaign).exists()


def test_other_roles_cannot_edit_the_seed_campaign(client_as):
    from thidua.demo.seed_campaign import SAPA_TITLE

    sapa = Campaign.objects.get(title=SAPA_TITLE)
    assert client_as("phuongsapa").get(f"/dot-thi-dua/{sapa.pk}/sua/").status_code == 403
    assert client_as("chutich").post(f"/dot-thi-dua/{sapa.pk}/thao-tac/close/").status_code == 403
    # The new ward's officer manages only its own subtree.
    assert client_as("vhxh.sapa").get(f"/dot-thi-dua/{sapa.pk}/sua/").status_code == 403


def test_quotas_can_be_set_after_launch(client_as):
    from thidua.demo.seed_campaign import SAPA_TITLE

    sapa = Campaign.objects.get(title=SAPA_TITLE)
    award_form = sapa.award_forms.get(name="Giấy khen của Chủ tịch UBND thị xã")
    response = client_as("noivu").post(
        f"/dot-thi-dua/{sapa.pk}/hinh-thuc/{award_form.pk}/",
        {
            "quota_collective": "10",
            "quota_individual": "30",
            "quota_note": "Theo Công văn hướng dẫn",
        },
    )
    assert response.status_code == 302
    award_form.refresh_from_db()
    assert (award_form.quota_collective, award_form.quota_individual) == (10, 30)
    assert award_form.name == "Giấy khen của Chủ tịch UBND thị xã"
