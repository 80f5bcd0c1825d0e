"""The staff list's rows are written without the template engine (bench/people.py): the same
markup the template wrote, every value escaped, with and without the right to manage."""

from __future__ import annotations

from datetime import date

import pytest
from django.template import Context, Template
from django.urls import reverse

from thidua.org.models import Person

pytestmark = pytest.mark.django_db

# The rows as the template wrote them before (org/people/list.html).
TEMPLATE = Template(
    """{% load thidua l10n %}{% localize off %}{% for p in people %}<tr>
    <td><a href="{{ history_prefix }}{{ p.pk }}/">{{ p.full_name }}</a></td><td>{{ p.get_gender_display }}</td><td class="nowrap">{{ p.date_of_birth|vn_date }}</td>
    <td>{{ p.unit.name }}</td><td>{{ p.position }}</td><td>{{ p.get_category_display }}</td>
    <td>{% if p.left_on %}Thôi công tác từ {{ p.left_on|vn_date }}{% else %}Đang công tác{% endif %}</td>
    {% if can_manage %}<td class="nowrap"><a href="{{ base }}{{ p.pk }}/sua/">Sửa</a>{% if not p.left_on %} · <a href="{{ base }}{{ p.pk }}/chuyen-don-vi/">Chuyển</a> · <a href="{{ base }}{{ p.pk }}/thoi-cong-tac/">Thôi</a>{% endif %}</td>{% endif %}
  </tr>{% endfor %}{% endlocalize %}"""
)


@pytest.mark.parametrize("who, manages", [("town_officer", True), ("chairman", False)])
def test_rows_are_what_the_template_wrote(personas, who, manages):
    unit = personas.units["commune"]
    Person.objects.create(
        full_name="Giàng <b>Thị</b> Mỷ",
        gender="nu",
        unit=unit,
        category="cong_chuc",
        date_of_birth=date(1991, 2, 3),
        position="Chuyên viên & kế toán",
    )
    Person.objects.create(
        full_name="Giàng A Páo",
        gender="nam",
        unit=unit,
        category="cong_chuc",
        left_on=date(2025, 6, 30),
    )
    response = personas.client(who).get("/can-bo/?q=giang")
    if response.status_code == 403:
        pytest.skip(f"{who} does not see staff")
    assert response.context["can_manage"] is manages
    people = response.context["people"]
    assert len(people) == 3  # and the personas' Giàng A Pháo
    expected = TEMPLATE.render(
        Context(
            {
                "people": Person.objects.filter(pk__in=[p.pk for p in people])
                .select_related("unit")
                .order_by("search_name", "id"),
                "history_prefix": reverse("records:person", args=[0]).removesuffix("0/"),
                "base": reverse("org_people:list"),
                "can_manage": manages,
            }
        )
    )
    page = response.content.decode()
    assert expected in page
    assert "Giàng &lt;b&gt;Thị&lt;/b&gt; Mỷ" in page and "Chuyên viên &amp; kế toán" in page
    assert "Thôi công tác từ 30/06/2025" in page and "03/02/1991" in page


# The rows of the "Cá nhân" list as org/people_table.html writes them (with the unit column).
LIST_TEMPLATE = Template(
    """{% load thidua %}{% for p in people %}<tr>
    <td><a href="{{ history_prefix }}{{ p.pk }}/">{{ p.full_name }}</a></td><td>{{ p.get_gender_display }}</td><td class="nowrap">{{ p.date_of_birth|vn_date }}</td><td>{{ p.get_ethnicity_display }}</td>
    <td>{{ p.unit.name }}</td><td>{{ p.position }}</td><td>{{ p.get_category_display }}</td><td>{{ p.worker_kind }}</td>
  </tr>{% endfor %}"""
)


def test_the_people_list_rows_are_the_tables(personas):
    unit = personas.units["commune"]
    Person.objects.create(
        full_name="Giàng <b>Thị</b> Mỷ",
        gender="nu",
        unit=unit,
        category="cong_chuc",
        ethnicity="04",
        date_of_birth=date(1991, 2, 3),
        position="Chuyên viên & kế toán",
        is_leader=True,
    )
    response = personas.client("town_officer").get("/don-vi/ca-nhan/?q=giang")
    people = response.context["people"]
    expected = LIST_TEMPLATE.render(
        Context(
            {
                "people": Person.objects.filter(pk__in=[p.pk for p in people])
                .select_related("unit")
                .order_by("search_name", "id"),
                "history_prefix": reverse("records:person", args=[0]).removesuffix("0/"),
            }
        )
    )
    page = response.content.decode()
    assert expected in page
    assert "Giàng &lt;b&gt;Thị&lt;/b&gt; Mỷ" in page and "Lãnh đạo, quản lý" in page
