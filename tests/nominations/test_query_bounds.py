"""Pages and API calls of a dossier run a fixed number of SQL queries, whatever its size."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.nominations.models import Candidate
from thidua.org.models import Person

pytestmark = pytest.mark.django_db


def grow(dossier, total: int) -> None:
    """Add synthetic people of the dossier's unit as candidates until there are ``total``."""
    form = dossier.campaign.award_forms.get(name__contains="thị xã")
    missing = total - dossier.candidates.count()
    people = Person.objects.bulk_create(
        Person(
            full_name=f"Cán bộ thử {i}",
            gender="nu" if i % 2 else "nam",
            unit=dossier.unit,
            category="cong_chuc",
            position="Công chức",
        )
        for i in range(missing)
    )
    Candidate.objects.bulk_create(
        Candidate(dossier=dossier, person=p, award_form=form, summary="Thành tích", order=100 + i)
        for i, p in enumerate(people)
    )


def count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize(
    "path",
    [
        "/ho-so/{pk}/",
        "/api/v1/dossiers/{pk}",
        "/api/v1/dossiers/{pk}/eligibility",
        "/ho-so/{pk}/danh-sach-trich-ngang.docx",
    ],
)
def test_queries_do_not_grow_with_candidates(client_as, api_as, ward_dossier, path, settings):
    settings.THIDUA_BACKGROUND_ROWS = 10_000  # the list built in the request, as the worker does
    client = api_as("noivu") if path.startswith("/api") else client_as("noivu")
    url = path.format(pk=ward_dossier.pk)
    client.get(url)  # first use of a token writes its last use (once a minute): not counted
    small = count(client, url)
    grow(ward_dossier, 500)
    assert ward_dossier.candidates.count() == 500
    large = count(client, url)
    assert large == small, f"{url}: {small} queries with 4 candidates, {large} with 500"
    assert large <= 30


def test_dashboard_queries_are_bounded(client_as, campaign, ward_dossier):
    client = client_as("noivu")
    small = count(client, f"/ho-so/dot/{campaign.pk}/")
    grow(ward_dossier, 200)
    assert count(client, f"/ho-so/dot/{campaign.pk}/") == small
    assert small <= 15
