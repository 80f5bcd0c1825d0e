"""The 2026 phong trào of the new phường Sa Pa, in progress, so that every role of the ward has
something waiting on its home page (`make run`; the tests start from the dossier stage):

- the ward's staff and tổ dân phố with their 2024 and 2025 ratings;
- Tổ dân phố Cầu Mây drafting (a candidate list, documents partly uploaded): `caumay.truong`
  sees it waiting for the head's submission, `caumay` the approaching deadline;
- Tổ dân phố Hàm Rồng submitted and returned for supplement (`hamrong`);
- Tổ dân phố Ô Quý Hồ submitted, waiting for appraisal (`vhxh.sapa`);
- Phòng Văn hóa - Xã hội appraised, and the ward's council voting on it: `hoidong.sapa` and
  `chutich.sapa` have a ballot open, the secretary `vhxh.sapa` has voted and closes the ballot.

Every step goes through the services, as users would act. Skipped as a whole once the ward's
council exists or a dossier of the campaign was started by hand."""

from __future__ import annotations

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from thidua.campaigns.models import Campaign
from thidua.council import services as council
from thidua.council.models import Council, CouncilMember
from thidua.nominations import services
from thidua.nominations.models import Dossier
from thidua.org.models import Person, Unit
from thidua.records.models import AnnualRating

from .plan_two_tier_2026 import TWO_TIER_TITLE
from .scenario import PDF, appraise, upload_missing_documents
from .seed_accounts import CAU_MAY, HAM_RONG, O_QUY_HO, OFFICE
from .seed_council import seat_council

COUNCIL = "Hội đồng Thi đua – Khen thưởng phường Sa Pa"
RETURN_REASON = (
    "Bổ sung Biên bản họp bình xét của tổ dân phố (bản đã nộp chưa có chữ ký của Tổ trưởng)."
)

MEMBERS = [
    # username, position, title
    ("chutich.sapa", "chu_tich", "Chủ tịch UBND phường"),
    ("hoidong.sapa", "uy_vien", "Chủ tịch Ủy ban MTTQ Việt Nam phường"),
    ("vhxh.sapa", "thu_ky", "Công chức Phòng Văn hóa - Xã hội phường"),
]
RULE_BASIS = "Quy chế hoạt động của Hội đồng TĐKT phường: biểu quyết theo đa số"


def seed_2026() -> None:
    campaign = Campaign.objects.filter(title=TWO_TIER_TITLE).order_by("pk").first()
    if campaign is None or campaign.dossiers.exists():
        return
    ward = campaign.issuer
    if Council.objects.filter(unit=ward).exists():
        return
    users = {u.username: u for u in get_user_model().objects.all()}
    units = {u.name: u for u in Unit.objects.filter(path__startswith=ward.path)}
    forms = {f.name: f for f in campaign.award_forms.all()}
    giay_khen = forms["Giấy khen của Chủ tịch UBND phường"]
    with transaction.atomic():
        _ratings(ward)
        _council(ward, forms.values(), users)
        _keep_open(campaign, [units[n] for n in (OFFICE, CAU_MAY, HAM_RONG, O_QUY_HO)], users)

        office = _dossier(campaign, units[OFFICE], users["vhxh.truong"], giay_khen, people=2)
        upload_missing_documents(office, users["vhxh.truong"])
        services.submit(actor=users["vhxh.truong"], dossier=office)
        appraise(office, users["vhxh.sapa"])

        o_quy_ho = _dossier(campaign, units[O_QUY_HO], users["oquyho.truong"], giay_khen, people=2)
        upload_missing_documents(o_quy_ho, users["oquyho.truong"])
        services.submit(actor=users["oquyho.truong"], dossier=o_quy_ho)

        ham_rong = _dossier(campaign, units[HAM_RONG], users["hamrong"], giay_khen, people=1)
        upload_missing_documents(ham_rong, users["hamrong"])
        services.submit(actor=users["hamrong.truong"], dossier=ham_rong)
        services.return_for_supplement(
            actor=users["vhxh.sapa"], dossier=ham_rong, reason=RETURN_REASON
        )

        cau_may = _dossier(campaign, units[CAU_MAY], users["caumay"], giay_khen, people=2)
        _upload_first_document(cau_may, users["caumay"])

        _open_ballot(campaign, users)


