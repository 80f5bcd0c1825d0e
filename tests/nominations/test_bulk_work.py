"""Bulk work (issue 16): several attestations in one form, several files in one upload with the
slot guessed from the name and confirmed, reminders that are not pre-ticked."""

from __future__ import annotations

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.core.models import AuditEntry
from thidua.nominations.evaluation import evaluate_candidates
from thidua.nominations.models import CandidateAttestation, DossierDocument
from thidua.nominations.services.bulk import guess_required

from ..demo_dossiers import pdf

pytestmark = pytest.mark.django_db


def attestable(dossier):
    """(candidate, [criterion ids]) of the dossier's candidates that have criteria to confirm."""
    checks = evaluate_candidates(dossier.campaign, dossier.candidates.all())
    return [(c.candidate, sorted(int(k) for k in c.attestable)) for c in checks if c.attestable]


def test_several_criteria_of_one_candidate_in_one_form(client_as, ward_dossier, before_deadline):
    candidate, keys = attestable(ward_dossier)[0]
    url = f"/ho-so/{ward_dossier.pk}/ung-vien/{candidate.pk}/xac-nhan-nhieu/"
    client = client_as("phuongsapa")
    assert client.get(url).status_code == 200
    data = {"version": ward_dossier.version}
    for key in keys:
        data[f"ket-qua-{key}"] = "1"
        data[f"ghi-chu-{key}"] = "Theo nhận xét của chi bộ"
    response = client.post(url, data)
    assert response.status_code == 302
    rows = CandidateAttestation.objects.filter(candidate=candidate)
    assert sorted(rows.values_list("criterion_id", flat=True)) == keys
    assert all(r.confirmed and r.note == "Theo nhận xét của chi bộ" for r in rows)
    ward_dossier.refresh_from_db()
    assert ward_dossier.version == data["version"] + 1  # one claim for the whole form
    entry = AuditEntry.objects.filter(action="nominations.candidate.attested_bulk").get()
    assert entry.message == f"{candidate.name}: {len(keys)} xác nhận ({len(keys)} đạt, 0 không đạt)"

    # The same form sent again with the old version: a conflict, nothing written.
    data[f"ket-qua-{keys[0]}"] = "0"
    response = client.post(url, data, follow=True)
    assert "vừa được người khác cập nhật" in html.unescape(response.text)
    assert CandidateAttestation.objects.get(candidate=candidate, criterion_id=keys[0]).confirmed


def test_bulk_attestation_refusals(client_as, ward_dossier, commune_dossier, before_deadline):
    candidate, keys = attestable(ward_dossier)[0]
    url = f"/ho-so/{ward_dossier.pk}/ung-vien/{candidate.pk}/xac-nhan-nhieu/"
    data = {"version": ward_dossier.version, f"ket-qua-{keys[0]}": "1"}
    assert client_as("tavan").post(url, data).status_code == 404  # another unit's dossier
    assert client_as("chutich").post(url, data).status_code == 403  # reads, edits nothing
    assert (
        client_as("tavan").get(f"/ho-so/{ward_dossier.pk}/xac-nhan-hang-loat/").status_code == 404
    )
    # A submitted dossier is no longer edited: back to the dossier with the reason.
    response = client_as("tavan").get(f"/ho-so/{commune_dossier.pk}/xac-nhan-hang-loat/")
    assert response.status_code == 302
    assert not CandidateAttestation.objects.filter(candidate=candidate).exists()


def test_one_criterion_for_several_candidates(client_as, ward_dossier, before_deadline):
    rows = attestable(ward_dossier)
    key = rows[0][1][0]
    targets = [c for c, keys in rows if key in keys]
    url = f"/ho-so/{ward_dossier.pk}/xac-nhan-hang-loat/"
    client = client_as("phuongsapa")
    page = client.get(f"{url}?tieu-chuan={key}").text
    for candidate in targets:
        assert f'name="ket-qua-{candidate.pk}"' in page
    data = {"version": ward_dossier.version, "tieu-chuan": key}
    for i, candidate in enumerate(targets):
        data[f"ket-qua-{candidate.pk}"] = "1" if i == 0 else "0"
    response = client.post(url, data)
    assert response.status_code == 302
    saved = dict(
        CandidateAttestation.objects.filter(criterion_id=key).values_list(
            "candidate_id", "confirmed"
        )
    )
    assert saved == {c.pk: i == 0 for i, c in enumerate(targets)}
    assert AuditEntry.objects.filter(action="nominations.candidate.attested_bulk").count() == 1


def test_slot_guessed_from_the_file_name(campaign):
    slots = list(campaign.required_documents.all())

    def guess(name):
        slot = guess_required(name, slots)
        return slot.name.split()[0:2] if slot else None

    assert guess("to-trinh.pdf") == ["Tờ", "trình"]
    assert guess("Tờ trình đề nghị.pdf") == ["Tờ", "trình"]
    assert guess("bien_ban_hop.pdf") == ["Biên", "bản"]
    assert guess("danh-sach-trich-ngang.docx") == ["Danh", "sách"]
    assert guess("bao-cao-thanh-tich.pdf")[:2] == ["Báo", "cáo"]
    assert guess("bao-cao.pdf") is None  # two slots start with "Báo cáo": no guess
    assert guess("anh-chup.png") is None


