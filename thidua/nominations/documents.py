"""The unit's Tờ trình and its annex, the Danh sách trích ngang, generated from the dossier as
DOCX. A People's Committee's documents carry its own full name only; the Tờ trình is signed by
the unit's chairman or head in office on its date; the list is the Tờ trình's annex
(unnumbered, "Phụ lục", "Kèm theo Tờ trình số … ngày …"), as Nghị định 30/2020 lays annexes out."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.utils import timezone

from thidua.core import docx as d
from thidua.core.rendering import render
from thidua.org import issuers

from .models import Dossier
from .services.deadline import proposing_offices

LIST_WIDTHS = [12, 52, 28, 58, 78, 24]  # 252 mm: A4 landscape inside the margins


def _place(unit) -> str:
    node = unit
    while node is not None:
        if node.place_name:
            return node.place_name
        node = node.parent
    return ""


def counts(collectives: int, individuals: int) -> str:
    """ "1 tập thể và 2 cá nhân", leaving out what is zero ("1 cá nhân")."""
    parts = [
        f"{n} {label}" for n, label in ((collectives, "tập thể"), (individuals, "cá nhân")) if n
    ]
    return " và ".join(parts) or "0 cá nhân"


def letter_date(dossier: Dossier) -> date:
    """The day the Tờ trình is signed: the dossier's submission, else today."""
    return (
        timezone.localdate(dossier.submitted_at) if dossier.submitted_at else timezone.localdate()
    )


def _grouped(candidates):
    """Candidates by award form, collectives first: the order of the printed list."""
    groups = defaultdict(lambda: ([], []))
    for c in candidates:
        groups[c.award_form][0 if c.unit_id else 1].append(c)
    return sorted(groups.items(), key=lambda item: item[0].order)


def _candidates(dossier: Dossier):
    return list(
        dossier.candidates.select_related("person__unit", "unit", "award_form").order_by(
            "award_form__order", "order", "id"
        )
    )


def nomination_list(dossier: Dossier) -> bytes:
    """Danh sách trích ngang: one line per collective or individual proposed."""
    context = {
        "dossier": dossier,
        "campaign": dossier.campaign,
        "unit": dossier.unit,
        "unit_title": d.agency_title(dossier.unit),
        "candidates": _candidates(dossier),
    }
    return render("danh-sach-trich-ngang", context, _nomination_list)


def _nomination_list(ctx: dict) -> bytes:
    campaign, candidates = ctx["campaign"], ctx["candidates"]
    document = d.new_document(landscape=True)
    # An annex has no number of its own: it names the document it goes with.
    d.paragraph(document, "Phụ lục", bold=True, align=d.CENTER)
    d.paragraph(document, "DANH SÁCH TRÍCH NGANG", bold=True, align=d.CENTER)
    d.paragraph(
        document,
        f"Tập thể, cá nhân đề nghị khen thưởng trong {campaign.title[0].lower()}{campaign.title[1:]}",
        bold=True,
        align=d.CENTER,
    )
    d.paragraph(
        document,
        f"(Kèm theo Tờ trình số       /TTr-UBND ngày     tháng     năm       của {ctx['unit_title']})",
        italic=True,
        size=13,
        align=d.CENTER,
    )
    d.paragraph(document, "―――――――", size=8, align=d.CENTER, space_after=8)
    headers = [
        "STT",
        "Tên tập thể / Họ và tên",
        "Năm sinh, giới tính",
        "Chức vụ, đơn vị công tác",
        "Tóm tắt thành tích",
        "Ghi chú",
    ]
    table = d.grid(document, headers, LIST_WIDTHS)
    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    for g, (award_form, (collectives, individuals)) in enumerate(_grouped(candidates)):
        d.grid_row(table, [f"{roman[g % 8]}. {award_form.name}"], LIST_WIDTHS, merge=True)
        number = 0
        for label, rows in (("Tập thể", collectives), ("Cá nhân", individuals)):
            if not rows:
                continue
            d.grid_row(table, [f"{label} ({len(rows)})"], LIST_WIDTHS, merge=True)
            for c in rows:
                number += 1
                if c.person_id:
                    p = c.person
                    born = f"{p.date_of_birth.year}, " if p.date_of_birth else ""
                    values = [
                        str(number),
                        p.full_name,
                        born + p.get_gender_display(),
                        ", ".join(x for x in (p.position, d.official_name(p.unit)) if x),
                        c.summary,
                        "",
                    ]
                else:
                    values = [str(number), d.official_name(c.unit), "", "", c.summary, ""]
                d.grid_row(table, values, LIST_WIDTHS)
    collectives = sum(1 for c in candidates if c.unit_id)
    d.paragraph(
        document,
        f"Tổng số: {counts(collectives, len(candidates) - collectives)}.",
        italic=True,
        size=13,
        space_before=8,
    )
    return d.to_bytes(document)


