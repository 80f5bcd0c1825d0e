"""The files of the seed's Tả Van dossier, each what its slot says: the commune's Biên bản họp
xét (its Hội đồng Thi đua – Khen thưởng met and voted) and the Báo cáo kết quả of the
collective proposed. The Tờ trình and the Danh sách come from nominations.documents."""

from __future__ import annotations

import io
from datetime import date

from thidua.core import docx


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _header(document, commune, number: str, day: date) -> None:
    docx.header_block(
        document,
        parent=docx.agency_name(commune.parent) if commune.parent else "",
        issuer=docx.agency_name(commune).upper(),
        number_symbol=number,
        place=commune.place_name or commune.name,
        day=day,
    )


def review_minutes(commune, candidates, day: date) -> bytes:
    """Biên bản họp Hội đồng Thi đua – Khen thưởng xã: who was proposed and the votes."""
    document = docx.new_document()
    _header(document, commune, "01/BB-HĐTĐKT", day)
    docx.title_block(
        document, "BIÊN BẢN", "Họp Hội đồng Thi đua – Khen thưởng xét đề nghị khen thưởng"
    )
    docx.paragraph(
        document,
        f"Hôm nay, ngày {day:%d/%m/%Y}, Hội đồng Thi đua – Khen thưởng {commune.name} họp xét "
        "đề nghị khen thưởng trong đợt thi đua chào mừng 70 năm ngày giải phóng Sa Pa. "
        "Có mặt 7/7 thành viên.",
        indent_first=True,
        space_after=6,
    )
    docx.paragraph(document, "Kết quả biểu quyết:", bold=True)
    for i, candidate in enumerate(candidates, 1):
        docx.paragraph(
            document,
            f"{i}. {candidate.subject}: {candidate.award_form.name}, 7/7 thành viên có mặt "
            "đồng ý (100%).",
            indent_first=True,
        )
    docx.paragraph(
        document,
        "Hội đồng thống nhất đề nghị Chủ tịch UBND thị xã xem xét, khen thưởng. Biên bản kết "
        "thúc hồi 16 giờ cùng ngày.",
        indent_first=True,
        space_before=6,
        space_after=12,
    )
    docx.two_signatures(document, ("Thư ký", "Lò Thị Hoa"), ("Chủ tịch Hội đồng", "Giàng A Lử"))
    return _save(document)


def collective_report(commune, collective, day: date) -> bytes:
    """Báo cáo thành tích of the collective proposed (Mẫu số 01 of NĐ 152/2025, shortened)."""
    document = docx.new_document()
    _header(document, commune, "", day)
    docx.title_block(
        document,
        "BÁO CÁO KẾT QUẢ",
        f"thực hiện phong trào thi đua của {collective.name}",
    )
    for heading, text in (
        ("I. Đặc điểm, tình hình", f"{collective.name} thuộc {commune.name}."),
        (
            "II. Thành tích đạt được",
            "Thôn tiêu biểu trong xây dựng nông thôn mới và giữ gìn bản sắc văn hóa dân tộc; "
            "hoàn thành các chỉ tiêu kinh tế – xã hội năm 2020.",
        ),
        ("III. Hình thức đề nghị khen thưởng", "Giấy khen của Chủ tịch UBND thị xã."),
    ):
        docx.paragraph(document, heading, bold=True, space_before=6)
        docx.paragraph(document, text, indent_first=True)
    return _save(document)
