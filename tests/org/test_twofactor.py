"""Two-factor authentication: who must enrol, the enrolment page, the code after the password,
recovery codes used once, the administrator's reset, and a council member without 2FA who
cannot open a ballot or sign."""

from __future__ import annotations

import pytest
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from thidua.core.models import AuditEntry
from thidua.org import twofactor

from ..demo_council import present

ENROL = "/tai-khoan/xac-thuc-hai-buoc/"
VERIFY = "/dang-nhap/ma-xac-thuc/"


@pytest.fixture
def required(settings):
    settings.THIDUA_REQUIRE_2FA = True


def code_for(device: TOTPDevice, ahead: int = 0) -> str:
    """The app's code now (``ahead`` steps later: a step is used once)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift + ahead)
    return f"{totp.token():0{device.digits}d}"


def enrol(client: Client, user) -> list[str]:
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(ENROL, {"code": code_for(device)})
    assert response.status_code == 200
    return response.context["codes"]


@pytest.mark.parametrize(
    "key,must",
    [
        ("chairman", True),
        ("member", True),
        ("secretary", True),
        ("admin", True),
        ("town_officer", True),
        ("ward_officer", False),
        ("ward_head", False),
        ("media", False),
    ],
)
def test_who_must_enrol(personas, required, key, must):
    client = personas.client(key)
    response = client.get("/dot-thi-dua/")
    if must:
        assert response.status_code == 302
        assert response["Location"] == ENROL + "?next=%2Fdot-thi-dua%2F"
    else:
        assert response.status_code == 200
    assert twofactor.is_required(personas.users[key]) is must


def test_council_membership_in_force_requires_it(personas, required):
    """A unit head holding a council seat must enrol while the seat is in force."""
    from datetime import date

    from thidua.council.models import Council, CouncilMember

    head = personas.users["ward_head"]
    council = Council.objects.create(unit=personas.units["town"], name="Hội đồng TĐKT thị xã")
    seat = CouncilMember.objects.create(
        council=council, user=head, position="uy_vien", title="Chủ tịch UBND phường"
    )
    assert personas.client("ward_head").get("/dot-thi-dua/")["Location"].startswith(ENROL)
    seat.valid_to = date(2020, 1, 1)
    seat.save()
    assert personas.client("ward_head").get("/dot-thi-dua/").status_code == 200


def test_off_in_the_suite_by_default(personas):
    assert personas.client("chairman").get("/dot-thi-dua/").status_code == 200


def test_enrol_then_login_asks_the_code(personas, required):
    chairman = personas.users["chairman"]
    client = personas.client("chairman")
    page = client.get(ENROL)
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and "Khóa bí mật" in html
    device = TOTPDevice.objects.get(user=chairman, confirmed=False)
    assert twofactor.secret_of(device).replace(" ", "") in html.replace(" ", "")

    wrong = client.post(ENROL, {"code": "000000" if code_for(device) != "000000" else "111111"})
    assert "Mã xác thực không đúng" in wrong.content.decode()
    assert not twofactor.is_enrolled(chairman)

    response = client.post(ENROL, {"code": code_for(device)})
    codes = response.context["codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert all(c in response.content.decode() for c in codes)
    assert twofactor.is_enrolled(chairman)
    assert (
        AuditEntry.objects.filter(action="org.2fa.enrolled", object_id=str(chairman.pk)).count()
        == 1
    )
    assert client.get("/dot-thi-dua/").status_code == 200  # verified in this session
    # The codes are shown once: the page now gives only their number.
    again = client.get(ENROL).content.decode()
    assert codes[0] not in again and "Còn <strong>10</strong> mã khôi phục" in again

    # A new login: the code is asked before any page.
    chairman.set_password("pw-2fa-test")
    chairman.save()
    fresh = Client()
    login = fresh.post("/dang-nhap/", {"username": chairman.username, "password": "pw-2fa-test"})
    assert login.status_code == 302
    blocked = fresh.get("/dot-thi-dua/")
    assert blocked["Location"] == VERIFY + "?next=%2Fdot-thi-dua%2F"
    device.refresh_from_db()
    bad = fresh.post(VERIFY, {"code": "12345", "next": "/dot-thi-dua/"})
    assert "không đúng" in bad.content.decode()
    assert fresh.get("/dot-thi-dua/").status_code == 302
    device.throttling_failure_count = 0  # the failure above slows the next try down
    device.throttling_failure_timestamp = None
    device.save()
    ok = fresh.post(VERIFY, {"code": code_for(device, ahead=1), "next": "/dot-thi-dua/"})
    assert ok.status_code == 302 and ok["Location"] == "/dot-thi-dua/"
    assert fresh.get("/dot-thi-dua/").status_code == 200


def test_recovery_code_works_once(personas, required):
    town_officer = personas.users["town_officer"]
    codes = enrol(personas.client("town_officer"), town_officer)
    town_officer.set_password("pw-2fa-test")
    town_officer.save()

    def login() -> Client:
        client = Client()
        client.post("/dang-nhap/", {"username": town_officer.username, "password": "pw-2fa-test"})
        return client

    first = login()
    ok = first.post(VERIFY, {"code": codes[0].upper(), "next": "/"}, follow=True)
    assert "còn 9 mã" in ok.content.decode()
    assert StaticToken.objects.filter(device__user=town_officer).count() == 9
    assert AuditEntry.objects.filter(action="org.2fa.recovery_used").count() == 1

    second = login()
    refused = second.post(VERIFY, {"code": codes[0], "next": "/"})
    assert refused.status_code == 200
    assert "Mã xác thực hoặc mã khôi phục không đúng" in refused.content.decode()
    assert second.get("/dot-thi-dua/").status_code == 302


def test_optional_for_unit_accounts_but_asked_once_enrolled(personas, required):
    officer = personas.users["ward_officer"]
    enrol(personas.client("ward_officer"), officer)
    client = personas.client("ward_officer")  # force_login: a new login
    assert client.get("/dot-thi-dua/")["Location"].startswith(VERIFY)


def test_exempt_pages(personas, required):
    client = personas.client("admin")
    assert client.get(ENROL).status_code == 200
    assert client.post("/dang-xuat/").status_code == 302
    assert client.get("/static/css/app.css").status_code == 200


def test_htmx_request_is_told_where_to_go(personas, required):
    response = personas.client("admin").get("/dot-thi-dua/", HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith(ENROL)


def test_administrator_resets_in_scope_only(personas, required):
    chairman = personas.users["chairman"]
    admin = personas.client("admin")
    enrol(admin, personas.users["admin"])
    enrol(personas.client("chairman"), chairman)
    listing = admin.get("/quan-tri/xac-thuc-hai-buoc/")
    assert listing.status_code == 200 and chairman.username in listing.content.decode()

    url = f"/quan-tri/xac-thuc-hai-buoc/{chairman.pk}/dat-lai/"
    assert admin.get(url).status_code == 200
    # The town's emulation officer is no administrator; the ward officer neither.
    assert personas.client("ward_officer").post(url).status_code == 404
    response = admin.post(url)
    assert response.status_code == 302
    assert not twofactor.is_enrolled(chairman)
    assert not StaticToken.objects.filter(device__user=chairman).exists()
    entry = AuditEntry.objects.get(action="org.2fa.reset")
    assert entry.object_id == str(chairman.pk) and entry.actor == personas.users["admin"]
    # Next login: enrol again.
    assert personas.client("chairman").get("/dot-thi-dua/")["Location"].startswith(ENROL)


def test_administrator_of_another_tree_gets_404(personas, required, user):
    """The demo's administrator manages the demo province, not the personas' tree."""
    client = Client()
    client.force_login(user("quantri"))
    session = client.session
    session[twofactor.SESSION_VERIFIED] = True
    session.save()
    target = personas.users["chairman"]
    assert client.get(f"/quan-tri/xac-thuc-hai-buoc/{target.pk}/dat-lai/").status_code == 404
    assert client.post(f"/quan-tri/xac-thuc-hai-buoc/{target.pk}/dat-lai/").status_code == 404
    assert client.get("/quan-tri/xac-thuc-hai-buoc/999999/dat-lai/").status_code == 404


def test_member_without_2fa_cannot_open_a_ballot_or_vote(required, client_as, meeting):
    present(meeting, "thuky", "hoidong1", "chutich")
    response = client_as("thuky").post(f"/hoi-dong/{meeting.pk}/thao-tac/open/")
    assert response.status_code == 302 and response["Location"].startswith(ENROL)
    meeting.refresh_from_db()
    assert meeting.status == "preparing"
    vote = client_as("hoidong1").get(f"/hoi-dong/{meeting.pk}/phieu/")
    assert vote.status_code == 302 and vote["Location"].startswith(ENROL)


def test_chairman_without_2fa_cannot_sign(client_as, draft_decision, settings):
    settings.THIDUA_REQUIRE_2FA = True  # after the fixture closed the ballot
    response = client_as("chutich").post(f"/quyet-dinh/{draft_decision.pk}/ky/")
    assert response.status_code == 302 and response["Location"].startswith(ENROL)
    draft_decision.refresh_from_db()
    assert draft_decision.status != "signed"


def test_api_tokens_stay_allowed(required, personas):
    from thidua.org import services

    _token, raw = services.issue_api_token(actor=personas.users["chairman"], name="t", days=30)
    response = Client().get("/api/v1/units", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200


def test_services_refuse_a_member_without_2fa_also_through_the_api(required, meeting, user):
    """The ballot and the signature are refused by the services themselves, so an API token of
    an account that has not enrolled cannot vote or sign either."""
    from django.core.exceptions import PermissionDenied

    from thidua.council import services as council
    from thidua.org import services

    present(meeting, "thuky", "hoidong1", "chutich")
    with pytest.raises(PermissionDenied, match="Cần bật xác thực hai bước"):
        council.open_ballot(actor=user("thuky"), meeting=meeting)
    TOTPDevice.objects.create(user=user("thuky"), name="app", confirmed=True)
    council.open_ballot(actor=user("thuky"), meeting=meeting)

    _token, raw = services.issue_api_token(actor=user("hoidong1"), name="t", days=30)
    item = meeting.items.first()
    response = Client().post(
        f"/api/v1/meetings/{meeting.pk}/ballot",
        {"choices": [{"item_id": item.pk, "approve": True}]},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 403
    assert "Cần bật xác thực hai bước trước khi bỏ phiếu" in response.json()["detail"]


def test_signing_refused_without_2fa(draft_decision, user, settings):
    settings.THIDUA_REQUIRE_2FA = True  # after the fixture closed the ballot
    from django.core.exceptions import PermissionDenied

    from thidua.decisions import services

    with pytest.raises(PermissionDenied, match="trước khi ký quyết định"):
        services.approve(actor=user("chutich"), decision=draft_decision)
    draft_decision.refresh_from_db()
    assert draft_decision.number is None
    TOTPDevice.objects.create(user=user("chutich"), name="app", confirmed=True)
    assert services.approve(actor=user("chutich"), decision=draft_decision).number


def test_reset_during_a_pending_login_does_not_loop(personas):
    """Reset by an administrator between the password and the code: the login goes on without
    a code when 2FA is not required (no redirect loop)."""
    officer = personas.users["ward_officer"]
    enrol(personas.client("ward_officer"), officer)
    client = personas.client("ward_officer")
    assert client.get("/dot-thi-dua/")["Location"].startswith(VERIFY)
    twofactor.reset(actor=personas.users["admin"], user=officer)
    response = client.get(VERIFY + "?next=/dot-thi-dua/")
    assert response.status_code == 302 and response["Location"] == "/dot-thi-dua/"
    assert client.get("/dot-thi-dua/").status_code == 200
