"""The decision (Quyết định khen thưởng) with its annex, as DOCX per Nghị định 30/2020."""

from __future__ import annotations

from thidua.core import docx as d
from thidua.core.rendering import render
from thidua.core.templatetags.thidua import money
from thidua.org.office_services import DocumentOffices, document_offices

from .models import Decision, DecisionKind

ANNEX_WIDTHS = [12, 75, 60, 30]


def decision_docx(decision: Decision) -> bytes:
    if decision.kind == DecisionKind.REVOCATION:
        return _revocation_docx(decision)
    return render("quyet-dinh", decision_context(decision), _decision_docx)


def decision_context(decision: Decision) -> dict:
    """What the decision says, for the DOCX and for the PDF that gets signed
    (``decision_pdf``): the same words in both."""
    recipients = list(decision.recipients.all())
    total = sum(r.amount for r in recipients)
    day = decision.signed_on
    context = {
        "decision": decision,
        "campaign": decision.campaign,
        "recipients": recipients,
        "collectives": [r for r in recipients if r.is_collective],
        "individuals": [r for r in recipients if not r.is_collective],
        "issuer": d.agency_name(decision.issuer).replace("UBND", "ỦY BAN NHÂN DÂN"),
        "award": decision.award_form.name.split(" của ")[0],
        "total": money(total),
        "date_line": d.vn_date_line(decision.place, decision.signed_on),
        "amounts": {r.pk: money(r.amount) for r in recipients},
        # The issuer's offices in force on the signing date (who proposes, executes, receives).
        "offices": document_offices(decision.issuer, day),
    }
    context.update(office_lines(decision, context["offices"]))
    context["articles"] = decision_articles(context)
    return context


def decision_articles(ctx: dict) -> list[str]:
    """Điều 1 to Điều 3 of an award decision; Điều 3 names the issuer's executing offices."""
    decision, award = ctx["decision"], ctx["award"]
    title = decision.campaign.title
    return [
        f"Điều 1. Tặng {award} của {decision.signer_title} {decision.issuer_name} cho "
        f"{len(ctx['collectives'])} tập thể và {len(ctx['individuals'])} cá nhân (có danh sách "
        f"kèm theo) đã có thành tích xuất sắc trong {title[0].lower()}{title[1:]}.",
        f"Điều 2. Tiền thưởng kèm theo {award} thực hiện theo quy định hiện hành; tổng số "
        f"tiền: {ctx['total']}, từ {decision.fund_note}.",
        ctx["execution_line"],
    ]


EXECUTION_TAIL = (
    "thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu "
    "trách nhiệm thi hành Quyết định này./."
)


def office_lines(decision: Decision, offices: DocumentOffices) -> dict:
    """ "Theo đề nghị của …", Điều 3 and Nơi nhận from the issuer's offices; where the issuer
    keeps none, the council that proposed (if any) and the generic execution clause."""
    proposers = offices.proposer_titles
    if not proposers and decision.meeting_id:
        proposers = [decision.meeting.council.name]
    executors = offices.executor_titles
    execution = (
        f"Điều 3. {', '.join(executors)}, {EXECUTION_TAIL}"
        if executors
        else f"Điều 3. {EXECUTION_TAIL[0].upper()}{EXECUTION_TAIL[1:]}"
    )
    return {
        "proposal_line": f"Theo đề nghị của {' và '.join(proposers)}." if proposers else "",
        "execution_line": execution,
        "receivers": ["Như Điều 3", *offices.recipient_names],
    }


