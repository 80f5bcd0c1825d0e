"""``criteria_rows.criteria_sets``: one plain query gives what the ORM gives (sets in their
order with their subject category, criteria in theirs, JSON decoded, empty sets kept)."""

from __future__ import annotations

from datetime import date

from thidua.campaigns.models import Campaign, CriteriaSet, Criterion
from thidua.nominations.criteria_rows import criteria_sets


def as_row(s, criteria):
    """What the evaluation reads of a set (its subject category loaded) and its criteria."""
    return (
        s.pk,
        s.award_form_id,
        s.valid_from,
        s.valid_to,
        s.subject_category.name,
        s.subject_category.person_categories,
        s.subject_category.unit_kinds,
        [(c.pk, c.parent_id, c.order, c.kind, c.text, c.params) for c in criteria],
    )


def orm_view(campaign):
    return [
        as_row(s, Criterion.objects.filter(criteria_set=s).order_by("order", "id"))
        for s in CriteriaSet.objects.filter(award_form__campaign=campaign)
        .select_related("subject_category")
        .order_by("subject_category__order", "pk")
    ]


def plain_view(campaign):
    return [as_row(s, criteria) for s, criteria in criteria_sets(campaign)]


def test_criteria_sets_read_as_the_orm_reads_them(campaign):
    first = CriteriaSet.objects.filter(award_form__campaign=campaign).first()
    # A set in a window and without criteria: still read, with no criteria.
    empty = CriteriaSet.objects.create(
        award_form=first.award_form,
        subject_category=first.subject_category,
        valid_from=date(2020, 1, 1),
        valid_to=date(2020, 12, 31),
    )
    expected = orm_view(campaign)
    assert any(row[-1] for row in expected), "the demo campaign has criteria"
    assert any(row[0] == empty.pk and row[-1] == [] for row in expected)
    assert any(c[-1] for row in expected for c in row[-1]), "some criteria have parameters"
    assert plain_view(campaign) == expected
    for other in Campaign.objects.exclude(pk=campaign.pk):
        assert plain_view(other) == orm_view(other)
