"""Move the demo campaign forward to the council's meeting, for trying the council and the
decision pages (`thidua demo_to_council`) and for tests: both demo dossiers complete,
submitted and appraised (the suspended candidate is not eligible)."""

from __future__ import annotations

import io
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from thidua.campaigns.models import Campaign
from thidua.nominations import services
from thidua.nominations.evaluation import evaluate_candidates
from thidua.nominations.models import Appraisal, Dossier, DossierStatus
from thidua.nominations.warnings import is_warned

from .plan_sapa_2020 import SAPA_TITLE


def sample_pdf() -> bytes:
    """A real one-page A4 PDF (uploads are parsed, so a fake header would be refused)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_metadata({"/Title": "Tài liệu mẫu"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PDF = sample_pdf()


def appraise_demo_dossiers() -> Campaign:
    users = {u.username: u for u in get_user_model().objects.all()}
    campaign = Campaign.objects.get(title=SAPA_TITLE, parent__isnull=True)
    ward = Dossier.objects.get(campaign=campaign, unit__name="Phường Sa Pa")
    commune = Dossier.objects.get(campaign=campaign, unit__name="Xã Tả Van")
    with transaction.atomic():
        if ward.status in (DossierStatus.DRAFT, DossierStatus.RETURNED):
            _complete_and_submit(campaign, ward, users)
        for dossier in (ward, commune):
            dossier.refresh_from_db()
            if dossier.status == DossierStatus.SUBMITTED:
                appraise(dossier, users["noivu"])
    return campaign


def _complete_and_submit(campaign, ward, users) -> None:
    # The 2020 deadline has passed: Phòng Nội vụ extends it for the ward, as it would.
    if not services.is_open_for_submission(campaign, ward.unit):
        services.grant_extension(
            actor=users["noivu"],
            campaign=campaign,
            unit=ward.unit,
            until=timezone.localdate() + timedelta(days=7),
            reason="Hoàn thiện hồ sơ sau đợt mưa lũ",
        )
    upload_missing_documents(ward, users["phuongsapa"])
    services.submit(actor=users["phuongsapa.truong"], dossier=ward)


def upload_missing_documents(dossier, actor) -> None:
    """A small PDF for every document the dossier still misses (per candidate where required)."""
    candidates = list(dossier.candidates.all())
    documents = list(dossier.documents.all())
    for required, applies in services.applicable_documents(dossier, candidates):
        if not applies:
            continue
        targets = [None]
        if required.per_candidate:
            targets = [
                c
                for c in candidates
                if not required.award_form_id or c.award_form_id == required.award_form_id
            ]
        for candidate in targets:
            if any(
                d.required_id == required.pk and d.candidate_id == (candidate and candidate.pk)
                for d in documents
            ):
                continue
            dossier.refresh_from_db()
            services.upload_document(
                actor=actor,
                dossier=dossier,
                version=dossier.version,
                uploaded=ContentFile(PDF, name="tai-lieu.pdf"),
                required=required,
                candidate=candidate,
            )
    dossier.refresh_from_db()


def appraise(dossier, officer) -> None:
    # An eligible conclusion on a candidate whose self-check fails needs a reason.
    warned = {
        c.candidate_id
        for c in evaluate_candidates(dossier.campaign, dossier.candidates.all(), with_objects=False)
        if is_warned(c)
    }
    for candidate in dossier.candidates.select_related("person"):
        suspended = candidate.person is not None and candidate.person.reviewcase_set.exists()
        if suspended:
            reason = "Đang xác minh đơn khiếu nại (tạm hoãn)"
        elif candidate.pk in warned:
            reason = "Đã xác minh lại với đơn vị: thành tích đạt tiêu chuẩn của kế hoạch."
        else:
            reason = ""
        services.appraise_candidate(
            actor=officer,
            candidate=candidate,
            decision=Appraisal.INELIGIBLE if suspended else Appraisal.ELIGIBLE,
            reason=reason,
        )
    services.mark_appraised(actor=officer, dossier=dossier)
