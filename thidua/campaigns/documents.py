"""The campaign plan (Kế hoạch phát động), regenerated from the campaign's data as DOCX in
the layout of Nghị định 30/2020: for the demo it reads like the seed document."""

from __future__ import annotations

from thidua.core import docx as d
from thidua.core.rendering import render

from .models import Campaign, ClauseSection


def _criteria_lines(criteria_set) -> list[tuple[int, str]]:
    """(depth, text) of the set's criteria, parents before children."""
    children: dict = {}
    for criterion in criteria_set.criteria.all():
        children.setdefault(criterion.parent_id, []).append(criterion)
    lines: list[tuple[int, str]] = []

    def walk(parent_id, depth):
        for c in sorted(children.get(parent_id, []), key=lambda c: (c.order, c.pk)):
            lines.append((depth, c.text))
            walk(c.pk, depth + 1)

    walk(None, 0)
    return lines


def plan_context(campaign: Campaign) -> dict:
    forms = []
    for form in campaign.award_forms.select_related("authority").prefetch_related(
        "criteria_sets__criteria", "criteria_sets__subject_category"
    ):
        sets = [
            {"category": s.subject_category, "lines": _criteria_lines(s)}
            for s in form.criteria_sets.all()
        ]
        forms.append({"form": form, "sets": sets})
    return {
        "campaign": campaign,
        "issuer": d.agency_name(campaign.issuer).replace("UBND", "ỦY BAN NHÂN DÂN"),
        "subject": f"Phát động {campaign.title[0].lower()}{campaign.title[1:]}",
        "legal_bases": list(campaign.legal_bases.all()),
        "sections": {s.value: list(campaign.clauses_of(s.value)) for s in ClauseSection},
        "forms": forms,
        "documents": list(campaign.required_documents.all()),
    }


def plan_docx(campaign: Campaign) -> bytes:
    return render("ke-hoach", plan_context(campaign), _build)


def _bullets(document, clauses, mark="-"):
    for clause in clauses:
        text = f"{clause.heading}: {clause.text}" if clause.heading else clause.text
        d.paragraph(document, f"{mark} {text}", indent_first=True, align=d.JUSTIFY, space_after=3)


def _build(ctx: dict) -> bytes:
    campaign = ctx["campaign"]
    sections = ctx["sections"]
    document = d.new_document()
    d.header_block(
        document,
        parent="",
        issuer=ctx["issuer"],
        number_symbol=campaign.number_symbol,
        place=campaign.issuer.place_name or "",
        day=campaign.signed_on,
    )
    d.title_block(document, "KẾ HOẠCH", ctx["subject"])
    for basis in ctx["legal_bases"]:
        d.paragraph(
            document, basis.text, italic=True, indent_first=True, align=d.JUSTIFY, space_after=3
        )
    if campaign.preamble:
        d.paragraph(document, campaign.preamble, indent_first=True, align=d.JUSTIFY, space_after=6)

    def heading(text):
        d.paragraph(document, text, bold=True, indent_first=True, space_before=6, space_after=3)

    heading("I. Mục đích, yêu cầu:")
    _bullets(document, sections[ClauseSection.MUC_DICH])
    heading("II. Nội dung, mục tiêu, thời gian của đợt thi đua")
    heading("1. Nội dung thi đua")
    _bullets(document, sections[ClauseSection.NOI_DUNG])
    heading("2. Mục tiêu thi đua")
    _bullets(document, sections[ClauseSection.MUC_TIEU])
    heading("3. Khẩu hiệu thi đua")
    d.paragraph(
        document, f"“{campaign.slogan}”" if campaign.slogan else "—", italic=True, indent_first=True
    )
    heading("4. Thời gian thi đua")
    d.paragraph(
        document,
        f"Từ tháng {campaign.period_start:%m/%Y} đến tháng {campaign.period_end:%m/%Y}.",
        indent_first=True,
    )
    heading("III. Đối tượng và tiêu chuẩn khen thưởng")
    heading("1. Đối tượng:")
    _bullets(document, sections[ClauseSection.DOI_TUONG])
    heading("2. Tiêu chuẩn khen thưởng.")
    if campaign.reward_mode_note:
        d.paragraph(
            document, campaign.reward_mode_note, indent_first=True, align=d.JUSTIFY, space_after=3
        )
    for n, entry in enumerate(ctx["forms"], start=1):
        form = entry["form"]
        heading(f"2.{n}. {form.name}:")
        if form.selection_rule:
            d.paragraph(
                document, form.selection_rule, indent_first=True, align=d.JUSTIFY, space_after=3
            )
        for criteria_set in entry["sets"]:
            d.paragraph(
                document, f"- {criteria_set['category'].name}:", indent_first=True, space_after=2
            )
            for depth, text in criteria_set["lines"]:
                mark = "+" if depth == 0 else "•"
                d.paragraph(
                    document,
                    f"{'    ' * depth}{mark} {text}",
                    indent_first=True,
                    align=d.JUSTIFY,
                    space_after=2,
                )
        if form.quota_note or form.quota_is_set:
            quota = form.quota_note or (
                f"{form.quota_collective or 0} tập thể, {form.quota_individual or 0} cá nhân"
            )
            d.paragraph(document, f"Số lượng khen thưởng: {quota}", indent_first=True)
    heading("3. Thủ tục hồ sơ đề nghị khen thưởng:")
    for doc in ctx["documents"]:
        note = f" ({doc.note})" if doc.note else ""
        d.paragraph(
            document, f"- {doc.name}{note}", indent_first=True, align=d.JUSTIFY, space_after=2
        )
    receiving = campaign.receiving_note or (
        campaign.receiving_unit.name if campaign.receiving_unit else ""
    )
    d.paragraph(
        document,
        f"Hồ sơ gửi về {receiving} trước ngày {campaign.dossier_deadline:%d/%m/%Y}.",
        bold=True,
        indent_first=True,
        space_before=3,
    )
    heading("VI. Tổ chức thực hiện.")
    for n, clause in enumerate(sections[ClauseSection.TO_CHUC], start=1):
        if clause.heading:
            heading(f"{n}. {clause.heading}")
        d.paragraph(document, clause.text, indent_first=True, align=d.JUSTIFY, space_after=3)
    d.paragraph(
        document,
        f"Trên đây là kế hoạch {ctx['subject'][0].lower()}{ctx['subject'][1:]}. "
        f"{d.agency_title(campaign.issuer)} yêu cầu các cơ quan, đơn vị, UBND các xã, phường triển khai "
        "thực hiện./.",
        indent_first=True,
        align=d.JUSTIFY,
        space_before=6,
        space_after=10,
    )
    d.signature_block(
        document,
        recipients=[c.text.rstrip(";.") for c in sections[ClauseSection.NOI_NHAN]],
        authority=campaign.signer_authority,
        title=campaign.signer_title,
        name=campaign.signer_name,
    )
    return d.to_bytes(document)
