"""Whom the Sa Pa 2020 plan rewards and how: subject categories, the award forms with their
criteria trees, and the documents a dossier needs. Texts are the plan's own words."""

from __future__ import annotations

from thidua.campaigns.models import AwardAuthority
from thidua.org.models import Unit

from .plan_sapa_2020 import EVENTS

# Subject categories: key → (kind, name, person categories, unit kinds, requirement)
SAPA_SUBJECTS = {
    "cbccvc": (
        "ca_nhan",
        "Cá nhân là cán bộ, công chức, viên chức",
        ["can_bo", "cong_chuc", "vien_chuc"],
        [],
        "",
    ),
    "nhan_dan": (
        "ca_nhan",
        "Cá nhân là nhân dân, nông dân",
        ["nhan_dan", "nguoi_lao_dong"],
        [],
        "",
    ),
    "co_quan": (
        "tap_the",
        "Tập thể là các cơ quan chuyên môn, đơn vị sự nghiệp, UBND các xã, phường",
        [],
        ["co_quan_nha_nuoc", "don_vi_su_nghiep", "ubnd_xa"],
        "Có kế hoạch và tổ chức phát động đầy đủ các đợt thi đua do UBND thị xã phát động tại cơ quan, đơn vị, "
        "địa phương, tổ chức triển khai thực hiện có hiệu quả các phong trào thi đua.",
    ),
    "thon": ("tap_the", "Tập thể là các thôn, tổ dân phố", [], ["thon"], ""),
}

OUTSTANDING = (
    "Có thành tích tiêu biểu, xuất sắc nhất trong đợt thi đua, được UBND thị xã lựa chọn đề nghị Chủ tịch UBND "
    "tỉnh Lào Cai tặng Bằng khen."
)

# Criteria trees: (kind, text, params, children)
GK_THI_XA_CRITERIA = {
    "cbccvc": [
        (
            "attested",
            "Chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước, có tinh thần tự lực, tự "
            "cường, đoàn kết, tương trợ, hưởng ứng và tham gia đầy đủ các phong trào thi đua.",
            {},
            [],
        ),
        ("attested", "Tích cực học tập chính trị, văn hóa, chuyên môn, nghiệp vụ.", {}, []),
        ("attested", "Có đạo đức, lối sống lành mạnh.", {}, []),
        (
            "all_of",
            "Hoàn thành tốt và hoàn thành vượt mức các nhiệm vụ được giao, có hai năm liên tục được đánh giá "
            "là hoàn thành tốt nhiệm vụ trở lên, trong thời gian gần nhất có 01 sáng kiến được Chủ tịch UBND thị xã "
            "công nhận.",
            {},
            [
                (
                    "attested",
                    "Hoàn thành tốt và hoàn thành vượt mức các nhiệm vụ được giao.",
                    {},
                    [],
                ),
                (
                    "rating_streak",
                    "Có hai năm liên tục được đánh giá là hoàn thành tốt nhiệm vụ trở lên.",
                    {"years": 2, "min_level": "tot", "last_year_offset": 1},
                    [],
                ),
                (
                    "initiative_count",
                    "Trong thời gian gần nhất có 01 sáng kiến được Chủ tịch UBND thị xã công nhận.",
                    {"min_count": 1, "min_authority": "huyen", "window_months": 24},
                    [],
                ),
            ],
        ),
        (
            "attested",
            "Có thành tích nổi bật trong công tác (hoàn thành vượt mức chỉ tiêu, kế hoạch, nhiệm vụ được "
            "giao, có đóng góp về vật chất hoặc mô hình hay, việc làm cụ thể, thiết thực hoặc có sáng kiến mang lại "
            "hiệu quả về mặt kinh tế và xã hội đối với địa phương, cơ quan, đơn vị).",
            {},
            [],
        ),
    ],
    "nhan_dan": [
        (
            "attested",
            "Chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước, có tinh thần tự lực, tự "
            "cường, đoàn kết, tương trợ, tích cực tham gia đợt thi đua.",
            {},
            [],
        ),
        (
            "attested",
            "Tích cực tham gia phát triển kinh tế xã hội, an ninh quốc phòng của địa phương, có những mô "
            "hình hay, nổi bật, cách làm hiệu quả trong đợt thi đua, có đóng góp cụ thể về kinh tế, công sức cho các "
            "phong trào thi đua ở địa phương.",
            {},
            [],
        ),
        (
            "all_of",
            "Giúp đỡ được từ 03 hộ trở lên thoát nghèo và tạo công ăn việc làm cho từ 05 lao động là người "
            "địa phương trở lên.",
            {},
            [
                (
                    "number_at_least",
                    "Giúp đỡ được từ 03 hộ trở lên thoát nghèo.",
                    {
                        "fact": "ho_thoat_ngheo",
                        "fact_label": "Số hộ được giúp đỡ thoát nghèo",
                        "min": 3,
                        "unit": "hộ",
                    },
                    [],
                ),
                (
                    "number_at_least",
                    "Tạo công ăn việc làm cho từ 05 lao động là người địa phương trở lên.",
                    {
                        "fact": "lao_dong_dia_phuong",
                        "fact_label": "Số lao động địa phương được tạo việc làm",
                        "min": 5,
                        "unit": "người",
                    },
                    [],
                ),
            ],
        ),
    ],
    "co_quan": [
        (
            "launched_all_campaigns",
            "Có kế hoạch và tổ chức phát động đầy đủ các đợt thi đua do UBND thị xã phát "
            "động tại cơ quan, đơn vị, địa phương.",
            {},
            [],
        ),
        ("attested", "Tổ chức triển khai thực hiện có hiệu quả các phong trào thi đua.", {}, []),
        (
            "attested",
            "Hoàn thành tốt và hoàn thành vượt mức các nhiệm vụ được giao. Nội bộ đoàn kết, chấp hành tốt "
            "chủ trương, chính sách của Đảng, pháp luật của Nhà nước; Đi đầu trong việc thực hành tiết kiệm, chống "
            "lãng phí, chống tham nhũng và các tệ nạn xã hội.",
            {},
            [],
        ),
        (
            "no_discipline",
            "Không có cá nhân nào bị kỷ luật từ hình thức khiển trách trở lên.",
            {"min_form": "khien_trach", "window_months": 0},
            [],
        ),
        (
            "rating_streak",
            "Đơn vị 02 năm liên tục được đánh giá là hoàn thành tốt nhiệm vụ trở lên.",
            {"years": 2, "min_level": "tot", "last_year_offset": 1},
            [],
        ),
    ],
    "thon": [
        (
            "attested",
            "Tạo được hiệu quả nổi bật trong thực hiện nhiệm vụ chính trị ở cơ sở thông qua việc tham gia "
            "các phong trào thi đua yêu nước và các hoạt động kỷ niệm.",
            {},
            [],
        ),
        (
            "attested",
            "Triển khai thực hiện hiệu quả các nhiệm vụ được giao, có những mô hình hay, cách làm sáng tạo "
            "được các tập thể, thôn, tổ dân phố khác học tập làm theo.",
            {},
            [],
        ),
    ],
}

