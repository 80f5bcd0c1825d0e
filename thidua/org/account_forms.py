"""The forms of the account pages; the API validates its input with the same ones.

A unit is given by its id: the service finds it in the actor's scope (404 outside), so a page
and the API refuse another commune's unit alike. Pages offer the units in scope as choices.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth.validators import UnicodeUsernameValidator

from thidua.core.web import date_field

from .models import Role

DELIVERY_TEMPORARY = "mat_khau_tam"
DELIVERY_EMAIL = "thu_dien_tu"
DELIVERY_CHOICES = [
    (DELIVERY_TEMPORARY, "Cấp mật khẩu tạm (hiện một lần; người dùng đổi khi đăng nhập lần đầu)"),
    (DELIVERY_EMAIL, "Gửi thư có đường dẫn để người dùng tự đặt mật khẩu"),
]


def _unit_field() -> forms.IntegerField:
    return forms.IntegerField(
        label="Đơn vị",
        min_value=1,
        widget=forms.Select,
        error_messages={"required": "Chưa chọn đơn vị.", "invalid": "Đơn vị không hợp lệ."},
    )


def _role_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Vai trò",
        choices=[("", "— Chọn vai trò —"), *Role.choices],
        error_messages={
            "required": "Chưa chọn vai trò.",
            "invalid_choice": "Vai trò không hợp lệ.",
        },
    )


class UnitChoicesMixin:
    """Pages pass ``units`` (the units in the actor's scope) to fill the unit drop-down."""

    fields: dict

    def set_units(self, units) -> None:
        top = min((u.depth for u in units), default=0)
        self.fields["unit"].widget.choices = [("", "— Chọn đơn vị —")] + [
            (u.pk, ("\u00a0\u00a0" * (u.depth - top)) + u.name) for u in units
        ]


class AccountCreateForm(UnitChoicesMixin, forms.Form):
    username = forms.CharField(
        label="Tên đăng nhập",
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text="Chữ, số và các ký tự @ . + - _ ; ví dụ: vhxh.tavan",
        error_messages={"required": "Chưa nhập tên đăng nhập."},
    )
    full_name = forms.CharField(
        label="Họ và tên", max_length=150, error_messages={"required": "Chưa nhập họ và tên."}
    )
    email = forms.EmailField(
        label="Email",
        required=False,
        error_messages={"invalid": "Địa chỉ email không hợp lệ."},
    )
    unit = _unit_field()
    role = _role_field()
    valid_from = date_field(
        "Giữ vai trò từ ngày", required=False, help_text="Để trống: từ hôm nay."
    )
    delivery = forms.ChoiceField(
        label="Mật khẩu ban đầu",
        choices=DELIVERY_CHOICES,
        initial=DELIVERY_TEMPORARY,
        widget=forms.RadioSelect,
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("delivery") == DELIVERY_EMAIL and not data.get("email"):
            self.add_error("email", "Cần địa chỉ email để gửi thư đặt mật khẩu.")
        return data


class AccountEditForm(forms.Form):
    full_name = forms.CharField(
        label="Họ và tên", max_length=150, error_messages={"required": "Chưa nhập họ và tên."}
    )
    email = forms.EmailField(
        label="Email", required=False, error_messages={"invalid": "Địa chỉ email không hợp lệ."}
    )


class RoleAssignForm(UnitChoicesMixin, forms.Form):
    role = _role_field()
    unit = _unit_field()
    valid_from = date_field("Từ ngày", required=False, help_text="Để trống: từ hôm nay.")
    valid_to = date_field("Đến ngày", required=False, help_text="Để trống: không thời hạn.")

    def clean(self):
        data = super().clean()
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", "Ngày kết thúc phải từ ngày bắt đầu trở đi.")
        return data


class RoleEndForm(forms.Form):
    valid_to = date_field(
        "Ngày cuối giữ vai trò",
        required=False,
        help_text="Để trống: kết thúc ngay (vai trò giữ đến hết hôm qua).",
    )


class AccountImportForm(forms.Form):
    file = forms.FileField(
        label="Tệp Excel (.xlsx)",
        error_messages={"required": "Chưa chọn tệp.", "empty": "Tệp rỗng."},
    )
    only_clean = forms.BooleanField(
        label="Chỉ nhập các dòng hợp lệ, bỏ qua các dòng lỗi", required=False
    )
