"""One entry point for every administrative document: ``render(name, context, builder)``.

The built-in layout (python-docx, Nghị định 30/2020) is the default. An administrator replaces
it without touching code by putting a Word file named ``<name>.docx`` in the template folder
(``THIDUA_TEMPLATE_DIR``, default ``<data dir>/mau-van-ban``): it is filled with docxtpl (Jinja
tags such as ``{{ decision.number_symbol }}``, ``{%tr for r in recipients %}``) from the same
context. ``thidua export_templates`` writes starting templates; docs/mau-van-ban.md lists the
names and the variables of each.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

DOCUMENTS = {
    "ke-hoach": "Kế hoạch phát động đợt thi đua",
    "to-trinh": "Tờ trình đề nghị khen thưởng của đơn vị",
    "danh-sach-trich-ngang": "Danh sách trích ngang",
    "bien-ban-hop-xet": "Biên bản họp xét của Hội đồng",
    "quyet-dinh": "Quyết định khen thưởng và danh sách kèm theo",
    "to-trinh-de-nghi-cap-tren": "Tờ trình đề nghị cấp trên khen thưởng",
}


def template_path(name: str) -> Path | None:
    path = Path(settings.THIDUA_TEMPLATE_DIR) / f"{name}.docx"
    return path if path.is_file() else None


def render(name: str, context: dict, builder: Callable[[dict], bytes]) -> bytes:
    assert name in DOCUMENTS, name
    path = template_path(name)
    if path is None:
        return builder(context)
    from docxtpl import DocxTemplate

    document = DocxTemplate(str(path))
    document.render(context, autoescape=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
