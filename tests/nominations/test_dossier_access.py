"""Nobody reads, changes or downloads another unit's dossier: by page, API or file URL."""

from __future__ import annotations

import pytest

from thidua.campaigns.models import Campaign
from thidua.nominations.models import Dossier
from thidua.org.models import Unit

pytestmark = pytest.mark.django_db


def dossier_urls(dossier) -> list[str]:
    candidate = dossier.candidates.first()
    urls = [
        f"/ho-so/{dossier.pk}/",
        f"/ho-so/{dossier.pk}/ung-vien/{candidate.pk}/",
        f"/ho-so/{dossier.pk}/danh-sach-trich-ngang.docx",
        f"/ho-so/{dossier.pk}/to-trinh.docx",
    ]
    urls += [f"/ho-so/{dossier.pk}/tai-lieu/{d.pk}/" for d in dossier.documents.all()]
    return urls


def test_ward_officer_gets_404_for_every_url_of_another_units_dossier(client_as, commune_dossier):
    client = client_as("phuongsapa")
    urls = dossier_urls(commune_dossier)
    assert len(urls) >= 6  # the commune's dossier has generated documents to try
    for url in urls:
        assert client.get(url).status_code == 404, url
    candidate = commune_dossier.candidates.first()
    for url in [
        f"/ho-so/{commune_dossier.pk}/them/",
        f"/ho-so/{commune_dossier.pk}/tai-lieu/",
        f"/ho-so/{commune_dossier.pk}/thao-tac/submit/",
        f"/ho-so/{commune_dossier.pk}/ung-vien/{candidate.pk}/xoa/",
    ]:
        assert client.post(url, {"version": commune_dossier.version}).status_code == 404, url
    assert commune_dossier.candidates.count() == 3


def test_the_owner_unit_can_open_and_download_its_own_dossier(client_as, commune_dossier):
    client = client_as("tavan")
    for url in dossier_urls(commune_dossier):
        response = client.get(url)
        assert response.status_code == 200, url
    document = commune_dossier.documents.first()
    response = client.get(f"/ho-so/{commune_dossier.pk}/tai-lieu/{document.pk}/")
    assert b"".join(response.streaming_content)[:2] == b"PK"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_api_hides_another_units_dossier_and_its_files(api_as, commune_dossier):
    api = api_as("phuongsapa")
    document = commune_dossier.documents.first()
    base = f"/api/v1/dossiers/{commune_dossier.pk}"
    for url in [base, f"{base}/eligibility", f"{base}/documents/{document.pk}"]:
        assert api.get(url).status_code == 404, url
    response = api.post(f"{base}/submit")
    assert response.status_code == 404
    ids = [d["id"] for d in api.get("/api/v1/dossiers").json()]
    assert commune_dossier.pk not in ids


def test_phong_noi_vu_sees_every_dossier_under_the_town(api_as, ward_dossier, commune_dossier):
    ids = {d["id"] for d in api_as("noivu").get("/api/v1/dossiers").json()}
    assert {ward_dossier.pk, commune_dossier.pk} <= ids


def test_phong_noi_vu_sees_nothing_outside_the_town(client_as, api_as):
    campaign = Campaign.objects.get(title__contains="Phường Sa Pa văn minh")
    new_ward = Unit.objects.get(name="Phường Sa Pa (từ 01/07/2025)")
    outside = Dossier.objects.create(campaign=campaign, unit=new_ward.children.first() or new_ward)
    assert client_as("noivu").get(f"/ho-so/{outside.pk}/").status_code == 404
    assert api_as("noivu").get(f"/api/v1/dossiers/{outside.pk}").status_code == 404
    assert client_as("vhxh.sapa").get(f"/ho-so/{outside.pk}/").status_code == 200


def test_department_officer_sees_only_its_department(client_as, api_as, campaign):
    department = Unit.objects.get(name="Phòng Giáo dục và Đào tạo")
    own = Dossier.objects.create(campaign=campaign, unit=department)
    listed = {d["id"] for d in api_as("phonggd").get("/api/v1/dossiers").json()}
    assert listed == {own.pk}
    page = client_as("phonggd").get("/ho-so/").content.decode()
    assert "Phòng Giáo dục và Đào tạo" in page and "Xã Tả Van" not in page


@pytest.mark.parametrize(
    # A council member of the town is inside the ward's subtree without the right to see
    # dossiers (403); the media centre's subtree does not hold the ward (404).
    ("username", "status"),
    [("hoidong1", 403), ("truyenthong", 404)],
)
def test_roles_without_dossier_rights_are_refused(client_as, username, status, ward_dossier):
    assert client_as(username).get(f"/ho-so/{ward_dossier.pk}/").status_code == status


def test_unit_officer_cannot_submit_only_the_head_can(client_as, ward_dossier):
    response = client_as("phuongsapa").post(f"/ho-so/{ward_dossier.pk}/thao-tac/submit/")
    assert response.status_code == 403
    ward_dossier.refresh_from_db()
    assert ward_dossier.status == "draft"


def test_unit_officer_cannot_appraise_or_open_the_dashboard(client_as, commune_dossier, campaign):
    client = client_as("tavan")
    candidate = commune_dossier.candidates.first()
    url = f"/ho-so/{commune_dossier.pk}/ung-vien/{candidate.pk}/tham-dinh/"
    assert client.post(url, {"decision": "du"}).status_code == 403
    assert client.get(f"/ho-so/dot/{campaign.pk}/").status_code == 403
    candidate.refresh_from_db()
    assert candidate.appraisal == "pending"


def test_chairman_reads_but_cannot_edit(client_as, ward_dossier):
    client = client_as("chutich")
    assert client.get(f"/ho-so/{ward_dossier.pk}/").status_code == 200
    assert client.get(f"/ho-so/{ward_dossier.pk}/them/").status_code == 403


def test_candidates_must_come_from_the_units_own_subtree(api_as, ward_dossier, before_deadline):
    from thidua.org.models import Person

    stranger = Person.objects.get(full_name="Lý Thị Mẩy")  # Xã Tả Van
    form = ward_dossier.campaign.award_forms.first()
    response = api_as("phuongsapa").post(
        f"/api/v1/dossiers/{ward_dossier.pk}/candidates",
        {
            "version": ward_dossier.version,
            "award_form_id": form.pk,
            "summary": "x",
            "person_id": stranger.pk,
        },
        content_type="application/json",
    )
    assert response.status_code == 404
    assert not ward_dossier.candidates.filter(person=stranger).exists()


def test_an_emulation_officer_below_the_issuer_cannot_appraise(client_as, user, commune_dossier):
    """A commune's own emulation officer covers the commune, but the town's campaign is
    appraised by the town's Phòng Nội vụ only."""
    from thidua.org.models import Role, RoleAssignment

    local = user("tavan")
    RoleAssignment.objects.create(user=local, role=Role.CHUYEN_VIEN_TDKT, unit=commune_dossier.unit)
    client = client_as("tavan")
    candidate = commune_dossier.candidates.first()
    url = f"/ho-so/{commune_dossier.pk}/ung-vien/{candidate.pk}/tham-dinh/"
    assert client.post(url, {"decision": "du"}).status_code == 403
    assert (
        client.post(f"/ho-so/{commune_dossier.pk}/thao-tac/return/", {"reason": "x"}).status_code
        == 403
    )
    candidate.refresh_from_db()
    assert candidate.appraisal == "pending"