def _decision_docx(ctx: dict) -> bytes:
    decision, total = ctx["decision"], ctx["total"]
    issuer = decision.issuer
    document = d.new_document()
    d.header_block(
        document,
        parent="",
        issuer=d.agency_name(issuer).replace("UBND", "ỦY BAN NHÂN DÂN"),
        number_symbol=decision.number_symbol,
        place=decision.place,
        day=decision.signed_on,
    )
    d.title_block(document, "QUYẾT ĐỊNH", decision.subject)
    d.paragraph(
        document,
        f"{decision.signer_title.upper()} {d.agency_name(issuer).replace('UBND', 'ỦY BAN NHÂN DÂN')}",
        bold=True,
        align=d.CENTER,
        space_after=6,
    )
    for line in decision.legal_bases.splitlines():
        if line.strip():
            d.paragraph(document, line.strip(), italic=True, indent_first=True, align=d.JUSTIFY)
    if ctx["proposal_line"]:
        d.paragraph(document, ctx["proposal_line"], italic=True, indent_first=True, align=d.JUSTIFY)
    d.paragraph(document, "QUYẾT ĐỊNH:", bold=True, align=d.CENTER, space_before=6, space_after=6)
    award = ctx["award"]
    articles = ctx.get("articles") or decision_articles(ctx)
    for n, text in enumerate(articles, start=1):
        d.paragraph(
            document,
            text,
            indent_first=True,
            align=d.JUSTIFY,
            space_after=10 if n == len(articles) else 0,
        )
    d.signature_block(
        document,
        recipients=ctx["receivers"],
        authority="",
        title=decision.signer_title,
        name=decision.signer_name,
    )
    document.add_page_break()
    d.paragraph(document, "DANH SÁCH", bold=True, align=d.CENTER)
    d.paragraph(document, f"Tập thể, cá nhân được tặng {award}", bold=True, align=d.CENTER)
    d.paragraph(
        document,
        f"(Kèm theo Quyết định số {decision.number_symbol} ngày {decision.signed_on:%d/%m/%Y} "
        f"của {decision.signer_title} {decision.issuer_name})",
        italic=True,
        align=d.CENTER,
        space_after=6,
    )
    table = d.grid(
        document, ["STT", "Tập thể, cá nhân", "Chức vụ, đơn vị", "Tiền thưởng"], ANNEX_WIDTHS
    )
    for label, rows in (("Tập thể", ctx["collectives"]), ("Cá nhân", ctx["individuals"])):
        if rows:
            d.grid_row(table, [f"{label} ({len(rows)})"], ANNEX_WIDTHS, merge=True)
            for r in rows:
                d.grid_row(
                    table, [str(r.order), r.name, r.description, money(r.amount)], ANNEX_WIDTHS
                )
    d.grid_row(table, ["", "Tổng cộng", "", total], ANNEX_WIDTHS, bold=True)
    return d.to_bytes(document)


def _revocation_docx(decision: Decision) -> bytes:
    """Quyết định thu hồi, hủy bỏ khen thưởng (Luật TĐKT 2022 Điều 93), with its list."""
    revoked = list(decision.revoked_recipients.all())
    issuer = d.agency_name(decision.issuer).replace("UBND", "ỦY BAN NHÂN DÂN")
    award = decision.award_form.name.split(" của ")[0]
    document = d.new_document()
    d.header_block(
        document,
        parent="",
        issuer=issuer,
        number_symbol=decision.number_symbol,
        place=decision.place,
        day=decision.signed_on,
    )
    d.title_block(document, "QUYẾT ĐỊNH", decision.subject)
    d.paragraph(document, f"{decision.signer_title.upper()} {issuer}", bold=True, align=d.CENTER)
    for line in decision.legal_bases.splitlines():
        if line.strip():
            d.paragraph(document, line.strip(), italic=True, indent_first=True, align=d.JUSTIFY)
    d.paragraph(document, "QUYẾT ĐỊNH:", bold=True, align=d.CENTER, space_before=6, space_after=6)
    total = money(sum(r.amount for r in revoked))
    for text in revocation_articles(decision, revoked, award, total):
        d.paragraph(document, text, indent_first=True, align=d.JUSTIFY)
    offices = document_offices(decision.issuer, decision.signed_on)
    d.signature_block(
        document,
        recipients=office_lines(decision, offices)["receivers"],
        authority="",
        title=decision.signer_title,
        name=decision.signer_name,
    )
    document.add_page_break()
    d.paragraph(document, "DANH SÁCH", bold=True, align=d.CENTER)
    d.paragraph(document, f"Tập thể, cá nhân bị thu hồi {award}", bold=True, align=d.CENTER)
    table = d.grid(
        document, ["STT", "Tập thể, cá nhân", "Chức vụ, đơn vị", "Tiền thu hồi"], ANNEX_WIDTHS
    )
    for n, r in enumerate(revoked, start=1):
        d.grid_row(table, [str(n), r.name, r.description, money(r.amount)], ANNEX_WIDTHS)
    d.grid_row(table, ["", "Tổng cộng", "", total], ANNEX_WIDTHS, bold=True)
    return d.to_bytes(document)


