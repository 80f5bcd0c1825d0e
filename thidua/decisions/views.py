from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from thidua.campaigns.models import AwardForm
from thidua.core import generated_views
from thidua.core.audit import history
from thidua.core.exports import record_export
from thidua.core.listing import list_page
from thidua.core.text import clean_text
from thidua.core.web import DOCX, date_field, download, flash_errors
from thidua.council import policy as council_policy
from thidua.org.access import Actor

from . import (
    amendment,
    documents,
    generated_files,
    law,
    policy,
    qr,
    revocation,
    services,
    signing_views,
    upward_document,
)
from .forms import RevocationForm
from .meeting_results import upward_forms
from .models import BatchStatus, CertificateBatch, Decision, DecisionStatus
from .money import base_salary

PDF = "application/pdf"


class DraftForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    signed_on = date_field(
        "Ngày ký", help_text="Tiền thưởng tính theo mức lương cơ sở áp dụng vào ngày này."
    )
    signer_name = forms.CharField(label="Người ký", max_length=100, required=False)
    subject = forms.CharField(
        label="Trích yếu", max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    legal_bases = forms.CharField(
        label="Căn cứ bổ sung (mỗi căn cứ một dòng)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Luật, nghị định, quy định của tỉnh, kế hoạch và biên bản họp xét được ghi tự "
        "động theo ngày ký; chỉ ghi ở đây căn cứ khác.",
    )


DECISION_SORTS = {
    "so": ["year", "number"],
    "ngay-ky": ["signed_on"],
    "trich-yeu": ["subject"],
    "trang-thai": ["status", "signed_on"],
}


@login_required
def decision_list(request):
    decisions = policy.decisions_visible_to(request.user)
    q = clean_text(request.GET.get("q"))
    if q:
        match = Q(subject__icontains=q) | Q(external_number__icontains=q)
        if q.isdigit():
            match |= Q(number=int(q))
        decisions = decisions.filter(match)
    status = request.GET.get("trang-thai", "")
    if status in DecisionStatus.values:
        decisions = decisions.filter(status=status)
    listing = list_page(
        request, decisions, sorts=DECISION_SORTS, default="-ngay-ky", filters=["trang-thai"]
    )
    return render(
        request,
        "decisions/list.html",
        {
            "decisions": listing.rows,
            "listing": listing,
            "q": q,
            "status": status,
            "statuses": DecisionStatus.choices,
        },
    )


@login_required
@require_POST
def decision_prepare(request, meeting_pk: int, form_pk: int):
    meeting = council_policy.get_meeting_or_404(request.user, meeting_pk)
    award_form = AwardForm.objects.filter(pk=form_pk, campaign=meeting.campaign_id).first()
    if award_form is None:
        raise Http404("Không tìm thấy hình thức khen thưởng.")
    try:
        decision = services.prepare_decision(
            actor=request.user, meeting=meeting, award_form=award_form
        )
    except services.DecisionError as error:
        flash_errors(request, error)
        return redirect("council:meeting", pk=meeting.pk)
    messages.success(request, "Đã lập dự thảo quyết định từ kết quả họp xét.")
    return redirect("decisions:detail", pk=decision.pk)


@login_required
def decision_detail(request, pk: int):
    decision = policy.get_decision_or_404(request.user, pk)
    actions = dict(policy.available_actions(request.user, decision))
    form = DraftForm(
        request.POST or None,
        initial={
            "version": decision.version,
            "signed_on": decision.signed_on,
            "signer_name": decision.signer_name,
            "subject": decision.subject,
            "legal_bases": decision.legal_bases,
        },
    )
    if request.method == "POST":
        if "edit" not in actions:  # the form is not there: a signed decision is read-only
            raise PermissionDenied("Quyết định không sửa được.")
        if form.is_valid():
            try:
                services.update_draft(actor=request.user, decision=decision, **form.cleaned_data)
            except services.DecisionError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "Đã lưu dự thảo; tiền thưởng đã tính lại theo ngày ký.")
                return redirect("decisions:detail", pk=pk)
    recipients = list(decision.recipients.select_related("revoked_by", "replaces__decision"))
    can_prepare = policy.can_prepare(request.user, decision.issuer)
    # The revoked awards each one may replace (sửa đổi): one query, for the clerk only.
    olds = amendment.replaceable(decision, recipients) if can_prepare else {}
    revoked = list(decision.revoked_recipients.select_related("decision"))
    salary = base_salary(decision.signed_on)
    public_url = qr.decision_url(decision) if decision.status == DecisionStatus.APPROVED else ""
    return render(
        request,
        "decisions/detail.html",
        {
            "decision": decision,
            "recipients": recipients,
            "rows": [(r, olds.get(r.pk, [])) for r in recipients],
            "total": sum(r.amount for r in recipients),
            "salary": salary,
            "form": form if "edit" in actions else None,
            "approve": actions.get("approve"),
            "revoke": actions.get("revoke"),
            "revoked": revoked,
            "to_recover": sum(r.amount for r in revoked),
            "recovered": sum(r.amount for r in recipients if r.revoked_on),
            "revocations": list(decision.revocations.all()),
            "history": history(decision)[:20],
            "bases": documents.printed_bases(decision) if decision.kind == "issued" else [],
            "coefficient": law.coefficient_for(decision.award_form, decision.signed_on),
            "batch": decision.certificate_batches.first(),
            "can_start_batch": can_prepare,
            "signing": signing_views.panel(request.user, decision),
            "public_url": public_url,
            "public_qr": qr.svg(public_url) if public_url else "",
        },
    )


