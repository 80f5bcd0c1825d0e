"""An administrator's Word template for the decision is filled with the annex rows."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command

from thidua.decisions import services

pytestmark = pytest.mark.django_db


def test_decision_from_a_replaced_template(
    settings, tmp_path, closed_meeting, user, client_as, docx_text
):
    decision = services.prepare_decision(actor=user("noivu"), meeting=closed_meeting,
                                         award_form=closed_meeting.campaign.award_forms.get(
                                             name="Giấy khen của Chủ tịch UBND thị xã"),
                                         signed_on=date(2020, 10, 30))  # fmt: skip
    services.approve(actor=user("chutich"), decision=decision)
    settings.THIDUA_TEMPLATE_DIR = str(tmp_path)
    call_command("export_templates", "quyet-dinh", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    text = docx_text(
        client_as("noivu").get(f"/quyet-dinh/{decision.pk}/quyet-dinh.docx").content, "qd.docx"
    )
    for expected in ["QUYẾT ĐỊNH", "1/QĐ-UBND", "Sa Pa, ngày 30 tháng 10 năm 2020", "2 tập thể và 4 cá nhân",
                     "Sùng A Páo", "Lý Thị Mẩy", "900.000 đ", "3.600.000 đ"]:  # fmt: skip
        assert expected in text, expected
    assert "{%" not in text and "{{" not in text
