"""The certificate fonts, parsed once per process.

fpdf2's ``add_font`` parses the whole TrueType file for every new PDF (≈ 75 ms for the four
styles) and writes a subset of it when the PDF is output. Here each file is parsed once per
process, cut down once to the characters Vietnamese text needs (Latin with its diacritics,
punctuation, ₫), and every new PDF receives a copy of the prepared font object with a fresh
reader of the small font — the PDF's output subsets that copy in place, so it cannot be shared.
"""

from __future__ import annotations

import copy
import io
from functools import cache
from pathlib import Path

from fontTools import subset as ftsubset
from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

FONTS = Path(__file__).resolve().parents[1] / "fonts"
STYLES = (("", "Regular"), ("B", "Bold"), ("I", "Italic"), ("BI", "BoldItalic"))
FAMILY = "Serif"

# Basic Latin, Latin-1, Latin Extended-A/B, combining marks, Latin Extended Additional
# (the precomposed Vietnamese letters), general punctuation, ₫ and №.
VIETNAMESE = [
    *range(0x20, 0x7F),
    *range(0xA0, 0x250),
    *range(0x300, 0x370),
    *range(0x1E00, 0x1F00),
    *range(0x2000, 0x2070),
    0x20AB,
    0x2116,
]

PARSES = {"count": 0}  # how many times a TTF file was parsed in this process (tests read it)


@cache
def font_bytes(name: str) -> bytes:
    """The TTF file ``LiberationSerif-<name>.ttf`` cut to the Vietnamese repertoire."""
    PARSES["count"] += 1
    font = ttLib.TTFont(str(FONTS / f"LiberationSerif-{name}.ttf"), recalcTimestamp=False)
    options = ftsubset.Options(notdef_outline=True, recommended_glyphs=True)
    options.layout_features = []
    options.hinting = False  # screen hints: not needed in print, and smaller to subset again
    options.drop_tables += ["kern", "FFTM", "GDEF", "GPOS", "GSUB", "hdmx", "LTSH", "VDMX"]
    subsetter = ftsubset.Subsetter(options)
    subsetter.populate(unicodes=VIETNAMESE)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def _reader(name: str) -> ttLib.TTFont:
    return ttLib.TTFont(io.BytesIO(font_bytes(name)), recalcTimestamp=False, lazy=True)


@cache
def _prototype(style: str, name: str) -> TTFFont:
    """fpdf2's font object (metrics, character map, widths), built once."""
    return TTFFont(FPDF(), io.BytesIO(font_bytes(name)), f"{FAMILY.lower()}{style}", style)


def install(pdf: FPDF) -> None:
    """Give ``pdf`` the four styles of the certificate font without parsing any file."""
    for style, name in STYLES:
        prototype = _prototype(style, name)
        font = copy.copy(prototype)
        font.i = len(pdf.fonts) + 1
        font.ttfont = _reader(name)  # output subsets it in place: one per PDF
        font.missing_glyphs = []
        font.biggest_size_pt = 0
        font._hbfont = None
        font.subset = SubsetMap(font)
        pdf.fonts[prototype.fontkey] = font
