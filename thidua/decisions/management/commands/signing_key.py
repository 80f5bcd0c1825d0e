"""`thidua signing_key`: the administrator configures the signing keys (docs/ky-so.md).

  thidua signing_key list
  thidua signing_key add --user chutich --p12 /etc/thidua/ky-so/chutich.p12 \\
      --passphrase-env THIDUA_KEY_CHUTICH
  thidua signing_key add --unit 12 --p12 /etc/thidua/ky-so/ubnd.p12 --passphrase-env THIDUA_KEY_UBND
  thidua signing_key add --user chutich --token-label "Token Chu tich" --key-label chutich \
      --pkcs11-module /usr/lib/x86_64-linux-gnu/libeTPkcs11.so --passphrase-env THIDUA_PIN_CHUTICH
  thidua signing_key disable 3

A key is opened before it is saved (wrong path, passphrase or PIN, no such token: refused); a new key of the same
owner replaces the active one. The passphrase itself is never stored: only the name of the
environment variable that holds it (or the token's PIN) on the server."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from thidua.core import audit
from thidua.decisions import signing, token_signing
from thidua.decisions.models import KeyKind, KeyStore, SigningKey
from thidua.org.models import Unit


class Command(BaseCommand):
    help = "Cấu hình khóa ký số (tệp PKCS#12 hoặc thiết bị PKCS#11) của người ký và của cơ quan."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="command", required=True)
        sub.add_parser("list", help="Liệt kê các khóa")
        add = sub.add_parser("add", help="Thêm khóa (thay khóa đang dùng của cùng chủ thể)")
        owner = add.add_mutually_exclusive_group(required=True)
        owner.add_argument("--user", help="tên đăng nhập của người ký (chữ ký cá nhân)")
        owner.add_argument("--unit", type=int, help="mã (id) đơn vị (chữ ký số của cơ quan)")
        store = add.add_mutually_exclusive_group(required=True)
        store.add_argument("--p12", help="đường dẫn tệp PKCS#12 trên máy chủ")
        store.add_argument("--token-label", help="nhãn thiết bị ký số (PKCS#11)")
        add.add_argument("--key-label", default="", help="nhãn khóa và chứng thư trên thiết bị")
        add.add_argument(
            "--pkcs11-module",
            default="",
            help="thư viện PKCS#11 của thiết bị (mặc định: THIDUA_PKCS11_MODULE)",
        )
        add.add_argument(
            "--passphrase-env", default="", help="biến môi trường chứa mật khẩu hoặc mã PIN"
        )
        add.add_argument(
            "--image",
            default="",
            help="ảnh chữ ký (PNG xanh) hoặc con dấu (PNG đỏ, đúng kích thước)",
        )
        disable = sub.add_parser("disable", help="Ngừng dùng một khóa")
        disable.add_argument("key_id", type=int)

    def handle(self, *args, **options):
        getattr(self, f"do_{options['command']}")(options)

    def do_list(self, options):
        for key in SigningKey.objects.select_related("user", "unit"):
            owner = key.user.username if key.user else key.unit.name
            state = "đang dùng" if key.active else "ngừng"
            test = " [THỬ NGHIỆM]" if key.is_test else ""
            self.stdout.write(
                f"{key.pk:>4} {key.kind:<9} {owner:<30} {state:<10} {key.subject}{test}"
            )

    def do_add(self, options):
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError("Không có tài khoản này.")
            owner = {"user": user, "kind": KeyKind.PERSONAL}
        else:
            unit = Unit.objects.filter(pk=options["unit"]).first()
            if unit is None:
                raise CommandError("Không có đơn vị này.")
            owner = {"unit": unit, "kind": KeyKind.AGENCY}
        if options["token_label"]:
            if not options["key_label"]:
                raise CommandError("Cần --key-label: nhãn khóa trên thiết bị ký số.")
            if not options["passphrase_env"]:
                raise CommandError("Cần --passphrase-env: biến môi trường chứa mã PIN.")
            store = {
                "store": KeyStore.PKCS11,
                "token_label": options["token_label"],
                "key_label": options["key_label"],
                "pkcs11_module": options["pkcs11_module"],
            }
        else:
            store = {"store": KeyStore.PKCS12, "p12_path": options["p12"]}
        key = SigningKey(
            **store,
            passphrase_env=options["passphrase_env"],
            image_path=options["image"],
            **owner,
        )
        if key.image_path and signing.key_image(key) is None:
            raise CommandError("Không tìm thấy tệp ảnh chữ ký / con dấu.")
        try:
            with token_signing.open_signer(key) as signer:
                key.subject = signing.subject_name(signer.signing_cert)
        except (signing.SigningError, ValueError) as error:
            raise CommandError(str(error)) from error
        with transaction.atomic():
            mine = {k: v for k, v in owner.items() if k != "kind"}
            SigningKey.objects.filter(active=True, **mine).update(active=False)
            key.save()
            audit.record(
                actor=None,
                action="decisions.signing_key.added",
                obj=key,
                message=key.subject,
            )
        self.stdout.write(self.style.SUCCESS(f"Đã thêm khóa {key.pk}: {key.subject}"))

    def do_disable(self, options):
        key = SigningKey.objects.filter(pk=options["key_id"]).first()
        if key is None:
            raise CommandError("Không có khóa này.")
        with transaction.atomic():
            SigningKey.objects.filter(pk=key.pk).update(active=False)
            audit.record(
                actor=None, action="decisions.signing_key.disabled", obj=key, message=key.subject
            )
        self.stdout.write(self.style.SUCCESS(f"Đã ngừng dùng khóa {key.pk}."))
