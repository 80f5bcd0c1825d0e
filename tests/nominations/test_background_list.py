"""The trích ngang list of a large dossier is built by the worker (core.GeneratedFile)."""

from __future__ import annotations

import pytest

from thidua.core.models import GeneratedFile

pytestmark = pytest.mark.django_db


def test_large_nomination_list_built_in_the_background(
    client_as, commune_dossier, settings, django_capture_on_commit_callbacks
):
    settings.THIDUA_BACKGROUND_ROWS = 1  # the commune's dossier proposes 3
    client = client_as("tavan")
    offer = client.get(f"/ho-so/{commune_dossier.pk}/danh-sach-trich-ngang.docx")
    assert offer.status_code == 200 and "3 dòng" in offer.content.decode()
    url = f"/tep/nominations.trich-ngang/{commune_dossier.pk}/tao/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    row = GeneratedFile.objects.get()
    assert response["Location"] == f"/tep/{row.pk}/"
    assert (row.status, row.done, row.total) == ("done", 3, 3)
    download = client.get(f"/tep/{row.pk}/tai-ve/")
    assert download.status_code == 200
    assert download["Content-Disposition"] == (
        f'attachment; filename="danh-sach-trich-ngang-ho-so-{commune_dossier.pk}.docx"'
    )
    assert client_as("phuongsapa").get(f"/tep/{row.pk}/tai-ve/").status_code == 404
    assert client_as("phuongsapa").post(url).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert GeneratedFile.objects.count() == 1  # the same version: reused
