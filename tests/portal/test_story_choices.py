"""The story form offers the media centre only launched or finished campaigns of its area (a
draft's title must not leak), and only the people awarded in the chosen campaign."""

from __future__ import annotations

import re

import pytest

from thidua.campaigns.models import Campaign
from thidua.org.models import Person
from thidua.portal.models import Story
from thidua.records.models import AwardRecord

PEOPLE = "/dien-hinh/nguoi-duoc-khen/"
SAPA_2020 = "Đợt thi đua chào mừng Kỷ niệm 70 năm"


@pytest.fixture
def draft_campaign(db):
    campaign = Campaign.objects.get(title__startswith=SAPA_2020)
    campaign.pk = None
    campaign.id = None
    campaign.status = "draft"
    campaign.title = "Đợt thi đua bí mật chưa phát động"
    campaign.save()
    return campaign


def options(html: str, name: str) -> dict[str, str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return {
        v: label.strip()
        for v, label in re.findall(r'<option value="(\d+)"[^>]*>([^<]*)</option>', select)
    }


def test_only_launched_or_finished_campaigns_of_the_area(client_as, draft_campaign):
    html = client_as("truyenthong").get("/dien-hinh/viet/").content.decode()
    campaigns = options(html, "campaign")
    sapa = Campaign.objects.get(title__startswith=SAPA_2020)
    assert set(campaigns) == {str(sapa.pk)}  # the new ward's campaign is not of the town
    assert "bí mật" not in html
    assert options(html, "person") == {}  # no campaign chosen: nobody offered

    Campaign.objects.filter(pk=sapa.pk).update(status="closed")
    html = client_as("truyenthong").get("/dien-hinh/viet/").content.decode()
    assert set(options(html, "campaign")) == {str(sapa.pk)}


def test_people_awarded_in_the_chosen_campaign_only(
    client_as, signed_decision, django_assert_max_num_queries
):
    campaign = signed_decision.campaign
    awarded = set(
        AwardRecord.objects.filter(
            campaign=campaign, person__isnull=False, revoked_on__isnull=True
        ).values_list("person_id", flat=True)
    )
    assert awarded
    writer = client_as("truyenthong")
    with django_assert_max_num_queries(8):
        html = writer.get(PEOPLE, {"campaign": campaign.pk}).content.decode()
    offered = options(html, "person")
    assert set(offered) == {str(pk) for pk in awarded}
    # People with an award history elsewhere in the town are not offered.
    elsewhere = AwardRecord.objects.filter(campaign__isnull=True, person__isnull=False).first()
    assert str(elsewhere.person_id) not in offered

    one = Person.objects.get(pk=min(awarded))
    word = one.search_name.split()[-1]
    found = options(
        writer.get(PEOPLE, {"campaign": campaign.pk, "tim_nguoi": word.upper()}).content.decode(),
        "person",
    )
    assert str(one.pk) in found
    assert all(word in Person.objects.get(pk=pk).search_name for pk in found)
    assert options(writer.get(PEOPLE, {"campaign": "abc"}).content.decode(), "person") == {}


def test_draft_or_other_area_campaign_offers_nobody(client_as, draft_campaign):
    other = Campaign.objects.exclude(pk=draft_campaign.pk).exclude(title__startswith=SAPA_2020)
    for campaign in [draft_campaign, *other]:
        html = client_as("truyenthong").get(PEOPLE, {"campaign": campaign.pk}).content.decode()
        assert options(html, "person") == {}
        assert "Chọn đợt thi đua trước" in html


def test_only_the_media_centre_asks(client_as):
    assert client_as("phuongsapa").get(PEOPLE).status_code == 403
    assert client_as("noivu").get(PEOPLE).status_code == 403


def story(**extra):
    return {
        "kind": "ca_nhan",
        "title": "Tấm gương người tốt",
        "summary": "Tóm tắt",
        "body": "<p>Nội dung</p>",
        **extra,
    }


def test_saving_checks_campaign_and_person(client_as, signed_decision, draft_campaign):
    campaign = signed_decision.campaign
    awarded = AwardRecord.objects.filter(campaign=campaign, person__isnull=False).first().person
    stranger = AwardRecord.objects.filter(campaign__isnull=True, person__isnull=False).first()
    writer = client_as("truyenthong")
    kinds = [k for k, _ in Story._meta.get_field("kind").choices]
    base = {"kind": kinds[0]}

    draft = writer.post("/dien-hinh/viet/", story(**base, campaign=draft_campaign.pk))
    assert draft.status_code == 200 and "campaign" in draft.context["form"].errors

    no_campaign = writer.post("/dien-hinh/viet/", story(**base, person=awarded.pk))
    assert no_campaign.context["form"].errors["person"] == [
        "Chọn đợt thi đua trước khi chọn cá nhân được khen thưởng."
    ]
    wrong = writer.post(
        "/dien-hinh/viet/", story(**base, campaign=campaign.pk, person=stranger.person_id)
    )
    assert wrong.context["form"].errors["person"] == [
        "Chỉ chọn được người được khen thưởng trong đợt thi đua đã chọn."
    ]
    assert not Story.objects.filter(title="Tấm gương người tốt").exists()

    ok = writer.post("/dien-hinh/viet/", story(**base, campaign=campaign.pk, person=awarded.pk))
    assert ok.status_code == 302
    saved = Story.objects.get(title="Tấm gương người tốt")
    assert (saved.campaign_id, saved.person_id) == (campaign.pk, awarded.pk)
    # Editing shows the chosen campaign's people, the story's person selected.
    html = writer.get(f"/dien-hinh/{saved.pk}/sua/").content.decode()
    assert str(awarded.pk) in options(html, "person")
    assert re.search(rf'<option value="{awarded.pk}" selected>', html)
