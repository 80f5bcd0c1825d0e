"""The Biên bản records start and end times and the members' opinions (the secretary fills
them), equal votes share a rank, ranks follow each other inside one table, and no table row
is split across two pages. A meeting on a day without a council says what to do."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn

from thidua.council import services
from thidua.council.documents import minutes
from thidua.council.models import DocketItem

pytestmark = pytest.mark.django_db
GK_TOWN = "Giấy khen của Chủ tịch UBND thị xã"


def result_tables(content: bytes):
    document = Document(io.BytesIO(content))
    return [t for t in document.tables if t.rows[0].cells[0].text == "STT"]


def test_the_secretary_records_times_and_opinions_and_the_minutes_print_them(
    client_as, closed_meeting
):
    url = f"/hoi-dong/{closed_meeting.pk}/bien-ban/"
    data = {
        "started_at": "08:00",
        "ended_at": "10:30",
        "discussion": "Đồng chí Bùi Quang Huy đề nghị ưu tiên tập thể thôn bản vùng cao.\n"
        "Các thành viên thống nhất với danh sách thẩm định.",
    }
    assert client_as("hoidong1").post(url, data).status_code == 403  # a member, not the secretary
    assert client_as("phuongsapa").post(url, data).status_code == 404  # outside the town
    page = client_as("thuky").post(url, data, follow=True).content.decode()
    assert "Đã ghi giờ họp và ý kiến thảo luận vào biên bản." in page
    closed_meeting.refresh_from_db()
    texts = [p.text for p in Document(io.BytesIO(minutes(closed_meeting))).paragraphs]
    assert "Thời gian bắt đầu: 08 giờ 00, ngày 28/10/2020." in texts
    assert "Địa điểm: Phòng họp số 1, UBND thị xã." in texts
    assert "Ý kiến thảo luận của các thành viên Hội đồng:" in texts
    assert "Đồng chí Bùi Quang Huy đề nghị ưu tiên tập thể thôn bản vùng cao." in texts
    assert "Các thành viên thống nhất với danh sách thẩm định." in texts
    assert "Cuộc họp kết thúc vào 10 giờ 30, ngày 28/10/2020./." in texts


def test_an_end_before_the_start_is_refused(client_as, closed_meeting):
    page = client_as("thuky").post(
        f"/hoi-dong/{closed_meeting.pk}/bien-ban/",
        {"started_at": "10:00", "ended_at": "09:00", "discussion": ""},
        follow=True,
    )
    assert "Giờ kết thúc phải sau giờ bắt đầu." in page.content.decode()


def test_without_recorded_times_the_minutes_leave_room_to_write(closed_meeting):
    texts = [p.text for p in Document(io.BytesIO(minutes(closed_meeting))).paragraphs]
    assert "Thời gian bắt đầu: …… giờ ……, ngày 28/10/2020." in texts
    assert "Cuộc họp kết thúc vào …… giờ ……, ngày 28/10/2020./." in texts


def test_equal_votes_share_a_rank_and_ranks_follow_each_other_in_one_table(closed_meeting):
    items = list(
        DocketItem.objects.filter(
            meeting=closed_meeting,
            candidate__award_form__name=GK_TOWN,
            candidate__person__isnull=False,
        ).order_by("order")
    )
    votes = [4, 4, 3, 2][: len(items)]
    assert len(items) >= 3
    for item, yes in zip(items, votes, strict=False):
        DocketItem.objects.filter(pk=item.pk).update(yes=yes, no=4 - yes, passed=True)
    tables = result_tables(minutes(closed_meeting))
    names = {i.candidate.name for i in items}
    individuals = next(
        t for t in tables if any(r.cells[1].text.split(",")[0] in names for r in t.rows)
    )
    rows = [r for r in individuals.rows[1:]]
    assert [r.cells[0].text for r in rows] == [str(n) for n in range(1, len(rows) + 1)]
    assert [r.cells[4].text for r in rows][: len(votes)] == ["1", "1", "2", "3"][: len(votes)]
    # The collectives are another table with their own ranking.
    assert len(tables) >= 2
    for table in tables:
        for n, row in enumerate(table.rows):
            properties = row._tr.trPr
            assert properties is not None and properties.find(qn("w:cantSplit")) is not None
            assert (properties.find(qn("w:tblHeader")) is not None) == (n == 0)


def test_a_meeting_on_a_day_without_a_council_says_what_to_do(appraised, user):
    with pytest.raises(services.CouncilError) as refused:
        services.create_meeting(
            actor=user("thuky"),
            campaign=appraised,
            held_on=date(2026, 12, 1),
            place="Phòng họp",
            mode="electronic",
        )
    messages = refused.value.messages
    assert messages[0] == (
        "Thị xã Sa Pa không có Hội đồng Thi đua – Khen thưởng vào ngày 01/12/2026, nên không tạo "
        "được phiên họp xét cho ngày này."
    )
    assert "hoạt động từ" in messages[1] and "đến 30/06/2025" in messages[1]
    assert "“Cấu hình Hội đồng”" in messages[2]


def test_libreoffice_opens_the_minutes(closed_meeting, docx_text):
    text = docx_text(minutes(closed_meeting), "bien-ban.docx")
    for expected in ["BIÊN BẢN", "Thời gian bắt đầu", "Ý kiến thảo luận", "Cuộc họp kết thúc vào"]:
        assert expected in text, expected


def test_the_api_records_the_minutes_for_the_secretary_only(api_as, closed_meeting):
    url = f"/api/v1/meetings/{closed_meeting.pk}/minutes"
    body = {"started_at": "14:00", "ended_at": "16:15", "discussion": "Không có ý kiến khác."}
    refused = api_as("hoidong1").post(url, body, content_type="application/json")
    assert refused.status_code == 403
    bad = api_as("thuky").post(url, {"started_at": "25:99"}, content_type="application/json")
    assert bad.status_code == 422 and "started_at" in bad.json()["errors"]
    done = api_as("thuky").post(url, body, content_type="application/json")
    assert done.status_code == 200
    assert (done.json()["started_at"], done.json()["ended_at"]) == ("14:00", "16:15")
    assert done.json()["discussion"] == "Không có ý kiến khác."
