"""Signing with a key on a PKCS#11 token (USB token, HSM), here SoftHSM2: a token initialised
in a temporary directory, a key generated off the token and imported into it with a
certificate issued by the demo's test CA, the decision signed through the same service and
page as with a PKCS#12 file, validated by pyHanko; one changed byte is said so. Skipped, with
the reason, where SoftHSM2 is not installed (``make system-deps`` installs it)."""

from __future__ import annotations

import io
import subprocess

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings
from django.core.management import CommandError, call_command
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from thidua.core.models import AuditEntry
from thidua.decisions import signing
from thidua.decisions.models import DecisionSignature, KeyStore, SigningKey
from thidua.demo.test_pki import issue_certificate

from ..system_tools import require_tools, softhsm_module
from .test_signing import one_byte_changed

pytestmark = pytest.mark.django_db
PIN, SO_PIN = "246810", "13579"
TOKEN, LABEL = "Token Chu tich", "chutich"


@pytest.fixture
def token(tmp_path, monkeypatch):
    """A SoftHSM2 token holding the chairman's key, its certificate and the test CA's; the
    PKCS#11 module's path."""
    require_tools("softhsm2")
    module = softhsm_module()
    if module is None:
        pytest.skip("system tool missing: libsofthsm2.so (apt-get install softhsm2)")
    pkcs11 = pytest.importorskip("pkcs11", reason="python-pkcs11 missing (pyhanko[pkcs11])")
    (tmp_path / "tokens").mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tmp_path / 'tokens'}\nobjectstore.backend = file\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    util = ["softhsm2-util"]
    subprocess.run(
        [*util, "--init-token", "--free", "--label", TOKEN, "--pin", PIN, "--so-pin", SO_PIN],
        check=True,
        capture_output=True,
    )
    key = ec.generate_private_key(ec.SECP256R1())
    pem = tmp_path / "key.pem"
    pem.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    subprocess.run(
        [*util, "--import", str(pem), "--token", TOKEN, "--label", LABEL, "--id", "01"]
        + ["--pin", PIN],
        check=True,
        capture_output=True,
    )
    pem.unlink()
    cert, ca_cert = issue_certificate(
        settings.THIDUA_SIGNING_DIR, key.public_key(), "Lê Tân Phong (token)", "UBND thị xã Sa Pa"
    )
    from pkcs11 import Attribute, CertificateType, ObjectClass

    lib = pkcs11.lib(module)
    lib.reinitialize()  # SoftHSM reads SOFTHSM2_CONF when it is initialised
    with lib.get_token(token_label=TOKEN).open(user_pin=PIN, rw=True) as session:
        for label, ident, certificate in ((LABEL, b"\x01", cert), ("ca", b"\x02", ca_cert)):
            session.create_object(
                {
                    Attribute.CLASS: ObjectClass.CERTIFICATE,
                    Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                    Attribute.TOKEN: True,
                    Attribute.LABEL: label,
                    Attribute.ID: ident,
                    Attribute.SUBJECT: certificate.subject.public_bytes(),
                    Attribute.VALUE: certificate.public_bytes(serialization.Encoding.DER),
                }
            )
    return module


def configure(module: str, **extra) -> None:
    call_command(
        "signing_key",
        "add",
        "--user",
        "chutich",
        "--token-label",
        extra.get("token", TOKEN),
        "--key-label",
        extra.get("key", LABEL),
        "--pkcs11-module",
        module,
        "--passphrase-env",
        "THIDUA_PIN_CHUTICH",
        stdout=io.StringIO(),
    )


def test_a_decision_signed_on_a_token_validates_and_one_byte_breaks_it(
    token, monkeypatch, client_as, signed_decision, user
):
    # The administrator's command opens the token before saving: no PIN, a wrong PIN, a key
    # that is not there are refused, and nothing is saved.
    with pytest.raises(CommandError, match="THIDUA_PIN_CHUTICH"):
        configure(token)
    monkeypatch.setenv("THIDUA_PIN_CHUTICH", "000000")
    with pytest.raises(CommandError, match="sai mã PIN"):
        configure(token)
    monkeypatch.setenv("THIDUA_PIN_CHUTICH", PIN)
    with pytest.raises(CommandError, match="nhãn khong-co"):
        configure(token, key="khong-co")
    assert not SigningKey.objects.filter(store=KeyStore.PKCS11).exists()
    configure(token)
    key = SigningKey.objects.get(user=user("chutich"), active=True)
    assert (key.store, key.token_label, key.key_label, key.p12_path) == (
        "pkcs11",
        TOKEN,
        LABEL,
        "",
    )
    assert key.subject == "Lê Tân Phong (token) (CHỈ DÙNG THỬ NGHIỆM)"

    # The chairman signs through the same page and service as with a PKCS#12 file.
    assert client_as("chutich").post(f"/quyet-dinh/{signed_decision.pk}/ky-so/").status_code == 302
    stored = DecisionSignature.objects.get(decision=signed_decision)
    assert stored.signer_subject == "Lê Tân Phong (token) (CHỈ DÙNG THỬ NGHIỆM)"
    with stored.file.open("rb") as handle:
        content = handle.read()
    embedded = PdfFileReader(io.BytesIO(content)).embedded_signatures
    assert [s.field_name for s in embedded] == ["ChuKyNguoiKy"]
    context = ValidationContext(trust_roots=signing.trust_roots(), allow_fetching=False)
    status = validate_pdf_signature(embedded[0], context)
    assert status.intact and status.valid and status.trusted and status.bottom_line
    assert embedded[0].sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert len(embedded[0].signed_data["certificates"]) == 2  # the chain, pulled off the token
    assert signing.verify_pdf(content).status == signing.VALID
    assert signing.verify_pdf(one_byte_changed(content)).status == signing.ALTERED
    assert AuditEntry.objects.filter(action="decisions.decision.signed_digitally").count() == 1


def test_a_wrong_pin_at_signing_time_is_told_and_nothing_is_signed(
    token, monkeypatch, client_as, signed_decision
):
    monkeypatch.setenv("THIDUA_PIN_CHUTICH", PIN)
    configure(token)
    monkeypatch.setenv("THIDUA_PIN_CHUTICH", "999999")
    page = client_as("chutich").post(f"/quyet-dinh/{signed_decision.pk}/ky-so/", follow=True)
    assert "Không mở được thiết bị ký số Token Chu tich" in page.content.decode()
    assert not DecisionSignature.objects.filter(decision=signed_decision).exists()
