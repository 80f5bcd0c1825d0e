"""The dossier page writes its candidates' rows, the warned names and the upload form's
drop-down without the template engine (bench/portal.py): the markup must stay the template's,
byte for byte; and a candidate evaluated on its own gets what the shared evaluation gives."""

from __future__ import annotations

import pytest
from django import forms
from django.template import Context, Template

from thidua.nominations.evaluation import evaluate_candidates
from thidua.nominations.models import Candidate
from thidua.nominations.views.dossier_rows import (
    COLUMNS,
    candidate_prefix,
    rows_of,
    table_rows,
    warned_links,
)
from thidua.nominations.warnings import warned

pytestmark = pytest.mark.django_db

# The template's loop before the rows were written in Python (detail.html, issue 14).
OLD_ROWS = Template(
    """{% for c in rows %}{% with k=c.candidate %}<tr{% if c.candidate_id in warned_ids %} class="row-warning"{% endif %}>
      <td>{{ k.order }}</td>
      <td><a href="{% url 'nominations:candidate' dossier.pk k.pk %}">{{ k.name }}</a>{% if c.candidate_id in warned_ids %} <span class="pill pill-warning" title="Tự kiểm tra {{ c.status_label }}">⚠ Cần lưu ý</span>{% endif %}<div class="small muted">{% if k.person_id %}{{ k.person.position|default:"Cá nhân" }}{% else %}Tập thể{% endif %}</div></td>
      <td>{{ k.award_form.name }}</td>
      <td class="small">{{ k.summary|truncatechars:120 }}</td>
      <td><span class="badge badge-{{ c.status }}">{{ c.status_label }}</span>{% for r in c.reasons %}<div class="reason small">{{ r }}</div>{% endfor %}{% for f in c.flags %}<div class="flag flag-{{ f.level }} small">{{ f.text }}</div>{% endfor %}</td>
      <td><span class="badge badge-appraisal-{{ k.appraisal }}">{{ k.get_appraisal_display }}</span>{% if k.appraisal_reason %}<div class="small muted">{{ k.appraisal_reason }}</div>{% endif %}</td>
    </tr>{% endwith %}{% endfor %}"""  # noqa: E501
)
OLD_WARNED = Template(
    """{% for c in warned %}<a href="{% url 'nominations:candidate' dossier.pk c.candidate_id %}">{{ c.candidate.name }}</a> ({{ c.status_label }}){% if not forloop.last %}, {% endif %}{% endfor %}"""  # noqa: E501
)


def test_rows_and_warned_names_are_the_templates_markup(ward_dossier):
    # Values that need escaping, a long summary, a reason, a collective and an empty position.
    first, second, *_ = ward_dossier.candidates.all()
    first.summary = "Dẫn đầu <phong trào> & “thi đua” " * 10
    first.appraisal, first.appraisal_reason = "du", "Đủ <điều kiện> & hơn"
    first.save()
    second.person.position = ""
    second.person.save()
    checks = evaluate_candidates(
        ward_dossier.campaign, ward_dossier.candidates.all(), columns=COLUMNS
    )
    flagged = warned(checks)
    assert flagged, "the demo ward proposes someone whose self-check fails"
    warned_ids = {c.candidate_id for c in flagged}
    context = Context(
        {"rows": checks, "warned": flagged, "warned_ids": warned_ids, "dossier": ward_dossier}
    )
    rows = rows_of(checks)
    assert [r.name for r in rows.values()] == [c.candidate.name for c in checks]
    prefix = candidate_prefix(ward_dossier)
    assert str(table_rows(prefix, checks, rows, warned_ids)) == OLD_ROWS.render(context)
    assert str(warned_links(prefix, flagged, rows)) == OLD_WARNED.render(context)
    assert "&lt;phong trào&gt; &amp;" in str(table_rows(prefix, checks, rows, warned_ids))


def test_the_upload_form_offers_every_candidate_as_django_would(client_as, ward_dossier):
    response = client_as("phuongsapa").get(f"/ho-so/{ward_dossier.pk}/")
    page = response.content.decode()
    field = response.context["upload_form"]["candidate"]
    candidates = Candidate.objects.filter(dossier=ward_dossier).select_related("person", "unit")
    plain = forms.ModelChoiceField(
        queryset=candidates, required=False, empty_label="— Chung cho cả hồ sơ —"
    ).widget.render("candidate", None, {"id": "id_candidate"})
    assert str(field) == plain
    assert str(field) in page
    required = response.context["upload_form"]["required"]
    plain_required = forms.ModelChoiceField(
        queryset=ward_dossier.campaign.required_documents.all(),
        required=False,
        empty_label="Tài liệu khác",
    )
    plain_required.label_from_instance = lambda r: r.name[:90]
    assert str(required) == plain_required.widget.render("required", None, {"id": "id_required"})


def test_evaluated_alone_each_candidate_gets_what_the_shared_evaluation_gives(
    campaign, ward_dossier, commune_dossier
):
    candidates = Candidate.objects.filter(dossier__campaign=campaign)
    shared = evaluate_candidates(campaign, candidates, with_objects=False)
    alone = evaluate_candidates(campaign, candidates, with_objects=False, share=False)
    assert len(shared) == len(alone) == candidates.count() >= 7
    for one, other in zip(shared, alone, strict=True):
        assert one.candidate_id == other.candidate_id
        assert one.results == other.results
        assert (one.status, one.reasons, one.flags) == (other.status, other.reasons, other.flags)
        assert one.attestable == other.attestable
