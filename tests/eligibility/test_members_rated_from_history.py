"""The collective criterion computed from the members' ratings entered in the history, as a
campaign evaluates its candidates: exact counts in the explanation, the member list of the year
(employment dates), a year not rated yet falling back to attestation, and a fixed number of
queries whatever the number of collectives."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.campaigns.criteria import check
from thidua.campaigns.models import CriteriaSet, Criterion
from thidua.eligibility.engine import Status
from thidua.nominations.evaluation import evaluate_candidates
from thidua.nominations.models import Candidate
from thidua.org.models import Employment, Person, Unit

pytestmark = pytest.mark.django_db


def staff(unit, levels_2019, prefix="Thành viên"):
    for i, level in enumerate(levels_2019):
        person = Person.objects.create(
            full_name=f"{prefix} {i}", gender="nam", unit=unit, category="nguoi_lao_dong"
        )
        if level:
            person.annualrating_set.create(year=2019, level=level)


@pytest.fixture
def setup(campaign, ward_dossier):
    candidate = Candidate.objects.get(dossier=ward_dossier, unit__isnull=False)
    (thon_set,) = [
        s
        for s in CriteriaSet.objects.filter(award_form=candidate.award_form)
        if s.subject_category.fits(None, "thon")
    ]
    share = Criterion.objects.create(
        criteria_set=thon_set,
        kind="members_rated",
        text="Ít nhất 80% thành viên hoàn thành tốt nhiệm vụ",
        params={"min_percent": 80, "min_level": "tot", "year_offset": 1},
        order=10,
    )
    this_year = Criterion.objects.create(
        criteria_set=thon_set,
        kind="members_rated",
        text="Năm 2020: ít nhất 80% thành viên hoàn thành tốt nhiệm vụ",
        params={"min_percent": 80, "min_level": "tot", "year_offset": 0},
        order=11,
    )
    return candidate, share, this_year


def result_of(check_, criterion):
    for _set, result in check_.results:
        for child in result.children:
            if child.key == str(criterion.pk):
                return child
    raise AssertionError("criterion not evaluated")


def test_share_of_members_from_their_ratings(setup, campaign):
    candidate, share, this_year = setup
    unit = candidate.unit
    # The demo's members of Tổ dân phố số 1 left before 2019: the counts below are this test's.
    Employment.objects.filter(unit__path__startswith=unit.path).update(valid_to=date(2018, 12, 31))
    staff(unit, ["xuat_sac", "tot", "tot", "hoan_thanh", "tot"])
    # A member of a unit under it counts too; one who left in 2019 and one who joined in 2020
    # are not members at the end of 2019.
    child = Unit.objects.create(name="Chi hội thử", kind="thon", parent=unit)
    staff(child, ["tot"], prefix="Chi hội")
    staff(unit, ["khong_hoan_thanh", None], prefix="Khác")
    Employment.objects.filter(person__full_name="Khác 0").update(valid_to=date(2019, 6, 30))
    Employment.objects.filter(person__full_name="Khác 1").update(valid_from=date(2020, 2, 1))

    checks = evaluate_candidates(campaign, Candidate.objects.filter(pk=candidate.pk))
    result = result_of(checks[0], share)
    assert result.status is Status.DAT
    assert result.explanation == (
        "5/6 thành viên (83,3%) đạt Hoàn thành tốt nhiệm vụ trở lên năm 2019, cần tối thiểu 80%."
    )
    pending = result_of(checks[0], this_year)
    assert pending.status is Status.CAN_XAC_NHAN
    assert pending.explanation.startswith(
        "Kết quả đánh giá năm 2020 chưa thể có: đợt thi đua kết thúc ngày 31/10/2020"
    )
    assert str(this_year.pk) in checks[0].attestable
    assert str(share.pk) not in checks[0].attestable
    # The one-subject path (a collective's page) says the same.
    (_set, single), *_ = [r for r in check(unit, campaign) if r[0].pk == share.criteria_set_id]
    assert [c.explanation for c in single.children if c.key == str(share.pk)] == [
        result.explanation
    ]


def test_queries_do_not_grow_with_collectives(setup, campaign, ward_dossier):
    candidate, share, _this_year = setup
    staff(candidate.unit, ["tot", "tot"])
    candidates = Candidate.objects.filter(dossier=ward_dossier)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            evaluate_candidates(campaign, candidates.all())
        return len(captured)

    small = queries()
    for i in range(5):
        thon = Unit.objects.create(name=f"Thôn thử {i}", kind="thon", parent=ward_dossier.unit)
        staff(thon, ["tot", "hoan_thanh", "xuat_sac"], prefix=f"Thôn {i}")
        Candidate.objects.create(
            dossier=ward_dossier,
            unit=thon,
            award_form=candidate.award_form,
            summary="Thành tích",
            order=50 + i,
        )
    assert queries() == small
    checks = evaluate_candidates(campaign, candidates.filter(unit__name="Thôn thử 0"))
    assert result_of(checks[0], share).explanation == (
        "2/3 thành viên (66,7%) đạt Hoàn thành tốt nhiệm vụ trở lên năm 2019, cần tối thiểu 80%."
    )


def test_a_year_not_rated_yet_is_confirmed_by_the_unit(
    setup, campaign, ward_dossier, before_deadline
):
    from django.contrib.auth import get_user_model

    from thidua.nominations.services.candidates import attest

    candidate, share, this_year = setup
    officer = get_user_model().objects.get(username="phuongsapa")
    attest(
        actor=officer,
        candidate=candidate,
        criterion_id=this_year.pk,
        confirmed=True,
        note="Họp tổ dân phố ngày 20/10/2020",
        version=ward_dossier.version,
    )
    checks = evaluate_candidates(campaign, Candidate.objects.filter(pk=candidate.pk))
    result = result_of(checks[0], this_year)
    assert result.status is Status.DAT
    assert "Đã xác nhận đạt" in result.explanation
    assert "Họp tổ dân phố ngày 20/10/2020" in result.explanation
    # A criterion that reads data already due cannot be confirmed instead.
    from thidua.core.errors import ServiceError

    with pytest.raises(ServiceError):
        attest(
            actor=officer,
            candidate=candidate,
            criterion_id=share.pk,
            confirmed=True,
            note="",
            version=Candidate.objects.get(pk=candidate.pk).dossier.version,
        )