def revocation_articles(decision: Decision, revoked: list, award: str, total: str) -> list[str]:
    """Điều 1 to Điều 3 of a decision revoking awards (Luật TĐKT 2022 Điều 93)."""
    number = decision.revokes.number_symbol if decision.revokes else ""
    return [
        f"Điều 1. Thu hồi, hủy bỏ {award} đã tặng tại Quyết định số {number} đối với "
        f"{len(revoked)} tập thể, cá nhân (có danh sách kèm theo). Lý do: {decision.reason}",
        f"Điều 2. Các tập thể, cá nhân có tên tại Điều 1 nộp lại Giấy khen và tiền thưởng đã "
        f"nhận, tổng số tiền: {total}, về {decision.fund_note}.",
        "Điều 3. Chánh Văn phòng, Trưởng phòng Nội vụ, Trưởng phòng Tài chính - Kế hoạch, các "
        "tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
    ]


def upward_letter(meeting, award_form, items) -> bytes:
    context = {
        "meeting": meeting,
        "campaign": meeting.campaign,
        "award_form": award_form,
        "items": items,
        "authority": award_form.authority.name,
    }
    return render(
        "to-trinh-de-nghi-cap-tren",
        context,
        lambda _ctx: _upward_letter(meeting, award_form, items),
    )


def _upward_letter(meeting, award_form, items) -> bytes:
    """Tờ trình đề nghị cấp trên khen thưởng, with its list, from the council's result."""
    campaign = meeting.campaign
    issuer = campaign.issuer
    authority = award_form.authority.name
    award = award_form.name.split(" của ")[0]
    document = d.new_document()
    d.header_block(
        document,
        parent="",
        issuer=d.agency_name(issuer).replace("UBND", "ỦY BAN NHÂN DÂN"),
        number_symbol="      /TTr-UBND",
        place=issuer.place_name or "",
        day=None,
    )
    d.title_block(
        document, "TỜ TRÌNH", f"Đề nghị {authority} tặng {award} cho các tập thể, cá nhân"
    )
    d.paragraph(document, f"Kính gửi: {authority}", align=d.CENTER, space_after=6)
    d.paragraph(
        document,
        f"Thực hiện {campaign.title[0].lower()}{campaign.title[1:]}; căn cứ kết quả họp xét của "
        f"{meeting.council.name} ngày {meeting.held_on:%d/%m/%Y},",
        indent_first=True,
        align=d.JUSTIFY,
    )
    collectives = [i for i in items if i.candidate.unit_id]
    individuals = [i for i in items if not i.candidate.unit_id]
    d.paragraph(
        document,
        f"{d.agency_title(issuer)} kính đề nghị {authority} xem xét, tặng {award} cho "
        f"{len(collectives)} tập thể và {len(individuals)} cá nhân đã có thành tích xuất sắc (có danh "
        "sách, biên bản họp xét và báo cáo thành tích của từng trường hợp kèm theo).",
        indent_first=True,
        align=d.JUSTIFY,
    )
    widths = [12, 70, 83]
    table = d.grid(document, ["STT", "Tập thể, cá nhân", "Tóm tắt thành tích"], widths)
    for n, item in enumerate(collectives + individuals, start=1):
        d.grid_row(table, [str(n), item.candidate.name, item.candidate.summary], widths)
    d.paragraph(
        document,
        f"Kính trình {authority} xem xét, quyết định./.",
        indent_first=True,
        space_before=8,
        space_after=10,
    )
    d.signature_block(
        document,
        recipients=["Như trên", *_upward_receivers(issuer, meeting.held_on)],
        authority="TM. ỦY BAN NHÂN DÂN",
        title=campaign.signer_title or "CHỦ TỊCH",
        name=campaign.signer_name,
    )
    return d.to_bytes(document)


def _upward_receivers(issuer, day) -> list[str]:
    """The higher level's proposing office (Sở Nội vụ) from its offices, else Sở Nội vụ."""
    names = [o.name for o in document_offices(issuer.parent, day).proposers]
    return names or ["Sở Nội vụ"]
