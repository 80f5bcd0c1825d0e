"""The only code that changes campaigns. Each action checks permission and state
(``policy.check``), writes inside one transaction and records an audit entry."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model, Q
from django.forms import BaseModelFormSet, ModelForm
from django.utils import timezone

from thidua.core import audit, docx
from thidua.core.errors import ConflictError
from thidua.eligibility import engine
from thidua.org import access
from thidua.org.access import Actor, Perm
from thidua.org.models import Unit

from . import policy
from .models import (
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
from .policy import CampaignError as CampaignError  # callers catch ``services.CampaignError``


@transaction.atomic
def create_campaign(*, actor: Actor, form: ModelForm[Campaign]) -> Campaign:
    campaign = form.save(commit=False)
    campaign.created_by = access.acting_user(actor)
    campaign.status = CampaignStatus.DRAFT
    policy.check(actor, campaign, "edit")
    campaign.save()
    audit.record(
        actor=actor, action="campaigns.campaign.created", obj=campaign, message=campaign.title
    )
    return campaign


@transaction.atomic
def update_campaign(*, actor: Actor, campaign: Campaign, form: ModelForm[Campaign]) -> Campaign:
    policy.check(actor, campaign, "edit")
    campaign = form.save()
    if not policy.can_manage(actor, campaign):  # the issuer may have changed: it stays in scope
        raise PermissionDenied("Đơn vị ban hành phải thuộc phạm vi của bạn.")
    audit.record(
        actor=actor,
        action="campaigns.campaign.updated",
        obj=campaign,
        data={"fields": form.changed_data},
    )
    return campaign


@transaction.atomic
def save_items(
    *,
    actor: Actor,
    campaign: Campaign,
    formset: BaseModelFormSet,
    section: str,
    defaults: dict[str, Any] | None = None,
) -> None:
    """Save an ordered list (clauses of a section, legal bases, subject categories, documents)."""
    policy.check(actor, campaign, "edit")
    for item in formset.save(commit=False):
        _save_item(item, campaign, defaults)
    for item in formset.deleted_objects:
        item.delete()
    audit.record(
        actor=actor, action="campaigns.items.saved", obj=campaign, data={"section": section}
    )


@transaction.atomic
def add_item(
    *,
    actor: Actor,
    campaign: Campaign,
    form: ModelForm,
    section: str,
    defaults: dict[str, Any] | None = None,
) -> Model:
    """Add one row to an ordered list of the plan (the API's counterpart of ``save_items``)."""
    policy.check(actor, campaign, "edit")
    item = _save_item(form.save(commit=False), campaign, defaults)
    audit.record(
        actor=actor, action="campaigns.items.saved", obj=campaign, data={"section": section}
    )
    return item


def _save_item(item: Any, campaign: Campaign, defaults: dict[str, Any] | None) -> Model:
    item.campaign = campaign
    for key, value in (defaults or {}).items():
        setattr(item, key, value)
    item.save()
    return item


@transaction.atomic
def save_award_form(*, actor: Actor, campaign: Campaign, form: ModelForm[AwardForm]) -> AwardForm:
    policy.check(actor, campaign, "edit")
    award_form = form.save(commit=False)
    award_form.campaign = campaign
    award_form.save()
    audit.record(
        actor=actor, action="campaigns.award_form.saved", obj=campaign, message=award_form.name
    )
    return award_form


@transaction.atomic
def set_quota(*, actor: Actor, award_form: AwardForm, form: ModelForm[AwardForm]) -> AwardForm:
    """Quotas may be set after launch ("sẽ có văn bản hướng dẫn cụ thể sau")."""
    policy.check(actor, award_form.campaign, "quota")
    form.save()
    audit.record(
        actor=actor,
        action="campaigns.award_form.saved",
        obj=award_form.campaign,
        message=f"Số lượng khen thưởng: {award_form.name}",
    )
    return award_form


@transaction.atomic
def delete_award_form(*, actor: Actor, award_form: AwardForm) -> None:
    campaign = award_form.campaign
    policy.check(actor, campaign, "edit")
    audit.record(
        actor=actor, action="campaigns.award_form.deleted", obj=campaign, message=award_form.name
    )
    award_form.delete()


@transaction.atomic
def save_criteria_set(
    *, actor: Actor, award_form: AwardForm, form: ModelForm[CriteriaSet]
) -> CriteriaSet:
    policy.check(actor, award_form.campaign, "edit")
    criteria_set = form.save(commit=False)
    criteria_set.award_form = award_form
    criteria_set.save()
    audit.record(
        actor=actor,
        action="campaigns.criterion.saved",
        obj=award_form.campaign,
        message=f"bộ tiêu chuẩn của “{award_form.name}” cho {criteria_set.subject_category}",
    )
    return criteria_set


@transaction.atomic
def save_criterion(
    *,
    actor: Actor,
    criteria_set: CriteriaSet,
    data: dict[str, Any],
    criterion: Criterion | None = None,
) -> Criterion:
    """Add or change a criterion. A wrong parameter or group is a ``ValidationError`` by field
    (the form shows it beside the field)."""
    campaign = criteria_set.award_form.campaign
    policy.check(actor, campaign, "edit")
    params, errors = engine.clean_params(data["kind"], data.get("params") or {})
    if errors:
        raise ValidationError(errors)
    parent = None
    if data.get("parent"):
        parent = criteria_set.criteria.filter(pk=data["parent"]).first()
        if parent is None or not engine.KINDS[parent.kind].is_group:
            raise ValidationError({"parent": "Nhóm tiêu chuẩn không hợp lệ."})
        if criterion is not None and _is_descendant(parent, criterion):
            raise ValidationError({"parent": "Không thể đặt tiêu chuẩn vào chính nhóm con của nó."})
    if criterion is None:
        criterion = Criterion(criteria_set=criteria_set)
    criterion.kind = data["kind"]
    criterion.text = data["text"]
    criterion.params = params
    criterion.parent = parent
    criterion.order = data.get("order") or 0
    criterion.save()
    audit.record(
        actor=actor, action="campaigns.criterion.saved", obj=campaign, message=criterion.text[:200]
    )
    return criterion


def _is_descendant(node: Criterion | None, ancestor: Criterion) -> bool:
    while node is not None:
        if node.pk == ancestor.pk:
            return True
        node = node.parent
    return False


@transaction.atomic
def delete_criterion(*, actor: Actor, criterion: Criterion) -> None:
    campaign = criterion.criteria_set.award_form.campaign
    policy.check(actor, campaign, "edit")
    audit.record(
        actor=actor,
        action="campaigns.criterion.deleted",
        obj=campaign,
        message=criterion.text[:200],
    )
    criterion.delete()


# Each button of the state table and what it records.
AUDIT_OF_ACTION = {"launch": "campaigns.campaign.launched", "close": "campaigns.campaign.closed"}
RACE_LOST = {
    "launch": "Đợt thi đua vừa được người khác phát động.",
    "close": "Đợt thi đua vừa được người khác kết thúc.",
}


@transaction.atomic
def change_status(*, actor: Actor, campaign: Campaign, action: str) -> Campaign:
    """Apply one row of ``policy.TRANSITIONS`` ("launch", "close"): the page's buttons."""
    policy.check(actor, campaign, action)
    transition = policy.TRANSITIONS[action]
    fields: dict[str, Any] = {"status": transition.target}
    if action == "launch":
        problems = policy.launch_problems(campaign)
        if problems:
            raise CampaignError(problems)
        fields["launched_at"] = timezone.now()
    # Conditional update on the old state: two clicks at once change the row only once.
    if not Campaign.objects.filter(pk=campaign.pk, status__in=transition.source).update(**fields):
        raise ConflictError(RACE_LOST[action])
    campaign.refresh_from_db()
    audit.record(actor=actor, action=AUDIT_OF_ACTION[action], obj=campaign)
    return campaign


def launch_campaign(*, actor: Actor, campaign: Campaign) -> Campaign:
    return change_status(actor=actor, campaign=campaign, action="launch")


def close_campaign(*, actor: Actor, campaign: Campaign) -> Campaign:
    return change_status(actor=actor, campaign=campaign, action="close")


def derivable_units(user: Actor, parent: Campaign) -> list[Unit]:
    """Units below the issuer where ``user`` runs campaigns of their own (a ward's emulation
    officer): they may derive the ward's campaign from ``parent``."""
    if parent.status != CampaignStatus.LAUNCHED:
        return []
    units = [
        unit
        for unit in access.assigned_units(user, Perm.MANAGE_CAMPAIGNS)
        if unit.path.startswith(parent.issuer.path) and unit.pk != parent.issuer_id
    ]
    # Only forms the issuer left to the communes can be derived (one query, not one per unit).
    if units and parent.award_forms.filter(delegated_to_units=True).exists():
        return units
    return []


@transaction.atomic
def derive_campaign(*, actor: Actor, parent: Campaign, unit: Unit) -> Campaign:
    """A commune's own campaign from the town's (the seed's III.2.3): the same purposes,
    contents and period, the award forms the town left to the communes, under the commune's
    authority, ready for its own criteria. A draft, which the commune edits and launches."""
    if unit not in derivable_units(actor, parent):
        raise PermissionDenied("Bạn không được cụ thể hóa đợt thi đua này cho đơn vị này.")
    if Campaign.objects.filter(parent=parent, issuer=unit).exists():
        raise CampaignError(f"{unit} đã có kế hoạch cụ thể hóa đợt thi đua này.")
    child = Campaign.objects.create(
        issuer=unit,
        parent=parent,
        receiving_unit=unit,
        receiving_note=docx.agency_title(unit),
        created_by=access.acting_user(actor),
        **{field: getattr(parent, field) for field in INHERITED_FIELDS},
    )
    _copy_plan(parent, child)
    audit.record(
        actor=actor,
        action="campaigns.campaign.derived",
        obj=child,
        message=f"Cụ thể hóa từ kế hoạch của {parent.issuer}",
    )
    return child


# What a derived campaign takes over from its parent as it is.
INHERITED_FIELDS = (
    "title",
    "preamble",
    "slogan",
    "period_start",
    "period_end",
    "reward_mode",
    "reward_mode_note",
    "dossier_deadline",
    "signer_authority",
    "signer_title",
)


def _copy_plan(parent: Campaign, child: Campaign) -> None:
    """The parent's legal bases (and the parent itself as one more), clauses but its
    distribution list, subject categories, the forms left to the units under the unit's own
    authority, and the documents every dossier needs."""
    LegalBasis.objects.bulk_create(
        [
            LegalBasis(
                campaign=child,
                order=basis.order,
                text=basis.text,
                valid_from=basis.valid_from,
                valid_to=basis.valid_to,
            )
            for basis in parent.legal_bases.all()
        ]
        + [
            LegalBasis(
                campaign=child,
                order=100,
                text=f"Căn cứ Kế hoạch số {parent.number_symbol}"
                + (f" ngày {parent.signed_on:%d/%m/%Y}" if parent.signed_on else "")
                + f" của {docx.agency_title(parent.issuer)} về "
                f"{parent.title[0].lower()}{parent.title[1:]};",
            )
        ]
    )
    CampaignClause.objects.bulk_create(
        CampaignClause(
            campaign=child, section=c.section, order=c.order, heading=c.heading, text=c.text
        )
        for c in parent.clauses.exclude(section="noi_nhan")
    )
    for category in parent.subject_categories.all():
        SubjectCategory.objects.create(
            campaign=child,
            kind=category.kind,
            name=category.name,
            order=category.order,
            person_categories=category.person_categories,
            unit_kinds=category.unit_kinds,
            requirement=category.requirement,
        )
    day = parent.period_end
    for form in parent.award_forms.filter(delegated_to_units=True).select_related("authority"):
        authority = (
            AwardAuthority.objects.filter(level=form.authority.level)
            .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day))
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
            .first()
            or form.authority
        )
        AwardForm.objects.create(
            campaign=child,
            order=form.order,
            name=form.name,
            authority=authority,
            granting_unit=child.issuer,
            selection_rule=form.selection_rule,
        )
    for document in parent.required_documents.filter(award_form__isnull=True):
        RequiredDocument.objects.create(
            campaign=child,
            order=document.order,
            name=document.name,
            scope=document.scope,
            per_candidate=document.per_candidate,
            note=document.note,
        )
