"""Statistics for Phòng Nội vụ: figures from the data, bounded queries, a safe Excel export."""

from __future__ import annotations

import io
import subprocess
from datetime import date

import pytest
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from thidua.org.models import Unit
from thidua.records.models import AwardRecord

from ..system_tools import require_tools

pytestmark = pytest.mark.django_db


def test_figures_come_from_the_awards_and_dossiers(client_as, signed_decision):
    response = client_as("noivu").get(
        "/thong-ke/", {"nam": 2020, "dot": signed_decision.campaign_id}
    )
    shares = {s.label: s for s in response.context["shares"]}
    # Four individuals awarded: Thu Hương and Lý Thị Mẩy are women; Mẩy (Dao) and Quý, Páo are minorities.
    assert shares["Nữ"].count == 2 and shares["Nữ"].total == 4
    assert shares["Người dân tộc thiểu số"].count == 3
    award = next(
        a for a in response.context["awards"] if a["award"] == "Giấy khen của Chủ tịch UBND thị xã"
    )
    assert (award["individuals"], award["collectives"], award["year"]) == (4, 2, 2020)
    rows = {r["unit_name"]: r for r in response.context["dossiers"]}
    assert rows["Phường Sa Pa"]["appraised"] == 1 and rows["Xã Tả Van"]["candidates"] == 3
    page = response.content.decode()
    assert "50,0%" in page  # Vietnamese decimal comma for people...
    assert 'data-width="50.0"' in page  # ...and a dot for the browser


def test_queries_do_not_grow_with_the_data(client_as, signed_decision):
    client = client_as("noivu")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/thong-ke/").status_code == 200
        return len(queries)

    before = count()
    ward = Unit.objects.get(name="Phường Sa Pa")
    AwardRecord.objects.bulk_create(
        AwardRecord(
            unit=ward,
            award_name=f"Giấy khen thử {n}",
            award_kind="hinh_thuc",
            award_type="phong_trao",
            authority_level="xa",
            decision_number=f"{n}/QĐ",
            decided_on=date(2019, 5, 1),
            issuer_name="UBND phường",
        )
        for n in range(200)
    )
    assert count() == before


def test_export_is_formatted_and_never_runs_a_formula(client_as, signed_decision, tmp_path):
    Unit.objects.filter(name="Xã Tả Van").update(name='=HYPERLINK("http://x.example","Bấm")')
    response = client_as("noivu").get("/thong-ke/thong-ke.xlsx")
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["Hồ sơ"]
    cells = [
        c
        for row in sheet.iter_rows(min_row=4)
        for c in row
        if isinstance(c.value, str) and c.value.startswith("=")
    ]
    assert cells and all(c.data_type == "s" for c in cells)
    assert sheet["A3"].font.bold and sheet.freeze_panes == "A4"
    require_tools("soffice")  # last: LibreOffice must read the formula as text, not run it
    path = tmp_path / "tk.xlsx"
    path.write_bytes(response.content)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/p",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = (tmp_path / "tk.csv").read_text()
    assert '=HYPERLINK(""http://x.example"",""Bấm"")' in text or "=HYPERLINK(" in text


@pytest.mark.parametrize("username", ["phuongsapa", "truyenthong", "hoidong1"])
def test_statistics_are_for_the_emulation_office(client_as, username):
    assert client_as(username).get("/thong-ke/").status_code == 403
    assert client_as(username).get("/thong-ke/thong-ke.xlsx").status_code == 403


def _award_summary():
    from thidua.statistics.models import AwardSummary
    from thidua.statistics.summaries import FIELDS

    keys = ("unit_id", "year", "campaign_id", "award_name", "authority_level")
    rows = AwardSummary.objects.values(*keys).annotate(**{f"{f}_": Sum(f) for f in FIELDS})
    return sorted(rows.values_list(*keys, *[f"{f}_" for f in FIELDS]))


def test_award_summary_kept_on_signing_equals_a_full_recount(signed_decision):
    from thidua.statistics.models import AwardSummary
    from thidua.statistics.tasks import rebuild_all

    kept = _award_summary()
    rebuild_all()
    assert _award_summary() == kept
    # A unit's rows hold its whole subtree.
    top = Unit.objects.get(name="Tỉnh Lào Cai")
    people = AwardSummary.objects.filter(unit=top).aggregate(n=Sum("individuals"))["n"]
    assert people == AwardRecord.objects.filter(person__unit__path__startswith=top.path).count()


def test_moving_a_unit_moves_its_counts(
    signed_decision, client_as, user, django_capture_on_commit_callbacks
):
    """A commune merged into another ward (2025): its awards now count for the new parent."""
    from thidua.org.services import move_unit
    from thidua.statistics.models import AwardSummary

    commune = Unit.objects.get(name="Xã Tả Van")
    new_parent = Unit.objects.get(name="Phường Sa Pa")
    before = AwardSummary.objects.filter(unit=new_parent).aggregate(n=Sum("individuals"))["n"] or 0
    theirs = AwardSummary.objects.filter(unit=commune).aggregate(n=Sum("individuals"))["n"]
    assert theirs
    with django_capture_on_commit_callbacks(execute=True):
        move_unit(actor=user("quantri"), unit=commune, new_parent=new_parent)
    after = AwardSummary.objects.filter(unit=new_parent).aggregate(n=Sum("individuals"))["n"]
    assert after == before + theirs


def test_a_user_with_nested_scopes_is_not_counted_twice(client_as, signed_decision, user):
    from thidua.org.models import Role, RoleAssignment

    officer = user("noivu")
    ward = Unit.objects.get(name="Phường Sa Pa")
    alone = client_as("noivu").get("/thong-ke/", {"nam": 2020}).context["shares"][0].total
    RoleAssignment.objects.create(user=officer, role=Role.CHUYEN_VIEN_TDKT, unit=ward)
    assert client_as("noivu").get("/thong-ke/", {"nam": 2020}).context["shares"][0].total == alone


def test_a_ward_officer_sees_only_the_ward(client_as, signed_decision):
    """The ward's emulation officer counts the ward's awards, never the commune's next door."""
    town = client_as("noivu").get("/thong-ke/", {"nam": 2020}).context
    ward = client_as("tdkt.phuongsapa").get("/thong-ke/", {"nam": 2020}).context
    assert {r["unit_name"] for r in town["dossiers"]} >= {"Phường Sa Pa", "Xã Tả Van"}
    assert not {r["unit_name"] for r in ward["dossiers"]} & {"Phường Sa Pa", "Xã Tả Van"}
    # Two of the four individuals awarded belong to Phường Sa Pa (Thu Hương, Quý).
    assert (ward["shares"][0].total, town["shares"][0].total) == (2, 4)
    book = load_workbook(
        io.BytesIO(client_as("tdkt.phuongsapa").get("/thong-ke/thong-ke.xlsx").content)
    )
    cells = {c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row}
    town_cells = {
        c.value
        for sheet in load_workbook(
            io.BytesIO(client_as("noivu").get("/thong-ke/thong-ke.xlsx").content)
        ).worksheets
        for row in sheet.iter_rows()
        for c in row
    }
    assert "Xã Tả Van" in town_cells and "Xã Tả Van" not in cells
