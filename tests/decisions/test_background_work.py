"""Heavy documents built by the worker with a progress page (core.GeneratedFile), certificate
batches split into chunks, fonts parsed once, and what a job that failed shows."""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max
from pypdf import PdfReader

from thidua.core import generated
from thidua.core.jobs import requeue_stale
from thidua.core.models import AuditEntry, GeneratedFile
from thidua.decisions import certificate_chunks, certificate_fonts, services
from thidua.decisions.certificates import CertificatePDF
from thidua.decisions.models import CertificateBatch

pytestmark = pytest.mark.django_db
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def small_threshold(settings):
    settings.THIDUA_BACKGROUND_ROWS = 2  # the demo decision lists 6 recipients
    settings.THIDUA_CERTIFICATE_CHUNK = 2


def test_small_decision_stays_an_instant_download(client_as, draft_decision):
    response = client_as("noivu").get(f"/quyet-dinh/{draft_decision.pk}/quyet-dinh.docx")
    assert response.status_code == 200 and response["Content-Type"] == DOCX
    assert GeneratedFile.objects.count() == 0


def test_large_decision_built_by_the_worker_with_progress(
    client_as, draft_decision, small_threshold, django_capture_on_commit_callbacks
):
    client = client_as("noivu")
    offer = client.get(f"/quyet-dinh/{draft_decision.pk}/quyet-dinh.docx")
    assert offer.status_code == 200 and offer["Content-Type"].startswith("text/html")
    request_url = f"/tep/decisions.docx/{draft_decision.pk}/tao/"
    assert request_url in offer.content.decode() and "6 dòng" in offer.content.decode()

    with django_capture_on_commit_callbacks(execute=False) as queued:
        first = client.post(request_url)
    row = GeneratedFile.objects.get()
    assert first.status_code == 302 and first["Location"] == f"/tep/{row.pk}/"
    assert (row.status, row.done, row.total) == ("queued", 0, 6)
    page = client.get(f"/tep/{row.pk}/").content.decode()
    assert 'hx-trigger="every 1s"' in page and "0/6 dòng" in page  # polls while queued
    # Asked again while queued: the same job, nothing new queued.
    with django_capture_on_commit_callbacks(execute=True) as again:
        second = client.post(request_url, follow=True)
    assert second.redirect_chain[-1][0] == f"/tep/{row.pk}/" and len(again) == 0
    assert "đang được tạo" in second.content.decode()
    assert client.get(f"/tep/{row.pk}/tai-ve/").status_code == 404  # not ready yet

    for callback in queued:  # the worker runs the job
        callback()
    row.refresh_from_db()
    assert (row.status, row.done, row.total) == ("done", 6, 6)
    fragment = client.get(f"/tep/{row.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert "every 1s" not in fragment and "Tải tệp" in fragment and "<html" not in fragment
    download = client.get(f"/tep/{row.pk}/tai-ve/")
    assert download.status_code == 200 and download["Content-Type"] == DOCX
    assert b"".join(download.streaming_content)[:2] == b"PK"
    assert AuditEntry.objects.filter(action="core.generated.requested").count() == 1

    # The same version again: the finished file is reused, even from the download link.
    assert client.get(f"/quyet-dinh/{draft_decision.pk}/quyet-dinh.docx")["Location"] == (
        f"/tep/{row.pk}/"
    )
    with django_capture_on_commit_callbacks(execute=True):
        reused = client.post(request_url, follow=True)
    assert "đã được tạo" in reused.content.decode() and GeneratedFile.objects.count() == 1

    # A changed decision is a new version: a new file.
    draft_decision.recipients.filter(order=1).update(name="Tên đã sửa")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(request_url)
    assert list(GeneratedFile.objects.values_list("status", flat=True)) == ["done", "done"]


def test_generated_file_scope_like_the_download(
    client_as, draft_decision, small_threshold, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_as("noivu").post(f"/tep/decisions.docx/{draft_decision.pk}/tao/")
    row = GeneratedFile.objects.get()
    outsider = client_as("phuongsapa")
    assert outsider.get(f"/tep/{row.pk}/").status_code == 404
    assert outsider.get(f"/tep/{row.pk}/tai-ve/").status_code == 404
    assert outsider.post(f"/tep/decisions.docx/{draft_decision.pk}/tao/").status_code == 404
    assert client_as("hoidong1").get(f"/tep/{row.pk}/").status_code == 403  # draft: not his
    assert client_as("noivu").post("/tep/khong-co/1/tao/").status_code == 404
    assert (
        client_as("noivu").get(f"/tep/decisions.docx/{draft_decision.pk}/tao/").status_code == 405
    )


def test_running_a_generated_file_twice_gives_one_result(
    client_as, draft_decision, small_threshold, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_as("noivu").post(f"/tep/decisions.docx/{draft_decision.pk}/tao/")
    row = GeneratedFile.objects.get()
    generated.run(row.pk)  # a repeated run: nothing rebuilt
    GeneratedFile.objects.filter(pk=row.pk).update(status="running")  # a worker died
    generated.run(row.pk)
    again = GeneratedFile.objects.get()
    assert again.status == "done" and again.file.name == row.file.name
    mine = [
        name
        for name in again.file.storage.listdir(again.file.name.rsplit("/", 1)[0])[1]
        if name.startswith(row.token)
    ]
    assert mine == [row.file.name.rsplit("/", 1)[1]]  # one file, the old one replaced


def signed(draft_decision, user):
    services.approve(actor=user("chutich"), decision=draft_decision)
    return draft_decision


def test_certificates_in_chunks_assembled_once(
    client_as, draft_decision, user, small_threshold, django_capture_on_commit_callbacks
):
    decision = signed(draft_decision, user)
    with django_capture_on_commit_callbacks(execute=True):
        client_as("noivu").post(f"/quyet-dinh/{decision.pk}/giay-khen/tao/")
    batch = CertificateBatch.objects.get(decision=decision)
    chunks = list(GeneratedFile.objects.filter(kind="decisions.certificate-chunk").order_by("part"))
    assert [(c.part, c.status, c.done, c.total) for c in chunks] == [
        (1, "done", 2, 2),
        (2, "done", 2, 2),
        (3, "done", 2, 2),
    ]
    assert (batch.status, batch.done, batch.total) == ("done", 6, 6)
    with batch.file.open("rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    names = archive.namelist()
    assert len(names) == 7 and names.count("tat-ca-giay-khen.pdf") == 1
    assert len(PdfReader(io.BytesIO(archive.read("tat-ca-giay-khen.pdf"))).pages) == 6

    # The pieces are in the ZIP: their files are gone, the rows stay done.
    chunks = list(GeneratedFile.objects.filter(pk__in=[c.pk for c in chunks]).order_by("part"))
    assert [(c.status, c.file.name) for c in chunks] == [("done", "")] * 3

    # A chunk run again (twice): nothing rebuilt, the same ZIP, no second assembly.
    certificate_chunks.build_chunk(chunks[1].pk)
    certificate_chunks.build_chunk(chunks[1].pk)
    assert certificate_chunks.assemble(batch.pk) is False
    assert GeneratedFile.objects.get(pk=chunks[1].pk).file.name == ""
    assert CertificateBatch.objects.get(pk=batch.pk).file.name == batch.file.name
    assert GeneratedFile.objects.filter(kind="decisions.certificate-chunk").count() == 3


def test_a_chunk_whose_worker_died_rewrites_its_own_file(
    client_as, draft_decision, user, small_threshold, django_capture_on_commit_callbacks
):
    decision = signed(draft_decision, user)
    batch = CertificateBatch.objects.create(
        decision=decision, token="t", fingerprint="f", requested_by=user("noivu")
    )
    with django_capture_on_commit_callbacks(execute=False):  # only the first chunk runs
        rows = certificate_chunks.plan(batch)
        certificate_chunks.build_chunk(rows[0].pk)
    first = GeneratedFile.objects.get(pk=rows[0].pk)
    assert (first.status, first.done) == ("done", 2) and first.file.name
    assert CertificateBatch.objects.get(pk=batch.pk).done == 2  # the sum of the chunks
    # The worker of the second chunk died after writing its file: the chunk runs again.
    with django_capture_on_commit_callbacks(execute=False):
        certificate_chunks.build_chunk(rows[1].pk)
    GeneratedFile.objects.filter(pk=rows[1].pk).update(status="running", done=1)
    with django_capture_on_commit_callbacks(execute=False):
        certificate_chunks.build_chunk(rows[1].pk)
    second = GeneratedFile.objects.get(pk=rows[1].pk)
    folder = second.file.name.rsplit("/", 1)[0]
    mine = [n for n in second.file.storage.listdir(folder)[1] if n.startswith(second.token)]
    assert second.status == "done" and len(mine) == 1  # one file, the old one replaced
    with django_capture_on_commit_callbacks(execute=True):
        certificate_chunks.build_chunk(rows[2].pk)  # the last one assembles
    done = CertificateBatch.objects.get(pk=batch.pk)
    assert (done.status, done.done, done.total) == ("done", 6, 6)
    assert certificate_chunks.assemble(batch.pk) is False  # exactly once


def test_fonts_parsed_once_per_process():
    for cached in ("font_bytes", "_prototype", "_picked", "_subset"):
        getattr(certificate_fonts, cached).cache_clear()
    certificate_fonts._WRITTEN.clear()
    certificate_fonts.PARSES["count"] = 0
    for _ in range(3):
        pdf = CertificatePDF()
        pdf.add_page()
        for style in ("", "B", "I", "BI"):
            pdf.set_font("Serif", style, 14)
            pdf.cell(100, 8, "Sùng A Páo – Đặng Thị Hường")
        assert bytes(pdf.output())[:5] == b"%PDF-"
    assert certificate_fonts.PARSES["count"] == 4  # one per style, not one per PDF
    # The same alphabet in every PDF: each style's font subset once, and the font objects of
    # the first PDF written again for the next two.
    assert certificate_fonts._subset.cache_info()[:2] == (0, 4)  # (hits, misses)
    assert len(certificate_fonts._WRITTEN) == 1


def failed_task(path: str, args: list) -> DBTaskResult:
    return DBTaskResult.objects.create(
        status="FAILED",
        started_at=timezone.now(),
        finished_at=timezone.now(),
        worker_ids=["a"],
        args_kwargs={"args": args, "kwargs": {}},
        task_path=path,
        backend_name="default",
        run_after=get_date_max(),
        exception_class_path="builtins.ValueError",
        traceback="ValueError: Lỗi thử nghiệm\n",
    )


def test_failed_jobs_page_and_retry(
    client, client_as, draft_decision, user, django_capture_on_commit_callbacks
):
    assert client.get("/quan-tri/tac-vu/").status_code == 302  # sign in first
    assert client_as("noivu").get("/quan-tri/tac-vu/").status_code == 403
    assert client_as("quantri.tavan").get("/quan-tri/tac-vu/").status_code == 403
    decision = signed(draft_decision, user)
    task = failed_task("thidua.statistics.tasks.rebuild_statistics", [])
    by_row = failed_task("thidua.decisions.tasks.build_certificates", [1])  # shown by its batch
    batch = CertificateBatch.objects.create(
        decision=decision, token="t", fingerprint="f", status="failed", error="Hết chỗ trên đĩa"
    )
    admin = client_as("quantri")
    page = admin.get("/quan-tri/tac-vu/").content.decode()
    assert "Lỗi thử nghiệm" in page and "Hết chỗ trên đĩa" in page and "rebuild_statistics" in page
    assert "tasks.build_certificates" not in page
    retry_by_row = {"what": "task", "pk": str(by_row.pk)}
    assert admin.post("/quan-tri/tac-vu/chay-lai/", retry_by_row).status_code == 404

    assert (
        client_as("noivu")
        .post("/quan-tri/tac-vu/chay-lai/", {"what": "task", "pk": str(task.pk)})
        .status_code
        == 403
    )
    assert admin.post("/quan-tri/tac-vu/chay-lai/", {"what": "task", "pk": "x"}).status_code == 404
    assert (
        admin.post("/quan-tri/tac-vu/chay-lai/", {"what": "batch", "pk": "999999"}).status_code
        == 404
    )
    assert admin.post("/quan-tri/tac-vu/chay-lai/", {"what": "other", "pk": "1"}).status_code == 404

    done = admin.post("/quan-tri/tac-vu/chay-lai/", {"what": "task", "pk": str(task.pk)})
    assert done.status_code == 302 and done["Location"] == "/quan-tri/tac-vu/"
    task.refresh_from_db()
    assert (task.status, task.traceback, task.worker_ids) == ("READY", "", [])
    assert (
        admin.post("/quan-tri/tac-vu/chay-lai/", {"what": "task", "pk": str(task.pk)}).status_code
        == 404
    )

    with django_capture_on_commit_callbacks(execute=True):
        admin.post("/quan-tri/tac-vu/chay-lai/", {"what": "batch", "pk": str(batch.pk)})
    batch.refresh_from_db()
    assert (batch.status, batch.error) == ("done", "")
    assert AuditEntry.objects.filter(action="core.job.retried").count() == 2


def test_certificate_job_failed_for_good_shows_error(client_as, draft_decision, user):
    decision = signed(draft_decision, user)
    batch = CertificateBatch.objects.create(
        decision=decision, token="t", fingerprint="f", status="running", total=6
    )
    DBTaskResult.objects.create(
        status="RUNNING",
        started_at=timezone.now() - timedelta(hours=1),
        worker_ids=["a", "b", "c"],
        args_kwargs={"args": [batch.pk], "kwargs": {}},
        task_path="thidua.decisions.tasks.build_certificates",
        backend_name="default",
        run_after=get_date_max(),
    )
    assert requeue_stale(stale_after=1800, max_attempts=3) == 1
    batch.refresh_from_db()
    assert batch.status == "failed" and "dừng giữa chừng 3 lần" in batch.error
    page = client_as("noivu").get(f"/quyet-dinh/{decision.pk}/giay-khen/lo/{batch.pk}/")
    assert "Lỗi" in page.content.decode() and "every 1s" not in page.content.decode()
