"""Units (the administrative hierarchy), people, and the roles users hold over a unit subtree."""

from __future__ import annotations

import hashlib
import secrets
import time

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.dispatch import Signal

from thidua.core.text import ascii_key

from .ethnicities import ETHNICITIES

# Sent by ``org.services.move_unit`` when a unit gets another parent (its subtree moves with it).
unit_moved = Signal()


def path_ids(path: str) -> list[int]:
    """A unit's materialised path as ids, from the top: "/1/7/42/" → [1, 7, 42]."""
    return [int(part) for part in path.strip("/").split("/") if part]


class UnitKind(models.TextChoices):
    # The seed's list of subjects (III.1) plus the levels of government.
    UBND_TINH = "ubnd_tinh", "UBND cấp tỉnh"
    UBND_HUYEN = "ubnd_huyen", "UBND cấp huyện (thị xã)"
    UBND_XA = "ubnd_xa", "UBND xã, phường"
    THON = "thon", "Thôn, bản, tổ dân phố"
    CO_QUAN_DANG = "co_quan_dang", "Cơ quan Đảng"
    CO_QUAN_NHA_NUOC = "co_quan_nha_nuoc", "Cơ quan nhà nước (cơ quan chuyên môn)"
    MTTQ = "mttq", "Mặt trận Tổ quốc"
    DOAN_THE = "doan_the", "Đoàn thể nhân dân"
    DON_VI_SU_NGHIEP = "don_vi_su_nghiep", "Đơn vị sự nghiệp"
    LLVT = "llvt", "Lực lượng vũ trang"
    TRUONG_HOC = "truong_hoc", "Trường học"
    DOANH_NGHIEP = "doanh_nghiep", "Doanh nghiệp"
    HOP_TAC_XA = "hop_tac_xa", "Hợp tác xã"