@login_required
@require_POST
def decision_approve(request, pk: int):
    decision = policy.get_decision_or_404(request.user, pk)
    try:
        decision = services.approve(actor=request.user, decision=decision)
    except services.DecisionError as error:
        flash_errors(request, error)
    else:
        messages.success(request, f"Đã ký ban hành Quyết định số {decision.number_symbol}.")
    return redirect("decisions:detail", pk=pk)


@login_required
def decision_docx(request, pk: int):
    decision = policy.get_decision_or_404(request.user, pk)
    filename = f"quyet-dinh-{decision.pk}.docx"
    if generated_files.heavy(decision.recipients.count()):  # built by the worker
        return generated_views.offer(request, generated_files.KIND, decision.pk)
    record_export(request, "quyet_dinh", decision, filename, unit=decision.issuer)
    return download(documents.decision_docx(decision), filename, DOCX)


def _with_certificates(user: Actor, pk: int) -> Decision:
    decision = policy.get_decision_or_404(user, pk)
    policy.require_certificates(decision)
    return decision


@login_required
def certificates_pdf(request, pk: int):
    from . import certificates  # fpdf2: imported when a PDF is drawn, not at start-up

    decision = _with_certificates(request.user, pk)
    filename = f"giay-khen-{decision.pk}.pdf"
    record_export(request, "giay_khen", decision, filename, unit=decision.issuer)
    return download(certificates.certificates_pdf(decision), filename, PDF, inline=True)


@login_required
def certificate_pdf(request, pk: int, order: int):
    from . import certificates

    decision = _with_certificates(request.user, pk)
    recipient = decision.recipients.filter(order=order, revoked_on__isnull=True).first()
    if recipient is None:
        raise Http404(
            "Không tìm thấy người, tập thể trong quyết định (hoặc khen thưởng đã bị thu hồi)."
        )
    content = certificates.certificates_pdf(decision, [recipient])
    filename = f"giay-khen-{decision.pk}-{order}.pdf"
    record_export(
        request,
        "giay_khen",
        decision,
        filename,
        unit=decision.issuer,
        label=f"{decision} – số {order}",
    )
    return download(content, filename, PDF, inline=True)


@login_required
@require_POST
def batch_start(request, pk: int):
    """Build every certificate in the background; the page shows the progress."""
    decision = policy.get_decision_or_404(request.user, pk)
    batch, created = services.start_certificate_batch(actor=request.user, decision=decision)
    if created:
        messages.info(
            request, "Đang tạo Giấy khen; có thể rời trang này, tệp sẽ sẵn sàng khi xong."
        )
    elif batch.status == BatchStatus.DONE:
        messages.info(
            request,
            "Tệp Giấy khen của quyết định này đã có và quyết định không thay đổi: tải tệp bên dưới.",
        )
    else:
        messages.info(
            request,
            f"Tệp Giấy khen của quyết định này đang được tạo ({batch.done}/{batch.total}); "
            "không tạo thêm lần nữa.",
        )
    return redirect("decisions:detail", pk=pk)


