"""The demo portal speaks for UBND thị xã Sa Pa (the seed campaign's issuer)."""

from __future__ import annotations

from thidua.portal.models import PortalIdentity


def seed_portal_identity() -> None:
    if PortalIdentity.objects.filter(pk=1).exists():
        return
    PortalIdentity.objects.create(
        pk=1,
        authority_name="Ủy ban nhân dân thị xã Sa Pa",
        portal_title="Cổng thông tin thi đua, khen thưởng",
        address="Thị xã Sa Pa, tỉnh Lào Cai (dữ liệu mẫu)",
        email="thiduakhenthuong@example.vn",
        responsible="Phòng Nội vụ thị xã Sa Pa",
    )
