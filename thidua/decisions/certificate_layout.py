"""An issuer's certificate layout, resolved once per PDF (or per chunk of a batch): the mode,
the place of each text field on a pre-printed blank, and the emblem image.

Positions are millimetres from the top left corner of the A4 landscape sheet (297 × 210 mm):
``x`` is the centre of a centred field and the left edge of a left-aligned one, ``y`` the top
of its first line. The clerk prints the test page (``certificates.calibration_pdf``) on a
blank, measures, and moves each field.

The emblem is decoded once per process (and cut to a size fit for 22 mm at 600 dpi): every
certificate PDF then receives the decoded image instead of reading and compressing the file
again, so the administrator's PNG costs nothing per certificate.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from thidua.org.models import Unit

from .layout_models import CertificateLayout, CertificateMode

if TYPE_CHECKING:
    from fpdf import FPDF

PAGE_W, PAGE_H = 297.0, 210.0
EMBLEM_PIXELS = 520  # 22 mm at 600 dpi


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    x: float
    y: float
    width: float
    align: str  # "C" centred on x, "L" starting at x
    size: float
    style: str


# The fields printed on a blank, with the places the drawn certificate uses.
FIELDS = (
    Field("issuer", "Người tặng (CHỦ TỊCH ỦY BAN NHÂN DÂN …)", 148.5, 62, 230, "C", 16, "B"),
    Field("name", "Tên tập thể, cá nhân được tặng", 148.5, 98, 230, "C", 24, "B"),
    Field("unit", "Chức vụ, đơn vị", 148.5, 110, 230, "C", 15, "I"),
    Field("achievement", "Thành tích", 148.5, 118, 220, "C", 15, ""),
    Field("decision", "Số, ngày quyết định và số sổ vàng", 24, 168, 110, "L", 13, "BI"),
    Field("place_date", "Địa danh, ngày tháng năm", 225, 140, 110, "C", 13, "BI"),
    Field("signer", "Chức vụ người ký", 225, 147, 110, "C", 14, "B"),
    Field("signer_name", "Họ tên người ký", 225, 178, 110, "C", 14, "B"),
    Field("qr", "Mã QR xác minh (góc trên bên trái)", 24, 182.5, 15, "L", 0, ""),
)
BY_KEY = {f.key: f for f in FIELDS}


@dataclass(frozen=True)
class Layout:
    mode: str = CertificateMode.DRAWN
    positions: dict[str, tuple[float, float]] = field(
        default_factory=lambda: {f.key: (f.x, f.y) for f in FIELDS}
    )
    emblem_token: str = ""  # "" without an uploaded emblem

    @property
    def preprinted(self) -> bool:
        return self.mode == CertificateMode.PREPRINTED

    def at(self, key: str) -> tuple[float, float]:
        return self.positions[key]


DEFAULT = Layout()


def positions_of(stored: dict) -> dict[str, tuple[float, float]]:
    """The stored positions over the defaults; anything malformed keeps the default."""
    result = {}
    for f in FIELDS:
        value = stored.get(f.key) if isinstance(stored, dict) else None
        try:
            x, y = (float(v) for v in value)  # type: ignore[union-attr]
        except (TypeError, ValueError):
            x, y = f.x, f.y
        result[f.key] = (x, y)
    return result


def layout_for(issuer: Unit | int, *, drawn: bool = False) -> Layout:
    """The issuer's layout (one query). ``drawn``: the full certificate whatever the mode (the
    electronic copy the agency signs is not printed on a blank)."""
    issuer_id = issuer if isinstance(issuer, int) else issuer.pk
    row = CertificateLayout.objects.filter(issuer_id=issuer_id).first()
    if row is None:
        return DEFAULT
    if row.emblem_token and row.emblem:
        _remember_emblem(row)
    return Layout(
        mode=CertificateMode.DRAWN if drawn else row.mode,
        positions=positions_of(row.positions),
        emblem_token=row.emblem_token if row.emblem else "",
    )


# --- the emblem, decoded once per process --------------------------------------------------

_EMBLEMS: dict[str, object] = {}  # token → fpdf2's decoded image (its ImageInfo)
DECODES = {"count": 0}  # how many emblem files were decoded in this process (tests read it)


def decode_emblem(content: bytes) -> object:
    # Pillow and fpdf2 imported here: the layout itself is read where no PDF is drawn.
    from fpdf.image_parsing import get_img_info
    from PIL import Image

    DECODES["count"] += 1
    with Image.open(io.BytesIO(content)) as image:
        image.load()
        picture = image.convert("RGBA") if image.mode in ("P", "LA", "RGBA") else image
        picture = picture.convert("RGB") if picture.mode not in ("RGB", "RGBA") else picture
        picture.thumbnail((EMBLEM_PIXELS, EMBLEM_PIXELS))
        info = get_img_info("emblem", picture, "AUTO")
    info["iccp"] = None
    return info


def _remember_emblem(row: CertificateLayout) -> None:
    if row.emblem_token in _EMBLEMS:
        return
    with row.emblem.open("rb") as handle:
        content = handle.read()
    if len(_EMBLEMS) > 32:  # emblems are replaced rarely: a small bound is plenty
        _EMBLEMS.clear()
    _EMBLEMS[row.emblem_token] = decode_emblem(content)


def place_emblem(pdf: FPDF, token: str, x: float, y: float, size: float) -> bool:
    """Draw the decoded emblem ``token`` in a ``size`` mm square (aspect kept); False if this
    process does not hold it (the caller draws the stand-in)."""
    info = _EMBLEMS.get(token)
    if info is None:
        return False
    name = f"emblem-{token}"
    images = pdf.image_cache.images
    if name not in images:
        image = type(info)(info)  # type: ignore[call-arg]
        image.update(i=len(images) + 1, usages=0, iccp_i=None)
        images[name] = image
    pdf.image(name, x=x, y=y, w=size, h=size, keep_aspect_ratio=True)
    return True
