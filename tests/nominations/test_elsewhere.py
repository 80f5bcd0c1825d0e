"""One achievement, one award across campaigns and levels: the appraiser sees the same person
(name without diacritics + birth date) or collective proposed or awarded the same form in the
same period elsewhere, with the other record."""

from __future__ import annotations

from datetime import date

import pytest

from thidua.nominations import elsewhere
from thidua.nominations.models import Candidate, Dossier
from thidua.org.models import Person, Unit
from thidua.records.models import AwardRecord

pytestmark = pytest.mark.django_db
GK_TOWN = "Giấy khen của Chủ tịch UBND thị xã"


def _twin(person, unit, born):
    """The same person entered a second time, in another unit, written without diacritics."""
    return Person.objects.create(
        full_name="SUNG A PAO",
        gender=person.gender,
        date_of_birth=born,
        unit=unit,
        category=person.category,
    )


def test_the_appraiser_sees_the_same_person_awarded_and_proposed_elsewhere(
    client_as, commune_dossier, campaign
):
    candidate = commune_dossier.candidates.select_related("person").get(
        person__full_name="Sùng A Páo"
    )
    person = candidate.person
    person.date_of_birth = person.date_of_birth or date(1985, 4, 2)
    person.save()
    ward = Unit.objects.get(name="Phường Sa Pa")
    twin = _twin(person, ward, person.date_of_birth)
    stranger = _twin(person, ward, date(1990, 1, 1))  # same name, another birth date
    for who, number in ((twin, "3456/QĐ-UBND"), (stranger, "7/QĐ-UBND")):
        AwardRecord.objects.create(
            person=who,
            award_name=GK_TOWN,
            award_kind="hinh_thuc",
            award_type="phong_trao",
            authority_level="huyen",
            decision_number=number,
            decided_on=date(2020, 11, 15),
            issuer_name="UBND thị xã Sa Pa",
        )
    ward_dossier = Dossier.objects.get(campaign=campaign, unit=ward)
    Candidate.objects.create(
        dossier=ward_dossier, person=twin, award_form=candidate.award_form, summary="…"
    )
    url = f"/ho-so/{commune_dossier.pk}/ung-vien/{candidate.pk}/"
    page = client_as("noivu").get(url).content.decode()
    assert "Mỗi thành tích chỉ khen thưởng một lần" in page
    assert (
        f"SUNG A PAO – {GK_TOWN}: đã được khen thưởng tại Quyết định số 3456/QĐ-UBND ngày "
        "15/11/2020 của UBND thị xã Sa Pa" in page
    )
    assert f"SUNG A PAO – {GK_TOWN}: đề nghị trong {campaign.title} (hồ sơ của Phường Sa Pa" in page
    assert "7/QĐ-UBND" not in page  # another birth date: another person
    # The unit's officer does not appraise: no flag on their page.
    assert "Mỗi thành tích" not in client_as("tavan").get(url).content.decode()


def test_a_collective_and_many_candidates_in_two_queries(
    django_assert_max_num_queries, commune_dossier
):
    candidates = list(
        Candidate.objects.filter(dossier=commune_dossier).select_related(
            "person", "unit", "award_form", "dossier__campaign"
        )
    )
    collective = next(c for c in candidates if c.unit_id)
    AwardRecord.objects.create(
        unit=collective.unit,
        award_name=collective.award_form.name.upper(),
        award_kind="hinh_thuc",
        award_type="phong_trao",
        authority_level="tinh",
        decision_number="12/QĐ-UBND",
        decided_on=date(2020, 12, 1),
        issuer_name="UBND tỉnh Lào Cai",
    )
    with django_assert_max_num_queries(2):
        found = elsewhere.find(candidates)
    assert [str(e) for e in found[collective.pk]] == [
        f"{collective.unit.name} – {collective.award_form.name.upper()}: đã được khen thưởng tại "
        "Quyết định số 12/QĐ-UBND ngày 01/12/2020 của UBND tỉnh Lào Cai"
    ]
