"""Exemplary models (điển hình tiên tiến, cách làm hay, mô hình hiệu quả) written by the media
centre and published on the public portal after review."""

from __future__ import annotations

from django.conf import settings
from django.db import connection, models

from thidua.campaigns.models import Campaign
from thidua.core.lookups import instance_reader
from thidua.org.models import Person, Unit


class StoryKind(models.TextChoices):
    DIEN_HINH = "dien_hinh", "Điển hình tiên tiến"
    CACH_LAM_HAY = "cach_lam_hay", "Cách làm hay"
    MO_HINH = "mo_hinh", "Mô hình hiệu quả"


class StoryStatus(models.TextChoices):
    DRAFT = "draft", "Bản nháp"
    REVIEW = "review", "Chờ duyệt"
    PUBLISHED = "published", "Đã đăng"


class Story(models.Model):
    owner_unit = models.ForeignKey(
        Unit, verbose_name="đơn vị viết bài", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("loại", max_length=20, choices=StoryKind.choices)
    title = models.CharField("tiêu đề", max_length=300)
    summary = models.CharField("tóm tắt", max_length=500)
    body = models.TextField(
        "nội dung", help_text="Được làm sạch khi lưu: chỉ giữ định dạng đơn giản."
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name="tập thể",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    person = models.ForeignKey(
        Person,
        verbose_name="cá nhân",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    campaign = models.ForeignKey(
        Campaign,
        verbose_name="đợt thi đua",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    status = models.CharField(max_length=10, choices=StoryStatus.choices, default=StoryStatus.DRAFT)
    review_note = models.CharField("ý kiến duyệt", max_length=500, blank=True)
    search_text = models.TextField(blank=True, editable=False)  # title + summary without diacritics
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_at", "-updated_at"]
        verbose_name = "điển hình tiên tiến"

    def __str__(self) -> str:
        return self.title


def photo_path(instance, filename: str) -> str:
    return f"stories/{instance.story_id}/{instance.token}.{instance.kind}"


class StoryPhoto(models.Model):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(upload_to=photo_path)
    token = models.CharField(max_length=32)
    kind = models.CharField(max_length=5)
    caption = models.CharField("chú thích", max_length=300, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.caption or "Ảnh minh họa"


def emblem_path(instance, filename: str) -> str:
    return f"portal/emblem-{instance.emblem_token}.{instance.emblem_kind}"


class PortalIdentity(models.Model):
    """Who speaks on the public portal: the issuing authority's name, emblem and contacts, kept
    by the administrator (one row)."""

    authority_name = models.CharField("tên cơ quan", max_length=200, default="Ủy ban nhân dân")
    portal_title = models.CharField(
        "tên cổng thông tin", max_length=200, default="Cổng thông tin thi đua, khen thưởng"
    )
    emblem = models.FileField("biểu trưng (quốc huy, logo)", upload_to=emblem_path, blank=True)
    emblem_token = models.CharField(max_length=32, blank=True)
    emblem_kind = models.CharField(max_length=5, blank=True)
    address = models.CharField("địa chỉ", max_length=300, blank=True)
    phone = models.CharField("điện thoại", max_length=50, blank=True)
    email = models.EmailField("thư điện tử", blank=True)
    responsible = models.CharField("người chịu trách nhiệm nội dung", max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "thông tin cổng thông tin"

    def __str__(self) -> str:
        return self.portal_title

    @classmethod
    def current(cls) -> PortalIdentity:
        """The one row (or its defaults), read with a fixed statement: every public page reads
        it, and through the ORM building the query cost a quarter of a decision's page on
        SQLite, many times reading the row (bench/portal.py); ``raw()`` still cost twice the
        plain cursor on PostgreSQL (it reads the columns' types from the cursor)."""
        fields = cls._meta.concrete_fields
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {columns} FROM portal_portalidentity WHERE id = 1")  # noqa: S608
            row = cursor.fetchone()
        # Converted as the ORM converts it.
        return instance_reader(cls, fields)(row) if row is not None else cls(pk=1)
