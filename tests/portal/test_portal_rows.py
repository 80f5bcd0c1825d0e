"""The portal's repeated rows are written without the template engine (bench/portal.py): the
markup must stay the templates' own, byte for byte, escaping included. The templates' loops
as they were are rendered here beside the writers, on demo data with values that need
escaping, long titles and a title in decomposed Unicode."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from django.template import Context, Template
from django.test import Client

from thidua.campaigns.models import Campaign
from thidua.decisions import services
from thidua.decisions.models import Decision, DecisionKind, DecisionStatus
from thidua.org.models import Unit
from thidua.portal import public
from thidua.portal.templatetags.portal import (
    award_items,
    campaign_options,
    decision_items,
    recipient_rows,
)

from .test_portal import _recipients

pytestmark = pytest.mark.django_db

# The templates' loops before the rows were written in Python (awards.html, _award_list.html,
# decision.html).
OLD_DECISIONS = Template(
    """{% load thidua %}{% for d in decisions %}
  <li class="card"><a href="{% url 'portal:decision' d.id %}"><strong>Quyết định số {{ d.number }}</strong></a> <span class="muted">ngày {{ d.decided_on|vn_date }}</span>
    <div>{{ d.award }}</div>
    <div class="small muted">{{ d.awarded|number }} tập thể, cá nhân · {{ d.issuer }} · {{ d.campaign|truncatechars:90 }}</div></li>
{% empty %}<li class="empty">Chưa có quyết định khen thưởng nào được công bố.</li>{% endfor %}"""  # noqa: E501
)
OLD_OPTIONS = Template(
    """{% for c in campaigns %}<option value="{{ c.pk }}" {% if c.pk|stringformat:"s" == campaign_id %}selected{% endif %}>{{ c.title|truncatechars:70 }}</option>{% endfor %}"""  # noqa: E501
)
OLD_AWARDS = Template(
    """{% load thidua %}{% for a in rows %}
  <li class="card"><strong>{{ a.name }}</strong>{% if a.unit %}<span class="muted"> – {{ a.unit }}</span>{% endif %}
    <div>{{ a.award }}</div>
    <div class="small muted">Quyết định số {{ a.decision }} ngày {{ a.decided_on|vn_date }}{% if a.issuer %} của {{ a.issuer }}{% endif %}</div></li>
{% empty %}<li class="empty">Không tìm thấy.</li>{% endfor %}"""  # noqa: E501
)
OLD_RECIPIENTS = Template(
    """{% for a in rows %}<tr><td class="num">{{ a.order }}</td><td><strong>{{ a.name }}</strong>{% if a.unit %}<div class="small muted">{{ a.unit }}</div>{% endif %}</td></tr>{% empty %}<tr><td colspan="2" class="muted">Không có.</td></tr>{% endfor %}"""  # noqa: E501
)

# A title written with combining marks (NFD), longer than the list shows: truncatechars counts
# and returns its composed form.
LONG = unicodedata.normalize("NFD", "Phong trào “Thi đua <yêu nước>” & ‘đổi mới’ " * 4)


@pytest.fixture
def odd_decisions(draft_decision, user):
    """The demo decision signed, with values that need escaping, a second signed decision of
    the same campaign (a higher level's, newer) and a collective among the recipients."""
    services.approve(actor=user("chutich"), decision=draft_decision)
    Decision.objects.filter(pk=draft_decision.pk).update(issuer_name="UBND <thị xã> & “Sa Pa”")
    Campaign.objects.filter(pk=draft_decision.campaign_id).update(title=LONG)
    _recipients(draft_decision, 3, "Kiểm Thử <b>Lan</b> & 'Hoa'")
    _recipients(draft_decision, 2, 'Kiểm Thử "Tí" O\'Mai')  # quotes alone are escaped too
    higher = Decision.objects.get(pk=draft_decision.pk)
    higher.pk = None
    higher.kind, higher.external_number = DecisionKind.HIGHER, "123/QĐ-<TTg>"
    higher.number, higher.signed_on, higher.issuer_name = None, date(2020, 12, 1), ""
    higher.save()
    unit = Unit.objects.exclude(parent=None).first()
    higher.recipients.create(
        order=1, unit=unit, name="Tập thể <Kiểm> Thử", search_name="tap the kiem thu", amount=0
    )
    Decision.objects.filter(pk=higher.pk).update(recipient_count=1)
    return draft_decision, higher


def test_the_decision_list_and_the_campaigns_are_the_templates_markup(odd_decisions):
    first, higher = odd_decisions
    total, decisions = public.decisions_page(None, 0, 20)
    assert total == 2 and [d.id for d in decisions] == [higher.pk, first.pk]
    assert [d.awarded for d in decisions] == [1, first.recipients.count()]
    written = str(decision_items(decisions))
    assert written == OLD_DECISIONS.render(Context({"decisions": decisions}))
    assert "UBND &lt;thị xã&gt; &amp; “Sa Pa”" in written and "123/QĐ-&lt;TTg&gt;" in written
    assert str(decision_items([])) == OLD_DECISIONS.render(Context({"decisions": []}))
    assert public.decisions_page(first.campaign_id, 1, 20) == (2, decisions[1:])
    assert public.decisions_page(first.campaign_id + 1000, 0, 20) == (0, [])

    campaigns = Campaign.objects.filter(decisions__status=DecisionStatus.APPROVED).distinct()
    old = campaigns.order_by("-period_start")
    assert public.signed_campaigns() == [(c.pk, c.title) for c in old]
    for chosen in ("", str(first.campaign_id), "x"):
        written = str(campaign_options(public.signed_campaigns(), chosen))
        assert written == OLD_OPTIONS.render(Context({"campaigns": old, "campaign_id": chosen}))
    assert " selected>Phong trào “Thi đua &lt;yêu nước&gt;” &amp;" in str(
        campaign_options(public.signed_campaigns(), str(first.campaign_id))
    )


def test_search_results_and_recipients_are_the_templates_markup(odd_decisions):
    first, higher = odd_decisions
    _total, found = public.search_awards("kiem thu", None, 0, 50)
    assert {a.collective for a in found} == {True, False}
    assert str(award_items(found)) == OLD_AWARDS.render(Context({"rows": found}))
    assert "Kiểm Thử &quot;Tí&quot; O&#x27;Mai 1" in str(award_items(found))
    assert str(award_items([])) == OLD_AWARDS.render(Context({"rows": []}))
    for decision in (first, higher):
        _decision, rows = public.decision_page(decision.pk, 0, 50)
        assert rows and str(recipient_rows(rows)) == OLD_RECIPIENTS.render(Context({"rows": rows}))
    assert str(recipient_rows([])) == OLD_RECIPIENTS.render(Context({"rows": []}))


def test_the_pages_show_the_written_rows(odd_decisions):
    first, higher = odd_decisions
    public_client = Client()
    listing = public_client.get("/cong-khai/khen-thuong/", {"dot": first.campaign_id})
    page = listing.content.decode()
    assert f'<ul class="award-list">{decision_items(listing.context["decisions"])}</ul>' in page
    options = campaign_options(public.signed_campaigns(), str(first.campaign_id))
    assert f'<option value="">Mọi đợt thi đua</option>{options}</select>' in page
    found = public_client.get("/cong-khai/khen-thuong/", {"q": "kiem thu"})
    assert f'<ul class="award-list">{award_items(found.context["rows"])}</ul>' in (
        found.content.decode()
    )
    shown = public_client.get(f"/cong-khai/quyet-dinh/{higher.pk}/")
    assert "Quyết định số 123/QĐ-&lt;TTg&gt;" in shown.content.decode()
    assert f"<tbody>{recipient_rows(shown.context['rows'])}</tbody>" in shown.content.decode()
