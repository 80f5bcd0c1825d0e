"""The second demo campaign, of today's two-tier local government (from 01/07/2025): a
phong trào of UBND phường Sa Pa in 2026, with its subjects, award forms and documents."""

from __future__ import annotations

from datetime import date

from thidua.campaigns.models import AwardAuthority
from thidua.org.models import Unit

TWO_TIER_TITLE = "Phong trào thi đua “Phường Sa Pa văn minh, thân thiện, mến khách” năm 2026"

TWO_TIER_CAMPAIGN = {
    "title": TWO_TIER_TITLE,
    "number": "15",
    "symbol": "KH-UBND",
    "signed_on": date(2026, 2, 10),
    "period_start": date(2026, 2, 15),
    "period_end": date(2026, 11, 30),
    "dossier_deadline": date(2026, 12, 5),
    "reward_mode": "mot_lan",
    "reward_mode_note": "Khen thưởng một lần khi sơ kết, tổng kết phong trào; không dùng làm căn cứ khen thưởng "
    "công trạng cấp cao hơn (Nghị định 152/2025/NĐ-CP, Điều 4).",
    "receiving_note": "UBND phường (qua Phòng Văn hóa - Xã hội)",
    "signer_authority": "TM. ỦY BAN NHÂN DÂN",
    "signer_title": "CHỦ TỊCH",
    "signer_name": "Giàng A Tùng",
    "preamble": "Nhằm cổ vũ các tập thể, cá nhân trên địa bàn phường thi đua xây dựng đô thị du lịch văn minh, "
    "thân thiện, mến khách, Ủy ban nhân dân phường Sa Pa phát động phong trào thi đua năm 2026 như sau:",
    "slogan": "Sa Pa văn minh – thân thiện – mến khách.",
    "legal_bases": [
        ("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", date(2024, 1, 1), None),
        (
            "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân "
            "quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật "
            "Thi đua, khen thưởng;",
            date(2025, 7, 1),
            None,
        ),
        (
            "Căn cứ Nghị định số 129/2025/NĐ-CP ngày 11 tháng 6 năm 2025 của Chính phủ quy định phân định thẩm quyền "
            "của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Nội vụ;",
            date(2025, 7, 1),
            None,
        ),
    ],
    "clauses": {
        "muc_dich": [
            (
                "",
                "Động viên các tập thể, cá nhân thi đua xây dựng phường Sa Pa văn minh, thân thiện, mến "
                "khách; kịp thời phát hiện, biểu dương, khen thưởng các điển hình tiên tiến.",
            )
        ],
        "noi_dung": [
            (
                "",
                "Giữ gìn vệ sinh môi trường, trật tự đô thị; ứng xử văn minh với du khách; phát triển du "
                "lịch cộng đồng gắn với bảo tồn văn hóa các dân tộc.",
            )
        ],
        "muc_tieu": [("", "100% tổ dân phố đăng ký và tổ chức thực hiện phong trào.")],
        "doi_tuong": [
            ("Tập thể", "Các cơ quan, đơn vị thuộc UBND phường; các tổ dân phố."),
            (
                "Cá nhân",
                "Cán bộ, công chức, viên chức, người lao động và nhân dân trên địa bàn phường.",
            ),
        ],
        "to_chuc": [
            (
                "Phòng Văn hóa - Xã hội",
                "Hướng dẫn, theo dõi, thẩm định hồ sơ, trình Hội đồng Thi đua - Khen "
                "thưởng phường xét khen thưởng.",
            )
        ],
        "noi_nhan": [
            ("", "UBND tỉnh Lào Cai (qua Sở Nội vụ);"),
            ("", "TT Đảng ủy, HĐND phường;"),
            ("", "Các tổ dân phố;"),
            ("", "Lưu: VT, VHXH."),
        ],
    },
}