def submission_letter(dossier: Dossier) -> bytes:
    """Tờ trình đề nghị khen thưởng, to the campaign's issuer through its receiving office."""
    unit, day = dossier.unit, letter_date(dossier)
    signer = issuers.head_of(unit, day)
    context = {
        "dossier": dossier,
        "campaign": dossier.campaign,
        "unit": unit,
        "issuer": issuers.issuer_line(unit),
        "parent": issuers.parent_line(unit),
        "candidates": _candidates(dossier),
        "signer": signer,
        "head_name": signer.name,
        "drafter": issuers.drafter_abbreviation(unit, day),
        "receivers": _receivers(dossier.campaign),
    }
    return render("to-trinh", context, _submission_letter)


def _receivers(campaign) -> list[str]:
    """A copy goes to the offices that appraise the dossiers (``proposing_offices``), else to
    the campaign's receiving unit."""
    if offices := proposing_offices(campaign):
        return offices
    return [d.official_name(campaign.receiving_unit)] if campaign.receiving_unit_id else []


def _submission_letter(ctx: dict) -> bytes:
    campaign, unit, candidates = ctx["campaign"], ctx["unit"], ctx["candidates"]
    document = d.new_document()
    d.header_block(
        document,
        parent=ctx["parent"],
        issuer=ctx["issuer"],
        number_symbol="      /TTr-UBND",
        place=_place(unit),
        day=None,
    )
    d.title_block(document, "TỜ TRÌNH", f"Về việc đề nghị khen thưởng trong {campaign.title}")
    recipient = f"{campaign.signer_title.capitalize()} {d.agency_title(campaign.issuer)}"
    d.paragraph(document, f"Kính gửi: {recipient}", align=d.CENTER, space_after=6)
    basis = f"Kế hoạch số {campaign.number_symbol}" if campaign.number else "Kế hoạch"
    signed = f" ngày {campaign.signed_on:%d/%m/%Y}" if campaign.signed_on else ""
    d.paragraph(
        document,
        f"Căn cứ {basis}{signed} của {d.agency_title(campaign.issuer)} "
        f"về {campaign.title[0].lower()}{campaign.title[1:]};",
        indent_first=True,
        align=d.JUSTIFY,
    )
    d.paragraph(
        document,
        f"Căn cứ kết quả thực hiện phong trào thi đua và biên bản họp xét khen "
        f"thưởng của {d.agency_title(unit)},",
        indent_first=True,
        align=d.JUSTIFY,
    )
    d.paragraph(
        document,
        f"{d.agency_title(unit)} kính đề nghị "
        f"{recipient} xem xét, khen thưởng cho các tập thể, cá nhân sau:",
        indent_first=True,
        align=d.JUSTIFY,
        space_after=4,
    )
    for award_form, (collectives, individuals) in _grouped(candidates):
        summary = counts(len(collectives), len(individuals))
        d.paragraph(document, f"- {award_form.name}: {summary}.", indent_first=True)
    d.paragraph(
        document,
        "(Có Phụ lục danh sách trích ngang và hồ sơ kèm theo)",
        italic=True,
        indent_first=True,
        space_before=4,
    )
    # The date stays blank: it is the day the head signs.
    d.paragraph(
        document,
        f"Kính trình {recipient} xem xét, quyết định./.",
        indent_first=True,
        space_before=6,
        space_after=12,
    )
    signer = ctx["signer"]
    d.signature_block(
        document,
        recipients=["Như trên", *ctx["receivers"]],
        authority=signer.authority,
        title=signer.title,
        name=signer.name,
        drafter=ctx["drafter"],
    )
    return d.to_bytes(document)