SAPA_DOCUMENTS = [
    # (name, scope, award form key or None, per candidate, note)
    ("Tờ trình của đơn vị đề nghị khen thưởng.", "tat_ca", None, False, ""),
    (
        "Biên bản họp xét khen thưởng của Hội đồng thi đua khen thưởng hoặc biên bản họp cơ quan đề nghị khen "
        "thưởng.",
        "tat_ca",
        None,
        False,
        "",
    ),
    (
        "Danh sách trích ngang thành tích của các tập thể, cá nhân đề nghị khen thưởng.",
        "tat_ca",
        None,
        False,
        "",
    ),
    (
        "Báo cáo thành tích theo mẫu tại Nghị định 91/2017/NĐ-CP ngày 31/7/2017.",
        "tat_ca",
        "bang_khen",
        True,
        "Các trường hợp đề nghị UBND tỉnh khen thưởng.",
    ),
    (
        "Báo cáo kết quả triển khai thực hiện đợt thi đua đặc biệt lập thành tích "
        + EVENTS
        + " của cơ quan, đơn "
        "vị.",
        "tap_the",
        None,
        False,
        "Đối với tập thể, kèm theo hồ sơ đề nghị khen thưởng.",
    ),
]


def sapa_award_forms(authorities: dict[str, AwardAuthority], units: dict[str, Unit]) -> dict:
    """The plan's award forms, keyed as SAPA_DOCUMENTS refers to them."""
    town, province = units["Thị xã Sa Pa"], units["Tỉnh Lào Cai"]
    outstanding = [("discretionary", OUTSTANDING, {}, [])]
    return {
        "bang_khen": {
            "name": "Bằng khen của Chủ tịch UBND tỉnh",
            "authority": authorities["tinh"],
            "granting_unit": province,
            "is_proposal_upward": True,
            "selection_rule": "Căn cứ vào tình hình thực tế và thành tích tiêu biểu, nổi bật của các tập "
            "thể, cá nhân trong dịp tổng kết đợt thi đua, UBND thị xã sẽ lựa chọn các tập thể, cá nhân có "
            "thành tích tiêu biểu, xuất sắc nhất trong đợt thi đua để đề nghị Chủ tịch UBND tỉnh Lào Cai "
            "tặng Bằng khen.",
            "criteria": {key: outstanding for key in SAPA_SUBJECTS},
        },
        "giay_khen_thi_xa": {
            "name": "Giấy khen của Chủ tịch UBND thị xã",
            "authority": authorities["huyen"],
            "granting_unit": town,
            "quota_note": "Sẽ có văn bản hướng dẫn cụ thể sau",
            "criteria": GK_THI_XA_CRITERIA,
        },
        "giay_khen_xa": {
            "name": "Giấy khen của Chủ tịch UBND xã, phường",
            "authority": authorities["xa_cu"],
            "delegated_to_units": True,
            "selection_rule": "UBND các xã, phường căn cứ vào kế hoạch này và quy định của pháp luật về thi "
            "đua khen thưởng cụ thể hóa quy định về đối tượng, tiêu chuẩn, thủ tục, hồ sơ đề nghị khen "
            "thưởng trong đợt thi đua này cho phù hợp với tình hình thực tế của địa phương nhằm động viên, "
            "khuyến khích các tập thể, cá nhân, hộ gia đình tích cực tham gia phong trào thi đua ở địa "
            "phương.",
        },
    }
