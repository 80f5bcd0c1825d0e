"""The decision with its annex, built by the worker when it lists more recipients than
``THIDUA_BACKGROUND_ROWS`` (below that it stays an instant download): a kind of
``core.generated`` file wrapping ``documents.decision_docx`` as it is."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from thidua.campaigns.models import Campaign
from thidua.core import generated
from thidua.core.web import DOCX
from thidua.org.models import Office

from . import documents, policy
from .models import BaseSalary, Decision, KindCoefficient, LegalInstrument, RewardCoefficient

KIND = "decisions.docx"


def heavy(rows: int) -> bool:
    return rows > settings.THIDUA_BACKGROUND_ROWS


def _load(pk: int) -> Decision:
    return Decision.objects.select_related("award_form__authority", "campaign", "issuer").get(pk=pk)


def fingerprint(decision: Decision) -> str:
    return generated.digest(
        Decision.objects.filter(pk=decision.pk),
        decision.recipients.order_by("pk"),
        BaseSalary.objects.order_by("pk"),
        RewardCoefficient.objects.order_by("pk"),
        # What the decision cites and names by its signing date: the law tables, the plan's
        # number and date, the issuer's offices (decisions.law, documents.office_lines).
        KindCoefficient.objects.order_by("pk"),
        LegalInstrument.objects.order_by("pk"),
        Campaign.objects.filter(pk=decision.campaign_id),
        Office.objects.filter(unit_id=decision.issuer_id).order_by("pk"),
        document="quyet-dinh",
    )


def register() -> None:
    generated.register(
        generated.Kind(
            name=KIND,
            label="Quyết định kèm danh sách (DOCX)",
            get_object=policy.get_decision_or_404,
            load=_load,
            fingerprint=fingerprint,
            build=documents.decision_docx,
            filename=lambda decision: f"quyet-dinh-{decision.pk}.docx",
            size=lambda decision: decision.recipients.count(),
            back_url=lambda decision: reverse("decisions:detail", args=[decision.pk]),
            content_type=DOCX,
        )
    )