class UnitType(models.Model):
    """A kind of unit (cơ quan, đơn vị sự nghiệp, thôn/tổ dân phố, doanh nghiệp…), kept by the
    administrator. ``Unit.kind`` holds its code; the built-in codes are ``UnitKind``."""

    code = models.SlugField("mã", max_length=32, unique=True)
    name = models.CharField("tên loại đơn vị", max_length=150)
    is_people_committee = models.BooleanField(
        "là Ủy ban nhân dân",
        default=False,
        help_text="UBND các cấp: phát động thi đua, có Hội đồng TĐKT, ký quyết định khen thưởng.",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "loại đơn vị"

    def __str__(self) -> str:
        return self.name


_TYPE_NAMES: tuple[float, dict[str, str]] = (0.0, {})
TYPE_NAMES_TTL = 60  # seconds: a type renamed on one web process shows on the others soon


def unit_type_names() -> dict[str, str]:
    """Code → name of every unit type, read at most once a minute per process."""
    global _TYPE_NAMES
    read_at, names = _TYPE_NAMES
    if time.monotonic() - read_at > TYPE_NAMES_TTL or not names:
        names = dict(UnitType.objects.values_list("code", "name"))
        _TYPE_NAMES = (time.monotonic(), names)
    return names


def forget_unit_type_names() -> None:
    global _TYPE_NAMES
    _TYPE_NAMES = (0.0, {})


class Unit(models.Model):
    """A unit of the hierarchy. ``path`` is a materialised path ("/1/7/42/") so that a
    subtree is one indexed ``startswith`` filter, at any depth and scale."""

    name = models.CharField("tên đơn vị", max_length=255)
    kind = models.CharField("loại đơn vị", max_length=32)  # a UnitType code
    parent = models.ForeignKey(
        "self",
        verbose_name="đơn vị cấp trên",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    code = models.CharField(
        "ký hiệu",
        max_length=32,
        blank=True,
        help_text="Dùng trong số, ký hiệu văn bản, ví dụ UBND.",
    )
    place_name = models.CharField(
        "địa danh",
        max_length=100,
        blank=True,
        help_text="Ghi ở dòng địa danh, ngày tháng của văn bản.",
    )
    valid_from = models.DateField("hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("hiệu lực đến", null=True, blank=True)
    sort_order = models.PositiveIntegerField(default=0)
    # A unit closed in a reorganisation (communes merged into a ward in 2025) names the unit
    # that took over its work; its own history stays readable under the successor.
    successor = models.ForeignKey(
        "self",
        verbose_name="đơn vị kế thừa",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
    )
    search_name = models.CharField(max_length=255, db_index=True, editable=False, default="")

    class Meta:
        ordering = ["path"]
        verbose_name = "đơn vị"
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_window",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        """A new unit gets its path from its parent. A unit changes parent only through
        ``org.services.move_unit``, which rewrites the paths of its whole subtree."""
        self.search_name = ascii_key(self.name)
        if self.path and self.parent_id != self.parent_id_in_path():
            raise ValueError("A unit changes parent through org.services.move_unit only.")
        super().save(*args, **kwargs)
        if not self.path:
            self.path = f"{self.parent.path if self.parent else '/'}{self.pk}/"
            self.depth = self.path.count("/") - 2
            Unit.objects.filter(pk=self.pk).update(path=self.path, depth=self.depth)

    def get_kind_display(self) -> str:
        return unit_type_names().get(self.kind) or dict(UnitKind.choices).get(self.kind, self.kind)

    def parent_id_in_path(self) -> int | None:
        ids = path_ids(self.path)
        return ids[-2] if len(ids) > 1 else None

    def is_in(self, ancestor: Unit) -> bool:
        return self.path.startswith(ancestor.path)

    def ancestors(self) -> list[Unit]:
        ids = path_ids(self.path)[:-1]
        by_id = Unit.objects.in_bulk(ids)
        return [by_id[i] for i in ids if i in by_id]

    def subtree(self):
        return Unit.objects.filter(path__startswith=self.path)

    def is_valid_on(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class Gender(models.TextChoices):
    NAM = "nam", "Nam"
    NU = "nu", "Nữ"


class PersonCategory(models.TextChoices):
    CAN_BO = "can_bo", "Cán bộ"
    CONG_CHUC = "cong_chuc", "Công chức"
    VIEN_CHUC = "vien_chuc", "Viên chức"
    LLVT = "llvt", "Lực lượng vũ trang"
    NGUOI_LAO_DONG = "nguoi_lao_dong", "Người lao động"
    NHAN_DAN = "nhan_dan", "Nhân dân"


class Person(models.Model):
    full_name = models.CharField("họ và tên", max_length=150)
    gender = models.CharField("giới tính", max_length=8, choices=Gender.choices)
    date_of_birth = models.DateField("ngày sinh", null=True, blank=True)
    ethnicity = models.CharField("dân tộc", max_length=2, choices=ETHNICITIES, default="01")
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="people"
    )
    position = models.CharField("chức vụ", max_length=150, blank=True)
    category = models.CharField("đối tượng", max_length=20, choices=PersonCategory.choices)
    is_leader = models.BooleanField("là lãnh đạo, quản lý", default=False)
    # The day the person left the unit's staff (retired, transferred out of the system).
    left_on = models.DateField("ngày thôi công tác", null=True, blank=True)
    search_name = models.CharField(max_length=150, db_index=True, editable=False, default="")

    class Meta:
        ordering = ["unit__path", "full_name"]
        verbose_name = "cá nhân"
        verbose_name_plural = "cá nhân"

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.search_name = ascii_key(self.full_name)
        creating = self.pk is None
        super().save(*args, **kwargs)
        if creating:  # the open employment row of the current unit (bulk imports write their own)
            Employment.objects.create(person=self, unit_id=self.unit_id)

    @property
    def worker_kind(self) -> str:
        return "Lãnh đạo, quản lý" if self.is_leader else "Trực tiếp"


class Employment(models.Model):
    """Where a person worked and when: the member list of a unit on a date, and the trace of a
    move. ``Person.unit`` is the current unit; the open row (no ``valid_to``) matches it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="employments")
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="employments"
    )
    valid_from = models.DateField("từ ngày", null=True, blank=True)
    valid_to = models.DateField("đến ngày", null=True, blank=True)

    class Meta:
        ordering = ["person", "valid_from"]
        verbose_name = "quá trình công tác"
        indexes = [models.Index(fields=["unit", "valid_to"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="employment_window",
            ),
            models.UniqueConstraint(
                fields=["person"], condition=Q(valid_to__isnull=True), name="one_open_employment"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.unit}"


class OfficeDuty(models.TextChoices):
    PROPOSES = "proposes", "Cơ quan tham mưu, đề nghị"
    EXECUTES = "executes", "Cơ quan thi hành (Điều thi hành)"
    RECEIVES = "receives", "Nơi nhận"


class Office(models.Model):
    """An office of an issuing unit named in its documents: who proposes a decision (Phòng
    Nội vụ of a town, Phòng Văn hóa – Xã hội of a ward since 01/07/2025), who executes it,
    who receives it. Dated: the offices change with reorganisations."""

    unit = models.ForeignKey(
        Unit, verbose_name="cơ quan ban hành", on_delete=models.CASCADE, related_name="offices"
    )
    name = models.CharField("tên cơ quan, chức danh", max_length=255)
    abbreviation = models.CharField(
        "ký hiệu viết tắt", max_length=20, blank=True, help_text="Dùng ở dòng Lưu: VT, NV."
    )
    duties = models.JSONField("vai trò trong văn bản", default=list, blank=True)
    valid_from = models.DateField("hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("hiệu lực đến", null=True, blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        ordering = ["unit", "order", "id"]
        verbose_name = "cơ quan tham mưu, thi hành, nơi nhận"

    def __str__(self) -> str:
        return self.name

    def is_valid_on(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class Role(models.TextChoices):
    CAN_BO_DON_VI = "can_bo_don_vi", "Cán bộ đơn vị"
    THU_TRUONG = "thu_truong", "Thủ trưởng đơn vị"
    CHUYEN_VIEN_TDKT = "chuyen_vien_tdkt", "Chuyên viên thi đua, khen thưởng"
    THU_KY_HOI_DONG = "thu_ky_hoi_dong", "Thư ký Hội đồng TĐKT"
    THANH_VIEN_HOI_DONG = "thanh_vien_hoi_dong", "Thành viên Hội đồng TĐKT"
    CHU_TICH = "chu_tich", "Chủ tịch UBND"
    TRUYEN_THONG = "truyen_thong", "Trung tâm Truyền thông"
    QUAN_TRI = "quan_tri", "Quản trị hệ thống"


class RoleAssignment(models.Model):
    """A user holds ``role`` over ``unit`` and everything below it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.CharField("vai trò", max_length=32, choices=Role.choices)
    unit = models.ForeignKey(
        Unit,
        verbose_name="phạm vi đơn vị",
        on_delete=models.PROTECT,
        related_name="role_assignments",
    )
    # A role is held from a date to a date; an ended role stays as history.
    valid_from = models.DateField("từ ngày", null=True, blank=True)
    valid_to = models.DateField("đến ngày", null=True, blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người giao",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "unit"],
                condition=Q(valid_to__isnull=True),
                name="unique_open_role_assignment",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="role_assignment_window",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} – {self.unit}"


class ApiToken(models.Model):
    """A bearer token for the JSON API; only a SHA-256 digest is stored. It has a name, an
    expiry (past it the API answers 401) and the time of its last use (written at most once a
    minute); its owner and an administrator of the owner's units list and revoke it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField("tên khóa", max_length=100)
    prefix = models.CharField(max_length=8, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField("hết hạn", db_index=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def hash(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @classmethod
    def issue(cls, user, name: str, days: int | None = None) -> tuple[ApiToken, str]:
        """A new token valid ``days`` days (THIDUA_API_TOKEN_DAYS by default), and its raw
        value: shown once, never stored."""
        from datetime import timedelta

        from django.utils import timezone

        days = days or settings.THIDUA_API_TOKEN_DAYS
        raw = "tdkt_" + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user,
            name=name,
            prefix=raw[:8],
            digest=cls.hash(raw),
            expires_at=timezone.now() + timedelta(days=days),
        )
        return token, raw

    @property
    def is_expired(self) -> bool:
        from django.utils import timezone

        return self.expires_at <= timezone.now()


# Kept in its own module; imported here so that Django registers it with this app.
from .account_models import AccountProfile  # noqa: E402, F401
