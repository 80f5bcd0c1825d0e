"""Forms shared by the decisions' pages and API."""

from __future__ import annotations

from django import forms

from thidua.core.web import date_field


class RevocationForm(forms.Form):
    signed_on = date_field("Ngày ký quyết định thu hồi")
    reason = forms.CharField(
        label="Lý do thu hồi",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Ví dụ: kê khai không trung thực thành tích; hồ sơ giả mạo; thẩm định sai quy "
        "định (Luật Thi đua, khen thưởng 2022, Điều 93).",
    )
