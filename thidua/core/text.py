"""Vietnamese text the way people compare it: Unicode form, case, spacing and, for search,
diacritics do not matter ("hoang thi" finds "Hoàng Thị")."""

from __future__ import annotations

import unicodedata


def clean_text(value) -> str:
    """NFC, with runs of any whitespace (tabs, non-breaking spaces…) made one space."""
    return " ".join(unicodedata.normalize("NFC", str(value or "")).split())


def text_key(value) -> str:
    return clean_text(value).casefold()


def ascii_key(value) -> str:
    """Lower case, no diacritics, đ → d: the form stored for searching without accents."""
    decomposed = unicodedata.normalize("NFD", text_key(value)).replace("đ", "d")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
