"""Issue 12's must-hold: a ward's 2026 campaign entered through the pages only evaluates real
candidates. The administrator creates a tổ dân phố and the ward's accounts, the ward's emulation
officer imports its staff and two years of ratings from Excel (files made from the pages'
templates), creates and launches the campaign with an individual and a collective award form,
and the new unit officer's dossier shows "Đạt" / "Không đạt" with the reasons. No ORM writes:
the database is read only to assert."""

from __future__ import annotations

from datetime import date, timedelta
from io import BytesIO
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WARD = "Phường Sa Pa (từ 01/07/2025)"
TDP = "Tổ dân phố Suối Hồ"
XS, TOT, HT = (
    "Hoàn thành xuất sắc nhiệm vụ",
    "Hoàn thành tốt nhiệm vụ",
    "Hoàn thành nhiệm vụ",
)
# name, gender, birth date, unit, category, 2024 rating, 2025 rating
STAFF = [
    ("Lý Thị Mai", "Nữ", date(1985, 3, 12), TDP, "Nhân dân", XS, XS),
    ("Giàng A Páo", "Nam", date(1990, 7, 1), TDP, "Nhân dân", TOT, XS),
    ("Vàng Thị Dua", "Nữ", date(1988, 11, 20), TDP, "Nhân dân", XS, HT),
    ("Sùng A Lử", "Nam", date(1979, 5, 5), TDP, "Nhân dân", TOT, TOT),
    ("Lồ Thị Sa", "Nữ", date(1992, 2, 14), TDP, "Nhân dân", XS, TOT),
    ("Trần Thị Hoa", "Nữ", date(1983, 9, 9), WARD, "Công chức", XS, XS),
    ("Phạm Văn Dũng", "Nam", date(1986, 4, 30), WARD, "Công chức", TOT, XS),
    ("Đặng Thị Lan", "Nữ", date(1991, 12, 1), WARD, "Công chức", XS, XS),
]
NEW_PASSWORD = "Ruong-bac-thang-26"
CAMPAIGN = "Phong trào thi đua “Phường Sa Pa văn minh, thân thiện” năm 2026"
INDIVIDUAL_AWARD = "Giấy khen của Chủ tịch UBND phường cho cá nhân"
COLLECTIVE_AWARD = "Giấy khen của Chủ tịch UBND phường cho tập thể"


def choose(page, selector: str, text: str) -> None:
    """Select the option whose text, without the tree's leading dashes, is ``text``."""
    # Its options are read at once: on the page reached, parsed whole.
    page.locator(selector).wait_for(state="attached")
    page.wait_for_load_state()
    value = page.eval_on_selector(
        selector,
        """(el, text) => {
            const o = [...el.options].find(o => o.text.replace(/^[—\\s]+/, '').trim() === text);
            return o ? o.value : null;
        }""",
        text,
    )
    assert value is not None, f"no option “{text}” in {selector}"
    page.select_option(selector, value=value)


