"""The signing keys: a PKCS#12 file on the server or a key on a PKCS#11 token, per signer
(personal) or per issuing unit (the agency's, in place of the seal)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from thidua.org.models import Unit


class KeyKind(models.TextChoices):
    PERSONAL = "personal", "Chữ ký số cá nhân (người có thẩm quyền ký)"
    AGENCY = "agency", "Chữ ký số của cơ quan (thay con dấu)"


class KeyStore(models.TextChoices):
    PKCS12 = "pkcs12", "Tệp PKCS#12 trên máy chủ"
    PKCS11 = "pkcs11", "Thiết bị ký số (token/HSM, PKCS#11)"


class SigningKey(models.Model):
    """A PKCS#12 file the administrator put on the server (outside the uploaded files), or a
    key on a PKCS#11 token (USB token, HSM) named by its module, token and key labels; and the
    name of the environment variable that holds its passphrase or PIN: no secret in the
    database."""

    kind = models.CharField("loại", max_length=10, choices=KeyKind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signing_keys",
    )
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="signing_keys"
    )
    store = models.CharField(
        "nơi giữ khóa", max_length=10, choices=KeyStore.choices, default=KeyStore.PKCS12
    )
    p12_path = models.CharField("tệp PKCS#12", max_length=500, blank=True)
    # PKCS#11: the module (.so) of the token's driver (blank: THIDUA_PKCS11_MODULE), the token's
    # label, the label of the key and of its certificate on the token.
    pkcs11_module = models.CharField("thư viện PKCS#11", max_length=500, blank=True)
    token_label = models.CharField("nhãn thiết bị (token)", max_length=100, blank=True)
    key_label = models.CharField("nhãn khóa trên thiết bị", max_length=100, blank=True)
    passphrase_env = models.CharField("biến môi trường chứa mật khẩu", max_length=100, blank=True)
    # The image shown where the signature goes (Phụ lục I): the signer's signature (blue PNG,
    # transparent) or the agency's seal (red PNG, true size); a drawn stand-in without it.
    image_path = models.CharField("tệp ảnh chữ ký / con dấu (PNG)", max_length=500, blank=True)
    # Keys under the demo's own test CA: their passphrase is the demo's, printed in the docs.
    is_test = models.BooleanField("khóa thử nghiệm", default=False)
    active = models.BooleanField("đang dùng", default=True)
    subject = models.CharField("chủ thể chứng thư", max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "id"]
        verbose_name = "khóa ký số"
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="personal") & Q(user__isnull=False) & Q(unit__isnull=True))
                | (Q(kind="agency") & Q(unit__isnull=False) & Q(user__isnull=True)),
                name="signing_key_owner",
            ),
            models.CheckConstraint(
                condition=(Q(store="pkcs12") & ~Q(p12_path=""))
                | (Q(store="pkcs11") & ~Q(token_label="") & ~Q(key_label="")),
                name="signing_key_store",
            ),
            models.UniqueConstraint(
                fields=["user"], condition=Q(active=True), name="one_active_personal_key"
            ),
            models.UniqueConstraint(
                fields=["unit"], condition=Q(active=True), name="one_active_agency_key"
            ),
        ]

    def __str__(self) -> str:
        return self.subject or self.p12_path or f"{self.token_label}/{self.key_label}"
