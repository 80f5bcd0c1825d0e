"""Passwords by e-mail link (/quen-mat-khau/, Django's views with Vietnamese text): the mail is
sent, its link sets a new password once; an account created with a link is not forced to change
again afterwards."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from thidua.demo.seed_accounts import DEMO_PASSWORD
from thidua.org.models import Role, Unit

pytestmark = pytest.mark.django_db

User = get_user_model()


def link_in(mail) -> str:
    return re.search(r"http://testserver(/quen-mat-khau/\S+/)", mail.body).group(1)


def test_forgotten_password_mail_and_link(user, mailoutbox):
    tavan = user("tavan")
    tavan.email = "tavan@example.vn"
    tavan.save()
    client = Client()
    page = client.get("/quen-mat-khau/").content.decode()
    assert "Quên mật khẩu" in page and "Gửi đường dẫn" in page
    response = client.post("/quen-mat-khau/", {"email": "TAVAN@example.vn"})
    assert (response.status_code, response["Location"]) == (302, "/quen-mat-khau/da-gui/")
    assert "Hãy kiểm tra hộp thư" in client.get("/quen-mat-khau/da-gui/").content.decode()
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.subject == "Đặt lại mật khẩu – Thi đua, Khen thưởng"
    assert mail.to == ["tavan@example.vn"]
    assert "Xin chào Lò Văn Thắng," in mail.body and "“tavan”" in mail.body

    form = client.get(link_in(mail), follow=True)  # Django moves the token into the session
    assert "Đặt mật khẩu mới" in form.content.decode()
    set_url = form.redirect_chain[-1][0]
    weak = client.post(set_url, {"new_password1": "tavan", "new_password2": "tavan"})
    assert "Mật khẩu quá ngắn: cần ít nhất 10 ký tự." in weak.content.decode()
    assert "Mật khẩu quá giống với" in weak.content.decode()
    done = client.post(
        set_url, {"new_password1": "Ruong-bac-thang-26", "new_password2": "Ruong-bac-thang-26"}
    )
    assert (done.status_code, done["Location"]) == (302, "/quen-mat-khau/xong/")
    assert Client().login(username="tavan", password="Ruong-bac-thang-26")
    assert not Client().login(username="tavan", password=DEMO_PASSWORD)
    used = Client().get(link_in(mail), follow=True).content.decode()
    assert "Đường dẫn không còn dùng được" in used


def test_no_mail_for_an_unknown_address_or_a_deactivated_account(user, mailoutbox):
    tavan = user("tavan")
    tavan.email = "tavan@example.vn"
    tavan.is_active = False
    tavan.save()
    for email in ("tavan@example.vn", "khong-co@example.vn"):
        response = Client().post("/quen-mat-khau/", {"email": email})
        assert response["Location"] == "/quen-mat-khau/da-gui/"  # the same answer: no leak
    assert mailoutbox == []


def test_an_account_created_with_a_mailed_link_chooses_its_own_password(client_as, mailoutbox):
    commune = Unit.objects.get(name="Xã Tả Van")
    response = client_as("quantri.tavan").post(
        "/quan-tri/tai-khoan/them/",
        {
            "username": "ketoan.tavan",
            "full_name": "Vàng Thị Sử",
            "email": "su@example.vn",
            "unit": commune.pk,
            "role": Role.CAN_BO_DON_VI,
            "delivery": "thu_dien_tu",
        },
    )
    account = User.objects.get(username="ketoan.tavan")
    assert response["Location"] == f"/quan-tri/tai-khoan/{account.pk}/"
    assert [m.to for m in mailoutbox] == [["su@example.vn"]]
    client = Client()
    form = client.get(link_in(mailoutbox[0]), follow=True)
    client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Hoa-dao-Ta-Van-1", "new_password2": "Hoa-dao-Ta-Van-1"},
    )
    account.account_profile.refresh_from_db()
    assert not account.account_profile.must_change_password
    signed_in = Client()
    signed_in.post("/dang-nhap/", {"username": "ketoan.tavan", "password": "Hoa-dao-Ta-Van-1"})
    assert signed_in.get("/don-vi/").status_code == 200  # no forced change any more


def test_the_administrator_sends_a_link_from_the_account_page(client_as, user, mailoutbox):
    tavan = user("tavan")
    client = client_as("quantri.tavan")
    response = client.post(f"/quan-tri/tai-khoan/{tavan.pk}/gui-thu-mat-khau/", follow=True)
    assert "Tài khoản chưa có địa chỉ email." in response.content.decode()
    tavan.email = "tavan@example.vn"
    tavan.save()
    client.post(f"/quan-tri/tai-khoan/{tavan.pk}/gui-thu-mat-khau/")
    assert [m.to for m in mailoutbox] == [["tavan@example.vn"]]
    assert "/quen-mat-khau/" in mailoutbox[0].body
