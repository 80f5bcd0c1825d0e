"""The campaign plan (Kế hoạch phát động), regenerated from the campaign's data as DOCX in
the layout of Nghị định 30/2020: for the demo it reads like the seed document.

Sections are numbered in turn (I, II, III, IV): a section without content is left out, never a
number. A criterion made of several conditions is printed once, as its sentence (its
conditions are how the engine checks it); a form whose criteria are the same for every subject
category prints them once. Responsibilities are grouped under one heading per office."""

from __future__ import annotations

from thidua.core import docx as d
from thidua.core.rendering import render
from thidua.org import issuers

from .models import Campaign, ClauseSection

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def _criteria_lines(criteria_set) -> list[tuple[int, str]]:
    """(depth, text) of the set's criteria as the plan prints them. A criterion made of
    several conditions is one sentence: its conditions are printed only when it has no
    sentence of its own (an empty text, or one ending with ":" that announces them)."""
    children: dict = {}
    for criterion in criteria_set.criteria.all():
        children.setdefault(criterion.parent_id, []).append(criterion)
    lines: list[tuple[int, str]] = []

    def walk(parent_id, depth):
        for c in sorted(children.get(parent_id, []), key=lambda c: (c.order, c.pk)):
            text = c.text.strip()
            if text:
                lines.append((depth, text))
            if c.pk in children and (not text or text.endswith(":")):
                walk(c.pk, depth + 1 if text else depth)

    walk(None, 0)
    return lines


def _sets(form) -> list[dict]:
    """The form's criteria by subject category; one entry without a category when every
    category has the same criteria (the Bằng khen "tiêu biểu, xuất sắc nhất" line)."""
    sets = [
        {"category": s.subject_category, "lines": _criteria_lines(s)}
        for s in form.criteria_sets.all()
    ]
    if len(sets) > 1 and all(s["lines"] == sets[0]["lines"] for s in sets):
        return [{"category": None, "lines": sets[0]["lines"]}]
    return sets


def _responsibilities(clauses) -> list[tuple[str, list[str]]]:
    """(heading, texts) of the Tổ chức thực hiện clauses: one heading per office or group,
    in the order they first appear; a clause without heading stands alone."""
    groups: list[tuple[str, list[str]]] = []
    by_heading: dict[str, list[str]] = {}
    for clause in clauses:
        heading = clause.heading.strip().rstrip(".:")
        if heading and heading in by_heading:
            by_heading[heading].append(clause.text)
            continue
        texts = [clause.text]
        groups.append((heading, texts))
        if heading:
            by_heading[heading] = texts
    return groups


def _kind_word(campaign: Campaign) -> str:
    return (
        "phong trào thi đua" if campaign.title.lower().startswith("phong trào") else "đợt thi đua"
    )


def plan_context(campaign: Campaign) -> dict:
    forms = [
        {"form": form, "sets": _sets(form)}
        for form in campaign.award_forms.select_related("authority").prefetch_related(
            "criteria_sets__criteria", "criteria_sets__subject_category"
        )
    ]
    issuer = campaign.issuer
    day = campaign.signed_on or campaign.period_start
    signer = issuers.head_of(issuer, day)
    sections = {s.value: list(campaign.clauses_of(s.value)) for s in ClauseSection}
    receiving = campaign.receiving_note or d.official_name(campaign.receiving_unit)
    return {
        "campaign": campaign,
        "issuer": issuers.issuer_line(issuer),
        "parent": issuers.parent_line(issuer),
        "issuer_title": d.agency_title(issuer),
        "subject": f"Phát động {campaign.title[0].lower()}{campaign.title[1:]}",
        "kind_word": _kind_word(campaign),
        "legal_bases": list(campaign.legal_bases.all()),
        "sections": sections,
        "responsibilities": _responsibilities(sections[ClauseSection.TO_CHUC]),
        "forms": forms,
        "documents": list(campaign.required_documents.all()),
        "addressees": issuers.subordinate_addressees(issuer, day),
        "receiving": receiving,
        "drafter": issuers.drafter_abbreviation(issuer, day),
        # The plan's own signer if it names one, else the chairman in office on its date.
        "signer_authority": campaign.signer_authority or signer.authority,
        "signer_title": campaign.signer_title or signer.title,
        "signer_name": campaign.signer_name or signer.name,
    }


def plan_docx(campaign: Campaign) -> bytes:
    return render("ke-hoach", plan_context(campaign), _build)


def _bullets(document, clauses, mark="-"):
    for clause in clauses:
        text = f"{clause.heading}: {clause.text}" if clause.heading else clause.text
        d.paragraph(document, f"{mark} {text}", indent_first=True, align=d.JUSTIFY)


