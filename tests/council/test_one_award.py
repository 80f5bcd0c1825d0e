"""One achievement, one award (issue 13): after a decision is signed (or drafted), a second
meeting of the same campaign does not docket the same candidates, a ballot does not count them
into a result, a second decision does not take them, and the database refuses the double award
when the services are bypassed."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from thidua.council import services as council
from thidua.council.models import Meeting
from thidua.decisions import services as decisions
from thidua.decisions.models import Decision, Recipient
from thidua.nominations.models import Candidate, Dossier
from thidua.records.models import AwardRecord

from ..demo_council import GK_TOWN, close_with_votes

pytestmark = pytest.mark.django_db
BK = "Bằng khen của Chủ tịch UBND tỉnh"


def second_meeting_form(campaign) -> dict:
    return {
        "campaign": campaign.pk,
        "held_on": "05/11/2020",
        "place": "Phòng họp số 2",
        "mode": "electronic",
    }


def test_the_double_award_is_refused_at_the_docket_after_a_signed_decision(
    client_as, signed_decision
):
    """The bug reproduced: a second meeting after the signed decision docketed the same six
    people again. Now the page refuses it and names the decision that holds them."""
    campaign = signed_decision.campaign
    assert signed_decision.number_symbol == "01/QĐ-UBND"
    before = Meeting.objects.count()
    response = client_as("thuky").post("/hoi-dong/tao/", second_meeting_form(campaign))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Mọi người, tập thể đủ điều kiện đã có tên trong quyết định khen thưởng" in page
    assert page.count("đã có tên trong Quyết định số 01/QĐ-UBND ngày 30/10/2020") == 6
    assert Meeting.objects.count() == before


def test_a_draft_decision_holds_its_candidates_too(user, draft_decision):
    with pytest.raises(council.CouncilError) as refused:
        council.create_meeting(
            actor=user("thuky"),
            campaign=draft_decision.campaign,
            held_on=date(2020, 11, 5),
            place="Phòng họp số 2",
            mode="electronic",
        )
    assert "đã có tên trong dự thảo Quyết định …/QĐ-UBND (chưa ký)" in " ".join(
        refused.value.messages
    )


def test_a_second_meeting_dockets_only_the_others_and_says_who_is_left_off(
    client_as, signed_decision
):
    campaign = signed_decision.campaign
    commune = Dossier.objects.get(campaign=campaign, unit__name="Xã Tả Van")
    pao = commune.candidates.get(person__full_name="Sùng A Páo")
    proposal = Candidate.objects.create(
        dossier=commune,
        person=pao.person,
        award_form=campaign.award_forms.get(name=BK),
        summary="Điển hình tiêu biểu xuất sắc về phát triển du lịch cộng đồng",
        appraisal="du",
        order=10,
    )
    response = client_as("thuky").post("/hoi-dong/tao/", second_meeting_form(campaign))
    assert response.status_code == 302
    meeting = Meeting.objects.latest("pk")
    assert list(meeting.items.values_list("candidate_id", flat=True)) == [proposal.pk]
    page = client_as("thuky").get(f"/hoi-dong/{meeting.pk}/").content.decode()
    assert "Không đưa vào danh sách xét" in page
    assert f"Sùng A Páo ({GK_TOWN}): đã có tên trong Quyết định số 01/QĐ-UBND" in page


@pytest.fixture
def two_meetings(meeting, user):
    """Two meetings of the same campaign docketed before any decision (the race)."""
    other = council.create_meeting(
        actor=user("thuky"),
        campaign=meeting.campaign,
        held_on=date(2020, 10, 29),
        place="Phòng họp số 2",
        mode="electronic",
    )
    assert other.items.count() == meeting.items.count() == 6
    return meeting, other


def test_the_ballot_does_not_count_already_awarded_candidates_into_a_result(
    client_as, user, two_meetings
):
    first, second = two_meetings
    close_with_votes(first)
    decision = decisions.prepare_decision(
        actor=user("noivu"),
        meeting=first,
        award_form=first.campaign.award_forms.get(name=GK_TOWN),
        signed_on=date(2020, 10, 30),
    )
    decisions.approve(actor=user("chutich"), decision=decision)
    close_with_votes(second)
    items = list(second.items.all())
    assert [i.passed for i in items] == [False] * 6
    assert not any(i.selected for i in items)
    assert {i.result_note for i in items} == {
        "Không xét: đã có tên trong Quyết định số 01/QĐ-UBND ngày 30/10/2020"
    }
    # Nothing left to decide from the second meeting.
    form = second.campaign.award_forms.get(name=GK_TOWN)
    response = client_as("noivu").post(f"/quyet-dinh/lap/{second.pk}/{form.pk}/", follow=True)
    assert "không có người, tập thể được Hội đồng đề nghị" in response.content.decode()
    assert not Decision.objects.filter(meeting=second).exists()


def test_a_second_decision_cannot_take_candidates_a_draft_already_holds(
    client_as, user, two_meetings
):
    first, second = two_meetings
    close_with_votes(first)
    close_with_votes(second)  # both counted before any decision existed
    form = first.campaign.award_forms.get(name=GK_TOWN)
    noivu = client_as("noivu")
    assert noivu.post(f"/quyet-dinh/lap/{first.pk}/{form.pk}/").status_code == 302
    response = noivu.post(f"/quyet-dinh/lap/{second.pk}/{form.pk}/", follow=True)
    page = response.content.decode()
    assert "mỗi thành tích chỉ được khen thưởng một lần" in page
    assert page.count("đã có tên trong dự thảo Quyết định …/QĐ-UBND (chưa ký)") == 6
    assert not Decision.objects.filter(meeting=second).exists()
    assert Recipient.objects.filter(decision__campaign=first.campaign).count() == 6


def test_a_concurrent_second_decision_is_refused_by_the_database(user, two_meetings, monkeypatch):
    """Both checks passed before either wrote (simulated): the constraint refuses the second
    one, the service turns it into its message and nothing of the second decision remains."""
    first, second = two_meetings
    close_with_votes(first)
    close_with_votes(second)
    form = first.campaign.award_forms.get(name=GK_TOWN)
    decisions.prepare_decision(actor=user("noivu"), meeting=first, award_form=form)
    monkeypatch.setattr(decisions, "_refuse_held", lambda *a: None)
    with pytest.raises(decisions.DecisionError) as refused:
        decisions.prepare_decision(actor=user("noivu"), meeting=second, award_form=form)
    assert refused.value.messages == [decisions.ALREADY_HELD]
    assert not Decision.objects.filter(meeting=second).exists()


def test_the_database_refuses_a_second_recipient_and_a_second_award(user, signed_decision):
    """Bypassing every service: a conditional unique index on both tables (SQLite and
    PostgreSQL). A revoked award frees its place."""
    original = signed_decision.recipients.filter(person__isnull=False).first()
    collective = signed_decision.recipients.filter(person__isnull=True).first()
    other = Decision.objects.create(
        issuer=signed_decision.issuer,
        issuer_name="UBND thị xã Sa Pa",
        campaign=signed_decision.campaign,
        award_form=signed_decision.award_form,
        year=2020,
        signed_on=date(2020, 11, 20),
        place="Sa Pa",
        subject="Tặng lại",
        legal_bases="Căn cứ …",
    )
    for subject in ({"person": original.person}, {"unit": collective.unit}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Recipient.objects.create(
                decision=other,
                campaign=other.campaign,
                award_form=other.award_form,
                order=1,
                name="Lần hai",
                achievement="…",
                **subject,
            )
    award = AwardRecord.objects.get(
        person=original.person, campaign=signed_decision.campaign, revoked_on__isnull=True
    )
    assert award.award_form_id == signed_decision.award_form_id
    fields = {
        f: getattr(award, f)
        for f in (
            "award_name",
            "award_kind",
            "award_type",
            "authority_level",
            "decided_on",
            "issuer_name",
            "campaign",
            "award_form",
        )
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        AwardRecord.objects.create(person=original.person, decision_number="2/QĐ-UBND", **fields)
    unit_award = AwardRecord.objects.get(unit=collective.unit, campaign=signed_decision.campaign)
    with pytest.raises(IntegrityError), transaction.atomic():
        AwardRecord.objects.create(unit=collective.unit, decision_number="2/QĐ-UBND", **fields)
    # Revoked, the award no longer holds the place; the history keeps both rows.
    AwardRecord.objects.filter(pk=unit_award.pk).update(revoked_on=date(2020, 12, 1))
    AwardRecord.objects.create(unit=collective.unit, decision_number="2/QĐ-UBND", **fields)
    assert (
        AwardRecord.objects.filter(unit=collective.unit, campaign=fields["campaign"]).count() == 2
    )


def test_the_full_text_triggers_survive_the_migrations_on_sqlite(signed_decision):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: the FTS5 index of decisions 0004")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = "
            "'decisions_recipient' ORDER BY name"
        )
        assert [r[0] for r in cursor.fetchall()] == [
            "decisions_recipient_fts_ad",
            "decisions_recipient_fts_ai",
            "decisions_recipient_fts_au",
        ]
        cursor.execute(
            "SELECT count(*) FROM decisions_recipient_fts WHERE decisions_recipient_fts MATCH ?",
            [signed_decision.recipients.first().search_name.split()[0]],
        )
        assert cursor.fetchone()[0] >= 1
