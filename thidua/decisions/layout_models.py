"""How an issuer's certificates are printed: drawn in full on white paper (with the emblem
image the administrator uploaded, or a drawn stand-in), or only the text on pre-printed blanks
(phôi Giấy khen), each field at the place the clerk measured in millimetres."""

from __future__ import annotations

from django.db import models

from thidua.org.models import Unit


class CertificateMode(models.TextChoices):
    DRAWN = "drawn", "In toàn bộ Giấy khen trên giấy trắng"
    PREPRINTED = "preprinted", "In trên phôi Giấy khen (chỉ in chữ)"


def emblem_path(instance: CertificateLayout, filename: str) -> str:
    return f"giay-khen/quoc-huy-{instance.issuer_id}-{instance.emblem_token}.{instance.emblem_kind}"


class CertificateLayout(models.Model):
    """One row per issuing unit that changed the default: drawn in full, the stand-in emblem,
    the positions of ``certificate_layout.FIELDS``."""

    issuer = models.OneToOneField(
        Unit, on_delete=models.CASCADE, related_name="certificate_layout", verbose_name="cơ quan"
    )
    mode = models.CharField(
        "cách in", max_length=12, choices=CertificateMode.choices, default=CertificateMode.DRAWN
    )
    # {"name": [x, y], ...} in millimetres from the top left corner of the A4 landscape page;
    # a field not named keeps its default place.
    positions = models.JSONField("vị trí các dòng chữ", default=dict, blank=True)
    emblem = models.FileField("ảnh Quốc huy", upload_to=emblem_path, blank=True)
    emblem_token = models.CharField(max_length=32, blank=True)
    emblem_kind = models.CharField(max_length=5, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "mẫu in Giấy khen"

    def __str__(self) -> str:
        return f"Mẫu in Giấy khen – {self.issuer}"
