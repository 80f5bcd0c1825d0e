"""Write starting Word templates (docxtpl) for every document into THIDUA_TEMPLATE_DIR.

Once a file is there it replaces the built-in layout: edit it in Word or LibreOffice, keep the
{{ … }} and {%tr … %} tags, and the next document uses it. Delete the file to go back."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from thidua.core import docx as d
from thidua.core.rendering import DOCUMENTS

# name → (issuer, number, place/date line, document type, subject, body lines, table)
# table: (headers, loop, cells) with Jinja over the context listed in docs/mau-van-ban.md.
SPECS = {
    "quyet-dinh": (
        "{{ issuer }}",
        "{{ decision.number_symbol }}",
        "{{ date_line }}",
        "QUYẾT ĐỊNH",
        "{{ decision.subject }}",
        [
            "{{ authority_line }}",
            "{% for b in bases %}{{ b }} {% endfor %}",
            "QUYẾT ĐỊNH:",
            "{{ articles[0][0] }} {{ articles[0][1] }}",
            "{{ articles[1][0] }} {{ articles[1][1] }}",
            "{{ articles[2][0] }} {{ articles[2][1] }}",
            "{{ articles[3][0] }} {{ articles[3][1] }}",
            "{{ decision.signer_title|upper }}",
            "{{ decision.signer_name }}",
        ],
        (
            ["Số sổ vàng", "Tập thể, cá nhân", "Chức vụ, đơn vị", "Tiền thưởng"],
            "r in recipients",
            ["{{ r.order }}", "{{ r.name }}", "{{ r.description }}", "{{ amounts[r.pk] }}"],
        ),
    ),
    "danh-sach-trich-ngang": (
        "{{ unit_title }}",
        "",  # the Tờ trình's annex: no number of its own
        "",
        "Phụ lục\nDANH SÁCH TRÍCH NGANG",
        "Tập thể, cá nhân đề nghị khen thưởng trong {{ campaign.title }}",
        [
            "(Kèm theo Tờ trình số       /TTr-UBND ngày     tháng     năm       của {{ unit_title }})"
        ],
        (
            ["STT", "Tên tập thể / Họ và tên", "Hình thức đề nghị", "Tóm tắt thành tích"],
            "c in candidates",
            ["{{ loop.index }}", "{{ c.name }}", "{{ c.award_form.name }}", "{{ c.summary }}"],
        ),
    ),
    "to-trinh": (
        "{{ issuer }}",
        "      /TTr-UBND",
        "",
        "TỜ TRÌNH",
        "Về việc đề nghị khen thưởng trong {{ campaign.title }}",
        [
            "Kính gửi: {{ campaign.signer_title|capitalize }} {{ campaign.issuer.name }}",
            "{{ unit.name }} kính đề nghị xem xét, khen thưởng {{ candidates|length }} tập thể, cá nhân "
            "(có danh sách kèm theo)./.",
            "{{ signer.authority }}",
            "{{ signer.title }}",
            "{{ head_name }}",
        ],
        None,
    ),
    "bien-ban-hop-xet": (
        "{{ council.name|upper }}",
        "      /BB-HĐTĐKT",
        "",
        "BIÊN BẢN",
        "Họp xét khen thưởng {{ campaign.title }}",
        [
            "Thời gian: {{ meeting.held_on.strftime('%d/%m/%Y') }}. Địa điểm: {{ meeting.place }}.",
            "Có mặt {{ present|length }} thành viên.",
        ],
        (
            ["STT", "Tập thể, cá nhân", "Đồng ý", "Không đồng ý", "Kết luận"],
            "i in items",
            [
                "{{ loop.index }}",
                "{{ i.candidate.name }}",
                "{{ i.yes }}",
                "{{ i.no }}",
                "{% if i.selected %}Đề nghị khen thưởng{% else %}Không đạt{% endif %}",
            ],
        ),
    ),
    "to-trinh-de-nghi-cap-tren": (
        "{{ issuer }}",
        "      /TTr-UBND",
        "",
        "TỜ TRÌNH",
        "{{ subject }}",
        [
            "Kính gửi: {{ addressee }}",
            "{{ issuer_title }} kính đề nghị {{ addressee }} xem xét, tặng {{ award }} cho "
            "{{ counts }}.",
            "{{ signer_title }}",
            "{{ signer_name }}",
        ],
        (
            ["STT", "Tập thể, cá nhân", "Chức vụ, đơn vị", "Tóm tắt thành tích"],
            "r in rows",
            ["{{ loop.index }}", "{{ r[0] }}", "{{ r[1] }}", "{{ r[2] }}"],
        ),
    ),
    "ke-hoach": (
        "{{ issuer }}",
        "{{ campaign.number_symbol }}",
        "",
        "KẾ HOẠCH",
        "{{ subject }}",
        [
            "{% for b in legal_bases %}{{ b.text }} {% endfor %}",
            "{{ campaign.preamble }}",
            "Khẩu hiệu: {{ campaign.slogan }}",
            "Hạn nộp hồ sơ: {{ campaign.dossier_deadline.strftime('%d/%m/%Y') }}",
            "{{ campaign.signer_authority }}",
            "{{ campaign.signer_title }}",
            "{{ campaign.signer_name }}",
        ],
        (
            ["Hình thức khen thưởng", "Thẩm quyền"],
            "f in forms",
            ["{{ f.form.name }}", "{{ f.form.authority.name }}"],
        ),
    ),
}


def build(spec) -> bytes:
    issuer, number, date_line, kind, subject, lines, table = spec
    document = d.new_document()
    d.header_block(document, parent="", issuer=issuer, number_symbol=number, place="", day=None)
    if date_line:  # replace the blank date line of the header with the context's
        for paragraph in document.tables[0].rows[0].cells[1].paragraphs:
            if paragraph.text.startswith(", ngày"):
                paragraph.runs[0].text = date_line
    d.title_block(document, kind, subject)
    for line in lines:
        d.paragraph(document, line, indent_first=True, align=d.JUSTIFY)
    if table:
        headers, loop, cells = table
        widths = [165 / len(headers)] * len(headers)
        grid = d.grid(document, headers, widths)
        d.grid_row(grid, [f"{{%tr for {loop} %}}"] + [""] * (len(headers) - 1), widths)
        d.grid_row(grid, cells, widths)
        d.grid_row(grid, ["{%tr endfor %}"] + [""] * (len(headers) - 1), widths)
    return d.to_bytes(document)


class Command(BaseCommand):
    help = "Ghi các mẫu văn bản Word (docxtpl) vào thư mục mẫu để quản trị viên sửa."

    def add_arguments(self, parser):
        parser.add_argument("names", nargs="*", help="Tên mẫu (mặc định: tất cả).")
        parser.add_argument("--force", action="store_true", help="Ghi đè mẫu đã có.")

    def handle(self, *args, names, force, **options):
        folder = Path(settings.THIDUA_TEMPLATE_DIR)
        folder.mkdir(parents=True, exist_ok=True)
        for name in names or DOCUMENTS:
            path = folder / f"{name}.docx"
            if path.exists() and not force:
                self.stdout.write(f"Đã có, giữ nguyên: {path}")
                continue
            path.write_bytes(build(SPECS[name]))
            self.stdout.write(f"{DOCUMENTS[name]}: {path}")
