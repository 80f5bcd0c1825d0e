"""`make run` may run again and again: the demo data is loaded once and kept."""

import pytest
from django.core.management import call_command

from thidua.campaigns.models import Campaign, Criterion
from thidua.org.models import Person, Unit, UnitKind, UnitType

pytestmark = pytest.mark.django_db


def test_running_the_seed_again_changes_nothing(capsys):
    before = (
        Unit.objects.count(),
        Person.objects.count(),
        Campaign.objects.count(),
        Criterion.objects.count(),
    )
    call_command("seed_demo", "--stage=dossiers")
    after = (
        Unit.objects.count(),
        Person.objects.count(),
        Campaign.objects.count(),
        Criterion.objects.count(),
    )
    assert before == after
    out = capsys.readouterr().out
    assert "Dữ liệu mẫu đã có" in out and "noivu" in out and "thidua2020" in out


def test_the_criterion_kind_switch_returns_its_parameters(client_as):
    """HTMX: changing the kind on the criterion form swaps in that kind's parameter fields."""
    client = client_as("noivu")
    campaign_id = (
        client.post(
            "/dot-thi-dua/tao-moi/",
            {
                "issuer": Unit.objects.get(name="Thị xã Sa Pa").pk,
                "title": "Thử",
                "symbol": "KH-UBND",
                "period_start": "2020-04-01",
                "period_end": "2020-05-01",
                "reward_mode": "mot_lan",
                "dossier_deadline": "2020-05-01",
                "signer_authority": "TM. ỦY BAN NHÂN DÂN",
                "signer_title": "CHỦ TỊCH",
            },
        )
        .url.rstrip("/")
        .split("/")[-1]
    )
    campaign = Campaign.objects.get(pk=campaign_id)
    category = campaign.subject_categories.create(
        kind="ca_nhan", name="Cá nhân", person_categories=["cong_chuc"]
    )
    from thidua.campaigns.models import AwardAuthority

    form = campaign.award_forms.create(
        name="Giấy khen", authority=AwardAuthority.objects.get(level="huyen")
    )
    criteria_set = form.criteria_sets.create(subject_category=category)
    url = f"/dot-thi-dua/{campaign.pk}/bo-tieu-chuan/{criteria_set.pk}/them/"
    fragment = client.get(
        url, {"kind": "initiative_count"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert "Số sáng kiến tối thiểu" in fragment and "<html" not in fragment
    fragment = client.get(
        url, {"kind": "attested"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert "Số sáng kiến tối thiểu" not in fragment


def test_the_seed_restores_the_built_in_unit_types_after_a_flush():
    """A flushed database (browser tests) loses the rows the migration made; the seed puts the
    built-in types back, so the administrator's unit form can choose one."""
    UnitType.objects.all().delete()
    call_command("seed_demo", "--stage=dossiers", verbosity=0)
    types = dict(UnitType.objects.values_list("code", "name"))
    assert types["thon"] == "Thôn, bản, tổ dân phố" and len(types) == len(UnitKind.choices)
    assert set(
        UnitType.objects.filter(is_people_committee=True).values_list("code", flat=True)
    ) == {
        "ubnd_tinh",
        "ubnd_huyen",
        "ubnd_xa",
    }
