"""The names and the manifest of the package sent upward (``eoffice``): ASCII file names of at
most ``NAME_MAX`` characters, unique in the package; the manifest as JSON (for the document
exchange) and as CSV with Vietnamese headers (UTF-8 with BOM, so that Excel opens it)."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

from django.conf import settings
from django.utils import timezone

from thidua.core.docx import agency_title
from thidua.core.text import ascii_key
from thidua.council.models import Meeting

NAME_MAX = 50
MANIFEST_HEADERS = [
    "STT",
    "Số, ký hiệu",
    "Ngày",
    "Trích yếu",
    "Cơ quan ban hành",
    "Loại tệp",
    "Tập thể, cá nhân",
    "Tên tệp",
    "SHA-256",
    "Kích thước (byte)",
]


def ascii_name(stem: str, extension: str, used: set[str]) -> str:
    """``stem.extension`` in ASCII, lower case, words joined by "-", at most ``NAME_MAX``
    characters, not in ``used`` (a number is added before the extension); added to ``used``."""
    extension = re.sub(r"[^a-z0-9]", "", ascii_key(extension))[:10]
    suffix = f".{extension}" if extension else ""
    base = re.sub(r"[^a-z0-9]+", "-", ascii_key(stem)).strip("-") or "tep"
    n = 1
    while True:
        tail = f"-{n}" if n > 1 else ""
        name = f"{base[: NAME_MAX - len(suffix) - len(tail)].rstrip('-')}{tail}{suffix}"
        if name not in used:
            used.add(name)
            return name
        n += 1


def manifest_json(meeting: Meeting, rows: list[dict]) -> str:
    campaign = meeting.campaign
    package = {
        "issuer": agency_title(campaign.issuer),
        "campaign": campaign.title,
        "meeting_held_on": meeting.held_on.isoformat(),
        "created_at": timezone.localtime().isoformat(timespec="seconds"),
        "max_file_mb": float(settings.THIDUA_EOFFICE_MAX_FILE_MB),
        "files": [{"order": n, **row} for n, row in enumerate(rows, start=1)],
    }
    return json.dumps(package, ensure_ascii=False, indent=2)


def manifest_csv(rows: list[dict]) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(MANIFEST_HEADERS)
    for n, row in enumerate(rows, start=1):
        day = date.fromisoformat(row["date"]).strftime("%d/%m/%Y") if row["date"] else ""
        writer.writerow(
            [
                n,
                row["number"],
                day,
                row["subject"],
                row["issuer"],
                row["kind"],
                row["candidate"],
                row["file"],
                row["sha256"],
                row["size"],
            ]
        )
    return ("\ufeff" + text.getvalue()).encode()  # the BOM: Excel reads it as UTF-8
