"""What the project keeps about an account beyond Django's user: the unit whose administrators
manage it, who created it, and whether its password must be changed at the next sign-in."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AccountProfile(models.Model):
    """One per account created through the administration pages (or imported); an account
    without one (the demo accounts, accounts made by ``createsuperuser``) has no forced change."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="account_profile",
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name="đơn vị quản lý tài khoản",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    must_change_password = models.BooleanField("phải đổi mật khẩu khi đăng nhập", default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tạo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    password_changed_at = models.DateTimeField("đổi mật khẩu lúc", null=True, blank=True)

    class Meta:
        verbose_name = "hồ sơ tài khoản"

    def __str__(self) -> str:
        return f"Hồ sơ tài khoản {self.user_id}"