def fill_sheet(template: bytes, rows: list[dict[str, object]]) -> bytes:
    """The page's template with its example rows replaced by ``rows`` (header kept)."""
    from openpyxl import load_workbook

    workbook = load_workbook(BytesIO(template))
    sheet = workbook.worksheets[0]
    headers = [c.value for c in sheet[1]]
    if sheet.max_row > 1:
        sheet.delete_rows(2, sheet.max_row - 1)
    for r, values in enumerate(rows, start=2):
        for header, value in values.items():
            sheet.cell(row=r, column=headers.index(header) + 1, value=value)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def download(page, link_name: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    return Path(info.value.path()).read_bytes()


def sign_in(page, base: str, username: str, password: str) -> None:
    page.context.clear_cookies()
    page.goto(base + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    # wait_for_load_state alone would return on the loaded login page (see conftest's login).
    expect(page).not_to_have_url(base + "/dang-nhap/")
    page.wait_for_load_state()


def create_account(page, base: str, username: str, full_name: str, role: str) -> str:
    page.goto(base + "/quan-tri/tai-khoan/them/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Họ và tên").fill(full_name)
    choose(page, "#id_unit", WARD)
    page.locator("#id_role").select_option(label=role)
    page.get_by_role("button", name="Tạo tài khoản").click()
    page.locator("#temporary-password").wait_for()
    page.wait_for_load_state()  # the page reached, whole
    password = page.locator("#temporary-password").inner_text().strip()
    assert len(password) == 12
    return password


def first_sign_in(page, base: str, username: str, password: str) -> None:
    sign_in(page, base, username, password)
    page.get_by_role("heading", name="Đổi mật khẩu").wait_for()
    page.locator("#id_old_password").fill(password)
    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Đổi mật khẩu").click()
    page.get_by_text("Đã đổi mật khẩu.").wait_for()


def upload(page, tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    page.locator("input[type=file]").set_input_files(str(path))


def test_a_ward_campaign_entered_through_the_pages_evaluates_real_candidates(
    live_server, page, login, screenshot, tmp_path
):
    from django.core.management import call_command

    call_command("seed_demo", "--stage=dossiers", verbosity=0)
    base = live_server.url
    page.on("dialog", lambda dialog: dialog.accept())
    try:
        _scenario(page, base, login, screenshot, tmp_path)
    except Exception:
        screenshot(page, "ward-campaign-failure")
        raise


def _scenario(page, base, login, screenshot, tmp_path):
    from thidua.org.models import Person, Unit

    # 1. The administrator: a tổ dân phố under the new ward, and the ward's two accounts.
    login(page, base, "quantri")
    page.goto(base + "/quan-tri/don-vi/them/")
    choose(page, "#id_parent", WARD)
    page.get_by_label("Tên đơn vị").fill("Tổ dân phố Cầu Mây")  # the demo has it already
    page.locator("#id_kind").select_option(label="Thôn, bản, tổ dân phố")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text(f"{WARD} đã có đơn vị trực thuộc tên “Tổ dân phố Cầu Mây”.").wait_for()
    page.get_by_label("Tên đơn vị").fill(TDP)
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text(f"Đã tạo đơn vị {TDP}.").wait_for()
    screenshot(page, "ward-unit-created")
    officer_password = create_account(page, base, "canbo.sapa", "Hoàng Thị Thanh", "Cán bộ đơn vị")
    head_password = create_account(page, base, "truong.sapa", "Lý Văn Sơn", "Thủ trưởng đơn vị")
    assert officer_password != head_password

    # 2. The ward's emulation officer: staff, then 2024 and 2025 ratings, from Excel.
    login(page, base, "vhxh.sapa")
    page.goto(base + "/can-bo/nhap-excel/")
    template = download(page, "Tải tệp mẫu (.xlsx)")
    rows = [
        {
            "Họ và tên": name,
            "Giới tính": gender,
            "Ngày sinh": born,
            "Đơn vị": unit,
            "Đối tượng": category,
        }
        for name, gender, born, unit, category, *_ in STAFF
    ]
    upload(page, tmp_path, "can-bo.xlsx", fill_sheet(template, rows))
    page.get_by_role("button", name="Kiểm tra và nhập").click()
    page.get_by_text("Đã nhập 8 cán bộ.").wait_for()
    screenshot(page, "ward-staff-imported")
    ward = Unit.objects.get(name=WARD)
    assert Person.objects.filter(unit__path__startswith=ward.path).count() >= 8

    page.goto(base + "/lich-su/nhap/")
    page.locator("tr").filter(has=page.get_by_role("link", name=WARD, exact=True)).get_by_role(
        "link", name="Nhập xếp loại từ Excel"
    ).click()
    template = download(page, "Tải tệp mẫu (.xlsx)")
    rows = []
    for name, _, born, unit, _, rating_2024, rating_2025 in STAFF:
        rows.append(
            {
                "Họ và tên": name,
                "Ngày sinh": born,
                "Đơn vị": unit,
                "Năm": 2024,
                "Xếp loại": rating_2024,
            }
        )
        rows.append(
            {
                "Họ và tên": name,
                "Ngày sinh": born,
                "Đơn vị": unit,
                "Năm": 2025,
                "Xếp loại": rating_2025,
            }
        )
    rows.append({"Đơn vị": TDP, "Năm": 2025, "Xếp loại": XS})
    upload(page, tmp_path, "xep-loai.xlsx", fill_sheet(template, rows))
    page.get_by_role("button", name="Kiểm tra và nhập").click()
    page.get_by_text("Đã nhập 17 dòng.").wait_for()
    screenshot(page, "ward-ratings-imported")

    # 3. The campaign: general information, groups, documents, two award forms, criteria.
    page.goto(base + "/dot-thi-dua/tao-moi/")
    choose(page, "#id_issuer", WARD)
    page.locator("#id_title").fill(CAMPAIGN)
    page.locator("#id_signed_on").fill("2026-01-15")
    page.locator("#id_period_start").fill("2026-01-15")
    page.locator("#id_period_end").fill("2026-12-31")
    page.locator("#id_reward_mode").select_option(label="Xét khen thưởng hằng năm")
    deadline = max(date.today() + timedelta(days=30), date(2026, 12, 31))
    page.locator("#id_dossier_deadline").fill(deadline.isoformat())
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã tạo dự thảo đợt thi đua.").wait_for()
    campaign_url = page.url.split("#")[0]

    page.locator("a[href$='/muc/nhom-doi-tuong/']").click()
    first, second = page.locator("fieldset.card").nth(0), page.locator("fieldset.card").nth(1)
    first.locator("select[name$='-kind']").select_option(label="Cá nhân")
    first.locator("textarea[name$='-name']").fill("Cán bộ, công chức và Nhân dân của phường")
    for category in ("Công chức", "Nhân dân"):
        first.get_by_label(category, exact=True).check()
    second.locator("select[name$='-kind']").select_option(label="Tập thể")
    second.locator("input[name$='-order']").fill("1")
    second.locator("textarea[name$='-name']").fill("Tổ dân phố")
    second.get_by_label("Thôn, bản, tổ dân phố", exact=True).check()
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã lưu: Nhóm đối tượng xét khen thưởng.").wait_for()

    page.locator("a[href$='/muc/ho-so/']").click()
    page.locator("fieldset.card").nth(0).locator("input[name$='-name']").fill(
        "Báo cáo thành tích của tập thể, cá nhân"
    )
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã lưu: Thành phần hồ sơ đề nghị khen thưởng.").wait_for()

    for order, name in enumerate((INDIVIDUAL_AWARD, COLLECTIVE_AWARD)):
        page.get_by_role("link", name="+ Thêm hình thức khen thưởng").click()
        page.locator("#id_order").fill(str(order))
        page.locator("#id_name").fill(name)
        page.locator("#id_authority").select_option(
            label="Chủ tịch UBND cấp xã (xã, phường, đặc khu)"
        )
        choose(page, "#id_granting_unit", WARD)
        page.get_by_role("button", name="Lưu").click()
        page.get_by_text("Đã lưu hình thức khen thưởng.").wait_for()

    # The individual form: a 2-year streak of at least "Hoàn thành tốt", ending 2025.
    add_criteria_set(page, campaign_url, INDIVIDUAL_AWARD, "Cán bộ, công chức và Nhân dân")
    page.locator("#id_kind").select_option(label="Số năm liên tục đạt mức đánh giá")
    page.locator("#id_param_years").wait_for()
    page.locator("#id_text").fill(
        "Có 02 năm liên tục (2024, 2025) hoàn thành tốt nhiệm vụ trở lên."
    )
    page.locator("#id_param_years").fill("2")
    page.locator("#id_param_min_level").select_option(label=TOT)
    page.locator("#id_param_last_year_offset").fill("1")
    screenshot(page, "ward-criterion-streak")
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_text("Đã lưu tiêu chuẩn.").wait_for()

    # The collective form: at least 80 % of the members rated "Hoàn thành tốt" or better in 2025.
    add_criteria_set(page, campaign_url, COLLECTIVE_AWARD, "Tổ dân phố")
    page.locator("#id_kind").select_option(label="Tỉ lệ thành viên đạt mức đánh giá")
    page.locator("#id_param_min_percent").wait_for()
    page.locator("#id_text").fill("Có từ 80% thành viên trở lên hoàn thành tốt nhiệm vụ năm 2025.")
    page.locator("#id_param_min_percent").fill("80")
    page.locator("#id_param_min_level").select_option(label=TOT)
    page.locator("#id_param_year_offset").fill("1")
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_text("Đã lưu tiêu chuẩn.").wait_for()

    page.goto(campaign_url)
    screenshot(page, "ward-campaign-draft")
    page.get_by_role("button", name="Phát động").click()
    page.get_by_text("Đã thực hiện: Phát động.").wait_for()

    # 4. The new unit officer: first sign-in, the ward's dossier, three candidates.
    first_sign_in(page, base, "canbo.sapa", officer_password)
    page.goto(campaign_url)
    page.get_by_role("button", name=f"Lập hồ sơ đề nghị khen thưởng của {WARD}").click()
    page.get_by_role("link", name="Thêm người, tập thể").wait_for()
    dossier_url = page.url.split("#")[0]
    for person, unit, award, summary in (
        ("Lý Thị Mai", None, INDIVIDUAL_AWARD, "Tích cực tham gia xây dựng tổ dân phố văn minh"),
        ("Vàng Thị Dua", None, INDIVIDUAL_AWARD, "Vận động các hộ giữ gìn vệ sinh môi trường"),
        (None, TDP, COLLECTIVE_AWARD, "Tổ dân phố sạch đẹp, đoàn kết, không có tệ nạn"),
    ):
        page.goto(dossier_url)
        page.get_by_role("link", name="Thêm người, tập thể").click()
        if person:
            option = page.locator("#id_person option").filter(has_text=person).first
            page.locator("#id_person").select_option(value=option.get_attribute("value"))
        else:
            choose(page, "#id_unit", unit)
        page.get_by_label("Hình thức đề nghị").select_option(label=award)
        page.get_by_label("Tóm tắt thành tích").fill(summary)
        page.get_by_role("button", name="Lưu", exact=True).click()
        page.get_by_role("heading", name="Kết quả kiểm tra tiêu chuẩn").wait_for()

    page.goto(dossier_url)
    screenshot(page, "ward-dossier-results")
    results = {name: self_check(page, name) for name in ("Lý Thị Mai", "Vàng Thị Dua", TDP)}
    assert results == {
        "Lý Thị Mai": (
            "Đạt",
            ["Năm 2024: Hoàn thành xuất sắc nhiệm vụ; năm 2025: Hoàn thành xuất sắc nhiệm vụ."],
        ),
        "Vàng Thị Dua": (
            "Không đạt",
            ["Chưa đạt Hoàn thành tốt nhiệm vụ trở lên (năm 2025: Hoàn thành nhiệm vụ)."],
        ),
        TDP: (
            "Đạt",
            [
                "4/5 thành viên (80%) đạt Hoàn thành tốt nhiệm vụ trở lên năm 2025, "
                "cần tối thiểu 80%."
            ],
        ),
    }
    assert "Không đạt: 1" in page.inner_text("main") and "Đạt: 2" in page.inner_text("main")

    # The candidate's page says the same, criterion by criterion.
    # The list (a warning box above it names the same candidate).
    page.get_by_role("table").get_by_role("link", name="Vàng Thị Dua").click()
    page.get_by_text("(năm 2025: Hoàn thành nhiệm vụ)").first.wait_for()
    screenshot(page, "ward-candidate-not-met")

    # The head signs in for the first time too, and reads the same results.
    first_sign_in(page, base, "truong.sapa", head_password)
    page.goto(dossier_url)
    assert self_check(page, "Vàng Thị Dua") == results["Vàng Thị Dua"]


def self_check(page, name: str) -> tuple[str, list[str]]:
    """The badge and the reasons in the "Tự kiểm tra" cell of a candidate's row."""
    cell = page.locator("#danh-sach tbody tr").filter(has_text=name).locator("td").nth(4)
    return (
        cell.locator(".badge").inner_text().strip(),
        [r.strip() for r in cell.locator(".reason").all_inner_texts()],
    )


def add_criteria_set(page, campaign_url: str, award: str, group: str) -> None:
    """A criteria set for ``award`` (the first or second award form of the plan)."""
    page.goto(campaign_url)
    page.locator("a[href*='/hinh-thuc/']").filter(has_text="+ Bộ tiêu chuẩn").nth(
        0 if award == INDIVIDUAL_AWARD else 1
    ).click()
    option = page.locator("#id_subject_category option").filter(has_text=group).first
    page.locator("#id_subject_category").select_option(value=option.get_attribute("value"))
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã thêm bộ tiêu chuẩn.").wait_for()
    # The kind's parameters come through htmx, a deferred script: it runs once the page loads.
    page.wait_for_load_state()
