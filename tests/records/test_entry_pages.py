"""The emulation officer enters history by page (/lich-su/nhap/): each entry records who
entered it and on what evidence; scope is the officer's subtree (404 outside, 403 inside
without the right); bad evidence files are refused and nothing is stored."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from thidua.core.models import AuditEntry
from thidua.demo.scenario import sample_pdf
from thidua.org.models import Person
from thidua.records.models import AnnualRating, AwardRecord, Discipline, Initiative

pytestmark = pytest.mark.django_db

PDF = sample_pdf()  # a real one-page PDF: uploads are parsed


def test_officer_adds_an_initiative_with_evidence_file(
    personas, settings, tmp_path, django_assert_max_num_queries
):
    settings.MEDIA_ROOT = tmp_path
    van = personas.people["ward_person"]
    officer = personas.client("town_officer")
    response = officer.post(
        f"/lich-su/nhap/ca-nhan/{van.pk}/sang-kien/them/",
        {
            "sang-kien-title": "Số hóa hồ sơ hộ tịch",
            "sang-kien-recognized_on": "2025-11-20",
            "sang-kien-authority_level": "xa",
            "sang-kien-recognized_by": "Chủ tịch UBND phường Đồi Chè",
            "sang-kien-decision_number": "12/QĐ-UBND",
            "sang-kien-evidence_number": "12/QĐ-UBND",
            "sang-kien-evidence_date": "2025-11-20",
            "sang-kien-evidence_upload": SimpleUploadedFile("qd.pdf", PDF),
        },
    )
    assert response.status_code == 302
    initiative = Initiative.objects.get(person=van)
    assert initiative.entered_by == personas.users["town_officer"]
    assert initiative.evidence_number == "12/QĐ-UBND"
    assert initiative.evidence_date == date(2025, 11, 20)
    assert initiative.evidence_file.name.endswith(".pdf")
    assert "qd" not in initiative.evidence_file.name  # stored under a random name
    assert AuditEntry.objects.filter(action="records.initiative.saved").count() == 1
    user = personas.users["town_officer"]
    for year in range(2015, 2025):  # the page's queries do not grow with the entries
        AnnualRating.objects.create(person=van, year=year, level="tot", entered_by=user)
    with django_assert_max_num_queries(12):
        page = officer.get(f"/lich-su/nhap/ca-nhan/{van.pk}/").content.decode()
    assert "Số hóa hồ sơ hộ tịch" in page and "12/QĐ-UBND" in page
    download = officer.get(f"/lich-su/nhap/sang-kien/{initiative.pk}/tep/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    # Another ward's officer does not see the file either.
    other = personas.client("new_ward_officer")
    assert other.get(f"/lich-su/nhap/sang-kien/{initiative.pk}/tep/").status_code == 404


def test_a_disguised_file_is_refused_and_nothing_is_stored(personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    van = personas.people["ward_person"]
    response = personas.client("town_officer").post(
        f"/lich-su/nhap/ca-nhan/{van.pk}/ky-luat/them/",
        {
            "ky-luat-form": "khien_trach",
            "ky-luat-decided_on": "2025-05-12",
            "ky-luat-evidence_upload": SimpleUploadedFile("qd.pdf", b"MZ\x90\x00 not a pdf"),
        },
    )
    assert response.status_code == 200
    assert "không phải PDF, DOCX, XLSX, PNG, JPEG" in response.content.decode()
    assert not Discipline.objects.filter(person=van).exists()
    assert not list(tmp_path.rglob("*.*"))


def test_other_communes_ids_are_404_and_a_unit_account_is_403(personas):
    phao = personas.people["commune_person"]  # Xã Suối Mây, under the town
    rating = AnnualRating.objects.create(person=phao, year=2024, level="tot")
    outsider = personas.client("new_ward_officer")  # Phường Hồ Sen: not the town's subtree
    assert outsider.get(f"/lich-su/nhap/ca-nhan/{phao.pk}/").status_code == 404
    assert outsider.get(f"/lich-su/nhap/xep-loai/{rating.pk}/sua/").status_code == 404
    assert outsider.post(f"/lich-su/nhap/xep-loai/{rating.pk}/xoa/").status_code == 404
    commune = personas.units["commune"]
    assert outsider.get(f"/lich-su/nhap/don-vi/{commune.pk}/xep-loai/2024/").status_code == 404
    assert (
        outsider.post(
            f"/lich-su/nhap/don-vi/{commune.pk}/xep-loai/2024/", {f"muc_p{phao.pk}": "xuat_sac"}
        ).status_code
        == 404
    )
    # Inside the subtree without the right: the commune's own unit account.
    unit_account = personas.client("commune_officer")
    assert unit_account.get(f"/lich-su/nhap/ca-nhan/{phao.pk}/").status_code == 403
    assert unit_account.post(f"/lich-su/nhap/xep-loai/{rating.pk}/xoa/").status_code == 403
    assert unit_account.get("/lich-su/nhap/").status_code == 403
    rating.refresh_from_db()
    assert rating.level == "tot"


def test_ratings_grid_lists_people_unit_and_children_and_saves_at_once(
    personas, django_assert_max_num_queries
):
    ward = personas.units["ward"]
    hamlet = personas.units["hamlet"]
    van = personas.people["ward_person"]
    second = Person.objects.create(
        full_name="Lò Văn Minh", gender="nam", unit=ward, category="cong_chuc"
    )
    AnnualRating.objects.create(person=second, year=2025, level="hoan_thanh")
    officer = personas.client("town_officer")
    start = officer.get("/lich-su/nhap/").content.decode()
    assert f'href="/lich-su/nhap/don-vi/{personas.units["town"].pk}/"' in start
    unit_page = officer.get(f"/lich-su/nhap/don-vi/{ward.pk}/").content.decode()
    last_year = timezone.localdate().year - 1
    assert f'href="/lich-su/nhap/don-vi/{ward.pk}/xep-loai/{last_year}/"' in unit_page
    assert "Lò Văn Minh" in unit_page and "Tổ dân phố Đồi Thông" in unit_page
    with django_assert_max_num_queries(12):
        page = officer.get(f"/lich-su/nhap/don-vi/{ward.pk}/xep-loai/2025/")
    html = page.content.decode()
    for key in (f"muc_u{ward.pk}", f"muc_u{hamlet.pk}", f"muc_p{van.pk}", f"muc_p{second.pk}"):
        assert f'name="{key}"' in html
    response = officer.post(
        f"/lich-su/nhap/don-vi/{ward.pk}/xep-loai/2025/",
        {
            "evidence_number": "25/QĐ-UBND",
            "evidence_date": "2025-12-20",
            f"muc_u{ward.pk}": "xuat_sac",
            f"muc_u{hamlet.pk}": "tot",
            f"muc_p{van.pk}": "tot",
            f"muc_p{second.pk}": "",  # emptied: removed
        },
    )
    assert response.status_code == 302
    assert dict(
        AnnualRating.objects.filter(year=2025, unit__in=[ward, hamlet]).values_list(
            "unit_id", "level"
        )
    ) == {ward.pk: "xuat_sac", hamlet.pk: "tot"}
    stored = AnnualRating.objects.get(person=van, year=2025)
    assert (stored.level, stored.evidence_number, stored.entered_by) == (
        "tot",
        "25/QĐ-UBND",
        personas.users["town_officer"],
    )
    assert not AnnualRating.objects.filter(person=second).exists()
    # Saving again changes only the rows that changed: the others keep their evidence.
    officer.post(
        f"/lich-su/nhap/don-vi/{ward.pk}/xep-loai/2025/",
        {f"muc_u{ward.pk}": "xuat_sac", f"muc_p{van.pk}": "xuat_sac"},
    )
    assert AnnualRating.objects.get(unit=ward, year=2025).evidence_number == "25/QĐ-UBND"
    assert AnnualRating.objects.get(person=van, year=2025).evidence_number == ""
    assert AnnualRating.objects.get(person=van, year=2025).level == "xuat_sac"
    history = officer.get(f"/lich-su/ca-nhan/{van.pk}/").content.decode()
    assert f'href="/lich-su/nhap/ca-nhan/{van.pk}/"' in history  # the officer may enter
    # A row of another unit smuggled into the grid is refused, nothing changes.
    commune_person = personas.people["commune_person"]
    refused = officer.post(
        f"/lich-su/nhap/don-vi/{ward.pk}/xep-loai/2025/",
        {f"muc_p{van.pk}": "xuat_sac", f"muc_p{commune_person.pk}": "tot"},
    )
    assert refused.status_code == 200 and "Dòng không thuộc bảng" in refused.content.decode()
    assert AnnualRating.objects.get(person=van, year=2025).level == "xuat_sac"


def test_legacy_award_by_page_counts_in_statistics_and_decision_awards_stay_read_only(personas):
    from thidua.statistics.models import AwardSummary

    ward = personas.units["ward"]
    officer = personas.client("town_officer")
    response = officer.post(
        f"/lich-su/nhap/don-vi/{ward.pk}/khen-thuong/them/",
        {
            "khen-thuong-award_name": "Tập thể lao động xuất sắc",
            "khen-thuong-award_kind": "danh_hieu",
            "khen-thuong-award_type": "cong_trang",
            "khen-thuong-authority_level": "huyen",
            "khen-thuong-decision_number": "88/QĐ-UBND",
            "khen-thuong-decided_on": "2019-12-30",
            "khen-thuong-issuer_name": "UBND thị xã Đồi Chè",
        },
    )
    assert response.status_code == 302
    award = AwardRecord.objects.get(unit=ward)
    assert award.is_legacy and award.entered_by == personas.users["town_officer"]
    summary = AwardSummary.objects.filter(unit=ward, year=2019)
    assert [(s.award_name, s.collectives) for s in summary] == [("Tập thể lao động xuất sắc", 1)]
    signed = AwardRecord.objects.create(
        unit=ward,
        award_name="Giấy khen",
        award_kind="hinh_thuc",
        award_type="cong_trang",
        authority_level="huyen",
        decision_number="1/QĐ",
        decided_on=date(2020, 1, 2),
        issuer_name="UBND",
    )
    response = officer.post(f"/lich-su/nhap/khen-thuong/{signed.pk}/xoa/", follow=True)
    assert "không sửa, xóa ở đây" in response.content.decode()
    assert AwardRecord.objects.filter(pk=signed.pk).exists()
