"""Two clicks, two officers: never two submissions, never a silently lost edit."""

from __future__ import annotations

import pytest

from thidua.nominations import services
from thidua.nominations.models import Dossier

from ..demo_dossiers import complete_documents

pytestmark = pytest.mark.django_db


def test_second_submission_of_the_same_dossier_is_refused(user, ward_dossier, before_deadline):
    complete_documents(ward_dossier, user("phuongsapa"))
    # Both requests loaded the dossier while it was still a draft.
    first = Dossier.objects.get(pk=ward_dossier.pk)
    second = Dossier.objects.get(pk=ward_dossier.pk)
    services.submit(actor=user("phuongsapa.truong"), dossier=first)
    with pytest.raises(services.DossierError, match="đã được nộp"):
        services.submit(actor=user("phuongsapa.truong"), dossier=second)
    ward_dossier.refresh_from_db()
    assert ward_dossier.round == 1
    assert ward_dossier.rounds.count() == 1


def test_stale_edit_gets_a_conflict_message_and_changes_nothing(
    client_as, ward_dossier, before_deadline
):
    candidate = ward_dossier.candidates.first()
    seen_version = ward_dossier.version  # both officers opened the page at this version
    url = f"/ho-so/{ward_dossier.pk}/ung-vien/{candidate.pk}/"
    form = {"version": seen_version, "award_form": candidate.award_form_id}
    first = client_as("phuongsapa").post(url, {**form, "summary": "Bản của cán bộ"})
    assert first.status_code == 302
    second = client_as("phuongsapa.truong").post(url, {**form, "summary": "Bản của thủ trưởng"})
    assert second.status_code == 200
    assert "vừa được người khác cập nhật" in second.content.decode()
    candidate.refresh_from_db()
    assert candidate.summary == "Bản của cán bộ"


def test_api_reports_a_conflict_as_409(api_as, ward_dossier, before_deadline):
    form = ward_dossier.campaign.award_forms.first()
    unit = ward_dossier.unit.children.order_by("pk").last()
    body = {
        "version": ward_dossier.version - 1 if ward_dossier.version > 1 else 999,
        "award_form_id": form.pk,
        "summary": "Tập thể tiêu biểu",
        "unit_id": unit.pk,
    }
    response = api_as("phuongsapa").post(
        f"/api/v1/dossiers/{ward_dossier.pk}/candidates", body, content_type="application/json"
    )
    assert response.status_code == 409
    assert "tải lại trang" in response.json()["detail"]
    assert not ward_dossier.candidates.filter(unit=unit, award_form=form).exists()