def _ratings(ward: Unit) -> None:
    """2024 and 2025 ratings of the ward's people and collectives (the seed's history stops in
    2019): mostly good, a few outstanding, reproducible."""
    rng = random.Random(2026)  # noqa: S311 - reproducible demo data, not security
    levels, weights = ["xuat_sac", "tot", "hoan_thanh"], [3, 6, 1]
    rows = []
    for person in Person.objects.filter(unit__path__startswith=ward.path).order_by("pk"):
        for year in (2024, 2025):
            rows.append(
                AnnualRating(person=person, year=year, level=rng.choices(levels, weights)[0])
            )
    for unit in Unit.objects.filter(path__startswith=ward.path).order_by("pk"):
        for year in (2024, 2025):
            rows.append(AnnualRating(unit=unit, year=year, level=rng.choices(levels, weights)[0]))
    AnnualRating.objects.bulk_create(rows, ignore_conflicts=True)


def _council(ward: Unit, forms, users) -> None:
    body = Council.objects.create(unit=ward, name=COUNCIL, valid_from=ward.valid_from)
    seat_council(body, MEMBERS, users, forms, RULE_BASIS)


def _keep_open(campaign: Campaign, units: list[Unit], users) -> None:
    """Past the 2026 deadline (a demo run later on), the ward extends it for its units so that
    the flow can still be tried."""
    today = timezone.localdate()
    if today <= campaign.dossier_deadline:
        return
    for unit in units:
        services.grant_extension(
            actor=users["vhxh.sapa"],
            campaign=campaign,
            unit=unit,
            until=today + timedelta(days=14),
            reason="Gia hạn để chạy thử quy trình trên dữ liệu mẫu",
        )


def _dossier(campaign: Campaign, unit: Unit, actor, form, *, people: int) -> Dossier:
    """The unit's draft: its first ``people`` people and the unit itself as a collective."""
    dossier = services.create_dossier(actor=actor, campaign=campaign, unit=unit)
    chosen = list(Person.objects.filter(unit=unit).order_by("pk")[:people])
    for person in chosen:
        dossier.refresh_from_db()
        services.add_candidate(
            actor=actor,
            dossier=dossier,
            version=dossier.version,
            award_form=form,
            person=person,
            summary="Tích cực tham gia xây dựng đô thị du lịch văn minh, thân thiện, mến khách; "
            "vận động người dân giữ gìn vệ sinh môi trường và bản sắc văn hóa.",
        )
    dossier.refresh_from_db()
    services.add_candidate(
        actor=actor,
        dossier=dossier,
        version=dossier.version,
        award_form=form,
        unit=unit,
        summary="Tập thể tiêu biểu trong phong trào “Phường Sa Pa văn minh, thân thiện, mến "
        "khách” năm 2026.",
    )
    dossier.refresh_from_db()
    return dossier


def _upload_first_document(dossier: Dossier, actor) -> None:
    """A draft partly done: the Tờ trình uploaded, the rest still missing."""
    required = dossier.campaign.required_documents.order_by("order").first()
    if required is None:
        return
    services.upload_document(
        actor=actor,
        dossier=dossier,
        version=dossier.version,
        uploaded=ContentFile(PDF, name="to-trinh.pdf"),
        required=required,
        candidate=None,
    )


def _open_ballot(campaign: Campaign, users) -> None:
    secretary = users["vhxh.sapa"]
    meeting = council.create_meeting(
        actor=secretary,
        campaign=campaign,
        held_on=timezone.localdate(),
        place="Hội trường UBND phường Sa Pa",
        mode="electronic",
    )
    members = CouncilMember.objects.filter(council=meeting.council)
    council.set_attendance(
        actor=secretary,
        meeting=meeting,
        present_member_ids=set(members.values_list("pk", flat=True)),
    )
    council.open_ballot(actor=secretary, meeting=meeting)
    # The secretary has voted; the chairman and the member still have it on their home page.
    council.cast_ballot(
        actor=secretary,
        meeting=meeting,
        choices={item.pk: True for item in meeting.items.all()},
    )
