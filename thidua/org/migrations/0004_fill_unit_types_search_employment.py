"""Unit types from the built-in kinds, names for searching without diacritics, and one open
employment row per person (their current unit)."""

import unicodedata

from django.db import migrations

BUILT_IN = [
    ("ubnd_tinh", "UBND cấp tỉnh", True),
    ("ubnd_huyen", "UBND cấp huyện (thị xã)", True),
    ("ubnd_xa", "UBND xã, phường", True),
    ("thon", "Thôn, bản, tổ dân phố", False),
    ("co_quan_dang", "Cơ quan Đảng", False),
    ("co_quan_nha_nuoc", "Cơ quan nhà nước (cơ quan chuyên môn)", False),
    ("mttq", "Mặt trận Tổ quốc", False),
    ("doan_the", "Đoàn thể nhân dân", False),
    ("don_vi_su_nghiep", "Đơn vị sự nghiệp", False),
    ("llvt", "Lực lượng vũ trang", False),
    ("truong_hoc", "Trường học", False),
    ("doanh_nghiep", "Doanh nghiệp", False),
    ("hop_tac_xa", "Hợp tác xã", False),
]


def ascii_key(value):
    # Frozen copy of core.text.ascii_key: a migration must not change when the code does.
    text = " ".join(unicodedata.normalize("NFC", str(value or "")).split()).casefold()
    decomposed = unicodedata.normalize("NFD", text).replace("đ", "d")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def forwards(apps, schema_editor):
    UnitType = apps.get_model("org", "UnitType")
    Unit = apps.get_model("org", "Unit")
    Person = apps.get_model("org", "Person")
    Employment = apps.get_model("org", "Employment")
    for order, (code, name, committee) in enumerate(BUILT_IN):
        UnitType.objects.update_or_create(
            code=code, defaults={"name": name, "is_people_committee": committee, "order": order}
        )
    for model, field in ((Unit, "name"), (Person, "full_name")):
        batch = []
        for obj in model.objects.only("pk", field).iterator(chunk_size=2000):
            obj.search_name = ascii_key(getattr(obj, field))
            batch.append(obj)
            if len(batch) == 2000:
                model.objects.bulk_update(batch, ["search_name"])
                batch = []
        model.objects.bulk_update(batch, ["search_name"])
    Employment.objects.bulk_create(
        (Employment(person_id=pk, unit_id=unit_id) for pk, unit_id in
         Person.objects.values_list("pk", "unit_id").iterator(chunk_size=2000)),
        batch_size=2000,
    )


class Migration(migrations.Migration):
    dependencies = [("org", "0003_unit_types_employment_offices_role_dates")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
