"""The annex tables of a decision and of a revoking decision fit between the margins of an A4
page (210 mm − 30 mm left − 15 mm right = 165 mm): wider, the printer cuts the last column."""

from __future__ import annotations

import pytest

from thidua.core import docx as d
from thidua.decisions.models import Decision

from ..document_checks import open_docx, printable_width_mm, table_widths_mm

pytestmark = pytest.mark.django_db


def test_the_decisions_annex_is_165_mm_wide(client_as, signed_decision):
    response = client_as("noivu").get(f"/quyet-dinh/{signed_decision.pk}/quyet-dinh.docx")
    assert response.status_code == 200
    document = open_docx(response.content)
    assert printable_width_mm(document) == 165.0
    annex = table_widths_mm(document)[-1]  # the list of recipients, after the signature block
    assert annex == 165.0


def test_the_revoking_decisions_annex_is_165_mm_wide(client_as, signed_decision):
    person = signed_decision.recipients.filter(person__isnull=False).first()
    noivu = client_as("noivu")
    noivu.post(
        f"/quyet-dinh/{signed_decision.pk}/thu-hoi/",
        {"recipient": [person.pk], "reason": "Khai man thành tích.", "signed_on": "01/12/2020"},
    )
    draft = Decision.objects.get(revokes=signed_decision)
    document = open_docx(noivu.get(f"/quyet-dinh/{draft.pk}/quyet-dinh.docx").content)
    assert table_widths_mm(document)[-1] == 165.0


def test_a_table_wider_than_the_page_is_refused():
    document = d.new_document()
    with pytest.raises(ValueError, match="177 mm wide, the page has 165 mm"):
        d.grid(document, ["a", "b", "c", "d"], [12, 75, 60, 30])
    landscape = d.new_document(landscape=True)
    assert table_widths_mm(landscape) == []
    d.grid(landscape, ["a", "b"], [100, 152])  # 297 − 45 = 252 mm fits
