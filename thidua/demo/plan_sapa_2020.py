"""The seed plan (Kế hoạch of UBND thị xã Sa Pa, 2020) as data: its title, legal bases and
clauses, in the plan's own words. Its subjects, criteria and documents: awards_sapa_2020."""

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
    # The seed copy carries no number and date (cut off above its title); a launched plan has
    # both: these are the demo's own, placed before the period it opens (01/03/2020).
    "number": "45",
    "symbol": "KH-UBND",
    "signed_on": date(2020, 2, 28),
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
