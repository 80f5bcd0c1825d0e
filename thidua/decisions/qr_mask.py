"""segno's choice of a QR code's data mask, computed on whole rows at once.

ISO/IEC 18004 (7.8.3) picks, of the eight data masks, the one whose symbol scores the lowest
penalty (N1 runs of one colour, N2 2×2 blocks, N3 finder-like 1:1:3:1:1 patterns, N4 the share of
dark modules). segno scores the eight masked matrices module by module in Python (≈ 10 ms for
a certificate's code, a quarter of a certificate). Here each row and each column is an integer
(bit j is module j), the four rules are bit operations on whole rows, and the eight scores are
exactly segno's (``mask_scores``, with its reading of N3: a match at either edge counts, and
the search goes on after a match counted or inside one not counted), so the same mask is
chosen and the code is the same. segno's ``find_and_apply_best_mask`` is replaced by this for
QR codes; Micro QR codes still go through segno's own.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from segno import encoder

_ORIGINAL = getattr(encoder.find_and_apply_best_mask, "original", encoder.find_and_apply_best_mask)
_BITS = bytes.maketrans(b"\x00\x01", b"01")
_MODULES = bytes.maketrans(b"01", b"\x00\x01")


def _int(modules: Any) -> int:
    """Bit j of the result is ``modules[j]`` (0 or 1)."""
    return int(bytes(modules).translate(_BITS)[::-1], 2)


@cache
def _masks(size: int) -> tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]:
    """For each mask: the modules it inverts, by row and by column (data region only)."""
    region = encoder.make_matrix(size, size)
    encoder.add_finder_patterns(region, size, size)
    encoder.add_alignment_patterns(region, size, size)
    region[-8][8] = 0x1
    masks = []
    for pattern in encoder.get_data_mask_functions(False):
        flips = [
            bytes(int(region[i][j] > 0x1 and pattern(i, j)) for j in range(size))
            for i in range(size)
        ]
        masks.append((tuple(map(_int, flips)), tuple(map(_int, zip(*flips, strict=True)))))
    return tuple(masks)


def _finder_like(line: int, size: int) -> int:
    """segno's N3 on one row or column: 40 for each dark-light-dark-dark-dark-light-dark run
    with four light modules (or the edge) before or after it."""
    full = (1 << size) - 1
    light = line ^ full
    found = (
        line
        & light >> 1
        & line >> 2
        & line >> 3
        & line >> 4
        & light >> 5
        & line >> 6
        & (1 << (size - 6)) - 1
    )
    score, resume = 0, 0
    while found:
        at = (found & -found).bit_length() - 1
        found &= found - 1
        if at < resume:
            continue
        before = line >> max(at - 4, 0) & (1 << min(at, 4)) - 1
        after = line >> (at + 7) & (1 << min(4, size - at - 7)) - 1
        if at in (0, size - 7) or not before or not after:
            score += 40
            resume = at + 7
        else:
            resume = at + 4
    return score


def _runs(line: int, size: int) -> int:
    """N1 on one row or column: 3 + (n − 5) for each run of n ≥ 5 modules of one colour."""
    same = ~(line ^ line >> 1) & (1 << (size - 1)) - 1  # bit j: modules j and j + 1 alike
    five = same & same >> 1 & same >> 2 & same >> 3  # bit j: modules j … j + 4 alike
    return five.bit_count() + 2 * (five & ~(five << 1)).bit_count()


def score(rows: list[int], columns: list[int], size: int) -> int:
    """segno's ``evaluate_mask`` of the matrix whose rows and columns these are."""
    n1 = n2 = n3 = dark = 0
    edge = (1 << (size - 1)) - 1
    previous = None
    for row in rows:
        n1 += _runs(row, size)
        n3 += _finder_like(row, size)
        dark += row.bit_count()
        if previous is not None:
            alike = ~(row ^ previous)  # bit j: same colour as the module above
            block = alike & alike >> 1 & ~(row ^ row >> 1) & edge
            n2 += 3 * block.bit_count()
        previous = row
    for column in columns:
        n1 += _runs(column, size)
        n3 += _finder_like(column, size)
    n4 = 10 * int(abs(float(dark) / (size**2) * 100 - 50) / 5)
    return n1 + n2 + n3 + n4


def best_mask(matrix: Any, size: int) -> int:
    """The mask segno would choose for the unmasked ``matrix`` (modules 0 or 1)."""
    rows = [_int(row) for row in matrix]
    columns = [_int(column) for column in zip(*matrix, strict=True)]
    best, best_score = 0, None
    for number, (row_flips, column_flips) in enumerate(_masks(size)):
        masked_rows = [r ^ f for r, f in zip(rows, row_flips, strict=True)]
        masked_columns = [c ^ f for c, f in zip(columns, column_flips, strict=True)]
        points = score(masked_rows, masked_columns, size)
        if best_score is None or points < best_score:  # the first of equals, as segno
            best, best_score = number, points
    return best


def find_and_apply_best_mask(
    matrix: Any, width: int, height: int, proposed_mask: Any = None
) -> Any:
    if proposed_mask is not None or width != height or width < 21:  # given, or Micro QR
        return _ORIGINAL(matrix, width, height, proposed_mask)
    if any(2 in row for row in matrix):  # a module left unset: segno's own arithmetic
        return _ORIGINAL(matrix, width, height, proposed_mask)
    mask = best_mask(matrix, width)
    row_flips, _columns = _masks(width)[mask]
    masked = tuple(
        bytearray(format(_int(row) ^ flips, f"0{width}b")[::-1].encode().translate(_MODULES))
        for row, flips in zip(matrix, row_flips, strict=True)
    )
    return mask, masked


find_and_apply_best_mask.original = _ORIGINAL  # type: ignore[attr-defined]
encoder.find_and_apply_best_mask = find_and_apply_best_mask
