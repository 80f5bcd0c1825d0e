"""`thidua seed_demo`: the demo data. By default (`make run`) the whole tour: the seed campaign
of UBND thị xã Sa Pa (2020) finished (council vote, signed decision, certificates, exemplary
stories on the portal) and the 2026 phong trào of the new phường Sa Pa in progress, with work
waiting on every role's home page. `--stage dossiers` stops where the tests start: the 2020
campaign at the dossier stage, the 2026 campaign launched with no dossier.

Idempotent: what is there already is left as it is, and the accounts are printed again. A
database seeded at the dossier stage is taken forward by a later run without the option."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand
from django.db import transaction

from thidua.org.models import Unit
from thidua.statistics.tasks import rebuild_all as rebuild_statistics

from ...finish import finish_2020
from ...seed_2026 import seed_2026
from ...seed_accounts import (
    DEMO_PASSWORD,
    build_accounts,
    demo_role_assignments,
    ensure_accounts,
    ensure_accounts_2026,
)
from ...seed_campaign import build_campaigns
from ...seed_council import seed_council
from ...seed_dossiers import seed_dossiers
from ...seed_money import seed_money
from ...seed_offices import seed_offices
from ...seed_people import build_people
from ...seed_portal import seed_portal_identity
from ...seed_signing import seed_signing_keys
from ...seed_units import build_units, ensure_unit_types

FULL, DOSSIERS = "full", "dossiers"
START_2020 = (
    "chutich",
    "đợt 2020 đã hoàn thành: quyết định đã ký, Giấy khen; rồi mở /cong-khai/ (bài điển hình)",
)
START_2026 = (
    "vhxh.sapa",
    "đợt 2026 của phường Sa Pa đang diễn ra: hồ sơ chờ thẩm định, phiên họp đang bỏ phiếu",
)


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu mẫu: đợt thi đua năm 2020 của UBND thị xã Sa Pa đã hoàn thành, phong trào "
        "năm 2026 của phường Sa Pa đang diễn ra, và các tài khoản mẫu."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stage",
            choices=[FULL, DOSSIERS],
            default=FULL,
            help="dossiers: dừng ở bước lập hồ sơ của đợt 2020 (dữ liệu của kiểm thử)",
        )

    def handle(self, *args, **options):
        full = options["stage"] == FULL
        ensure_unit_types()  # a flushed database (a browser test) has lost the migration's rows
        if Unit.objects.filter(name="Tỉnh Lào Cai").exists():
            self.stdout.write("Dữ liệu mẫu đã có, không nạp lại.")
        else:
            with transaction.atomic():
                seed_base()
            self.stdout.write(self.style.SUCCESS("Đã nạp dữ liệu mẫu."))
        with transaction.atomic():
            ensure_accounts()  # accounts added to the demo after a database was first seeded
            if full:
                ensure_accounts_2026()
            seed_dossiers()  # each is a no-op once its data is there
            seed_council()
            seed_money()
            seed_portal_identity()
            seed_offices()  # issuers' offices and the 2025 successors
            seed_signing_keys()  # the demo's test CA and keys (CHỈ DÙNG THỬ NGHIỆM)
        if full:
            self.take_forward(finish_2020, "đưa đợt thi đua năm 2020 đến khi hoàn thành")
            self.take_forward(seed_2026, "lập dữ liệu đang diễn ra của phong trào năm 2026")
        with transaction.atomic():
            rebuild_statistics()  # the seed writes rows directly; cheap at the demo's size
        self.print_accounts(full)

    def take_forward(self, step, what: str) -> None:
        """Run one step of the tour through the services (each part is skipped once done). A
        database changed by hand since it was seeded may refuse a step: `make run` says so and
        goes on serving the data as it is."""
        try:
            with transaction.atomic():
                step()
        except (ValidationError, PermissionDenied) as error:
            reason = " ".join(getattr(error, "messages", [str(error)]))
            self.stdout.write(
                self.style.WARNING(
                    f"Không {what}: {reason} Dữ liệu đã có được giữ nguyên; nạp vào một cơ sở "
                    "dữ liệu mới để có đủ dữ liệu mẫu."
                )
            )

    def print_accounts(self, full: bool):
        self.stdout.write(f"\nTài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD})")
        self.stdout.write(f"{'Tên đăng nhập':<22} {'Vai trò':<34} Phạm vi")
        for a in demo_role_assignments():
            self.stdout.write(f"{a.user.username:<22} {a.get_role_display():<34} {a.unit.name}")
        if full:
            self.stdout.write("\nBắt đầu từ đâu:")
            for username, what in (START_2020, START_2026):
                self.stdout.write(f"  {username:<20} {what}")


def seed_base() -> None:
    """Units, people with their history, accounts and the two campaigns, in this order (the
    ids and the reproducible random history depend on it)."""
    units = build_units()
    build_people(units)
    build_accounts(units)
    build_campaigns(units)
