"""Certificate batches: started only by the issuer's emulation officer, once per version of a
decision; a second request shows the batch in progress, a failed batch or a changed decision
allows a new one, and the database refuses two live batches of one version."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from thidua.core.audit import history
from thidua.decisions.batches import fingerprint
from thidua.decisions.models import CertificateBatch

START = "/quyet-dinh/{}/giay-khen/tao/"


@pytest.mark.parametrize(
    ("username", "status"),
    # The chairman signs and the secretary reads, but neither builds the certificates; a
    # member may not open the decision; another commune does not see it.
    [("chutich", 403), ("thuky", 403), ("hoidong1", 403), ("tavan", 404), ("phuongsapa", 404)],
)
def test_only_the_issuers_emulation_officer_starts_a_batch(
    client_as, signed_decision, username, status
):
    response = client_as(username).post(START.format(signed_decision.pk))
    assert response.status_code == status
    assert not CertificateBatch.objects.filter(decision=signed_decision).exists()


def test_the_button_is_shown_to_the_officer_only(client_as, signed_decision):
    url = f"/quyet-dinh/{signed_decision.pk}/"
    button = "Tạo tệp ZIP từng Giấy khen"
    assert button in client_as("noivu").get(url).content.decode()
    chairman = client_as("chutich").get(url)
    assert chairman.status_code == 200 and button not in chairman.content.decode()


def test_a_second_request_shows_the_batch_in_progress(client_as, signed_decision):
    client = client_as("noivu")
    # Callbacks on commit are not run: the batch stays queued, as while the worker is busy.
    first = client.post(START.format(signed_decision.pk))
    assert first.status_code == 302 and first["Location"] == f"/quyet-dinh/{signed_decision.pk}/"
    second = client.post(START.format(signed_decision.pk), follow=True)
    assert second.status_code == 200
    page = second.content.decode()
    assert "đang được tạo (0/6); không tạo thêm lần nữa" in page
    assert 'hx-trigger="every 1s"' in page  # the progress of the one batch
    batch = CertificateBatch.objects.get(decision=signed_decision)
    assert (batch.status, batch.total, batch.fingerprint) == (
        "queued",
        6,
        fingerprint(signed_decision),
    )
    assert [e.action for e in history(signed_decision)].count(
        "decisions.certificates.requested"
    ) == 1


def test_a_done_batch_is_not_built_again(
    client_as, signed_decision, django_capture_on_commit_callbacks
):
    client = client_as("noivu")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(START.format(signed_decision.pk))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = client.post(START.format(signed_decision.pk), follow=True)
    assert callbacks == []  # nothing queued
    assert "đã có và quyết định không thay đổi" in again.content.decode()
    assert list(
        CertificateBatch.objects.filter(decision=signed_decision).values_list("status")
    ) == [("done",)]


def test_a_failed_batch_or_a_changed_decision_allows_a_new_one(client_as, signed_decision):
    client = client_as("noivu")
    client.post(START.format(signed_decision.pk))
    first = CertificateBatch.objects.get(decision=signed_decision)
    first.status = "failed"
    first.save()
    assert client.post(START.format(signed_decision.pk)).status_code == 302
    second = CertificateBatch.objects.exclude(pk=first.pk).get(decision=signed_decision)
    assert second.fingerprint == first.fingerprint and second.status == "queued"
    # Still queued: no third one for the same version.
    client.post(START.format(signed_decision.pk))
    assert CertificateBatch.objects.filter(decision=signed_decision).count() == 2
    # The decision changes (a recipient's name corrected): its certificates are built anew.
    recipient = signed_decision.recipients.get(order=1)
    recipient.name = recipient.name + " (sửa)"
    recipient.save()
    client.post(START.format(signed_decision.pk))
    third = CertificateBatch.objects.filter(decision=signed_decision).order_by("-pk").first()
    assert CertificateBatch.objects.filter(decision=signed_decision).count() == 3
    assert third.fingerprint == fingerprint(signed_decision) != first.fingerprint


def test_the_database_refuses_two_live_batches_of_one_version(signed_decision):
    print_ = fingerprint(signed_decision)
    CertificateBatch.objects.create(decision=signed_decision, token="a", fingerprint=print_)
    with pytest.raises(IntegrityError), transaction.atomic():
        CertificateBatch.objects.create(decision=signed_decision, token="b", fingerprint=print_)
    CertificateBatch.objects.filter(token="a").update(status="failed")
    CertificateBatch.objects.create(decision=signed_decision, token="c", fingerprint=print_)


def test_the_fingerprint_follows_number_date_and_recipients(signed_decision):
    before = fingerprint(signed_decision)
    assert fingerprint(signed_decision) == before
    signed_decision.number += 1
    assert fingerprint(signed_decision) != before
