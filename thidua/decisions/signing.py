"""Digital signatures of PDF files (PAdES, pyHanko) and their verification.

Signing: ``sign_pdf`` adds one signature as an incremental update, PAdES baseline
(``/ETSI.CAdES.detached``), with the signer's certificate chain embedded, a timestamp from
``THIDUA_TSA_URL`` when one is set, and a visible stamp in the box it is given: the stamp is a
small PDF drawn with fpdf2 and the shipped fonts (Vietnamese text, no HarfBuzz needed).

Keys: ``SigningKey`` rows name a PKCS#12 file under ``THIDUA_SIGNING_DIR`` (outside the
uploaded files) and the environment variable holding its passphrase, or a key on a PKCS#11
token (USB token, HSM: the module, the token's label, the key's label) and the environment
variable holding the token's PIN. ``token_signing.open_signer`` opens either for the time of
one signing: a token's session is closed when the block ends.

pyHanko, asn1crypto and fpdf2 are imported inside the functions that use them: this module is
reached at start-up (the e-office package's registration), and they cost half a second there.

Verification: ``verify_pdf`` validates every signature against the configured trust roots
(``trust_roots``) and says, in words a citizen reads, whether the file is valid, was changed
after signing, or was signed by someone the system does not know.
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.conf import settings

from .models import SigningKey

if TYPE_CHECKING:
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign import signers

    from .decision_pdf import Box

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
BLUE = (0, 51, 160)
RED = (200, 16, 46)
# The passphrase of the demo's test keys (CHỈ DÙNG THỬ NGHIỆM), used only for keys marked
# ``is_test`` whose environment variable is not set.
TEST_PASSPHRASE = "thu-nghiem"  # noqa: S105


class SigningError(Exception):
    """A key that cannot be used: missing file, missing passphrase, wrong passphrase."""


def key_passphrase(key: SigningKey) -> bytes | None:
    value = os.environ.get(key.passphrase_env) if key.passphrase_env else None
    if value is None and key.is_test:
        value = TEST_PASSPHRASE
    return value.encode() if value is not None else None


def load_signer(key: SigningKey) -> signers.SimpleSigner:
    path = Path(key.p12_path)
    if not path.is_absolute():
        path = Path(settings.THIDUA_SIGNING_DIR) / path
    if not path.is_file():
        raise SigningError(f"Không tìm thấy tệp khóa ký số {path.name} trên máy chủ.")
    passphrase = key_passphrase(key)
    if passphrase is None and key.passphrase_env:
        raise SigningError(f"Chưa đặt biến môi trường {key.passphrase_env} (mật khẩu khóa ký số).")
    from pyhanko.sign import signers

    signer = signers.SimpleSigner.load_pkcs12(str(path), passphrase=passphrase)
    if signer is None:
        raise SigningError("Không mở được khóa ký số (sai mật khẩu hoặc tệp hỏng).")
    return signer


def key_image(key: SigningKey) -> Path | None:
    """The key's signature or seal image, if one is configured and present."""
    if not key.image_path:
        return None
    path = Path(key.image_path)
    if not path.is_absolute():
        path = Path(settings.THIDUA_SIGNING_DIR) / path
    return path if path.is_file() else None


def subject_name(certificate: asn1_x509.Certificate) -> str:
    names = certificate.subject.native
    return names.get("common_name") or certificate.subject.human_friendly


def vietnam_time(moment: datetime) -> str:
    """ISO 8601 in Vietnam's time zone, as the decree asks of a signature's time."""
    return moment.astimezone(VIETNAM).isoformat(timespec="seconds")


