"""`manage.py clean_generated`: old versions of background-built documents and certificate
ZIPs, finished certificate chunks and unreferenced files under the generated folders go once
older than --days; the current versions, recent files and every file outside the generated
folders stay. --dry-run lists the same things and deletes nothing."""

from __future__ import annotations

import io
import os
import time
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.utils import timezone

from thidua.core.models import GeneratedFile
from thidua.decisions.certificate_chunks import CHUNK_KIND
from thidua.decisions.models import BatchStatus, CertificateBatch

KIND = "decisions.decision-docx"


def aged(name: str, days: float) -> str:
    moment = time.time() - days * 86400
    os.utime(default_storage.path(name), (moment, moment))
    return name


def generated(days: float, *, object_id: int, fingerprint: str, kind=KIND, part=0, status="done"):
    row = GeneratedFile.objects.create(
        kind=kind,
        object_id=object_id,
        part=part,
        fingerprint=fingerprint,
        token=f"t{fingerprint}",
        status=status,
    )
    row.file.save(f"{fingerprint}.docx", ContentFile(b"docx"), save=True)
    GeneratedFile.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(days=days))
    aged(row.file.name, days)
    return row


def batch(decision, days: float, fingerprint: str, status=BatchStatus.DONE):
    row = CertificateBatch.objects.create(
        decision=decision, token=f"b{fingerprint}", fingerprint=fingerprint, status=status
    )
    row.file.save("x.zip", ContentFile(b"zip"), save=True)
    CertificateBatch.objects.filter(pk=row.pk).update(
        created_at=timezone.now() - timedelta(days=days)
    )
    aged(row.file.name, days)
    return row


def stored(name: str, days: float) -> str:
    return aged(default_storage.save(name, ContentFile(b"data")), days)


def exists(*rows_or_names) -> list[bool]:
    found = []
    for item in rows_or_names:
        if isinstance(item, str):
            found.append(default_storage.exists(item))
        else:
            alive = type(item).objects.filter(pk=item.pk).exists()
            found.append(alive and default_storage.exists(item.file.name))
    return found


@pytest.fixture
def files(draft_decision):
    decision = draft_decision
    old_zip = batch(decision, 50, "v1")
    current_zip = batch(decision, 40, "v2")
    running_zip = batch(decision, 35, "v3", status=BatchStatus.RUNNING)
    made = {
        # Old versions replaced by a newer finished one: deleted with their rows.
        "old_docx": generated(60, object_id=7, fingerprint="a1"),
        "old_zip": old_zip,
        "done_chunk": generated(40, object_id=current_zip.pk, fingerprint="v2", kind=CHUNK_KIND),
        "orphan": stored("generated/decisions.decision-docx/7/lost.docx", 45),
        "pending": stored("imports/pending/abandoned.xlsx", 31),
        # Kept: the newest version (however old), a replaced one younger than the limit, the
        # chunk of a batch still being assembled, young or referenced files, other folders.
        "current_docx": generated(45, object_id=7, fingerprint="a2"),
        "current_zip": current_zip,
        "recent_old_version": generated(10, object_id=8, fingerprint="c1"),
        "recent_current": generated(5, object_id=8, fingerprint="c2"),
        "running_zip": running_zip,
        "running_chunk": generated(40, object_id=running_zip.pk, fingerprint="v3", kind=CHUNK_KIND),
        "young_orphan": stored("certificates/99/young.zip", 3),
        "upload": stored("ho-so/2020/old-upload.pdf", 400),
        "outside": stored("orphans/left-by-a-crash.pdf", 400),
    }
    yield made
    # The rows are rolled back with the test; their files are not.
    for item in made.values():
        name = item if isinstance(item, str) else item.file.name
        default_storage.delete(name)


GONE = ("old_docx", "old_zip", "done_chunk", "orphan", "pending")


def test_dry_run_lists_old_unreferenced_generated_files_and_deletes_nothing(files):
    out = io.StringIO()
    call_command("clean_generated", "--days", "30", "--dry-run", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines == [
        f"core.GeneratedFile#{files['old_docx'].pk} {files['old_docx'].file.name}",
        f"decisions.CertificateBatch#{files['old_zip'].pk} {files['old_zip'].file.name}",
        f"core.GeneratedFile#{files['done_chunk'].pk} {files['done_chunk'].file.name}",
        files["orphan"],
        files["pending"],
        "Sẽ xóa 3 phiên bản cũ và 2 tệp không còn được dùng (cũ hơn 30 ngày).",
    ]
    assert all(exists(*files.values()))


def test_clean_deletes_old_unreferenced_files_and_keeps_the_rest(files):
    out = io.StringIO()
    call_command("clean_generated", "--days", "30", stdout=out)
    assert out.getvalue().splitlines()[-1] == (
        "Đã xóa 3 phiên bản cũ và 2 tệp không còn được dùng (cũ hơn 30 ngày)."
    )
    assert exists(*(files[key] for key in GONE)) == [False] * len(GONE)
    kept = [key for key in files if key not in GONE]
    assert exists(*(files[key] for key in kept)) == [True] * len(kept)
    # Run again: nothing left to do.
    out = io.StringIO()
    call_command("clean_generated", "--days", "30", stdout=out)
    assert out.getvalue().splitlines() == [
        "Đã xóa 0 phiên bản cũ và 0 tệp không còn được dùng (cũ hơn 30 ngày)."
    ]


def test_the_limit_in_days_is_respected(files):
    out = io.StringIO()
    call_command("clean_generated", "--days", "55", "--dry-run", stdout=out)
    assert out.getvalue().splitlines() == [
        f"core.GeneratedFile#{files['old_docx'].pk} {files['old_docx'].file.name}",
        "Sẽ xóa 1 phiên bản cũ và 0 tệp không còn được dùng (cũ hơn 55 ngày).",
    ]


def test_a_negative_limit_is_refused(db):
    with pytest.raises(CommandError, match="Số ngày phải từ 0 trở lên."):
        call_command("clean_generated", "--days", "-1", stdout=io.StringIO())
