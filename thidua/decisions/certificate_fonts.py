"""The certificate fonts, parsed once per process, subset once per set of letters.

fpdf2's ``add_font`` parses the whole TrueType file for every new PDF (≈ 75 ms for the four
styles) and writes a subset of it when the PDF is output. Here each file is parsed once per
process, cut down once to the characters Vietnamese text needs (Latin with its diacritics,
punctuation, ₫), and every new PDF receives a copy of the prepared font object with a fresh
reader of the small font — the PDF's output subsets that copy in place, so it cannot be shared.

Subsetting again for every PDF (≈ 50 ms of the ≈ 70 ms a single certificate costs) is then
avoided: every certificate uses the Vietnamese alphabet (``ALPHABET``, marked as used in each
PDF), so nearly all of them need the same glyphs, and the subset font for one set of glyphs is
made once per process and embedded as bytes (``_Prepared``). fpdf2 calls fontTools' subsetter
on its font object when writing a PDF; ``_Subsetter`` lets that call through for every other
font and, for ours, only looks up the prepared bytes. A name with a letter outside the alphabet
gets its own subset (made once too).

Each PDF then compresses the same font file and the same 128 KB CID-to-glyph map of every style
again (≈ 1 ms each, several per certificate): ``_compress`` remembers the compressed form of
the few large streams that repeat, and gives the same bytes zlib would.

Writing the four styles still cost ≈ 15 ms per PDF (fpdf2 builds each style's 128 KB
CID-to-glyph map, widths and ToUnicode map in Python, then serializes them): the same glyphs
at the same object numbers give the same text, so ``FontOutput`` keeps the serialized font
objects of the last few PDFs and writes them again as they are.
"""

from __future__ import annotations

import copy
import io
import types
import zlib
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import fpdf.output as fpdf_output
import fpdf.syntax as fpdf_syntax
from fontTools import subset as ftsubset
from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont
from fpdf.syntax import PDFObject

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


_LOWER = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvwxyỳýỷỹỵz"
)
ALPHABET = _LOWER + _LOWER.upper() + "0123456789 .,;:!?-–/()'\"%&+*"


@lru_cache(maxsize=64)
def _subset(name: str, glyphs: frozenset[str]) -> tuple[bytes, dict[str, int]]:
    """The font cut to ``glyphs`` as fpdf2 would cut it, and each glyph's id in the cut."""
    font = ttLib.TTFont(io.BytesIO(font_bytes(name)), recalcTimestamp=False)
    options = ftsubset.Options(notdef_outline=True, recommended_glyphs=True)
    subsetter = ftsubset.Subsetter(options)
    subsetter.populate(glyphs=sorted(glyphs))
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue(), {glyph: font.getGlyphID(glyph) for glyph in glyphs}


class _Prepared:
    """Stands in for fontTools' font object while fpdf2 writes one PDF."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.cut: tuple[bytes, dict[str, int]] | None = None

    def prepare(self, glyphs: set[str]) -> None:
        self.cut = _subset(self.name, frozenset(glyphs))

    def __contains__(self, tag: str) -> bool:
        return False  # not a CFF font

    def getGlyphID(self, glyph: str) -> int:  # noqa: N802 (fontTools' name)
        assert self.cut is not None
        return self.cut[1][glyph]

    def save(self, file: io.BytesIO) -> None:
        assert self.cut is not None
        file.write(self.cut[0])

    def close(self) -> None:
        pass


class _Subsetter(ftsubset.Subsetter):
    def subset(self, font: Any) -> None:
        if isinstance(font, _Prepared):
            font.prepare(self.glyph_names_requested)
            return
        super().subset(font)


# fpdf2's output finds the subsetter by the module name ``ftsubset``: the same module, with a
# subsetter that recognises our prepared fonts (and changes nothing for any other font).
if fpdf_output.ftsubset.Subsetter is not _Subsetter:
    fpdf_output.ftsubset = types.SimpleNamespace(
        **{
            **{k: getattr(ftsubset, k) for k in dir(ftsubset) if not k.startswith("__")},
            "Subsetter": _Subsetter,
        }
    )


LARGE_STREAM = 16 * 1024  # bytes: fonts and CID maps; page contents are smaller and differ


@lru_cache(maxsize=32)
def _compressed(contents: bytes, level: int) -> bytes:
    return zlib.compress(contents, level)


def _compress(contents: bytes | bytearray, level: int = -1) -> bytes:
    if len(contents) >= LARGE_STREAM and isinstance(contents, bytes):
        return _compressed(contents, level)
    return zlib.compress(contents, level)


# fpdf2's streams call ``zlib.compress`` through its syntax module: the same module, with a
# compress that remembers the large streams (identical output for everything).
if fpdf_syntax.zlib.compress is not _compress:
    fpdf_syntax.zlib = types.SimpleNamespace(  # type: ignore[assignment]  # stands in for zlib
        **{
            **{k: getattr(zlib, k) for k in dir(zlib) if not k.startswith("__")},
            "compress": _compress,
        }
    )


@cache
def _prototype(style: str, name: str) -> TTFFont:
    """fpdf2's font object (metrics, character map, widths), built once."""
    source: Any = io.BytesIO(font_bytes(name))  # fontTools reads a file object as well as a path
    return TTFFont(FPDF(), source, f"{FAMILY.lower()}{style}", style)


