"""The rules of core/docx every document shares: official names without validity qualifiers,
one "Lưu" line naming the drafting office, page numbers from page 2, 6 pt between paragraphs."""

from __future__ import annotations

from types import SimpleNamespace

from thidua.core import docx as d

from ..document_checks import (
    assert_body_spacing,
    assert_page_numbers_from_page_two,
    lines,
    open_docx,
)


def test_official_names_carry_no_validity_qualifier():
    assert d.official_name("Phường Sa Pa (từ 01/07/2025)") == "Phường Sa Pa"
    assert d.official_name("Xã Tả Van (đến 30/06/2025)") == "Xã Tả Van"
    assert d.official_name("Xã A (từ 01/01/2020 đến 30/06/2025)") == "Xã A"
    # A parenthesis that is part of the name stays.
    assert d.official_name("Ủy ban MTTQ Việt Nam (thị xã)") == "Ủy ban MTTQ Việt Nam (thị xã)"
    ward = SimpleNamespace(name="Phường Sa Pa (từ 01/07/2025)", kind="ubnd_xa")
    assert d.agency_name(ward) == "UBND PHƯỜNG SA PA"
    assert d.agency_full_name(ward) == "ỦY BAN NHÂN DÂN PHƯỜNG SA PA"
    assert d.agency_title(ward) == "UBND phường Sa Pa"


def test_one_filing_line_with_the_drafting_office():
    assert d.filing_line("NV") == "- Lưu: VT, NV."
    assert d.filing_line("") == "- Lưu: VT."
    # Without an office in the data, the abbreviations of the data's own "Lưu" line.
    assert d.filing_line("", ["LĐVP; Lưu VT, TĐKT"]) == "- Lưu: VT, TĐKT."
    assert d.recipient_lines(["Như trên", "LĐVP; Lưu VT, TĐKT;", "Lưu: VT."]) == [
        "Như trên",
        "LĐVP",
    ]


def test_every_document_numbers_its_pages_from_the_second_and_spaces_its_paragraphs():
    document = d.new_document()
    d.paragraph(document, "Đoạn văn thứ nhất.", indent_first=True, space_after=3)
    d.paragraph(document, "Đoạn văn thứ hai.", indent_first=True)
    d.signature_block(
        document,
        recipients=["Như trên", "Lưu: VT"],
        authority="TM. ỦY BAN NHÂN DÂN",
        title="CHỦ TỊCH",
        name="",
        drafter="VHXH",
    )
    opened = open_docx(d.to_bytes(document))
    assert_page_numbers_from_page_two(opened)
    assert_body_spacing(opened)
    text = lines(opened)
    assert [t for t in text if "Lưu" in t] == ["- Lưu: VT, VHXH."]
    signer = [p.text for p in opened.tables[-1].rows[0].cells[1].paragraphs]
    assert signer == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "", "", ""]  # a line to sign
