"""The decision (Quyết định khen thưởng) with its annex, as DOCX per Nghị định 30/2020."""

from __future__ import annotations

from decimal import Decimal

from thidua.core import docx as d
from thidua.core.rendering import render
from thidua.core.templatetags.thidua import money
from thidua.org.office_services import DocumentOffices, document_offices

from . import law
from .models import Decision, DecisionKind
from .money import base_salary, rounded

ANNEX_WIDTHS = [12, 68, 55, 30]  # 165 mm: A4 portrait inside the margins (30 + 15)


def decision_docx(decision: Decision) -> bytes:
    if decision.kind == DecisionKind.REVOCATION:
        return _revocation_docx(decision)
    return render("quyet-dinh", decision_context(decision), _decision_docx)


def decision_context(decision: Decision) -> dict:
    """Everything the decision says, computed once from its data on its signing date: the one
    source of the DOCX (and of any other rendering of the decision, e.g. a signed PDF)."""
    recipients = list(decision.recipients.all())
    total = sum(r.amount for r in recipients)
    day = decision.signed_on
    issuer = d.agency_name(decision.issuer).replace("UBND", "ỦY BAN NHÂN DÂN")
    award = decision.award_form.name.split(" của ")[0]
    collectives = [r for r in recipients if r.is_collective]
    individuals = [r for r in recipients if not r.is_collective]
    context = {
        "decision": decision,
        "campaign": decision.campaign,
        "recipients": recipients,
        "collectives": collectives,
        "individuals": individuals,
        "issuer": issuer,
        "award": award,
        "total": money(total),
        "date_line": d.vn_date_line(decision.place, decision.signed_on),
        "amounts": {r.pk: money(r.amount) for r in recipients},
        # The issuer's offices in force on the signing date (who proposes, executes, receives).
        "offices": document_offices(decision.issuer, day),
        "authority_line": f"{decision.signer_title.upper()} {issuer}",
        "effect_line": EFFECT,
    }
    context.update(office_lines(decision, context["offices"]))
    # The laws, decrees, regulation, plan and minutes in force on the signing date.
    context["bases"] = law.decision_bases(decision, context["proposal_line"])
    context["money_line"] = money_sentence(decision, award, bool(collectives), bool(individuals))
    subjects = " và ".join(
        f"{n} {label}"
        for n, label in ((len(collectives), "tập thể"), (len(individuals), "cá nhân"))
        if n
    )
    campaign_title = f"{decision.campaign.title[0].lower()}{decision.campaign.title[1:]}"
    context["articles"] = [
        (
            "Điều 1.",
            f"Tặng {award} của {decision.signer_title.capitalize()} {decision.issuer_name} cho "
            f"{subjects} "
            f"(có danh sách kèm theo) đã có thành tích xuất sắc trong {campaign_title}.",
        ),
        (
            "Điều 2.",
            f"{context['money_line']} Tổng số tiền thưởng: {dong(total)}, từ {decision.fund_note}.",
        ),
        ("Điều 3.", EFFECT),
        ("Điều 4.", context["execution_text"]),
    ]
    return context


def printed_bases(decision: Decision) -> list[str]:
    """The "Căn cứ …" lines and the proposal exactly as the decision prints them."""
    offices = document_offices(decision.issuer, decision.signed_on)
    return law.decision_bases(decision, office_lines(decision, offices)["proposal_line"])


EFFECT = "Quyết định này có hiệu lực kể từ ngày ký."
EXECUTION_TAIL = (
    "thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu "
    "trách nhiệm thi hành Quyết định này./."
)
EXECUTORS_ARTICLE = "Điều 4"


def dong(amount: int) -> str:
    """3600000 → "3.600.000 đồng" (in running text; the annex's table writes "đ")."""
    return money(amount).replace(" đ", " đồng")


def _number(value: Decimal) -> str:
    """0.30 → "0,3"; 1.50 → "1,5"; 2.00 → "2"."""
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


