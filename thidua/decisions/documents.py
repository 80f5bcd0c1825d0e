"""The decision (Quyết định khen thưởng) with its annex, as DOCX per Nghị định 30/2020."""

from __future__ import annotations

from thidua.core import docx as d

from .models import Decision

ANNEX_WIDTHS = [12, 75, 60, 30]


def money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") + " đ"


def decision_docx(decision: Decision) -> bytes:
    issuer = decision.issuer
    recipients = list(decision.recipients.all())
    document = d.new_document()
    d.header_block(document, parent="", issuer=d.agency_name(issuer).replace("UBND", "ỦY BAN NHÂN DÂN"),
                   number_symbol=decision.number_symbol, place=decision.place, day=decision.signed_on)  # fmt: skip
    d.title_block(document, "QUYẾT ĐỊNH", decision.subject)
    d.paragraph(document, f"{decision.signer_title.upper()} {d.agency_name(issuer).replace('UBND', 'ỦY BAN NHÂN DÂN')}",
                bold=True, align=d.CENTER, space_after=6)  # fmt: skip
    for line in decision.legal_bases.splitlines():
        if line.strip():
            d.paragraph(document, line.strip(), italic=True, indent_first=True, align=d.JUSTIFY)
    d.paragraph(document, "QUYẾT ĐỊNH:", bold=True, align=d.CENTER, space_before=6, space_after=6)
    collectives = sum(1 for r in recipients if r.is_collective)
    individuals = len(recipients) - collectives
    award = decision.award_form.name.split(" của ")[0]
    d.paragraph(document, f"Điều 1. Tặng {award} của {decision.signer_title} {decision.issuer_name} cho "
                f"{collectives} tập thể và {individuals} cá nhân (có danh sách kèm theo) đã có thành tích xuất sắc "
                f"trong {decision.campaign.title[0].lower()}{decision.campaign.title[1:]}.",
                indent_first=True, align=d.JUSTIFY)  # fmt: skip
    d.paragraph(document, f"Điều 2. Tiền thưởng kèm theo {award} thực hiện theo quy định hiện hành; tổng số "
                f"tiền: {money(decision.total)}, từ {decision.fund_note}.", indent_first=True, align=d.JUSTIFY)  # fmt: skip
    d.paragraph(document, "Điều 3. Chánh Văn phòng, Trưởng phòng Nội vụ, Trưởng phòng Tài chính - Kế hoạch, "
                "thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu "
                "trách nhiệm thi hành Quyết định này./.", indent_first=True, align=d.JUSTIFY, space_after=10)  # fmt: skip
    d.signature_block(document, recipients=["Như Điều 3", "Phòng Nội vụ"], authority="",
                      title=decision.signer_title, name=decision.signer_name)  # fmt: skip
    document.add_page_break()
    d.paragraph(document, "DANH SÁCH", bold=True, align=d.CENTER)
    d.paragraph(document, f"Tập thể, cá nhân được tặng {award}", bold=True, align=d.CENTER)
    d.paragraph(document, f"(Kèm theo Quyết định số {decision.number_symbol} ngày {decision.signed_on:%d/%m/%Y} "
                f"của {decision.signer_title} {decision.issuer_name})", italic=True, align=d.CENTER,
                space_after=6)  # fmt: skip
    table = d.grid(
        document, ["STT", "Tập thể, cá nhân", "Chức vụ, đơn vị", "Tiền thưởng"], ANNEX_WIDTHS
    )
    for label, rows in (("Tập thể", [r for r in recipients if r.is_collective]),
                        ("Cá nhân", [r for r in recipients if not r.is_collective])):  # fmt: skip
        if rows:
            d.grid_row(table, [f"{label} ({len(rows)})"], ANNEX_WIDTHS, merge=True)
            for r in rows:
                d.grid_row(
                    table, [str(r.order), r.name, r.description, money(r.amount)], ANNEX_WIDTHS
                )
    d.grid_row(table, ["", "Tổng cộng", "", money(decision.total)], ANNEX_WIDTHS, bold=True)
    return d.to_bytes(document)
