"""System tools some tests need: Chromium (browser tests), LibreOffice and pdftotext (documents
opened and read as a user would), SoftHSM2 (a PKCS#11 signing token). Where one is missing the test is SKIPPED with the reason, never
passed silently; under CI (CI=true) it FAILS instead, since CI must run every test.
`make system-deps` installs them (apt-get, as root)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
# tool → how it is found (an absolute path, or a command on PATH) and its Debian package
TOOLS = {
    "chromium": (CHROMIUM, "chromium"),
    "soffice": ("soffice", "libreoffice-writer-nogui libreoffice-calc-nogui"),
    "pdftotext": ("pdftotext", "poppler-utils"),
    "softhsm2": ("softhsm2-util", "softhsm2"),  # a software PKCS#11 token (signing tests)
}

# Where Debian and others put SoftHSM's PKCS#11 module.
SOFTHSM_MODULES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
)


def softhsm_module() -> str | None:
    return next((m for m in SOFTHSM_MODULES if Path(m).is_file()), None)


def missing_tools(*names: str) -> list[str]:
    """The tools among ``names`` (all of them when none is given) that are not installed."""
    missing = []
    for name in names or tuple(TOOLS):
        where, _package = TOOLS[name]
        found = Path(where).exists() if where.startswith("/") else shutil.which(where)
        if not found:
            missing.append(name)
    return missing


def require_tools(*names: str) -> None:
    """Skip the calling test (fail it under CI) unless every tool in ``names`` is installed."""
    __tracebackhide__ = True  # the skip is reported at the test's line, not here
    missing = missing_tools(*names)
    if not missing:
        return
    packages = " ".join(TOOLS[name][1] for name in missing)
    reason = f"system tool missing: {', '.join(missing)} (apt-get install {packages})"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI must run this test", pytrace=False)
    pytest.skip(reason)
