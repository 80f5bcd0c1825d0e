"""The dossier page writes its list of candidates without the template engine (bench/portal.py):
what it shows stays what the template showed, every value escaped."""

from __future__ import annotations

import pytest
from django.utils.html import escape
from django.utils.text import Truncator

from thidua.nominations.models import Appraisal

pytestmark = pytest.mark.django_db


def test_rows_show_name_role_form_summary_check_and_appraisal(client_as, ward_dossier):
    candidates = list(ward_dossier.candidates.select_related("person", "unit", "award_form"))
    first, second = candidates[0], candidates[1]
    long_summary = "<b>Hoàn thành</b> xuất sắc nhiệm vụ " + "rất tốt, " * 30
    first.summary = long_summary
    first.appraisal, first.appraisal_reason = Appraisal.NEEDS_MORE, "Thiếu <i>bản</i> tóm tắt"
    first.save()
    second.summary = "Ngắn gọn & rõ"
    second.save()

    page = client_as("noivu").get(f"/ho-so/{ward_dossier.pk}/").content.decode()

    assert page.count(f'<td><a href="/ho-so/{ward_dossier.pk}/ung-vien/') == len(candidates)
    row = page.split(f'<a href="/ho-so/{ward_dossier.pk}/ung-vien/{first.pk}/">')[1].split("</tr>")[
        0
    ]
    assert row.startswith(f"{escape(first.name)}</a>")
    role = (first.person.position or "Cá nhân") if first.person_id else "Tập thể"
    assert f'<div class="small muted">{escape(role)}</div>' in row
    assert f"<td>{escape(first.award_form.name)}</td>" in row
    truncated = Truncator(long_summary).chars(120)
    assert truncated.endswith("…") and len(truncated) == 120
    assert f'<td class="small">{escape(truncated)}</td>' in row
    assert "<b>" not in row and "&lt;b&gt;Hoàn thành&lt;/b&gt;" in row
    assert '<span class="badge badge-appraisal-can_bo_sung">Cần bổ sung</span>' in row
    assert '<div class="small muted">Thiếu &lt;i&gt;bản&lt;/i&gt; tóm tắt</div>' in row
    assert '<span class="badge badge-' in row  # the self-check of the criteria

    other = page.split(f'<a href="/ho-so/{ward_dossier.pk}/ung-vien/{second.pk}/">')[1]
    other = other.split("</tr>")[0]
    assert '<td class="small">Ngắn gọn &amp; rõ</td>' in other
    assert '<span class="badge badge-appraisal-pending">Chưa thẩm định</span></td>' in other


def test_the_upload_form_offers_every_candidate_as_django_would(client_as, ward_dossier):
    from django import forms

    from thidua.nominations.forms import UploadForm

    response = client_as("phuongsapa").get(f"/ho-so/{ward_dossier.pk}/")
    page = response.content.decode()
    field = response.context["upload_form"]["candidate"]
    plain = forms.Select(choices=field.field.choices).render(
        "candidate", None, {"id": "id_candidate"}
    )
    assert str(field) == plain.strip() or str(field) == plain
    assert str(field) in page
    candidates = list(ward_dossier.candidates.select_related("person", "unit"))
    for c in candidates:
        assert f'<option value="{c.pk}">{escape(c.name)}</option>' in page
    assert '<option value="" selected>— Chung cho cả hồ sơ —</option>' in page
    assert isinstance(UploadForm(dossier=ward_dossier).fields["candidate"].widget, forms.Select)
