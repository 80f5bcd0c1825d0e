"""General rules of the law, applied to every candidate (NĐ 152/2025/NĐ-CP Điều 4, CV 5007)."""

from __future__ import annotations

from datetime import date

import pytest

from thidua.nominations import proposals
from thidua.nominations.evaluation import evaluate_candidates
from thidua.nominations.models import Candidate
from thidua.org.models import Person
from thidua.records.models import AwardRecord, Initiative, ReviewCase

pytestmark = pytest.mark.django_db


def check_of(campaign, candidate):
    return evaluate_candidates(
        campaign, Candidate.objects.filter(pk=candidate.pk), today=date(2020, 10, 20)
    )[0]


def codes(check) -> set[str]:
    return {f.code for f in check.flags}


def test_open_complaint_suspends_the_candidate_until_it_is_closed(campaign, ward_dossier):
    candidate = ward_dossier.candidates.get(person__full_name="Hoàng Văn Quý")
    case = ReviewCase.objects.create(
        person=candidate.person, kind="ky_luat", opened_on=date(2020, 10, 1)
    )
    check = check_of(campaign, candidate)
    assert check.status == "tam_hoan" and check.status_label == "Tạm hoãn"
    assert any("đang xem xét kỷ luật từ ngày 01/10/2020" in f.text for f in check.flags)
    case.closed_on = date(2020, 10, 15)
    case.save()
    assert "suspended" not in codes(check_of(campaign, candidate))


def test_same_person_proposed_by_two_units_is_flagged_on_both(
    campaign, ward_dossier, commune_dossier
):
    may = Person.objects.get(full_name="Lý Thị Mẩy")
    form = campaign.award_forms.get(name__contains="xã, phường")
    twice = Candidate.objects.create(dossier=ward_dossier, person=may, award_form=form, summary="x")
    assert any("cũng được Xã Tả Van đề nghị" in f.text for f in check_of(campaign, twice).flags)
    original = commune_dossier.candidates.get(person=may)
    assert any(
        "cũng được Phường Sa Pa đề nghị" in f.text for f in check_of(campaign, original).flags
    )


@pytest.mark.parametrize("whole_campaign_from", [1, 10**9])
def test_the_whole_campaign_at_once_flags_the_same_person_proposed_twice(
    campaign, ward_dossier, commune_dossier, monkeypatch, whole_campaign_from
):
    """A campaign-wide evaluation skips looking for proposals outside the rows in hand when
    they are the whole campaign (one count): the flags are the same either way."""
    monkeypatch.setattr(proposals, "WHOLE_CAMPAIGN_CHECK", whole_campaign_from)
    may = Person.objects.get(full_name="Lý Thị Mẩy")
    form = campaign.award_forms.get(name__contains="xã, phường")
    twice = Candidate.objects.create(dossier=ward_dossier, person=may, award_form=form, summary="x")
    everyone = Candidate.objects.filter(dossier__campaign=campaign)
    checks = {c.candidate_id: c for c in evaluate_candidates(campaign, everyone)}
    assert any("cũng được Xã Tả Van đề nghị" in f.text for f in checks[twice.pk].flags)
    # Part of the campaign (the ward's dossier alone) still finds the commune's proposal.
    part = evaluate_candidates(campaign, ward_dossier.candidates.all())
    assert any(
        "cũng được Xã Tả Van đề nghị" in f.text
        for f in next(c for c in part if c.candidate_id == twice.pk).flags
    )


def test_discipline_in_the_period_is_flagged_and_fails_the_criterion(campaign, commune_dossier):
    may = commune_dossier.candidates.get(person__full_name="Lý Thị Mẩy")
    check = check_of(campaign, may)
    assert "discipline" in codes(check)
    assert check.status == "khong_dat"


def test_already_awarded_in_this_campaign_is_flagged(campaign, ward_dossier):
    candidate = ward_dossier.candidates.get(person__full_name="Hoàng Văn Quý")
    assert "already_awarded" not in codes(check_of(campaign, candidate))
    AwardRecord.objects.create(
        person=candidate.person,
        award_name="Giấy khen của Chủ tịch UBND thị xã",
        award_kind="hinh_thuc",
        award_type="phong_trao",
        authority_level="huyen",
        decision_number="99/QĐ-UBND",
        decided_on=date(2020, 9, 1),
        issuer_name="UBND thị xã Sa Pa",
        campaign=campaign,
    )
    flags = check_of(campaign, candidate).flags
    assert any("99/QĐ-UBND" in f.text and "một lần" in f.text for f in flags)


def test_maternity_leave_is_noted_as_working_time(campaign, ward_dossier):
    candidate = ward_dossier.candidates.get(person__full_name="Nguyễn Thị Thu Hương")
    assert "maternity" in codes(check_of(campaign, candidate))


def test_used_initiative_does_not_count_again(campaign, ward_dossier):
    candidate = ward_dossier.candidates.get(person__full_name="Nguyễn Thị Thu Hương")
    initiative = Initiative.objects.get(person=candidate.person)
    initiative.used_for = "Chiến sĩ thi đua cơ sở năm 2019"
    initiative.save()
    check = check_of(campaign, candidate)

    def explanations(node):
        yield node.explanation
        for child in node.children:
            yield from explanations(child)

    texts = [t for _s, r in check.results for t in explanations(r)]
    assert any(
        "đã dùng làm căn cứ khen thưởng: Chiến sĩ thi đua cơ sở năm 2019" in t for t in texts
    )


def test_collective_is_evaluated_with_its_members_disciplines(campaign, commune_dossier):
    hamlet = commune_dossier.candidates.get(unit__name="Thôn Lao Chải")
    check = check_of(campaign, hamlet)
    assert check.results, "the hamlet falls in a collective subject category"
