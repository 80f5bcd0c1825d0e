"""No "---------" placeholder in any select: the project's form renderer names the choice."""

from __future__ import annotations

import pytest
from django import forms

from thidua.org.models import Person, Unit

pytestmark = pytest.mark.django_db


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["full_name", "gender", "unit"]


class OwnLabel(forms.Form):
    unit = forms.ModelChoiceField(Unit.objects.none(), label="Đơn vị", empty_label="Tất cả")


def test_blank_choices_read_choose_and_the_label():
    html = str(PersonForm())
    assert "---------" not in html
    assert '<option value="" selected>— Chọn giới tính —</option>' in html
    assert '<option value="" selected>— Chọn đơn vị —</option>' in html
    assert "Tất cả" in str(OwnLabel())  # a form's own empty label stays


def test_pages_with_selects_show_no_dashes(client_as, campaign):
    pages = {
        "noivu": [f"/ho-so/dot/{campaign.pk}/"],
        "quantri": [
            "/quan-tri/tai-khoan/them/",
            "/quan-tri/don-vi/them/",
            "/quan-tri/don-vi/sap-nhap/",
        ],
    }
    for username, addresses in pages.items():
        client = client_as(username)
        for address in addresses:
            response = client.get(address)
            assert response.status_code == 200, address
            assert "<select" in response.content.decode(), address
            assert "---------" not in response.content.decode(), address