def money_sentence(decision: Decision, award: str, collectives: bool, individuals: bool) -> str:
    """Which base salary and coefficient give the amounts, as the decree in force on the
    signing date sets them, e.g. "Mỗi cá nhân được tặng Giấy khen kèm theo mức tiền thưởng
    bằng 0,3 lần mức lương cơ sở (2.340.000 đồng), làm tròn lên hàng chục nghìn đồng là
    710.000 đồng (Nghị định …)."."""
    day = decision.signed_on
    coefficient = law.coefficient_for(decision.award_form, day)
    salary = base_salary(day)
    if coefficient is None or salary is None:
        return f"Tiền thưởng kèm theo {award} thực hiện theo quy định hiện hành."
    base = f"mức lương cơ sở ({dong(salary.amount)})"
    if not (collectives or individuals):  # an empty draft: say both
        collectives = individuals = True
    parts = []
    for present, who, value in (
        (collectives, "tập thể", coefficient.collective),
        (individuals, "cá nhân", coefficient.individual),
    ):
        if present:
            amount = money(rounded(value, salary.amount)).replace(" đ", " đồng")
            parts.append(
                f"mỗi {who} được tặng {award} kèm theo mức tiền thưởng bằng {_number(value)} lần "
                f"{base}, làm tròn lên hàng chục nghìn đồng là {amount}"
            )
    sentence = "; ".join(parts)
    return f"{sentence[0].upper()}{sentence[1:]} (theo {coefficient.legal_basis})."


def office_lines(decision: Decision, offices: DocumentOffices) -> dict:
    """ "Theo đề nghị của …", the executors' article and Nơi nhận from the issuer's offices;
    where the issuer keeps none, the council that proposed (if any) and the generic clause."""
    proposers = offices.proposer_titles
    if not proposers and decision.meeting_id:
        proposers = [decision.meeting.council.name]
    executors = offices.executor_titles
    execution = (
        f"{', '.join(executors)}, {EXECUTION_TAIL}"
        if executors
        else f"{EXECUTION_TAIL[0].upper()}{EXECUTION_TAIL[1:]}"
    )
    return {
        "proposal_line": f"Theo đề nghị của {' và '.join(proposers)}." if proposers else "",
        "execution_text": execution,
        "execution_line": f"{EXECUTORS_ARTICLE}. {execution}",
        "receivers": [f"Như {EXECUTORS_ARTICLE}", *offices.recipient_names],
    }


def article(document, label: str, text: str, **kwargs) -> None:
    """ "Điều n." in bold, its text upright, justified, first line indented."""
    para = d.paragraph(document, indent_first=True, align=d.JUSTIFY, **kwargs)
    para.add_run(label).bold = True
    para.add_run(f" {text}")


def _decision_docx(ctx: dict) -> bytes:
    decision, total = ctx["decision"], ctx["total"]
    document = d.new_document()
    d.header_block(
        document,
        parent="",
        issuer=ctx["issuer"],
        number_symbol=decision.number_symbol,
        place=decision.place,
        day=decision.signed_on,
    )
    d.title_block(document, "QUYẾT ĐỊNH", decision.subject)
    d.paragraph(document, ctx["authority_line"], bold=True, align=d.CENTER, space_after=6)
    for line in ctx["bases"]:
        d.paragraph(document, line, italic=True, indent_first=True, align=d.JUSTIFY, space_after=6)
    d.paragraph(document, "QUYẾT ĐỊNH:", bold=True, align=d.CENTER, space_before=6, space_after=6)
    for n, (label, text) in enumerate(ctx["articles"], 1):
        article(document, label, text, space_after=10 if n == len(ctx["articles"]) else 6)
    d.signature_block(
        document,
        recipients=ctx["receivers"],
        authority="",
        title=decision.signer_title,
        name=decision.signer_name,
    )
    document.add_page_break()
    award = ctx["award"]
    d.paragraph(document, "DANH SÁCH", bold=True, align=d.CENTER)
    d.paragraph(document, f"Tập thể, cá nhân được tặng {award}", bold=True, align=d.CENTER)
    d.paragraph(
        document,
        f"(Kèm theo Quyết định số {decision.number_symbol} ngày {decision.signed_on:%d/%m/%Y} "
        f"của {decision.signer_title.capitalize()} {decision.issuer_name})",
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
    """Điều 1 to Điều 4 of a decision revoking awards (Luật TĐKT 2022 Điều 93): the effect
    clause, then the issuer's executing offices, as in an award decision."""
    number = decision.revokes.number_symbol if decision.revokes else ""
    offices = document_offices(decision.issuer, decision.signed_on)
    return [
        f"Điều 1. Thu hồi, hủy bỏ {award} đã tặng tại Quyết định số {number} đối với "
        f"{len(revoked)} tập thể, cá nhân (có danh sách kèm theo). Lý do: {decision.reason}",
        f"Điều 2. Các tập thể, cá nhân có tên tại Điều 1 nộp lại Giấy khen và tiền thưởng đã "
        f"nhận, tổng số tiền: {total}, về {decision.fund_note}.",
        f"Điều 3. {EFFECT}",
        office_lines(decision, offices)["execution_line"],
    ]
