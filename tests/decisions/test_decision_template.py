"""An administrator's Word template for the decision is filled with the annex rows."""

from __future__ import annotations

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_decision_from_a_replaced_template(
    settings, tmp_path, signed_decision, client_as, docx_text
):
    decision = signed_decision
    settings.THIDUA_TEMPLATE_DIR = str(tmp_path)
    call_command("export_templates", "quyet-dinh", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    text = docx_text(
        client_as("noivu").get(f"/quyet-dinh/{decision.pk}/quyet-dinh.docx").content, "qd.docx"
    )
    for expected in [
        "QUYẾT ĐỊNH",
        "01/QĐ-UBND",
        "Sa Pa, ngày 30 tháng 10 năm 2020",
        "2 tập thể và 4 cá nhân",
        "Sùng A Páo",
        "Lý Thị Mẩy",
        "900.000 đ",
        "3.600.000 đ",
    ]:
        assert expected in text, expected
    assert "{%" not in text and "{{" not in text
