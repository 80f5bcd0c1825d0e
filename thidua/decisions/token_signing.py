"""Opening a ``SigningKey`` for the time of one signing: a PKCS#12 file's key in memory, or a
session on a PKCS#11 token (USB token, HSM: the module, the token's label, the key's label),
logged in with the PIN from the key's environment variable and closed when the block ends.

python-pkcs11 (``pyhanko[pkcs11]``) is optional: imported only when a token key is opened.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings

from .models import KeyStore, SigningKey
from .signing import SigningError, load_signer

if TYPE_CHECKING:
    from pyhanko.sign.signers import Signer


def pkcs11_module(key: SigningKey) -> str:
    return key.pkcs11_module or settings.THIDUA_PKCS11_MODULE


@contextmanager
def open_signer(key: SigningKey) -> Iterator[Signer]:
    """The key's signer, usable inside the block: a PKCS#12 file's key in memory, or a session
    on the PKCS#11 token (logged in with the PIN, closed at the end of the block)."""
    if key.store != KeyStore.PKCS11:
        yield load_signer(key)
        return
    try:
        from pkcs11 import PKCS11Error as TokenError
        from pyhanko.config.pkcs11 import TokenCriteria
        from pyhanko.sign import pkcs11 as p11
    except ImportError as error:
        raise SigningError(
            "Máy chủ chưa cài thư viện python-pkcs11 (pyhanko[pkcs11]) để dùng thiết bị ký số."
        ) from error
    from pyhanko.sign.general import SigningError as PyhankoSigningError

    module = pkcs11_module(key)
    if not module or not Path(module).is_file():
        raise SigningError(
            f"Không tìm thấy thư viện PKCS#11 của thiết bị ký số ({module or 'chưa cấu hình'})."
        )
    pin = os.environ.get(key.passphrase_env) if key.passphrase_env else None
    if pin is None:
        raise SigningError(
            f"Chưa đặt biến môi trường {key.passphrase_env or '(trống)'} (mã PIN của thiết bị ký số)."
        )
    try:
        session = p11.open_pkcs11_session(
            module, token_criteria=TokenCriteria(label=key.token_label), user_pin=pin
        )
    except (TokenError, PyhankoSigningError) as error:
        raise SigningError(
            f"Không mở được thiết bị ký số {key.token_label} (không có thiết bị, hoặc sai mã PIN)."
        ) from error
    try:
        signer = p11.PKCS11Signer(
            session,
            key_label=key.key_label,
            cert_label=key.key_label,
            other_certs_to_pull=_chain_labels(session, key.key_label),
            # Hash here, sign the digest on the token (CKM_ECDSA, CKM_RSA_PKCS): the mechanisms
            # every token has (SoftHSM and many USB tokens lack CKM_ECDSA_SHA256).
            use_raw_mechanism=True,
        )
        try:
            signer.signing_cert  # noqa: B018 - loads the key and certificate now
        except (TokenError, PyhankoSigningError) as error:
            raise SigningError(
                f"Không tìm thấy khóa hoặc chứng thư có nhãn {key.key_label} trên thiết bị ký số."
            ) from error
        yield signer
    finally:
        session.close()


def _chain_labels(session: Any, key_label: str) -> tuple[str, ...]:
    """The labels of the other certificates on the token (the CA's chain), to embed with the
    signer's own (pulled once, by its label)."""
    from pkcs11 import Attribute, ObjectClass

    objects = session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE})
    return tuple(sorted({o[Attribute.LABEL] for o in objects} - {key_label}))
