"""Demo dossiers of the Sa Pa 2020 campaign, as they stood after the deadline of 25/10/2020:
Xã Tả Van submitted on time (with its generated documents), Phường Sa Pa was still drafting
(Phòng Nội vụ can grant it an extension to show the flow), the other units never started.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from thidua.campaigns.models import Campaign
from thidua.core.models import AuditEntry
from thidua.nominations import documents
from thidua.nominations.models import (
    Candidate,
    Dossier,
    DossierDocument,
    DossierStatus,
    SubmissionRound,
)
from thidua.org.models import Person, Unit
from thidua.records.models import MaternityLeave, ReviewCase

from .plan_sapa_2020 import SAPA_TITLE
from .seed_documents import collective_report, review_minutes

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def _at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=VN)


def _log(actor, action: str, dossier: Dossier, when: datetime, message: str = "") -> None:
    entry = AuditEntry.objects.create(
        actor=actor,
        action=action,
        object_type="nominations.dossier",
        object_id=str(dossier.pk),
        message=message,
    )
    AuditEntry.objects.filter(pk=entry.pk).update(created_at=when)


def seed_dossiers() -> None:
    campaign = Campaign.objects.filter(title=SAPA_TITLE, parent__isnull=True).first()
    if campaign is None or campaign.dossiers.exists():
        return
    users = {u.username: u for u in get_user_model().objects.all()}
    forms = {f.order: f for f in campaign.award_forms.all()}
    gk_town = next(f for f in forms.values() if "thị xã" in f.name)
    person = {
        p.full_name: p
        for p in Person.objects.filter(
            full_name__in=["Nguyễn Thị Thu Hương", "Hoàng Văn Quý", "Lý Thị Mẩy", "Sùng A Páo"]
        )
    }
    unit = {
        u.name: u
        for u in Unit.objects.filter(
            name__in=["Phường Sa Pa", "Xã Tả Van", "Tổ dân phố số 1", "Thôn Lao Chải"]
        )
    }

    # Phường Sa Pa: still drafting when the deadline passed.
    ward = Dossier.objects.create(
        campaign=campaign, unit=unit["Phường Sa Pa"], created_by=users["phuongsapa"]
    )
    _log(users["phuongsapa"], "nominations.dossier.created", ward, _at(date(2020, 10, 12)))
    colleague = (
        Person.objects.filter(unit=unit["Phường Sa Pa"], category="cong_chuc")
        .exclude(pk__in=[p.pk for p in person.values()])
        .order_by("pk")
        .first()
    )
    rows = [
        (
            person["Nguyễn Thị Thu Hương"],
            None,
            "Tham mưu tổ chức thành công chuỗi hoạt động văn hóa, du "
            "lịch chào mừng 70 năm giải phóng Sa Pa; số hóa hồ sơ hộ tịch của phường.",
        ),
        (
            person["Hoàng Văn Quý"],
            None,
            "Hoàn thành tốt công tác giải phóng mặt bằng các công trình chào mừng "
            "kỷ niệm 70 năm giải phóng Sa Pa.",
        ),
        (colleague, None, "Hoàn thành xuất sắc nhiệm vụ chuyên môn trong đợt thi đua."),
        (
            None,
            unit["Tổ dân phố số 1"],
            "Tổ dân phố tiêu biểu trong phong trào xây dựng nếp sống văn minh đô "
            "thị, chỉnh trang đường phố chào mừng ngày lễ.",
        ),
    ]
    for order, (p, u, summary) in enumerate(rows, start=1):
        Candidate.objects.create(
            dossier=ward, person=p, unit=u, award_form=gk_town, summary=summary, order=order
        )
    MaternityLeave.objects.get_or_create(
        person=person["Nguyễn Thị Thu Hương"], starts_on=date(2019, 3, 1), ends_on=date(2019, 8, 31)
    )
    ReviewCase.objects.get_or_create(
        person=colleague,
        kind="khieu_nai",
        opened_on=date(2020, 9, 28),
        note="Đơn phản ánh về việc cấp giấy phép xây dựng, đang xác minh",
    )

    # Xã Tả Van: submitted on time, with its documents.
    commune = Dossier.objects.create(
        campaign=campaign, unit=unit["Xã Tả Van"], created_by=users["tavan"]
    )
    _log(users["tavan"], "nominations.dossier.created", commune, _at(date(2020, 10, 5)))
    Candidate.objects.create(
        dossier=commune,
        person=person["Lý Thị Mẩy"],
        award_form=gk_town,
        order=1,
        summary="Tích cực tuyên truyền, vận động đồng bào tham gia phát triển du lịch cộng đồng.",
    )
    Candidate.objects.create(
        dossier=commune,
        person=person["Sùng A Páo"],
        award_form=gk_town,
        order=2,
        summary="Phát triển mô hình du lịch cộng đồng, giúp 4 hộ thoát nghèo, tạo việc làm cho 7 lao động.",
        facts={"ho_thoat_ngheo": 4, "lao_dong_dia_phuong": 7},
    )
    Candidate.objects.create(
        dossier=commune,
        unit=unit["Thôn Lao Chải"],
        award_form=gk_town,
        order=3,
        summary="Thôn tiêu biểu trong xây dựng nông thôn mới và giữ gìn bản sắc văn hóa dân tộc.",
    )
    generated = {
        "Tờ trình": ("to-trinh-xa-ta-van.docx", documents.submission_letter(commune)),
        "Danh sách trích ngang": ("danh-sach-trich-ngang.docx", documents.nomination_list(commune)),
        "Biên bản": (
            "bien-ban-hop-xet.docx",
            review_minutes(commune.unit, list(commune.candidates.all()), date(2020, 10, 20)),
        ),
        "Báo cáo kết quả": (
            "bao-cao-ket-qua.docx",
            collective_report(commune.unit, unit["Thôn Lao Chải"], date(2020, 10, 20)),
        ),
    }
    for required in campaign.required_documents.all():
        for key, (name, content) in generated.items():
            if key.lower() in required.name.lower():
                _store(commune, required, name, content, users["tavan"])
    submitted = _at(date(2020, 10, 22), 15)
    Dossier.objects.filter(pk=commune.pk).update(
        status=DossierStatus.SUBMITTED,
        round=1,
        submitted_at=submitted,
        submitted_by=users["tavan"],
        version=2,
    )
    SubmissionRound.objects.create(
        dossier=commune,
        number=1,
        submitted_at=submitted,
        submitted_by=users["tavan"],
        candidate_count=3,
    )
    _log(
        users["tavan"],
        "nominations.dossier.submitted",
        commune,
        submitted,
        "Lần nộp thứ 1, 3 người/tập thể",
    )


def _store(dossier, required, name, content: bytes, actor) -> None:
    import hashlib
    import secrets

    document = DossierDocument(
        dossier=dossier,
        required=required,
        token=secrets.token_hex(16),
        original_name=name,
        kind="docx",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=actor,
    )
    document.file.save("upload", ContentFile(content), save=True)
