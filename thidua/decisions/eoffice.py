"""The package sent upward (to the higher level or the province's document exchange) for the
awards above the issuer's authority that a closed council meeting proposes.

One ZIP per meeting, built by the background worker (a ``core.generated`` kind, so the page has
its progress bar and download, and the same version is built once): for each award form
proposed upward the Tờ trình with its list, and the meeting's Biên bản, each as DOCX and as PDF
with the same words (``docx_pdf``) signed by the issuer's agency key (PAdES, as the decision's
seal); the candidates' uploaded documents as they are; a manifest in JSON
(``danh-muc.json``) and CSV (``danh-muc.csv``, UTF-8 for Excel) listing each file's number,
date, trích yếu, issuer, name, SHA-256 and size.

File names: ASCII (no diacritics, ``đ`` → ``d``), lower case, at most ``NAME_MAX`` characters
with the extension, unique in the package; flat (no folders), so the name is the whole path.

Size: each file must stay within ``THIDUA_EOFFICE_MAX_FILE_MB`` (default 50, what the
exchange accepts per file); one file over it refuses the whole package with a message naming
it. The package is not split: ``THIDUA_EOFFICE_MAX_PACKAGE_MB`` (default 0, no limit) refuses a
ZIP larger than that, naming its largest files. The uploaded files' sizes are checked when the
package is asked for, so the refusal is immediate; the generated files are checked as built.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import F, Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from thidua.campaigns.models import Campaign
from thidua.core import generated
from thidua.core.docx import agency_title
from thidua.core.text import ascii_key
from thidua.council import documents as council_documents
from thidua.council import policy as council_policy
from thidua.council.models import DocketItem, Meeting
from thidua.nominations.models import Candidate, DossierDocument
from thidua.org.models import Office

from . import policy, signing, upward_document
from .eoffice_manifest import ascii_name, manifest_csv, manifest_json
from .meeting_results import upward_forms
from .models import KeyKind, SigningKey
from .policy import DecisionError

if TYPE_CHECKING:
    from .decision_pdf import Box

KIND = "decisions.eoffice"
MB = 1024 * 1024
SIGNATURE_FIELD = "ChuKyCoQuanGuiCapTren"


class PackageRefused(Exception):
    """The package cannot be built as the higher level accepts it; the message says why."""


# --- who may ask -----------------------------------------------------------------------------


def package_meeting(user, meeting_pk: int) -> Meeting:
    """The meeting whose package ``user`` may build: 404 outside the user's scope or when the
    meeting proposes nothing upward, 403 for one who may not prepare the upward Tờ trình."""
    meeting = council_policy.get_meeting_or_404(user, meeting_pk)
    if not upward_forms(meeting):
        raise Http404("Phiên họp này không có đề nghị cấp trên khen thưởng.")
    if not policy.can_prepare(user, meeting.campaign.issuer):
        raise PermissionDenied("Chỉ chuyên viên thi đua, khen thưởng của cơ quan.")
    return meeting


# --- names and limits ------------------------------------------------------------------------


def max_file_bytes() -> int:
    return int(float(settings.THIDUA_EOFFICE_MAX_FILE_MB) * MB)


def _megabytes(size: int) -> str:
    return f"{size / MB:.1f}".replace(".", ",") + " MB"


def _limit_text() -> str:
    return f"{float(settings.THIDUA_EOFFICE_MAX_FILE_MB):g}".replace(".", ",") + " MB"


def too_large(label: str, size: int) -> str:
    return (
        f"Tệp “{label}” ({_megabytes(size)}) vượt quá giới hạn {_limit_text()} mỗi tệp mà cấp "
        "trên tiếp nhận: giảm dung lượng tệp (quét lại ở độ phân giải thấp hơn, nén PDF) rồi "
        "tải lên lại, sau đó tạo lại gói."
    )


# --- what goes in ----------------------------------------------------------------------------


@dataclass
class Entry:
    """One file of the package and its manifest row."""

    stem: str
    extension: str
    kind: str  # "DOCX", "PDF ký số", "Tài liệu của hồ sơ"
    number: str
    day: date | None
    subject: str
    issuer: str
    candidate: str = ""
    content: bytes | None = None  # a generated file
    document: DossierDocument | None = None  # an uploaded file, streamed as it is


def upward_items(meeting: Meeting) -> list[DocketItem]:
    return [item for _form, items in upward_forms(meeting) for item in items]


def candidate_documents(meeting: Meeting) -> list[DossierDocument]:
    """The files uploaded for each candidate proposed upward, and the files of the dossiers
    they came in that belong to no one candidate (the unit's Tờ trình, its minutes…): by
    dossier, the dossier's own files first, then each candidate's in the list's order."""
    items = upward_items(meeting)
    ids = [item.candidate_id for item in items]
    dossiers = {item.candidate.dossier_id for item in items}
    return list(
        DossierDocument.objects.filter(
            Q(candidate_id__in=ids) | Q(candidate__isnull=True, dossier_id__in=dossiers)
        )
        .select_related("candidate__person", "candidate__unit", "required", "dossier__unit")
        .order_by("dossier_id", F("candidate__order").asc(nulls_first=True), "candidate_id", "pk")
    )


def agency_key(issuer) -> SigningKey:
    key = SigningKey.objects.filter(active=True, unit=issuer, kind=KeyKind.AGENCY).first()
    if key is None:
        raise DecisionError(
            "Chưa có khóa ký số của cơ quan để ký các văn bản trong gói: đề nghị quản trị hệ "
            "thống cấu hình (docs/ky-so.md)."
        )
    return key


def check_request(meeting: Meeting) -> None:
    """What can be refused at once, before the worker runs: the agency's key, an uploaded file
    over the per-file limit."""
    agency_key(meeting.campaign.issuer)
    limit = max_file_bytes()
    for document in candidate_documents(meeting):
        if document.size > limit:
            raise DecisionError(too_large(document.original_name, document.size))


def steps(meeting: Meeting) -> int:
    """Progress steps: each Tờ trình, the minutes, each uploaded file."""
    return len(upward_forms(meeting)) + 1 + len(candidate_documents(meeting))


def _generated(meeting: Meeting) -> Iterator[tuple[str, str, bytes, str, date | None, str, str]]:
    """(stem, kind of paper, DOCX, number, date, trích yếu, issuer) of each generated paper."""
    issuer = meeting.campaign.issuer
    for form, items in upward_forms(meeting):
        ctx = upward_document.upward_context(meeting, form, items)
        content = upward_document.upward_letter(meeting, form, items)
        award = ascii_key(ctx["award"])
        yield (
            f"to-trinh-{award}",
            "Tờ trình",
            content,
            "…/TTr-UBND",
            meeting.held_on,
            ctx["subject"],
            agency_title(issuer),
        )
    yield (
        "bien-ban-hop-xet",
        "Biên bản",
        council_documents.minutes(meeting),
        "…/BB-HĐTĐKT",
        meeting.held_on,
        f"Họp xét khen thưởng {meeting.campaign.title}",
        meeting.council.name,
    )


def _stamp_box() -> Box:
    from .decision_pdf import Box

    # In the top margin of the first page, right of the header: 85 × 14 mm.
    return Box.from_mm(0, 110, 3, 85, 14)


def _signed(pdf: bytes, signer, issuer_title: str, what: str, place: str) -> bytes:
    now = timezone.now()
    box = _stamp_box()
    stamp = signing.stamp_pdf(
        box,
        [
            (f"Ký số bởi: {issuer_title}", "B", 9),
            (f"Thời gian ký: {signing.vietnam_time(now)}", "I", 8),
        ],
        signing.RED,
        seal=False,
    )
    return signing.sign_pdf(
        pdf,
        signer=signer,
        field_name=SIGNATURE_FIELD,
        box=box,
        stamp=stamp,
        reason=f"Ký số của cơ quan, gửi cấp trên: {what}",
        location=place,
    )


def entries(meeting: Meeting, progress: Callable[[int], None]) -> Iterator[Entry]:
    """Every file of the package, in order; ``progress`` is told each step done."""
    from .docx_pdf import docx_to_pdf  # fpdf2 and python-docx: only in the worker that builds

    issuer = meeting.campaign.issuer
    try:
        signer = signing.load_signer(agency_key(issuer))
    except signing.SigningError as error:
        raise PackageRefused(str(error)) from error
    except DecisionError as error:
        raise PackageRefused(" ".join(error.messages)) from error
    done = 0
    for n, (stem, paper, content, number, day, subject, who) in enumerate(
        _generated(meeting), start=1
    ):
        head = f"{n:02d}-{stem}"
        pdf = docx_to_pdf(content, title=f"{paper}: {subject}", subject=subject, author=who)
        signed = _signed(pdf, signer, agency_title(issuer), paper, issuer.place_name or "")
        for extension, kind, data in (("docx", "DOCX", content), ("pdf", "PDF ký số", signed)):
            yield Entry(head, extension, kind, number, day, subject, who, content=data)
        done += 1
        progress(done)
    for document in candidate_documents(meeting):
        candidate = document.candidate
        name = candidate.name if candidate else ""
        unit = agency_title(document.dossier.unit)
        what = document.required.name if document.required else document.original_name
        stem, _dot, extension = document.original_name.rpartition(".")
        yield Entry(
            f"ho-so-{name or unit}-{what if document.required else stem}",
            extension if stem else "",
            "Tài liệu của hồ sơ",
            "",
            timezone.localdate(document.uploaded_at),
            f"{what} – {name or unit}",
            unit,
            candidate=name,
            document=document,
        )
        done += 1
        progress(done)


# --- the ZIP ---------------------------------------------------------------------------------


def _chunks(entry: Entry) -> Iterable[bytes]:
    if entry.content is not None:
        yield entry.content
        return
    assert entry.document is not None
    with entry.document.file.open("rb") as handle:
        yield from iter(lambda: handle.read(MB), b"")


def _label(entry: Entry) -> str:
    if entry.document is not None:
        return f"{entry.document.original_name} ({entry.candidate or entry.issuer})"
    return f"{entry.subject} ({entry.kind})"


def build_package(meeting: Meeting, progress: Callable[[int], None] = lambda n: None) -> bytes:
    limit = max_file_bytes()
    used: set[str] = {"danh-muc.json", "danh-muc.csv"}
    rows: list[dict] = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in entries(meeting, progress):
            name = ascii_name(entry.stem, entry.extension, used)
            sha, size = hashlib.sha256(), 0
            with archive.open(name, "w", force_zip64=True) as target:
                for chunk in _chunks(entry):
                    size += len(chunk)
                    if size > limit:
                        raise PackageRefused(too_large(_label(entry), size))
                    sha.update(chunk)
                    target.write(chunk)
            rows.append(
                {
                    "number": entry.number,
                    "date": entry.day.isoformat() if entry.day else "",
                    "subject": entry.subject,
                    "issuer": entry.issuer,
                    "kind": entry.kind,
                    "candidate": entry.candidate,
                    "file": name,
                    "sha256": sha.hexdigest(),
                    "size": size,
                }
            )
        archive.writestr("danh-muc.json", manifest_json(meeting, rows))
        archive.writestr("danh-muc.csv", manifest_csv(rows))
    content = buffer.getvalue()
    _check_total(content, rows)
    return content


def _check_total(content: bytes, rows: list[dict]) -> None:
    total_mb = float(settings.THIDUA_EOFFICE_MAX_PACKAGE_MB)
    if total_mb and len(content) > total_mb * MB:
        largest = ", ".join(r["file"] for r in sorted(rows, key=lambda r: -r["size"])[:3])
        raise PackageRefused(
            f"Gói gửi cấp trên ({_megabytes(len(content))}) vượt quá giới hạn "
            f"{total_mb:g} MB của cả gói. Các tệp lớn nhất: {largest}."
        )


# --- the background job ----------------------------------------------------------------------


def request_package(*, actor, meeting_pk: int):
    """Queue the package (scope and right checked, uploaded sizes and the key refused at once);
    returns the job and whether it is new, as ``core.generated.request_file``."""
    meeting = package_meeting(actor, meeting_pk)
    check_request(meeting)
    return generated.request_file(actor=actor, kind=KIND, object_id=meeting.pk)


def current_job(meeting: Meeting):
    """The job queued, running or done for the meeting's current inputs, if any."""
    return generated.reusable(KIND, meeting.pk, fingerprint(meeting))


def _load(pk: int) -> Meeting:
    return Meeting.objects.select_related("campaign__issuer", "council__unit").get(pk=pk)


def fingerprint(meeting: Meeting) -> str:
    """What the package prints and holds: the meeting, its list and votes, the candidates
    (summaries, positions), the plan, the issuer's offices, the files and the limit."""
    items = meeting.items.order_by("pk")
    return generated.digest(
        Meeting.objects.filter(pk=meeting.pk),
        items,
        meeting.attendance.order_by("pk"),
        Candidate.objects.filter(pk__in=items.values("candidate_id")).order_by("pk"),
        Campaign.objects.filter(pk=meeting.campaign_id),
        [(d.pk, d.sha256, d.original_name) for d in candidate_documents(meeting)],
        Office.objects.filter(unit_id=meeting.campaign.issuer_id).order_by("pk"),
        settings.THIDUA_EOFFICE_MAX_FILE_MB,
        document="to-trinh-de-nghi-cap-tren",
    )


def register() -> None:
    generated.register(
        generated.Kind(
            name=KIND,
            label="Gói gửi cấp trên (ZIP)",
            get_object=package_meeting,
            load=_load,
            fingerprint=fingerprint,
            build=build_package,
            filename=lambda meeting: f"goi-gui-cap-tren-{meeting.pk}.zip",
            size=steps,
            back_url=lambda meeting: reverse("council:meeting", args=[meeting.pk]),
            content_type="application/zip",
            unit_label="văn bản, tài liệu",
            reports_progress=True,
            owner=lambda meeting: meeting.campaign.issuer,
        )
    )
