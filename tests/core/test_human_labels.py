"""No "Object (13)" in the history: every object a page or an audit entry names reads as
Vietnamese words, not as Django's default "<Model> object (<id>)"."""

from __future__ import annotations

import pytest
from django.apps import apps

from thidua.campaigns.models import CriteriaSet

pytestmark = pytest.mark.django_db

# Bookkeeping rows no page or audit entry names.
INTERNAL = {
    "core.notificationpreference",
    "council.attendance",
    "council.vote",
    "decisions.numbersequence",
    "statistics.awardsummary",
    "statistics.dossiertally",
    "statistics.dossiercount",
}


def test_every_demo_object_has_a_human_label():
    checked = 0
    for model in apps.get_models():
        if not model.__module__.startswith("thidua") or model._meta.label_lower in INTERNAL:
            continue
        row = model.objects.order_by("pk").first()
        if row is None:
            continue
        checked += 1
        assert " object (" not in str(row), model._meta.label
    assert checked > 30


def test_a_saved_criteria_set_is_named_in_the_campaign_history(campaign):
    criteria_set = CriteriaSet.objects.filter(award_form__campaign=campaign).first()
    assert str(criteria_set) == (
        f"Tiêu chuẩn {criteria_set.award_form.name} – {criteria_set.subject_category.name}"
    )
