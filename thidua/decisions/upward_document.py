"""Tờ trình đề nghị cấp trên khen thưởng, with its list, from the council's result, as DOCX
per Nghị định 30/2020: addressed to the higher authority by name ("Chủ tịch UBND tỉnh Lào
Cai"), its trích yếu naming the award and the campaign, counts without zeros ("1 cá nhân"),
the list with each one's position and unit, signed by the issuer's chairman on the meeting's
date, "Lưu: VT, <drafting office>"."""

from __future__ import annotations

from django.db.models import prefetch_related_objects

from thidua.core import docx as d
from thidua.core.rendering import render
from thidua.nominations.documents import counts
from thidua.org import issuers
from thidua.org.office_services import document_offices

LIST_WIDTHS = [12, 48, 45, 60]  # 165 mm: A4 portrait inside the margins


def addressee(award_form, issuer) -> str:
    """Who the letter goes to, by name: the form's authority ("Chủ tịch UBND tỉnh") over the
    unit that grants the award (else the issuer's parent) → "Chủ tịch UBND tỉnh Lào Cai"."""
    authority = award_form.authority.name
    granting = award_form.granting_unit or issuer.parent
    if granting is not None and authority.startswith("Chủ tịch UBND"):
        return f"Chủ tịch {d.agency_title(granting)}"
    return authority


def position_and_unit(candidate) -> str:
    """The list's "Chức vụ, đơn vị" column: a person's position and unit, a collective's
    parent unit."""
    if candidate.person_id:
        person = candidate.person
        return ", ".join(x for x in (person.position, d.official_name(person.unit)) if x)
    parent = candidate.unit.parent
    return d.official_name(parent) if parent else ""


def _lower_first(text: str) -> str:
    return f"{text[0].lower()}{text[1:]}" if text else text


def upward_context(meeting, award_form, items) -> dict:
    prefetch_related_objects(
        [i.candidate for i in items], "person__unit", "unit__parent", "award_form__authority"
    )
    campaign = meeting.campaign
    issuer = campaign.issuer
    to = addressee(award_form, issuer)
    award = award_form.name.split(" của ")[0]
    collectives = [i for i in items if i.candidate.unit_id]
    individuals = [i for i in items if not i.candidate.unit_id]
    signer = issuers.head_of(issuer, meeting.held_on)
    plan = f"Kế hoạch số {campaign.number_symbol}" if campaign.number else "Kế hoạch"
    if campaign.signed_on:
        plan += f" ngày {campaign.signed_on:%d/%m/%Y}"
    return {
        "meeting": meeting,
        "campaign": campaign,
        "award_form": award_form,
        "authority": award_form.authority.name,
        "addressee": to,
        "award": award,
        "items": items,
        "rows": [
            (i.candidate.name, position_and_unit(i.candidate), i.candidate.summary)
            for i in collectives + individuals
        ],
        "counts": counts(len(collectives), len(individuals)),
        "issuer": issuers.issuer_line(issuer),
        "parent": issuers.parent_line(issuer),
        "issuer_title": d.agency_title(issuer),
        "plan": plan,
        "subject": f"Đề nghị tặng {award} của {to} cho các tập thể, cá nhân đã có thành tích "
        f"xuất sắc trong {_lower_first(campaign.title)}",
        "signer_authority": signer.authority or "TM. ỦY BAN NHÂN DÂN",
        "signer_title": signer.title if signer.name else (campaign.signer_title or signer.title),
        "signer_name": signer.name or campaign.signer_name,
        "drafter": issuers.drafter_abbreviation(issuer, meeting.held_on),
        "receivers": _upward_receivers(issuer, meeting.held_on),
    }


def upward_letter(meeting, award_form, items) -> bytes:
    return render("to-trinh-de-nghi-cap-tren", upward_context(meeting, award_form, items), _build)


def _build(ctx: dict) -> bytes:
    campaign, meeting = ctx["campaign"], ctx["meeting"]
    document = d.new_document()
    d.header_block(
        document,
        parent=ctx["parent"],
        issuer=ctx["issuer"],
        number_symbol="      /TTr-UBND",
        place=campaign.issuer.place_name or "",
        day=None,
    )
    d.title_block(document, "TỜ TRÌNH", ctx["subject"])
    d.paragraph(document, f"Kính gửi: {ctx['addressee']}", align=d.CENTER, space_after=6)
    d.paragraph(
        document,
        f"Thực hiện {ctx['plan']} của {ctx['issuer_title']} về "
        f"{_lower_first(campaign.title)}; căn cứ kết quả họp xét của {meeting.council.name} "
        f"ngày {meeting.held_on:%d/%m/%Y},",
        indent_first=True,
        align=d.JUSTIFY,
    )
    d.paragraph(
        document,
        f"{ctx['issuer_title']} kính đề nghị {ctx['addressee']} xem xét, tặng {ctx['award']} cho "
        f"{ctx['counts']} đã có thành tích xuất sắc trong {_lower_first(campaign.title)} (có danh "
        "sách dưới đây, biên bản họp xét và báo cáo thành tích của từng trường hợp kèm theo).",
        indent_first=True,
        align=d.JUSTIFY,
    )
    table = d.grid(
        document, ["STT", "Tập thể, cá nhân", "Chức vụ, đơn vị", "Tóm tắt thành tích"], LIST_WIDTHS
    )
    for n, (name, where, summary) in enumerate(ctx["rows"], start=1):
        d.grid_row(table, [str(n), name, where, summary], LIST_WIDTHS)
    d.paragraph(
        document,
        f"Kính trình {ctx['addressee']} xem xét, quyết định./.",
        indent_first=True,
        space_before=8,
        space_after=10,
    )
    d.signature_block(
        document,
        recipients=["Như trên", *ctx["receivers"]],
        authority=ctx["signer_authority"],
        title=ctx["signer_title"],
        name=ctx["signer_name"],
        drafter=ctx["drafter"],
    )
    return d.to_bytes(document)


def _upward_receivers(issuer, day) -> list[str]:
    """The higher level's proposing office (Sở Nội vụ) from its offices, else Sở Nội vụ."""
    names = [o.name for o in document_offices(issuer.parent, day).proposers]
    return names or ["Sở Nội vụ"]
