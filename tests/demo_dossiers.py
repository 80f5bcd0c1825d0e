"""Fixtures for dossier tests: the demo's two dossiers of the Sa Pa 2020 campaign.

ward_dossier     Phường Sa Pa, still a draft (4 candidates, no documents)
commune_dossier  Xã Tả Van, submitted on 22/10/2020 with its documents

The fixtures are registered in tests/conftest.py; tests import the steps (pdf,
complete_documents, filled_template) from here.
"""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from thidua.campaigns.models import Campaign
from thidua.nominations.models import Dossier

from .core.files import PDF_BYTES  # a real small PDF: uploads are parsed

VN = ZoneInfo("Asia/Ho_Chi_Minh")
SAPA_TITLE_START = "Đợt thi đua chào mừng Kỷ niệm 70 năm"


@pytest.fixture
def campaign(db):
    return Campaign.objects.get(title__startswith=SAPA_TITLE_START)


@pytest.fixture
def ward_dossier(campaign):
    return Dossier.objects.get(campaign=campaign, unit__name="Phường Sa Pa")


@pytest.fixture
def commune_dossier(campaign):
    return Dossier.objects.get(campaign=campaign, unit__name="Xã Tả Van")


@pytest.fixture
def before_deadline():
    """20/10/2020, 10:00 in Sa Pa: the campaign is open for submission."""
    with time_machine.travel(datetime(2020, 10, 20, 10, 0, tzinfo=VN), tick=False) as traveller:
        yield traveller


def pdf(name: str = "tai-lieu.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def complete_documents(dossier, actor) -> None:
    """Upload one PDF for every document the dossier still misses."""
    from thidua.demo.scenario import upload_missing_documents

    upload_missing_documents(dossier, actor)


def filled_template(client, dossier, rows) -> SimpleUploadedFile:
    response = client.get(f"/ho-so/{dossier.pk}/mau-danh-sach.xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.worksheets[0]
    for index, row in enumerate(rows, start=2):
        for col, value in enumerate(row, start=1):
            sheet.cell(row=index, column=col, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("danh-sach.xlsx", buffer.getvalue())
