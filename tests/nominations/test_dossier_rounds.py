"""A dossier's page shows its submission rounds and, once returned, why; a dossier never
submitted has none and does not read them."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def page_and_reads(client, dossier) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/ho-so/{dossier.pk}/")
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in queries]


def test_a_dossier_never_submitted_reads_no_rounds(client_as, ward_dossier):
    assert ward_dossier.round == 0
    page, reads = page_and_reads(client_as("noivu"), ward_dossier)
    assert "Các lần nộp" not in page
    assert not [sql for sql in reads if "nominations_submissionround" in sql]


def test_a_returned_dossier_shows_why_and_its_rounds(client_as, commune_dossier):
    reason = "Thiếu chữ ký trong biên bản họp xét"
    client_as("noivu").post(f"/ho-so/{commune_dossier.pk}/thao-tac/return/", {"reason": reason})
    commune_dossier.refresh_from_db()
    assert commune_dossier.status == "returned" and commune_dossier.round == 1
    page, reads = page_and_reads(client_as("tavan"), commune_dossier)
    assert "Phòng Nội vụ trả lại để bổ sung (" in page
    assert f"</strong> {reason}</div>" in page  # the banner, from the last round
    assert "Các lần nộp" in page and f": {reason}</td>" in page  # and the rounds' table
    assert len([sql for sql in reads if "nominations_submissionround" in sql]) == 1