TWO_TIER_SUBJECTS = {
    "ca_nhan": (
        "ca_nhan",
        "Cá nhân",
        ["can_bo", "cong_chuc", "vien_chuc", "nguoi_lao_dong", "nhan_dan"],
        [],
        "",
    ),
    "tap_the": (
        "tap_the",
        "Tập thể (cơ quan, đơn vị, tổ dân phố)",
        [],
        ["co_quan_nha_nuoc", "thon"],
        "",
    ),
}

GK_PHUONG_CRITERIA = {
    "ca_nhan": [
        (
            "attested",
            "Gương mẫu chấp hành chủ trương, chính sách của Đảng, pháp luật của Nhà nước.",
            {},
            [],
        ),
        (
            "any_of",
            "Có thành tích được bình xét trong phong trào thi đua, hoặc có thành tích đột xuất có phạm vi ảnh "
            "hưởng trong phường.",
            {},
            [
                (
                    "attested",
                    "Có thành tích được bình xét trong phong trào thi đua do UBND phường phát động.",
                    {},
                    [],
                ),
                ("attested", "Có thành tích đột xuất có phạm vi ảnh hưởng trong phường.", {}, []),
            ],
        ),
        (
            "no_discipline",
            "Không bị kỷ luật từ hình thức khiển trách trở lên trong thời gian thi đua.",
            {"min_form": "khien_trach", "window_months": 0},
            [],
        ),
    ],
    "tap_the": [
        (
            "attested",
            "Nội bộ đoàn kết, gương mẫu chấp hành chủ trương, chính sách của Đảng, pháp luật của Nhà nước.",
            {},
            [],
        ),
        ("attested", "Có thành tích được bình xét trong phong trào thi đua.", {}, []),
        (
            "no_discipline",
            "Không có cá nhân nào bị kỷ luật từ hình thức cảnh cáo trở lên.",
            {"min_form": "canh_cao", "window_months": 0},
            [],
        ),
    ],
}

TWO_TIER_DOCUMENTS = [
    (
        "Tờ trình đề nghị khen thưởng (Mẫu số 01, Phụ lục Nghị định 152/2025/NĐ-CP).",
        "tat_ca",
        None,
        False,
        "",
    ),
    (
        "Biên bản bình xét và kết quả bỏ phiếu của Hội đồng Thi đua - Khen thưởng cấp trình.",
        "tat_ca",
        None,
        False,
        "",
    ),
    (
        "Báo cáo thành tích thi đua theo chuyên đề.",
        "tat_ca",
        None,
        True,
        "Mỗi tập thể, cá nhân một bản.",
    ),
]


def two_tier_award_forms(authorities: dict[str, AwardAuthority], units: dict[str, Unit]) -> dict:
    """The phong trào's award forms: the province's Bằng khen proposed upward, the ward's own
    Giấy khen."""
    ward, province = units["Phường Sa Pa (từ 01/07/2025)"], units["Tỉnh Lào Cai"]
    outstanding = [
        (
            "discretionary",
            "Có thành tích tiêu biểu, xuất sắc nhất trong phong trào, được UBND phường "
            "lựa chọn đề nghị Chủ tịch UBND tỉnh tặng Bằng khen.",
            {},
            [],
        )
    ]
    return {
        "bang_khen": {
            "name": "Bằng khen của Chủ tịch UBND tỉnh",
            "authority": authorities["tinh"],
            "granting_unit": province,
            "is_proposal_upward": True,
            "selection_rule": "Lựa chọn tập thể, cá nhân tiêu biểu, xuất sắc nhất để đề nghị Chủ tịch UBND "
            "tỉnh Lào Cai tặng Bằng khen.",
            "criteria": {key: outstanding for key in TWO_TIER_SUBJECTS},
        },
        "giay_khen_phuong": {
            "name": "Giấy khen của Chủ tịch UBND phường",
            "authority": authorities["xa"],
            "granting_unit": ward,
            "quota_individual": 10,
            "quota_collective": 3,
            "criteria": GK_PHUONG_CRITERIA,
        },
    }
