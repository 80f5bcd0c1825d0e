"""Create the two demo campaigns, launched, from their data: the seed plan of UBND thị xã Sa Pa
(2020; plan_sapa_2020, awards_sapa_2020) and a phong trào of today's two-tier structure (2026;
plan_two_tier_2026). The awarding authorities come first, as both campaigns refer to them."""

from __future__ import annotations

from django.utils import timezone

from thidua.campaigns.models import (
    AwardAuthority,
    AwardForm,
    Campaign,
    CampaignClause,
    CampaignStatus,
    CriteriaSet,
    Criterion,
    LegalBasis,
    RequiredDocument,
    SubjectCategory,
)
from thidua.org.models import Unit

from .awards_sapa_2020 import SAPA_DOCUMENTS, SAPA_SUBJECTS, sapa_award_forms
from .plan_sapa_2020 import SAPA_CAMPAIGN, SAPA_TITLE
from .plan_two_tier_2026 import (
    TWO_TIER_CAMPAIGN,
    TWO_TIER_DOCUMENTS,
    TWO_TIER_SUBJECTS,
    TWO_TIER_TITLE,
    two_tier_award_forms,
)
from .seed_units import NEW_START, OLD_END

__all__ = ["SAPA_TITLE", "TWO_TIER_TITLE", "build_campaigns"]


def build_campaigns(units: dict[str, Unit]) -> None:
    authorities = build_authorities()
    create_campaign(
        SAPA_CAMPAIGN,
        issuer=units["Thị xã Sa Pa"],
        receiving=units["Phòng Nội vụ"],
        subjects=SAPA_SUBJECTS,
        documents=SAPA_DOCUMENTS,
        award_forms=sapa_award_forms(authorities, units),
    )
    create_campaign(
        TWO_TIER_CAMPAIGN,
        issuer=units["Phường Sa Pa (từ 01/07/2025)"],
        receiving=units["Phòng Văn hóa - Xã hội phường Sa Pa"],
        subjects=TWO_TIER_SUBJECTS,
        documents=TWO_TIER_DOCUMENTS,
        award_forms=two_tier_award_forms(authorities, units),
    )


def build_authorities() -> dict[str, AwardAuthority]:
    return {
        "tinh": AwardAuthority.objects.create(
            name="Chủ tịch UBND tỉnh",
            level="tinh",
            legal_basis="Luật Thi đua, khen thưởng; Nghị định 91/2017/NĐ-CP (đến 31/12/2023); Nghị định "
            "152/2025/NĐ-CP (từ 01/07/2025)",
        ),
        "huyen": AwardAuthority.objects.create(
            name="Chủ tịch UBND cấp huyện (huyện, thị xã, thành phố thuộc tỉnh)",
            level="huyen",
            valid_to=OLD_END,
            legal_basis="Nghị định 91/2017/NĐ-CP; Luật Thi đua, khen thưởng 2022 Điều 80",
        ),
        "xa_cu": AwardAuthority.objects.create(
            name="Chủ tịch UBND cấp xã (xã, phường, thị trấn)",
            level="xa",
            valid_to=OLD_END,
            legal_basis="Nghị định 91/2017/NĐ-CP; Luật Thi đua, khen thưởng 2022 Điều 80",
        ),
        "xa": AwardAuthority.objects.create(
            name="Chủ tịch UBND cấp xã (xã, phường, đặc khu)",
            level="xa",
            valid_from=NEW_START,
            legal_basis="Nghị định 129/2025/NĐ-CP Điều 59; Nghị định 152/2025/NĐ-CP",
        ),
    }


def create_campaign(
    data: dict, *, issuer: Unit, receiving: Unit, subjects: dict, documents: list, award_forms: dict
) -> Campaign:
    """A launched campaign with its legal bases, clauses, subject categories, award forms (each
    with its criteria trees, valid over the campaign's period) and required documents."""
    fields = {k: v for k, v in data.items() if k not in ("legal_bases", "clauses")}
    campaign = Campaign.objects.create(issuer=issuer, receiving_unit=receiving, **fields)
    for order, (text, start, end) in enumerate(data["legal_bases"], 1):
        LegalBasis.objects.create(
            campaign=campaign, order=order, text=text, valid_from=start, valid_to=end
        )
    for section, items in data["clauses"].items():
        for order, (heading, text) in enumerate(items, 1):
            CampaignClause.objects.create(
                campaign=campaign, section=section, order=order, heading=heading, text=text
            )
    categories = {}
    for order, (key, (kind, name, person_cats, unit_kinds, requirement)) in enumerate(
        subjects.items(), 1
    ):
        categories[key] = SubjectCategory.objects.create(
            campaign=campaign,
            kind=kind,
            name=name,
            order=order,
            person_categories=person_cats,
            unit_kinds=unit_kinds,
            requirement=requirement,
        )
    forms = {}
    for order, (key, spec) in enumerate(award_forms.items(), 1):
        criteria = spec.pop("criteria", {})
        forms[key] = AwardForm.objects.create(campaign=campaign, order=order, **spec)
        for category_key, tree in criteria.items():
            criteria_set = CriteriaSet.objects.create(
                award_form=forms[key],
                subject_category=categories[category_key],
                valid_from=data["period_start"],
                valid_to=data["period_end"],
            )
            add_criteria(criteria_set, tree)
    for order, (name, scope, form_key, per_candidate, note) in enumerate(documents, 1):
        RequiredDocument.objects.create(
            campaign=campaign,
            order=order,
            name=name,
            scope=scope,
            award_form=forms.get(form_key),
            per_candidate=per_candidate,
            note=note,
        )
    campaign.status = CampaignStatus.LAUNCHED
    campaign.launched_at = timezone.now()
    campaign.save()
    return campaign


def add_criteria(criteria_set, tree, parent=None):
    for order, (kind, text, params, children) in enumerate(tree, 1):
        node = Criterion.objects.create(
            criteria_set=criteria_set,
            parent=parent,
            order=order,
            kind=kind,
            text=text,
            params=params,
        )
        add_criteria(criteria_set, children, node)