@cache
def _picked(style: str, name: str) -> SubsetMap:
    """The alphabet marked as used, once: every PDF starts from a copy of this map."""
    subset = SubsetMap(_prototype(style, name))
    for letter in ALPHABET:  # the same glyphs in every certificate: one subset for all
        subset.pick(ord(letter))
    return subset


def _alphabet_map(font: TTFFont, picked: SubsetMap) -> SubsetMap:
    subset = SubsetMap.__new__(SubsetMap)
    subset.font = font
    subset._next = picked._next
    subset._reserved = list(picked._reserved)
    subset._char_id_per_glyph = dict(picked._char_id_per_glyph)
    return subset


def install(pdf: FPDF) -> None:
    """Give ``pdf`` the four styles of the certificate font without parsing any file."""
    for style, name in STYLES:
        prototype = _prototype(style, name)
        font = copy.copy(prototype)
        font.i = len(pdf.fonts) + 1
        font.ttfont = _Prepared(name)  # the subset is looked up when the PDF is written
        font.missing_glyphs = []
        font.biggest_size_pt = 0
        font._hbfont = None
        font.subset = _alphabet_map(font, _picked(style, name))
        pdf.fonts[prototype.fontkey] = font


class _Written(PDFObject):
    """A font object serialized before, for the same object number."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def serialize(self, obj_dict: Any = None, _security_handler: Any = None) -> str:
        return self.text


_WRITTEN: dict[tuple[Any, ...], tuple[list[str], dict[int, int]]] = {}
WRITTEN_KEPT = 8  # sets of font objects kept: one per page count and set of glyphs in use


class FontOutput(fpdf_output.OutputProducer):
    """fpdf2's output, with the font objects of a PDF whose fonts are all ours, at the same
    object numbers and with the same glyphs in use as an earlier one, copied from that one:
    fpdf2 would write them byte for byte the same."""

    def _key(self) -> tuple[Any, ...] | None:
        fpdf = self.fpdf
        if fpdf._security_handler is not None or fpdf._compliance:
            return None  # encrypted streams depend on more than the fonts
        fonts = []
        for font in sorted(fpdf.fonts.values(), key=lambda font: font.i):
            if (
                not isinstance(font, TTFFont)
                or not isinstance(font.ttfont, _Prepared)
                or font.missing_glyphs  # fpdf2 logs a warning while writing
            ):
                return None
            fonts.append((font.fontkey, font.i, font.ttfont.name, tuple(font.subset.items())))
        return (self.obj_id, *fonts)

    def _add_fonts(self, *args: Any) -> dict[int, Any]:
        key = self._key()
        if key is None:
            return super()._add_fonts(*args)
        kept = _WRITTEN.get(key)  # one look-up: another thread may drop it meanwhile
        if kept is None:
            before, first = self.obj_id, len(self.pdf_objs)
            objects = super()._add_fonts(*args)
            texts = [obj.serialize() for obj in self.pdf_objs[first:]]
            for oldest in list(_WRITTEN)[: max(0, len(_WRITTEN) - WRITTEN_KEPT + 1)]:
                _WRITTEN.pop(oldest, None)
            _WRITTEN[key] = texts, {i: obj.id - before - 1 for i, obj in objects.items()}
            return objects
        texts, offsets = kept
        written = []
        for text in texts:
            written.append(_Written(text))
            self._add_pdf_obj(written[-1], "fonts")
        for font in self.fpdf.fonts.values():  # what fpdf2 does after writing a font
            assert isinstance(font, TTFFont)
            font.subset.pick.cache_clear()
            font.subset.get_glyph.cache_clear()
        return {i: written[offset] for i, offset in offsets.items()}
