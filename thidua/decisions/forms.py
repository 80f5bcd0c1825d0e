"""Forms shared by the decisions' pages and API."""

from __future__ import annotations

from django import forms
from django.conf import settings

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


class VerifyForm(forms.Form):
    """A PDF someone wants verified (the portal's page and POST /api/v1/verify)."""

    file = forms.FileField(label="Tệp PDF cần xác thực")

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        if upload.size > settings.THIDUA_MAX_UPLOAD_BYTES:
            limit = settings.THIDUA_MAX_UPLOAD_BYTES // (1024 * 1024)
            raise forms.ValidationError(f"Tệp lớn hơn {limit} MB.")
        content = upload.read()
        if not content.startswith(b"%PDF-"):
            raise forms.ValidationError("Tệp không phải là tệp PDF.")
        return content