def test_several_files_at_once_then_confirm_the_slots(client_as, ward_dossier, before_deadline):
    client = client_as("phuongsapa")
    response = client.post(
        f"/ho-so/{ward_dossier.pk}/tai-lieu/nhieu/",
        {"version": ward_dossier.version, "files": [pdf("to-trinh.pdf"), pdf("bien-ban.pdf")]},
    )
    assert response.status_code == 302
    assert "/tai-lieu/xac-nhan/?tep=" in response["Location"]
    docs = list(DossierDocument.objects.filter(dossier=ward_dossier).order_by("pk"))
    assert [d.original_name for d in docs] == ["to-trinh.pdf", "bien-ban.pdf"]
    assert docs[0].required.name.startswith("Tờ trình")
    assert docs[1].required.name.startswith("Biên bản")

    page = html.unescape(client.get(response["Location"]).text)
    assert "Xác nhận thành phần hồ sơ của các tệp vừa tải lên" in page
    # The officer corrects the second one: it is "Tài liệu khác".
    ward_dossier.refresh_from_db()
    ids = ",".join(str(d.pk) for d in docs)
    response = client.post(
        f"/ho-so/{ward_dossier.pk}/tai-lieu/xac-nhan/",
        {
            "version": ward_dossier.version,
            "tep": ids,
            f"thanh-phan-{docs[0].pk}": docs[0].required_id,
            f"thanh-phan-{docs[1].pk}": "",
        },
    )
    assert response.status_code == 302
    docs[1].refresh_from_db()
    assert docs[1].required_id is None
    assert AuditEntry.objects.filter(action="nominations.document.assigned").count() == 1


def test_one_bad_file_keeps_none(client_as, ward_dossier, before_deadline):
    fake = SimpleUploadedFile("bien-ban.pdf", b"not a pdf at all", content_type="application/pdf")
    response = client_as("phuongsapa").post(
        f"/ho-so/{ward_dossier.pk}/tai-lieu/nhieu/",
        {"version": ward_dossier.version, "files": [pdf("to-trinh.pdf"), fake]},
        follow=True,
    )
    assert "Tệp “bien-ban.pdf”: không tải lên được, chưa lưu tệp nào." in html.unescape(
        response.text
    )
    assert not DossierDocument.objects.filter(dossier=ward_dossier).exists()


def test_upload_refusals(client_as, ward_dossier, before_deadline):
    url = f"/ho-so/{ward_dossier.pk}/tai-lieu/nhieu/"
    data = {"version": ward_dossier.version, "files": [pdf("to-trinh.pdf")]}
    assert client_as("tavan").post(url, data).status_code == 404
    data = {"version": ward_dossier.version, "files": [pdf("to-trinh.pdf")]}
    assert client_as("chutich").post(url, data).status_code == 403
    assert not DossierDocument.objects.filter(dossier=ward_dossier).exists()


def test_reminders_are_not_pre_ticked(client_as, campaign):
    page = client_as("noivu").get(f"/ho-so/dot/{campaign.pk}/").text
    boxes = [part.split(">")[0] for part in page.split('name="unit"')[1:]]
    assert boxes and not any("checked" in b for b in boxes)


def test_bulk_attestations_through_the_api(api_as, ward_dossier, before_deadline):
    candidate, keys = attestable(ward_dossier)[0]
    url = f"/api/v1/dossiers/{ward_dossier.pk}/candidates/{candidate.pk}/attestations/bulk"
    api = api_as("phuongsapa")
    body = {
        "version": ward_dossier.version,
        "answers": [{"criterion_id": k, "confirmed": True, "note": "Chi bộ"} for k in keys],
    }
    response = api.post(url, body, content_type="application/json")
    assert response.status_code == 200
    assert response.json() == {"written": len(keys), "version": ward_dossier.version + 1}
    assert api.post(url, body, content_type="application/json").status_code == 409  # stale
    body["version"] += 1
    body["answers"][0]["criterion_id"] = 999_999
    assert api.post(url, body, content_type="application/json").status_code == 422
    assert api_as("tavan").post(url, body, content_type="application/json").status_code == 404

    many = f"/api/v1/dossiers/{ward_dossier.pk}/attestations/bulk"
    response = api.post(
        many,
        {
            "version": ward_dossier.version + 1,
            "criterion_id": keys[0],
            "answers": [{"candidate_id": candidate.pk, "confirmed": False}],
        },
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["written"] == 1
    assert not CandidateAttestation.objects.get(candidate=candidate, criterion_id=keys[0]).confirmed
