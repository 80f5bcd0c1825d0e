"""`thidua seed_demo`: the demo data of the seed campaign (UBND thị xã Sa Pa, 2020), a second
campaign of today's two-tier structure, synthetic history, and a demo account for every role.

Idempotent: when the demo data is there it changes nothing and prints the accounts again.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from thidua.org.models import Unit
from thidua.statistics.tasks import rebuild_all as rebuild_statistics

from ...seed_accounts import DEMO_PASSWORD, build_accounts, demo_role_assignments, ensure_accounts
from ...seed_campaign import build_campaigns
from ...seed_council import seed_council
from ...seed_dossiers import seed_dossiers
from ...seed_money import seed_money
from ...seed_offices import seed_offices
from ...seed_people import build_people
from ...seed_portal import seed_portal_identity
from ...seed_signing import seed_signing_keys
from ...seed_units import build_units, ensure_unit_types


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu: đợt thi đua của UBND thị xã Sa Pa (2020) và các tài khoản mẫu."

    def handle(self, *args, **options):
        ensure_unit_types()  # a flushed database (a browser test) has lost the migration's rows
        if Unit.objects.filter(name="Tỉnh Lào Cai").exists():
            self.stdout.write("Dữ liệu mẫu đã có, không nạp lại.")
        else:
            with transaction.atomic():
                seed_base()
            self.stdout.write(self.style.SUCCESS("Đã nạp dữ liệu mẫu."))
        with transaction.atomic():
            ensure_accounts()  # accounts added to the demo after a database was first seeded
            seed_dossiers()  # each is a no-op once its data is there
            seed_council()
            seed_money()
            seed_portal_identity()
            seed_offices()  # issuers' offices and the 2025 successors
            seed_signing_keys()  # the demo's test CA and keys (CHỈ DÙNG THỬ NGHIỆM)
            rebuild_statistics()  # the seed writes rows directly; cheap at the demo's size
        self.print_accounts()

    def print_accounts(self):
        self.stdout.write(f"\nTài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD})")
        self.stdout.write(f"{'Tên đăng nhập':<22} {'Vai trò':<34} Phạm vi")
        for a in demo_role_assignments():
            self.stdout.write(f"{a.user.username:<22} {a.get_role_display():<34} {a.unit.name}")


def seed_base() -> None:
    """Units, people with their history, accounts and the two campaigns, in this order (the
    ids and the reproducible random history depend on it)."""
    units = build_units()
    build_people(units)
    build_accounts(units)
    build_campaigns(units)