@login_required
def batch_progress(request, pk: int, batch_pk: int):
    decision = _with_certificates(request.user, pk)
    batch = CertificateBatch.objects.filter(pk=batch_pk, decision=decision).first()
    if batch is None:
        raise Http404("Không tìm thấy.")
    return render(request, "decisions/batch.html", {"decision": decision, "batch": batch})


@login_required
def batch_download(request, pk: int, batch_pk: int):
    decision = _with_certificates(request.user, pk)
    batch = CertificateBatch.objects.filter(
        pk=batch_pk, decision=decision, status=BatchStatus.DONE
    ).first()
    if batch is None or not batch.file:
        raise Http404("Tệp chưa sẵn sàng.")
    record_export(
        request, "giay_khen_zip", decision, f"giay-khen-{decision.pk}.zip", unit=decision.issuer
    )
    return FileResponse(
        batch.file.open("rb"),
        as_attachment=True,
        filename=f"giay-khen-{decision.pk}.zip",
        content_type="application/zip",
    )


def _upward(user: Actor, meeting_pk: int, form_pk: int):
    """A form the meeting proposes upward, with its candidates: the office's own page."""
    meeting = council_policy.get_meeting_or_404(user, meeting_pk)
    forms = dict(upward_forms(meeting))
    award_form = next((f for f in forms if f.pk == form_pk), None)
    if award_form is None:
        raise Http404("Không có đề nghị cấp trên cho hình thức này.")
    if not policy.can_prepare(user, meeting.campaign.issuer):
        raise PermissionDenied("Chỉ chuyên viên thi đua, khen thưởng của cơ quan.")
    return meeting, award_form, forms[award_form]


@login_required
def upward_letter(request, meeting_pk: int, form_pk: int):
    meeting, award_form, items = _upward(request.user, meeting_pk, form_pk)
    content = upward_document.upward_letter(meeting, award_form, items)
    filename = f"to-trinh-de-nghi-{meeting.pk}-{award_form.pk}.docx"
    record_export(request, "de_nghi_cap_tren", meeting, filename, unit=meeting.campaign.issuer)
    return download(content, filename, DOCX)


class HigherDecisionForm(forms.Form):
    number = forms.CharField(label="Số, ký hiệu", max_length=50, help_text="Ví dụ: 3456/QĐ-UBND")
    signed_on = date_field("Ngày ký")
    issuer_name = forms.CharField(
        label="Cơ quan ban hành", max_length=200, initial="UBND tỉnh Lào Cai"
    )
    signer_name = forms.CharField(label="Người ký", max_length=100, required=False)


@login_required
def higher_decision(request, meeting_pk: int, form_pk: int):
    meeting, award_form, items = _upward(request.user, meeting_pk, form_pk)
    form = HigherDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ids = {int(i) for i in request.POST.getlist("candidate") if i.isdigit()}
        try:
            decision = services.record_higher_decision(
                actor=request.user,
                meeting=meeting,
                award_form=award_form,
                candidate_ids=ids,
                **form.cleaned_data,
            )
        except services.DecisionError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                f"Đã ghi nhận Quyết định số {decision.number_symbol} và cập nhật lịch sử khen thưởng.",
            )
            return redirect("decisions:detail", pk=decision.pk)
    return render(
        request,
        "decisions/higher.html",
        {"meeting": meeting, "award_form": award_form, "items": items, "form": form},
    )


@login_required
def decision_revoke(request, pk: int):
    """The emulation office drafts the decision revoking some (or all) awards of a signed one;
    the chairman signs it on its page."""
    decision = policy.get_decision_or_404(request.user, pk)
    try:
        policy.check(request.user, decision, "revoke")
    except services.DecisionError as error:
        flash_errors(request, error)
        return redirect("decisions:detail", pk=pk)
    form = RevocationForm(request.POST or None)
    chosen = {int(i) for i in request.POST.getlist("recipient") if i.isdigit()}
    if request.method == "POST" and form.is_valid():
        try:
            draft = revocation.prepare_revocation(
                actor=request.user, decision=decision, recipient_ids=chosen, **form.cleaned_data
            )
        except services.DecisionError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, "Đã lập dự thảo quyết định thu hồi; trình Chủ tịch ký ban hành."
            )
            return redirect("decisions:detail", pk=draft.pk)
    return render(
        request,
        "decisions/revoke.html",
        {
            "decision": decision,
            "form": form,
            "recipients": list(revocation.revocable(decision)),
            "chosen": chosen,
        },
    )
