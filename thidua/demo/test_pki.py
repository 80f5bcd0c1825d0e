"""The demo's own test certification authority and signing keys, made here with the
``cryptography`` package (nothing is downloaded). Every subject says CHỈ DÙNG THỬ NGHIỆM: these
keys sign nothing real, and a production server trusts its real CA instead
(``THIDUA_SIGNING_TRUST_ROOTS``).

Files, under ``THIDUA_SIGNING_DIR`` (outside the uploaded files, never served):
  tin-cay/ca-thu-nghiem.pem        the test CA's certificate (the demo's trust root)
  ca-thu-nghiem.key.pem            its private key (encrypted with the test passphrase)
  thu-nghiem-<name>.p12            one PKCS#12 per signer and per agency
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from thidua.decisions.signing import TEST_PASSPHRASE

TEST_MARK = "CHỈ DÙNG THỬ NGHIỆM"
CA_NAME = f"CA Thi đua – Khen thưởng ({TEST_MARK})"


def _name(common_name: str, organisation: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, TEST_MARK),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _certificate(subject, issuer, public_key, signing_key, *, ca: bool, days: int):
    now = datetime.now(UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=not ca,
                content_commitment=not ca,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
    )
    return builder.sign(signing_key, hashes.SHA256())


def self_signed_p12(common_name: str, organisation: str, passphrase: str) -> bytes:
    """A key whose certificate signs itself: a signer no trust root knows (tests)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name(common_name, organisation)
    cert = _certificate(name, name, key.public_key(), key, ca=False, days=365)
    return pkcs12.serialize_key_and_certificates(
        common_name.encode(),
        key,
        cert,
        None,
        serialization.BestAvailableEncryption(passphrase.encode()),
    )


def ensure_ca(directory: Path):
    """The test CA (created once, then reused): its private key and certificate."""
    key_file = directory / "ca-thu-nghiem.key.pem"
    cert_file = directory / "tin-cay" / "ca-thu-nghiem.pem"
    if key_file.exists() and cert_file.exists():
        key = serialization.load_pem_private_key(
            key_file.read_bytes(), password=TEST_PASSPHRASE.encode()
        )
        return key, x509.load_pem_x509_certificate(cert_file.read_bytes())
    cert_file.parent.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name(CA_NAME, TEST_MARK)
    cert = _certificate(name, name, key.public_key(), key, ca=True, days=3650)
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(TEST_PASSPHRASE.encode()),
        )
    )
    key_file.chmod(0o600)
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key, cert


def issue_certificate(directory: Path, public_key, common_name: str, organisation: str):
    """A signing certificate for ``public_key`` issued by the test CA, and the CA's own (a key
    generated elsewhere, e.g. on a PKCS#11 token)."""
    ca_key, ca_cert = ensure_ca(directory)
    cert = _certificate(
        _name(f"{common_name} ({TEST_MARK})", organisation),
        ca_cert.subject,
        public_key,
        ca_key,
        ca=False,
        days=1825,
    )
    return cert, ca_cert


def issue_p12(directory: Path, file_name: str, common_name: str, organisation: str) -> Path:
    """A PKCS#12 file (key, certificate, the test CA) under ``directory``, made once."""
    path = directory / file_name
    if path.exists():
        return path
    key = ec.generate_private_key(ec.SECP256R1())
    cert, ca_cert = issue_certificate(directory, key.public_key(), common_name, organisation)
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            file_name.encode(),
            key,
            cert,
            [ca_cert],
            serialization.BestAvailableEncryption(TEST_PASSPHRASE.encode()),
        )
    )
    path.chmod(0o600)
    return path