def stamp_pdf(
    box: Box,
    lines: list[tuple[str, str, float]],
    color: tuple[int, int, int],
    *,
    seal: bool,
    frame: bool = True,
    image: Path | None = None,
) -> bytes:
    """The visible appearance of a signature, at the size of its box: a blue text block for a
    person, a red ring with the agency's name in place of the seal image."""
    from fpdf import FPDF

    from .certificates import FONTS

    w, h = box.size_mm
    pdf = FPDF(unit="mm", format=(w, h))
    # Only the styles used: parsing and subsetting a font is most of the time spent here.
    for style in sorted({style for _text, style, _size in lines}):
        name = {"": "Regular", "B": "Bold", "I": "Italic", "BI": "BoldItalic"}[style]
        pdf.add_font("Serif", style, str(FONTS / f"LiberationSerif-{name}.ttf"))
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.add_page()
    pdf.set_draw_color(*color)
    pdf.set_text_color(*color)
    if image is not None:
        # The administrator's PNG (signature or seal), fitted into the box, centred.
        pdf.image(str(image), x=0, y=0, w=w, h=h, keep_aspect_ratio=True)
    elif seal:
        pdf.set_line_width(0.8)
        pdf.ellipse(0.6, 0.6, w - 1.2, h - 1.2)
        pdf.set_line_width(0.3)
        pdf.ellipse(3, 3, w - 6, h - 6)
        inner = w - 8
        heights = sum(size * 0.42 for text, _style, size in lines if text)
        pdf.set_y((h - heights) / 2)
        for text, style, size in lines:
            if not text:
                continue
            pdf.set_font("Serif", style, size)
            pdf.set_x(4)
            pdf.multi_cell(inner, size * 0.42, text, align="C", new_x="LMARGIN", new_y="NEXT")
    else:
        if frame:
            pdf.set_line_width(0.3)
            pdf.rect(0.3, 0.3, w - 0.6, h - 0.6)
        pdf.set_y(1.5)
        for text, style, size in lines:
            pdf.set_font("Serif", style, size)
            pdf.set_x(1.5)
            pdf.multi_cell(w - 3, size * 0.45, text, align="L", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def sign_pdf(
    content: bytes,
    *,
    signer: signers.Signer,
    field_name: str,
    box: Box | None,
    stamp: bytes | None,
    reason: str,
    location: str,
) -> bytes:
    """``content`` with one more PAdES signature (an incremental update)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers, timestamps
    from pyhanko.stamp import StaticStampStyle

    writer = IncrementalPdfFileWriter(io.BytesIO(content))
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason,
        location=location,
        embed_validation_info=False,
    )
    timestamper = (
        timestamps.HTTPTimeStamper(settings.THIDUA_TSA_URL) if settings.THIDUA_TSA_URL else None
    )
    spec = (
        fields.SigFieldSpec(sig_field_name=field_name, on_page=box.page, box=box.as_tuple())
        if box is not None
        else fields.SigFieldSpec(sig_field_name=field_name)
    )
    with tempfile.NamedTemporaryFile(suffix=".pdf") as stamp_file:
        style = None
        if stamp is not None:
            stamp_file.write(stamp)
            stamp_file.flush()
            style = StaticStampStyle.from_pdf_file(stamp_file.name, border_width=0)
        pdf_signer = signers.PdfSigner(
            meta, signer=signer, timestamper=timestamper, stamp_style=style, new_field_spec=spec
        )
        out = io.BytesIO()
        pdf_signer.sign_pdf(writer, output=out)
    return out.getvalue()


# --- verification -------------------------------------------------------------------------


def trust_roots() -> list[asn1_x509.Certificate]:
    """The certificates the system trusts: THIDUA_SIGNING_TRUST_ROOTS, else every PEM file in
    <THIDUA_SIGNING_DIR>/tin-cay (the demo writes its test CA there)."""
    from asn1crypto import pem
    from asn1crypto import x509 as asn1_x509

    paths = [Path(p) for p in settings.THIDUA_SIGNING_TRUST_ROOTS]
    if not paths:
        paths = sorted((Path(settings.THIDUA_SIGNING_DIR) / "tin-cay").glob("*.pem"))
    roots = []
    for path in paths:
        if not path.is_file():
            continue
        data = path.read_bytes()
        for _type, _headers, der in pem.unarmor(data, multiple=True) if pem.detect(data) else []:
            roots.append(asn1_x509.Certificate.load(der))
    return roots


VALID, ALTERED, UNKNOWN, UNSIGNED, UNREADABLE = (
    "valid",
    "altered",
    "unknown",
    "unsigned",
    "unreadable",
)
VERDICTS = {
    VALID: "Hợp lệ",
    ALTERED: "Đã bị sửa đổi",
    UNKNOWN: "Người ký không xác định",
    UNSIGNED: "Không có chữ ký số",
    UNREADABLE: "Không đọc được tệp PDF",
}
EXPLANATIONS = {
    VALID: "Mọi chữ ký số còn nguyên vẹn, của người ký được hệ thống tin cậy; văn bản không bị "
    "thay đổi sau khi ký.",
    ALTERED: "Nội dung tệp đã bị thay đổi sau khi ký: không dùng được văn bản này.",
    UNKNOWN: "Chữ ký còn nguyên vẹn nhưng chứng thư của người ký không thuộc tổ chức cung cấp "
    "dịch vụ chứng thực mà hệ thống tin cậy.",
    UNSIGNED: "Tệp này không có chữ ký số.",
    UNREADABLE: "Tệp tải lên không phải là tệp PDF đọc được.",
}


@dataclass
class SignatureCheck:
    field: str
    signer: str
    signed_at: str
    intact: bool
    trusted: bool
    unchanged: bool  # nothing but later signatures was added after this one
    timestamped: bool

    @property
    def verdict(self) -> str:
        if not self.intact or not self.unchanged:
            return ALTERED
        return VALID if self.trusted else UNKNOWN


@dataclass
class Verification:
    status: str
    signatures: list[SignatureCheck] = field(default_factory=list)

    @property
    def label(self) -> str:
        return VERDICTS[self.status]

    @property
    def explanation(self) -> str:
        return EXPLANATIONS[self.status]

    def as_dict(self) -> dict:
        return {
            "status": self.status,
            "label": self.label,
            "explanation": self.explanation,
            "signatures": [
                {
                    "field": s.field,
                    "signer": s.signer,
                    "signed_at": s.signed_at,
                    "intact": s.intact,
                    "trusted": s.trusted,
                    "unchanged_after_signing": s.unchanged,
                    "timestamped": s.timestamped,
                    "status": s.verdict,
                }
                for s in self.signatures
            ],
        }


def verify_pdf(content: bytes) -> Verification:
    """Validate every signature of ``content``: the worst one decides (altered, then unknown)."""
    if not content.startswith(b"%PDF-"):
        return Verification(UNREADABLE)
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(io.BytesIO(content), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception:  # any parse error: not a PDF we can read
        return Verification(UNREADABLE)
    if not embedded:
        return Verification(UNSIGNED)
    context = ValidationContext(
        trust_roots=trust_roots(), allow_fetching=False, revocation_mode="soft-fail"
    )
    # What may be added after a signature without it counting as altered.
    allowed_after = (
        ModificationLevel.NONE,
        ModificationLevel.LTA_UPDATES,
        ModificationLevel.FORM_FILLING,
    )
    checks = []
    for signature in embedded:
        try:
            status = validate_pdf_signature(signature, signer_validation_context=context)
        except Exception:  # a broken signature dictionary or CMS blob: the bytes were changed
            checks.append(SignatureCheck(signature.field_name, "", "", False, False, False, False))
            continue
        level = status.modification_level
        unchanged = (level is None or level in allowed_after) and status.docmdp_ok is not False
        moment = status.timestamp_validity.timestamp if status.timestamp_validity else None
        moment = moment or status.signer_reported_dt
        checks.append(
            SignatureCheck(
                field=signature.field_name,
                signer=subject_name(status.signing_cert),
                signed_at=vietnam_time(moment) if moment else "",
                intact=bool(status.intact and status.valid),
                trusted=bool(status.trusted),
                unchanged=unchanged,
                timestamped=status.timestamp_validity is not None,
            )
        )
    verdicts = {c.verdict for c in checks}
    overall = ALTERED if ALTERED in verdicts else UNKNOWN if UNKNOWN in verdicts else VALID
    return Verification(overall, checks)
