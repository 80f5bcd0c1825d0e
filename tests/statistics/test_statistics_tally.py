"""Every dossier action keeps the statistics' tallies equal to a recount from the data."""

from __future__ import annotations

import pytest
from django.db.models import Count, Q

from thidua.nominations import services
from thidua.nominations.models import Candidate, Dossier
from thidua.org.models import Person
from thidua.statistics.models import DossierTally
from thidua.statistics.tasks import rebuild_all

from ..demo_dossiers import complete_documents, filled_template

pytestmark = pytest.mark.django_db
COLUMNS = ("draft", "submitted", "returned", "appraised", "candidates", "eligible")


def tallies():
    return sorted(DossierTally.objects.values_list("unit_id", "campaign_id", *COLUMNS))


def town_row(campaign):
    return DossierTally.objects.get(unit=campaign.issuer, campaign=campaign)


def counted(campaign):
    """The same figures, counted from the dossiers themselves."""
    dossiers = Dossier.objects.filter(campaign=campaign)
    by_status = dict(dossiers.values_list("status").annotate(n=Count("id")))
    candidates = Candidate.objects.filter(dossier__campaign=campaign).aggregate(
        n=Count("id"), eligible=Count("id", filter=Q(appraisal="du"))
    )
    return {
        **{s: by_status.get(s, 0) for s in COLUMNS[:4]},
        "candidates": candidates["n"],
        "eligible": candidates["eligible"],
    }


def figures(row):
    return {c: getattr(row, c) for c in COLUMNS}


def test_each_action_moves_the_tallies(
    campaign, ward_dossier, commune_dossier, user, client_as, before_deadline
):
    officer, head = user("noivu"), user("phuongsapa.truong")
    assert figures(town_row(campaign)) == counted(campaign)

    person = (
        Person.objects.filter(unit__path__startswith=ward_dossier.unit.path)
        .exclude(candidate__dossier=ward_dossier)
        .first()
    )
    form = campaign.award_forms.get(name="Giấy khen của Chủ tịch UBND thị xã")
    added = services.add_candidate(
        actor=head,
        dossier=ward_dossier,
        version=ward_dossier.version,
        award_form=form,
        summary="Hoàn thành xuất sắc",
        person=person,
    )
    assert figures(town_row(campaign)) == counted(campaign)
    ward_dossier.refresh_from_db()
    services.remove_candidate(actor=head, candidate=added, version=ward_dossier.version)
    assert figures(town_row(campaign)) == counted(campaign)
    ward_dossier.refresh_from_db()
    row = [1, "Cá nhân", person.full_name, None, form.name, "Hoàn thành xuất sắc nhiệm vụ"]
    upload = filled_template(client_as("phuongsapa"), ward_dossier, [row])
    client_as("phuongsapa").post(
        f"/ho-so/{ward_dossier.pk}/nhap-excel/", {"version": ward_dossier.version, "file": upload}
    )
    assert ward_dossier.candidates.filter(person=person).exists()
    assert figures(town_row(campaign)) == counted(campaign)
    ward_dossier.refresh_from_db()
    complete_documents(ward_dossier, head)
    services.submit(actor=head, dossier=ward_dossier)
    row = figures(town_row(campaign))
    assert row == counted(campaign) and row["submitted"] == 2 and row["draft"] == 0

    first = ward_dossier.candidates.first()
    services.appraise_candidate(actor=officer, candidate=first, decision="du", reason="")
    assert town_row(campaign).eligible == counted(campaign)["eligible"] >= 1
    services.return_for_supplement(actor=officer, dossier=commune_dossier, reason="Bổ sung")
    assert figures(town_row(campaign)) == counted(campaign)
    ward_row = DossierTally.objects.get(unit=ward_dossier.unit, campaign=campaign)
    assert (ward_row.submitted, ward_row.returned, ward_row.eligible) == (1, 0, 1)
    for candidate in ward_dossier.candidates.all():
        services.appraise_candidate(
            actor=officer, candidate=candidate, decision="du", reason="Đủ theo xác minh"
        )
    services.mark_appraised(actor=officer, dossier=ward_dossier)
    row = figures(town_row(campaign))
    assert row == counted(campaign) and row["appraised"] == 1

    kept = tallies()
    rebuild_all()
    assert tallies() == kept
