"""The only code that changes campaigns. Each action checks permission and state, writes
inside one transaction and records an audit entry."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from thidua.core import audit
from thidua.core.errors import ServiceError
from thidua.eligibility import engine

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


class CampaignError(ServiceError):
    """An action on a campaign refused for a reason the user must read (Vietnamese)."""


def _require_manager(actor, campaign: Campaign) -> None:
    if not policy.can_manage(actor, campaign):
        raise PermissionDenied(
            "Chỉ chuyên viên TĐKT của cơ quan phát động được thực hiện thao tác này."
        )


def _require_editable(campaign: Campaign) -> None:
    if not policy.is_editable(campaign):
        raise CampaignError("Đợt thi đua đã phát động: nội dung kế hoạch không sửa được nữa.")


@transaction.atomic
def create_campaign(*, actor, form) -> Campaign:
    campaign = form.save(commit=False)
    campaign.created_by = actor
    campaign.status = CampaignStatus.DRAFT
    _require_manager(actor, campaign)
    campaign.save()
    audit.record(
        actor=actor, action="campaigns.campaign.created", obj=campaign, message=campaign.title
    )
    return campaign


@transaction.atomic
def update_campaign(*, actor, campaign: Campaign, form) -> Campaign:
    _require_manager(actor, campaign)
    _require_editable(campaign)
    campaign = form.save()
    _require_manager(actor, campaign)  # the issuer may have changed: it must stay in scope
    audit.record(
        actor=actor,
        action="campaigns.campaign.updated",
        obj=campaign,
        data={"fields": form.changed_data},
    )
    return campaign


@transaction.atomic
def save_items(
    *, actor, campaign: Campaign, formset, section: str, defaults: dict | None = None
) -> None:
    """Save an ordered list (clauses of a section, legal bases, subject categories, documents)."""
    _require_manager(actor, campaign)
    _require_editable(campaign)
    items = formset.save(commit=False)
    for item in items:
        item.campaign = campaign
        for key, value in (defaults or {}).items():
            setattr(item, key, value)
        item.save()
    for item in formset.deleted_objects:
        item.delete()
    audit.record(
        actor=actor, action="campaigns.items.saved", obj=campaign, data={"section": section}
    )


@transaction.atomic
def save_award_form(*, actor, campaign: Campaign, form) -> AwardForm:
    _require_manager(actor, campaign)
    _require_editable(campaign)
    award_form = form.save(commit=False)
    award_form.campaign = campaign
    award_form.save()
    audit.record(
        actor=actor, action="campaigns.award_form.saved", obj=campaign, message=award_form.name
    )
    return award_form


@transaction.atomic
def set_quota(*, actor, award_form: AwardForm, form) -> AwardForm:
    """Quotas may be set after launch ("sẽ có văn bản hướng dẫn cụ thể sau")."""
    _require_manager(actor, award_form.campaign)
    form.save()
    audit.record(
        actor=actor,
        action="campaigns.award_form.saved",
        obj=award_form.campaign,
        message=f"Số lượng khen thưởng: {award_form.name}",
    )
    return award_form


@transaction.atomic
def delete_award_form(*, actor, award_form: AwardForm) -> None:
    campaign = award_form.campaign
    _require_manager(actor, campaign)
    _require_editable(campaign)
    audit.record(
        actor=actor, action="campaigns.award_form.deleted", obj=campaign, message=award_form.name
    )
    award_form.delete()


@transaction.atomic
def save_criteria_set(*, actor, award_form: AwardForm, form) -> CriteriaSet:
    _require_manager(actor, award_form.campaign)
    _require_editable(award_form.campaign)
    criteria_set = form.save(commit=False)
    criteria_set.award_form = award_form
    criteria_set.save()
    audit.record(
        actor=actor,
        action="campaigns.criterion.saved",
        obj=award_form.campaign,
        message=str(criteria_set),
    )
    return criteria_set


@transaction.atomic
def save_criterion(
    *, actor, criteria_set: CriteriaSet, data: dict, criterion: Criterion | None = None
) -> Criterion:
    campaign = criteria_set.award_form.campaign
    _require_manager(actor, campaign)
    _require_editable(campaign)
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
    criterion = criterion or Criterion(criteria_set=criteria_set)
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


def _is_descendant(node: Criterion, ancestor: Criterion) -> bool:
    while node is not None:
        if node.pk == ancestor.pk:
            return True
        node = node.parent
    return False


@transaction.atomic
def delete_criterion(*, actor, criterion: Criterion) -> None:
    campaign = criterion.criteria_set.award_form.campaign
    _require_manager(actor, campaign)
    _require_editable(campaign)
    audit.record(
        actor=actor,
        action="campaigns.criterion.deleted",
        obj=campaign,
        message=criterion.text[:200],
    )
    criterion.delete()


def launch_problems(campaign: Campaign) -> list[str]:
    """What stops a campaign from being launched, in Vietnamese; empty when it can go."""
    problems = []
    day = campaign.signed_on or campaign.period_start
    award_forms = list(
        campaign.award_forms.select_related("authority").prefetch_related("criteria_sets__criteria")
    )
    if not award_forms:
        problems.append("Chưa có hình thức khen thưởng nào.")
    for form in award_forms:
        if not form.authority.is_valid_on(day):
            problems.append(
                f"Thẩm quyền “{form.authority.name}” của “{form.name}” không có hiệu lực ngày {day:%d/%m/%Y}."
            )
        needs_criteria = not form.delegated_to_units and not form.selection_rule
        if needs_criteria and not form.criteria_sets.all():
            problems.append(f"“{form.name}” chưa có tiêu chuẩn.")
        for criteria_set in form.criteria_sets.all():
            if not criteria_set.criteria.all():
                problems.append(
                    f"“{form.name}” – “{criteria_set.subject_category}”: chưa có tiêu chuẩn nào."
                )
    for basis in campaign.legal_bases.all():
        if not basis.is_valid_on(day):
            problems.append(f"Căn cứ không còn hiệu lực ngày {day:%d/%m/%Y}: {basis.text[:120]}")
    if not campaign.required_documents.exists():
        problems.append("Chưa quy định thành phần hồ sơ đề nghị khen thưởng.")
    return problems


@transaction.atomic
def launch_campaign(*, actor, campaign: Campaign) -> Campaign:
    _require_manager(actor, campaign)
    transition = policy.TRANSITIONS["launch"]
    if campaign.status not in transition.source:
        raise CampaignError("Đợt thi đua không ở trạng thái dự thảo nên không thể phát động.")
    problems = launch_problems(campaign)
    if problems:
        raise CampaignError(problems)
    # Conditional update: two launches at once change the row only once.
    changed = Campaign.objects.filter(pk=campaign.pk, status__in=transition.source).update(
        status=transition.target, launched_at=timezone.now()
    )
    if not changed:
        raise CampaignError("Đợt thi đua vừa được người khác phát động.")
    campaign.refresh_from_db()
    audit.record(actor=actor, action="campaigns.campaign.launched", obj=campaign)
    return campaign


@transaction.atomic
def close_campaign(*, actor, campaign: Campaign) -> Campaign:
    _require_manager(actor, campaign)
    transition = policy.TRANSITIONS["close"]
    changed = Campaign.objects.filter(pk=campaign.pk, status__in=transition.source).update(
        status=transition.target
    )
    if not changed:
        raise CampaignError("Chỉ kết thúc được đợt thi đua đang diễn ra.")
    campaign.refresh_from_db()
    audit.record(actor=actor, action="campaigns.campaign.closed", obj=campaign)
    return campaign


@transaction.atomic
def add_item(*, actor, campaign: Campaign, form, section: str, defaults: dict | None = None):
    """Add one row to an ordered list of the plan (the API's counterpart of ``save_items``)."""
    _require_manager(actor, campaign)
    _require_editable(campaign)
    item = form.save(commit=False)
    item.campaign = campaign
    for key, value in (defaults or {}).items():
        setattr(item, key, value)
    item.save()
    audit.record(
        actor=actor, action="campaigns.items.saved", obj=campaign, data={"section": section}
    )
    return item


def derivable_units(user, parent: Campaign) -> list:
    """Units below the issuer where ``user`` runs campaigns of their own (a ward's emulation
    officer): they may derive the ward's campaign from ``parent``."""
    from thidua.org import access as org_access
    from thidua.org.access import Perm

    if parent.status != CampaignStatus.LAUNCHED:
        return []
    units = [
        unit
        for unit in org_access.assigned_units(user, Perm.MANAGE_CAMPAIGNS)
        if unit.path.startswith(parent.issuer.path) and unit.pk != parent.issuer_id
    ]
    # Only forms the issuer left to the communes can be derived (one query, not one per unit).
    if units and parent.award_forms.filter(delegated_to_units=True).exists():
        return units
    return []


@transaction.atomic
def derive_campaign(*, actor, parent: Campaign, unit) -> Campaign:
    """A commune's own campaign from the town's (the seed's III.2.3): the same purposes,
    contents and period, the award forms the town left to the communes, under the commune's
    authority, ready for its own criteria. A draft, which the commune edits and launches."""
    if unit not in derivable_units(actor, parent):
        raise CampaignError("Bạn không được cụ thể hóa đợt thi đua này cho đơn vị này.")
    if Campaign.objects.filter(parent=parent, issuer=unit).exists():
        raise CampaignError(f"{unit} đã có kế hoạch cụ thể hóa đợt thi đua này.")
    day = parent.period_end
    child = Campaign.objects.create(
        issuer=unit, parent=parent, title=parent.title, preamble=parent.preamble, slogan=parent.slogan,
        period_start=parent.period_start, period_end=parent.period_end, reward_mode=parent.reward_mode,
        reward_mode_note=parent.reward_mode_note, dossier_deadline=parent.dossier_deadline, receiving_unit=unit,
        receiving_note=f"{unit.name}", signer_authority=parent.signer_authority, signer_title=parent.signer_title,
        created_by=actor,
    )  # fmt: skip
    LegalBasis.objects.bulk_create(
        [LegalBasis(campaign=child, order=b.order, text=b.text, valid_from=b.valid_from, valid_to=b.valid_to)
         for b in parent.legal_bases.all()]
        + [LegalBasis(campaign=child, order=100, text=f"Căn cứ Kế hoạch {parent.number_symbol} của "
                      f"{parent.issuer.name} về {parent.title[0].lower()}{parent.title[1:]};")]
    )  # fmt: skip
    CampaignClause.objects.bulk_create(
        CampaignClause(
            campaign=child, section=c.section, order=c.order, heading=c.heading, text=c.text
        )
        for c in parent.clauses.exclude(section="noi_nhan")
    )
    categories = {}
    for category in parent.subject_categories.all():
        categories[category.pk] = SubjectCategory.objects.create(
            campaign=child, kind=category.kind, name=category.name, order=category.order,
            person_categories=category.person_categories, unit_kinds=category.unit_kinds,
            requirement=category.requirement,
        )  # fmt: skip
    for form in parent.award_forms.filter(delegated_to_units=True).select_related("authority"):
        authority = (
            AwardAuthority.objects.filter(level=form.authority.level)
            .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day))
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
            .first()
            or form.authority
        )
        AwardForm.objects.create(campaign=child, order=form.order, name=form.name, authority=authority,
                                 granting_unit=unit, selection_rule=form.selection_rule)  # fmt: skip
    for document in parent.required_documents.filter(award_form__isnull=True):
        RequiredDocument.objects.create(campaign=child, order=document.order, name=document.name,
                                        scope=document.scope, per_candidate=document.per_candidate,
                                        note=document.note)  # fmt: skip
    audit.record(actor=actor, action="campaigns.campaign.derived", obj=child,
                 message=f"Cụ thể hóa từ kế hoạch của {parent.issuer}")  # fmt: skip
    return child
