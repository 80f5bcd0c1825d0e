"""The seed plan (Kế hoạch of UBND thị xã Sa Pa, 2020) as data, and a second campaign of
today's two-tier structure. Texts are the plan's own words."""

from __future__ import annotations

from datetime import date

SAPA_TITLE = (
    "Đợt thi đua chào mừng Kỷ niệm 70 năm ngày giải phóng Sa Pa (03/11/1950 – 03/11/2020) "
    "và 70 năm thành lập Đảng bộ thị xã (04/11/1950 – 04/11/2020)"
)
EVENTS = (
    "chào mừng kỷ niệm 70 năm ngày giải phóng Sa Pa (03/11/1950 - 03/11/2020) và 70 năm ngày thành lập "
    "Đảng bộ thị xã Sa Pa (04/11/1950 - 04/11/2020)"
)

SAPA_CAMPAIGN = {
    "title": SAPA_TITLE,
    "symbol": "KH-UBND",
    "period_start": date(2020, 3, 1),
    "period_end": date(2020, 10, 31),
    "dossier_deadline": date(2020, 10, 25),
    "reward_mode": "mot_lan",
    "reward_mode_note": (
        "UBND thị xã chỉ xem xét khen thưởng một lần trong dịp tổng kết đợt thi đua, "
        "UBND thị xã không xét khen thưởng hàng năm."
    ),
    "receiving_note": "UBND thị xã (qua Phòng Nội vụ)",
    "signer_authority": "TM. ỦY BAN NHÂN DÂN",
    "signer_title": "CHỦ TỊCH",
    "signer_name": "Lê Tân Phong",
    "preamble": (
        "Để góp phần tích cực vào sự nghiệp phát triển kinh tế - xã hội của thị xã cũng như thi đua lập thành "
        "tích "
        + EVENTS
        + ". Ủy ban nhân dân thị xã Sa Pa phát động đợt thi đua với mục tiêu, nội dung cụ thể "
        "như sau:"
    ),
    "slogan": (
        "Thi đua đoàn kết, đổi mới, sáng tạo thực hiện hoàn thành toàn diện và vượt mức mục tiêu, chỉ tiêu, nhiệm "
        "vụ Nghị quyết Đại hội Đảng các cấp chào mừng Kỷ niệm 70 năm ngày giải phóng Sa Pa (03/11/1950 – "
        "03/11/2020) và 70 năm thành lập Đảng bộ thị xã (04/11/1950 – 04/11/2020)."
    ),
    "legal_bases": [
        (
            "Căn cứ Nghị quyết số 01-NQ/TU ngày 16/01/2020 của Ban Chấp hành Đảng bộ thị xã Sa Pa về triển khai "
            "thực hiện nhiệm vụ năm 2020;",
            date(2020, 1, 16),
            date(2020, 12, 31),
        ),
        (
            "Căn cứ Kế hoạch số 11-KH/TU ngày 25/02/2020 của Thị ủy Sa Pa Kế hoạch tổ chức các hoạt động Kỷ niệm "
            "70 năm ngày giải phóng Sa Pa (03/11/1950-03/11/2020) và 70 năm ngày thành lập Đảng bộ thị xã Sa Pa "
            "(04/11/1950-04/11/2020);",
            date(2020, 2, 25),
            date(2020, 12, 31),
        ),
    ],
    "clauses": {
        "muc_dich": [
            (
                "",
                "Thông qua các hoạt động chào mừng kỷ niệm 70 năm ngày giải phóng Sa Pa và 70 năm ngày thành lập "
                "Đảng bộ thị xã Sa Pa nhằm tuyên truyền, giáo dục cán bộ, đảng viên và các tầng lớp Nhân dân thị "
                "xã về truyền thống lịch sử 70 năm của Đảng bộ, chính quyền Sa Pa; Nâng cao nhận thức, củng cố và "
                "tăng cường niềm tin của cán bộ, đảng viên và Nhân dân vào sự lãnh đạo của Đảng bộ chính quyền, "
                "tạo sự đồng thuận cao trong Đảng, trong các tầng lớp nhân dân quyết tâm xây dựng thị xã Sa Pa "
                "giàu đẹp, văn minh.",
            ),
            (
                "",
                "Huy động sức mạnh tổng hợp, sự tham gia tích cực của các cơ quan, đơn vị, UBND các xã, phường, "
                "lực lượng vũ trang, Nhân dân tích cực thi đua, chung sức, đồng lòng trong phát triển kinh tế xã "
                "hội, giữ vững an ninh quốc phòng, đảm bảo an sinh xã hội trên địa bàn thị xã, thực hiện thắng lợi "
                "Nghị quyết Đại hội Đảng các cấp.",
            ),
            (
                "",
                "Phát hiện biểu dương khen thưởng kịp thời các tập thể, cá nhân có thành tích tiêu biểu xuất sắc "
                "nhất trong đợt thi đua và trong học tập, làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, "
                "cũng như trong thực hiện nhiệm vụ thường xuyên để tuyên truyền, phổ biến và nhân rộng.",
            ),
            (
                "",
                "Đợt thi đua được tổ chức triển khai sâu rộng, chất lượng, hiệu quả, tạo được sự chuyển biến mạnh "
                "mẽ về nhận thức và hành động ở các cấp, các ngành và gắn với các nội dung cụ thể, phù hợp với "
                "tình hình thực tế của các cơ quan, đơn vị, UBND xã, phường thuộc thị xã.",
            ),
        ],
        "noi_dung": [
            (
                "",
                "Tuyên truyền về tầm quan trọng, ý nghĩa to lớn của sự kiện Sa Pa hoàn toàn được giải phóng ngày "
                "03/11/1950, tầm quan trọng về sự ra đời của Đảng bộ thị xã Sa Pa ngày 04/11/1950. Các tổ chức "
                "Đảng tập trung chỉ đạo thực hiện hoàn thành toàn diện và vượt mức các mục tiêu, chỉ tiêu Nghị "
                "quyết Đại hội Đảng bộ các cấp đề ra.",
            ),
            (
                "",
                "Tuyên truyền những thành tựu to lớn của Đảng bộ thị xã trong 70 năm xây dựng, trưởng thành và "
                "phát triển (04/11/1950 – 04/11/2020), sự lớn mạnh về tổ chức Đảng, sự lãnh đạo đúng đắn của Đảng "
                "trong công cuộc đấu tranh chống ngoại xâm, tiễu phỉ bảo vệ quê hương cũng như quá trình xây "
                "dựng, phát triển Sa Pa ngày càng giàu đẹp, văn minh.",
            ),
            (
                "",
                "Các tập thể, cá nhân thi đua đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ "
                "Chí Minh bằng những việc làm, hành động cụ thể góp phần thực hiện thắng lợi Nghị quyết Đại hội "
                "Đảng các cấp.",
            ),
        ],
        "muc_tieu": [
            (
                "",
                "Đẩy mạnh phong trào thi đua sôi nổi, rộng khắp trên địa bàn thị xã, tạo ra đợt sinh hoạt chính "
                "trị sâu rộng ở các cơ quan, đơn vị, UBND xã, phường thực hiện thắng lợi nhiệm vụ phát triển kinh "
                "tế - xã hội, đảm bảo quốc phòng an ninh theo các chỉ tiêu, kế hoạch đã đề ra.",
            ),
        ],
        "doi_tuong": [
            (
                "Tập thể",
                "Các cơ quan Đảng, nhà nước, Mặt trận Tổ quốc, các đoàn thể nhân dân, cơ quan hành chính sự "
                "nghiệp, lực lượng vũ trang, trường học, UBND các xã, phường, thôn, bản, tổ dân phố; các doanh "
                "nghiệp, hợp tác xã.",
            ),
            (
                "Cá nhân",
                "Cán bộ, đảng viên, công chức, viên chức, chiến sỹ lực lượng vũ trang người lao động và nhân dân "
                "các dân tộc trên địa bàn thị xã.",
            ),
        ],
        "to_chuc": [
            (
                "Các cơ quan, đơn vị, UBND các xã, phường",
                "Căn cứ kế hoạch của UBND thị xã, xây dựng kế hoạch thực hiện cho đơn vị mình, ra sức thi đua phấn "
                "đấu thực hiện hoàn thành xuất sắc các chỉ tiêu kế hoạch giao năm 2020.",
            ),
            (
                "Các cơ quan, đơn vị, UBND các xã, phường",
                "Làm tốt công tác tuyên truyền, phổ biến các nội dung, mục tiêu của đợt thi đua đến toàn thể cán "
                "bộ, công chức viên chức và nhân dân các thôn, tổ dân phố để nhân dân tích cực tham gia hưởng ứng.",
            ),
            (
                "Phòng Nội vụ",
                "Hướng dẫn các cơ quan, đơn vị, UBND các phường, xã tổ chức triển khai thực hiện đợt thi đua "
                + EVENTS
                + ".",
            ),
            (
                "Phòng Nội vụ",
                "Chủ trì phối hợp với các đơn vị có liên quan thẩm định hồ sơ khen thưởng trình Hội đồng thi đua "
                "khen thưởng thị xã họp bình xét và hoàn thiện hồ sơ đề nghị Chủ tịch UBND thị xã, Chủ tịch UBND "
                "tỉnh Lào Cai khen thưởng cho các tập thể, cá nhân có thành tích xuất sắc trong đợt thi đua.",
            ),
            (
                "Trung tâm Thông tin thể thao – Truyền thông",
                "Thực hiện tốt công tác tuyên truyền về các hoạt động kỷ niệm của Thị xã; tuyên truyền giáo dục "
                "những quan điểm chủ trương của Đảng, nhà nước và tư tưởng Hồ Chí Minh về thi đua yêu nước; Phối "
                "hợp với các cơ quan trong khối tuyên truyền và các cơ quan, ban ngành, đoàn thể tuyên truyền sâu "
                "rộng về các nội dung của đợt phát động phong trào thi đua này. Tuyên truyền giới thiệu các điển "
                "hình tiên tiến, cách làm hay, mô hình có hiệu quả, các công trình, dự án trọng điểm chào mừng và "
                "đăng tải trên cổng TTĐT thị xã, của tỉnh.",
            ),
        ],
        "noi_nhan": [
            ("", "Ban TĐKT tỉnh;"),
            ("", "TT Thị ủy; HĐND, UBND thị xã;"),
            ("", "Thành viên Hội đồng TĐKT thị xã;"),
            ("", "Các ban XD Đảng, Ủy ban MTTQ thuộc thị xã;"),
            ("", "Các cơ quan đoàn thể cấp thị xã;"),
            ("", "Các phòng CM, đơn vị SN thuộc thị xã;"),
            ("", "Các đơn vị ngành dọc trên địa bàn;"),
            ("", "UBND các xã, phường;"),
            ("", "Hiệp hội du lịch;"),
            ("", "Cổng thông tin điện tử thị xã;"),
            ("", "Văn bản phát hành điện tử;"),
            ("", "LĐVP; Lưu VT, TĐKT."),
        ],
    },
}

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

# --- The second demo campaign: today's two-tier local government (from 01/07/2025). ---

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
