"""Biên bản họp xét khen thưởng (minutes of the council meeting), generated as DOCX."""

from __future__ import annotations

from thidua.core import docx as d
from thidua.core.rendering import render

from .models import MeetingStatus, Position

WIDTHS = [12, 55, 17, 19, 17, 45]  # 165 mm: A4 portrait inside the margins


def minutes(meeting) -> bytes:
    attendance = list(meeting.attendance.select_related("member__user").order_by("member__order"))
    context = {
        "meeting": meeting,
        "council": meeting.council,
        "campaign": meeting.campaign,
        "present": [a.member for a in attendance if a.present],
        "absent": [a.member for a in attendance if not a.present],
        "items": list(
            meeting.items.select_related(
                "candidate__award_form", "candidate__person__unit", "candidate__unit"
            )
        ),
    }
    return render("bien-ban-hop-xet", context, _minutes)


def shared_ranks(items) -> dict[int, int]:
    """Ranks by votes in favour among the items that passed: equal votes, equal rank; the
    ranks follow each other without gaps (4, 4, 3 votes → 1, 1, 2)."""
    counts = sorted({i.yes or 0 for i in items if i.passed}, reverse=True)
    place = {yes: n for n, yes in enumerate(counts, 1)}
    return {i.pk: place[i.yes or 0] for i in items if i.passed}


def keep_rows_whole(table) -> None:
    """No row split across two pages; the header row repeats on each page."""
    from docx.oxml import OxmlElement  # python-docx only where a document is built

    for n, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if n == 0:
            properties.append(OxmlElement("w:tblHeader"))


def clock(value, day) -> str:
    """ "08 giờ 00, ngày 28/10/2020", or dots to fill by hand when the time was not recorded."""
    if value is None:
        return f"…… giờ ……, ngày {day:%d/%m/%Y}"
    return f"{value:%H} giờ {value:%M}, ngày {day:%d/%m/%Y}"


def _minutes(ctx: dict) -> bytes:
    meeting, council, campaign = ctx["meeting"], ctx["council"], ctx["campaign"]
    assert meeting.status == MeetingStatus.CLOSED
    unit = council.unit
    present, absent = ctx["present"], ctx["absent"]
    chair = next(
        (m for m in present if m.position == Position.CHU_TICH), present[0] if present else None
    )
    secretary = next((m for m in present + absent if m.position == Position.THU_KY), None)
    document = d.new_document()
    d.header_block(
        document,
        parent=d.agency_name(unit),
        issuer=council.name.upper(),
        number_symbol="      /BB-HĐTĐKT",
        place=unit.place_name or "",
        day=meeting.held_on,
    )
    d.title_block(document, "BIÊN BẢN", f"Họp xét khen thưởng {campaign.title}")
    d.paragraph(
        document,
        f"Thời gian bắt đầu: {clock(meeting.started_at, meeting.held_on)}.",
        indent_first=True,
        align=d.JUSTIFY,
        space_after=6,
    )
    d.paragraph(
        document, f"Địa điểm: {meeting.place}.", indent_first=True, align=d.JUSTIFY, space_after=6
    )
    d.paragraph(
        document,
        f"Thành phần: {len(present)}/{len(present) + len(absent)} thành viên Hội đồng có mặt:",
        indent_first=True,
    )
    for member in present:
        d.paragraph(
            document,
            f"- {member.name}, {member.title}, {member.get_position_display()};",
            indent_first=True,
        )
    if absent:
        d.paragraph(
            document, "Vắng mặt: " + ", ".join(m.name for m in absent) + ".", indent_first=True
        )
    if chair:
        d.paragraph(
            document,
            f"Chủ trì: {chair.name}. Thư ký: {secretary.name if secretary else ''}.",
            indent_first=True,
        )
    mode = (
        "bỏ phiếu trên hệ thống, giữ kín đến khi kết thúc"
        if meeting.mode == "electronic"
        else "bỏ phiếu kín bằng phiếu giấy"
    )
    d.paragraph(
        document,
        f"Hội đồng xem xét danh sách các tập thể, cá nhân đủ điều kiện sau thẩm định "
        f"và biểu quyết bằng hình thức {mode}. Kết quả:",
        indent_first=True,
        align=d.JUSTIFY,
        space_after=6,
    )
    items = ctx["items"]
    forms = []
    for item in items:
        if item.candidate.award_form not in forms:
            forms.append(item.candidate.award_form)
    for index, form in enumerate(forms, start=1):
        d.paragraph(document, f"{index}. {form.name}", bold=True, space_before=6, space_after=4)
        of_form = [i for i in items if i.candidate.award_form_id == form.pk]
        groups = [
            (label, [i for i in of_form if bool(i.candidate.unit_id) == collective])
            for label, collective in (("Tập thể", True), ("Cá nhân", False))
        ]
        groups = [(label, rows) for label, rows in groups if rows]
        for letter, (label, rows) in zip("abc", groups, strict=False):
            if len(groups) > 1:
                d.paragraph(document, f"{letter}) {label}", italic=True, space_after=4)
            _result_table(document, rows)
    d.paragraph(
        document,
        "Ý kiến thảo luận của các thành viên Hội đồng:",
        bold=True,
        indent_first=True,
        space_before=8,
        space_after=6,
    )
    opinions = [line.strip() for line in meeting.discussion.splitlines() if line.strip()]
    for line in opinions or ["………………………………………………………………………………………"]:
        d.paragraph(document, line, indent_first=True, align=d.JUSTIFY, space_after=6)
    selected = sum(1 for i in items if i.selected)
    d.paragraph(
        document,
        f"Hội đồng thống nhất đề nghị khen thưởng {selected} trường hợp theo kết quả trên. "
        "Biên bản lập xong và thông qua tại cuộc họp.",
        indent_first=True,
        align=d.JUSTIFY,
        space_before=6,
        space_after=6,
    )
    d.paragraph(
        document,
        f"Cuộc họp kết thúc vào {clock(meeting.ended_at, meeting.held_on)}./.",
        indent_first=True,
        align=d.JUSTIFY,
        space_after=12,
    )
    d.two_signatures(
        document,
        ("THƯ KÝ", secretary.name if secretary else ""),
        ("CHỦ TRÌ", chair.name if chair else ""),
    )
    return d.to_bytes(document)


def _result_table(document, rows) -> None:
    """One table of results: STT, name, votes, rank (equal votes share it), conclusion."""
    table = d.grid(
        document,
        ["STT", "Tập thể, cá nhân", "Đồng ý", "Không đồng ý", "Xếp thứ", "Kết luận"],
        WIDTHS,
    )
    ranks = shared_ranks(rows)
    for n, item in enumerate(rows, start=1):
        c = item.candidate
        name = (
            c.name
            if c.unit_id
            else f"{c.name}, {c.person.position or ''} {c.person.unit.name}".strip()
        )
        verdict = (
            "Đề nghị khen thưởng"
            if item.selected
            else "Không đạt"
            if not item.passed
            else "Ngoài chỉ tiêu"
        )
        if item.passed and item.within_quota is None and "Hội đồng quyết định" in item.result_note:
            verdict = "Hội đồng quyết định"
        rank = str(ranks[item.pk]) if item.pk in ranks else ""
        d.grid_row(table, [str(n), name, str(item.yes), str(item.no), rank, verdict], WIDTHS)
    keep_rows_whole(table)