def _build(ctx: dict) -> bytes:
    campaign = ctx["campaign"]
    sections = ctx["sections"]
    document = d.new_document()
    d.header_block(
        document,
        parent=ctx["parent"],
        issuer=ctx["issuer"],
        number_symbol=campaign.number_symbol,
        place=campaign.issuer.place_name or "",
        day=campaign.signed_on,
    )
    d.title_block(document, "KẾ HOẠCH", ctx["subject"])
    for basis in ctx["legal_bases"]:
        d.paragraph(document, basis.text, italic=True, indent_first=True, align=d.JUSTIFY)
    if campaign.preamble:
        d.paragraph(document, campaign.preamble, indent_first=True, align=d.JUSTIFY)

    def heading(text):
        d.paragraph(document, text, bold=True, indent_first=True, space_before=6)

    def text_line(text, **extra):
        d.paragraph(document, text, indent_first=True, align=d.JUSTIFY, **extra)

    numerals = iter(ROMAN)

    def section(title):
        heading(f"{next(numerals)}. {title}")

    if sections[ClauseSection.MUC_DICH]:
        section("Mục đích, yêu cầu:")
        _bullets(document, sections[ClauseSection.MUC_DICH])
    section(f"Nội dung, mục tiêu, thời gian của {ctx['kind_word']}")
    number = 0
    for title, key in (
        ("Nội dung thi đua", ClauseSection.NOI_DUNG),
        ("Mục tiêu thi đua", ClauseSection.MUC_TIEU),
    ):
        if sections[key]:
            number += 1
            heading(f"{number}. {title}")
            _bullets(document, sections[key])
    if campaign.slogan:
        number += 1
        heading(f"{number}. Khẩu hiệu thi đua")
        d.paragraph(document, f"“{campaign.slogan}”", italic=True, indent_first=True)
    number += 1
    heading(f"{number}. Thời gian thi đua")
    text_line(f"Từ tháng {campaign.period_start:%m/%Y} đến tháng {campaign.period_end:%m/%Y}.")
    section("Đối tượng và tiêu chuẩn khen thưởng")
    heading("1. Đối tượng:")
    _bullets(document, sections[ClauseSection.DOI_TUONG])
    heading("2. Tiêu chuẩn khen thưởng.")
    if campaign.reward_mode_note:
        text_line(campaign.reward_mode_note)
    for n, entry in enumerate(ctx["forms"], start=1):
        _award_form(document, heading, text_line, n, entry)
    heading("3. Thủ tục hồ sơ đề nghị khen thưởng:")
    for doc in ctx["documents"]:
        note = f" ({doc.note})" if doc.note else ""
        text_line(f"- {doc.name}{note}")
    text_line(
        f"Kết thúc {ctx['kind_word']}, {ctx['addressees']} gửi báo cáo kết quả thực hiện "
        f"phong trào thi đua và hồ sơ đề nghị khen thưởng về {ctx['receiving']} trước ngày "
        f"{campaign.dossier_deadline:%d/%m/%Y}.",
        bold=True,
    )
    if ctx["responsibilities"]:
        section("Tổ chức thực hiện.")
        number = 0
        for title, texts in ctx["responsibilities"]:
            if title:
                number += 1
                heading(f"{number}. {title}.")
            for text in texts:
                text_line(f"- {text}" if len(texts) > 1 else text)
    text_line(
        f"Trên đây là kế hoạch {ctx['subject'][0].lower()}{ctx['subject'][1:]}. "
        f"{ctx['issuer_title']} yêu cầu {ctx['addressees']} triển khai thực hiện./.",
        space_before=6,
        space_after=10,
    )
    d.signature_block(
        document,
        recipients=[c.text.rstrip(";.") for c in sections[ClauseSection.NOI_NHAN]],
        authority=ctx["signer_authority"],
        title=ctx["signer_title"],
        name=ctx["signer_name"],
        drafter=ctx["drafter"],
    )
    return d.to_bytes(document)


def _award_form(document, heading, text_line, n: int, entry: dict) -> None:
    form = entry["form"]
    heading(f"2.{n}. {form.name}:")
    if form.selection_rule:
        text_line(form.selection_rule)
    for criteria_set in entry["sets"]:
        if criteria_set["category"] is not None:
            text_line(f"- {criteria_set['category'].name}:")
        for depth, text in criteria_set["lines"]:
            mark = "+" if depth == 0 else "•"
            text_line(f"{'    ' * depth}{mark} {text}")
    if form.quota_note or form.quota_is_set:
        quota = form.quota_note or (
            f"{form.quota_collective or 0} tập thể, {form.quota_individual or 0} cá nhân"
        )
        text_line(f"Số lượng khen thưởng: {quota}")
