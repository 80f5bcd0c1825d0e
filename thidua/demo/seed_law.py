"""The law as dated data: the "Căn cứ …" lines award decisions cite and the decrees' reward
coefficients, for 2020 (Luật 2003 amended 2005 and 2013, Nghị định 91/2017, Luật Tổ chức
chính quyền địa phương 2015) and for today (Luật 2022, Nghị định 152/2025, two-tier local
government). Sources: /work/shared/domain/law.md; what it does not confirm carries a note the
administrator sees on the page that edits these tables."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from thidua.decisions.models import InstrumentKind, KindCoefficient, LegalInstrument
from thidua.org.models import Unit

GK = "Ngày ban hành, ngày hiệu lực theo hiểu biết chung, chưa đối chiếu văn bản gốc: kiểm tra lại."
K = InstrumentKind

# (kind, text, valid_from, valid_to, order, note)
INSTRUMENTS = [
    (
        K.LUAT_TCCQDP,
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        date(2016, 1, 1),
        date(2020, 6, 30),
        10,
        GK,
    ),
    (
        K.LUAT_TCCQDP,
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ "
        "sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày "
        "22 tháng 11 năm 2019;",
        date(2020, 7, 1),
        date(2025, 2, 28),
        10,
        GK,
    ),
    (
        K.LUAT_TCCQDP,
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
        date(2025, 3, 1),
        date(2025, 6, 30),
        10,
        GK,
    ),
    (
        K.LUAT_TCCQDP,
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        date(2025, 7, 1),
        None,
        10,
        GK + " Luật áp dụng cho chính quyền địa phương 02 cấp từ 01/07/2025.",
    ),
    (
        K.LUAT_TDKT,
        "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một "
        "số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm "
        "2013;",
        date(2014, 6, 1),
        date(2023, 12, 31),
        20,
        GK,
    ),
    (
        K.LUAT_TDKT,
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        date(2024, 1, 1),
        None,
        20,
        "Luật số 06/2026/QH16 sửa đổi, bổ sung Luật Thi đua, khen thưởng (ngày 23/04/2026, hiệu "
        "lực 01/10/2026) CHƯA XÁC MINH: nếu có, thêm dòng căn cứ từ 01/10/2026.",
    ),
    (
        K.NGHI_DINH,
        "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi "
        "tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
        date(2017, 9, 15),
        date(2023, 12, 31),
        30,
        "Hết hiệu lực 01/01/2024 (đã xác minh); ngày có hiệu lực 15/09/2017 theo hiểu biết chung.",
    ),
    (
        K.NGHI_DINH,
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi "
        "tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
        date(2024, 1, 1),
        date(2025, 6, 30),
        30,
        "",
    ),
    (
        K.NGHI_DINH,
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về "
        "phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn "
        "thi hành một số điều của Luật Thi đua, khen thưởng;",
        date(2025, 7, 1),
        None,
        30,
        "Dữ liệu vbpl ghi ngày hết hiệu lực 01/03/2027, CHƯA XÁC MINH: theo dõi văn bản thay thế.",
    ),
]
PROVINCE_REGULATION = (
    "Căn cứ Quyết định số …/…/QĐ-UBND ngày … của Ủy ban nhân dân tỉnh Lào Cai ban hành Quy "
    "định về công tác thi đua, khen thưởng trên địa bàn tỉnh Lào Cai;"
)
PROVINCE_NOTE = (
    "CHƯA CÓ số, ngày của quy định thi đua, khen thưởng của tỉnh: quản trị viên điền số, ngày "
    "của quyết định đang có hiệu lực (và quy định của tỉnh Lào Cai mới sau sáp nhập 2025) trước "
    "khi ký quyết định."
)

NGHI_DINH_91 = (date(2017, 9, 15), date(2023, 12, 31), "Nghị định 91/2017/NĐ-CP")
NGHI_DINH_98 = (date(2024, 1, 1), date(2025, 6, 30), "Nghị định 98/2023/NĐ-CP")
NGHI_DINH_152 = (date(2025, 7, 1), None, "Nghị định 152/2025/NĐ-CP")
INFERRED = (
    "Hệ số cá nhân suy ra (bằng một nửa hệ số tập thể như các nghị định trước), CHƯA XÁC MINH."
)
NOT_CHECKED_98 = (
    "Giá trị theo Nghị định 98/2023 chưa đối chiếu văn bản; lấy như Nghị định 152/2025."
)

# (decree, kind, individual, collective, article, note)
COEFFICIENTS = [
    (NGHI_DINH_91, "bang_khen_thu_tuong", "1.5", "3.0", "Điều 71", GK),
    (NGHI_DINH_91, "bang_khen_tinh", "1.0", "2.0", "Điều 72", ""),
    (NGHI_DINH_91, "giay_khen_chu_tich_huyen", "0.3", "0.6", "Điều 75", ""),
    (NGHI_DINH_91, "giay_khen_chu_tich_xa", "0.3", "0.6", "Điều 75", ""),
    (NGHI_DINH_91, "giay_khen_thu_truong", "0.3", "0.6", "Điều 75", ""),
    (NGHI_DINH_91, "lao_dong_tien_tien", "0.3", "0", "Điều 70", GK),
    (NGHI_DINH_91, "chien_si_thi_dua_co_so", "1.0", "0", "Điều 70", GK),
    (NGHI_DINH_91, "tap_the_lao_dong_tien_tien", "0", "0.8", "Điều 70", GK),
    (NGHI_DINH_91, "tap_the_lao_dong_xuat_sac", "0", "1.5", "Điều 70", GK),
]
for _kind, _i, _c, _note in (
    ("bang_khen_thu_tuong", "3.5", "7.0", INFERRED),
    ("bang_khen_tinh", "1.5", "3.0", INFERRED),
    ("giay_khen_chu_tich_xa", "0.3", "0.6", INFERRED),
    ("giay_khen_thu_truong", "0.3", "0.6", INFERRED),
    ("lao_dong_tien_tien", "0.3", "0", ""),
    ("chien_si_thi_dua_co_so", "1.0", "0", ""),
    ("tap_the_lao_dong_tien_tien", "0", "0.8", ""),
    ("tap_the_lao_dong_xuat_sac", "0", "1.5", ""),
):
    _article = "Điều 54" if "khen" in _kind else "Điều 50"
    COEFFICIENTS.append((NGHI_DINH_98, _kind, _i, _c, "", NOT_CHECKED_98))
    COEFFICIENTS.append((NGHI_DINH_152, _kind, _i, _c, _article, _note))
# Giấy khen of a district chairman: the district level ended on 30/06/2025.
COEFFICIENTS.append(
    (
        (date(2024, 1, 1), date(2025, 6, 30), "Nghị định 98/2023/NĐ-CP"),
        "giay_khen_chu_tich_huyen",
        "0.3",
        "0.6",
        "",
        NOT_CHECKED_98,
    )
)


def seed_law() -> None:
    """Idempotent: nothing is added when the tables already hold rows."""
    if not LegalInstrument.objects.exists():
        for kind, text, start, end, order, note in INSTRUMENTS:
            LegalInstrument.objects.create(
                kind=kind, text=text, valid_from=start, valid_to=end, order=order, note=note
            )
        province = Unit.objects.filter(name="Tỉnh Lào Cai", parent__isnull=True).first()
        if province is not None:
            LegalInstrument.objects.create(
                kind=K.QUY_DINH_TINH,
                text=PROVINCE_REGULATION,
                unit=province,
                order=40,
                note=PROVINCE_NOTE,
            )
    if not KindCoefficient.objects.exists():
        KindCoefficient.objects.bulk_create(
            KindCoefficient(
                reward_kind=kind,
                individual=Decimal(individual),
                collective=Decimal(collective),
                valid_from=start,
                valid_to=end,
                legal_basis=f"{decree}, {article}" if article else decree,
                note=note,
            )
            for (start, end, decree), kind, individual, collective, article, note in COEFFICIENTS
        )
