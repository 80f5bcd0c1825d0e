"""History entry through /api/v1/: ratings, initiatives, disciplines, legacy awards, with bulk
endpoints. The same forms, services and scope as the pages (/lich-su/nhap/): a record's
person or collective must lie in a subtree where the token's user enters history."""

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import Router, Schema, Status

from thidua.core.sheets import Sheet
from thidua.org import access
from thidua.org.access import Perm
from thidua.org.api_auth import TokenAuth

from . import entry_importing, entry_services
from .entry_forms import AwardForm, DisciplineForm, InitiativeForm, RatingForm
from .models import AnnualRating, AwardRecord, Discipline, Initiative

router = Router(tags=["Lịch sử thi đua"], auth=TokenAuth())


class EvidenceIn(Schema):
    evidence_number: str = ""
    evidence_date: str | None = None  # yyyy-mm-dd


class SubjectIn(EvidenceIn):
    person_id: int | None = None
    unit_id: int | None = None  # a collective (ratings and legacy awards only)


class RatingIn(SubjectIn):
    year: int
    level: str  # khong_hoan_thanh | hoan_thanh | tot | xuat_sac


class InitiativeIn(SubjectIn):
    title: str
    recognized_on: str
    authority_level: str
    recognized_by: str
    decision_number: str = ""
    used_for: str = ""


class DisciplineIn(SubjectIn):
    form: str
    decided_on: str
    ends_on: str | None = None
    decision_number: str = ""
    reason: str = ""


class AwardIn(SubjectIn):
    award_name: str
    award_kind: str
    award_type: str = "cong_trang"
    authority_level: str
    decision_number: str
    decided_on: str
    issuer_name: str
    campaign_title: str = ""
    achievement: str = ""


class RecordOut(Schema):
    id: int
    person_id: int | None
    unit_id: int | None
    fields: dict[str, Any]
    entered_by: str
    entered_at: datetime | None
    evidence_number: str
    evidence_date: date | None
    has_file: bool


# path → (model, form, input schema, a collective may own one)
KINDS: dict[str, tuple[type, type, type[SubjectIn], bool]] = {
    "ratings": (AnnualRating, RatingForm, RatingIn, True),
    "initiatives": (Initiative, InitiativeForm, InitiativeIn, False),
    "disciplines": (Discipline, DisciplineForm, DisciplineIn, False),
    "legacy-awards": (AwardRecord, AwardForm, AwardIn, True),
}


def record_out(record: Any, form_class: type) -> dict:
    return {
        "id": record.pk,
        "person_id": getattr(record, "person_id", None),
        "unit_id": getattr(record, "unit_id", None),
        "fields": {
            name: getattr(record, name)
            for name in form_class._meta.fields
            if not name.startswith("evidence_")
        },
        "entered_by": (record.entered_by.username if record.entered_by else ""),
        "entered_at": record.entered_at,
        "evidence_number": record.evidence_number,
        "evidence_date": record.evidence_date,
        "has_file": bool(record.evidence_file),
    }


def _form(form_class: type, payload: Schema, instance: Any) -> Any:
    data = {k: v for k, v in payload.dict().items() if k not in ("person_id", "unit_id")}
    form = form_class({k: ("" if v is None else v) for k, v in data.items()}, instance=instance)
    if not form.is_valid():
        raise ValidationError({f: [str(e) for e in errs] for f, errs in form.errors.items()})
    return form


def _new(request, model: type, collective: bool, payload: SubjectIn) -> Any:
    if (payload.person_id is None) == (payload.unit_id is None):
        raise ValidationError({"person_id": ["Cần đúng một trong person_id, unit_id."]})
    if payload.person_id is not None:
        return model(person=access.get_person_or_404(request.user, payload.person_id))
    if not collective:
        raise ValidationError({"unit_id": ["Loại hồ sơ này chỉ dành cho cá nhân."]})
    return model(unit=access.get_unit_or_404(request.user, payload.unit_id))


def _get(request, model: type, pk: int, perm: str = Perm.MANAGE_RECORDS) -> Any:
    record = model.objects.filter(pk=pk).first()
    if record is None:
        raise Http404("Không tìm thấy.")
    access.require(request.user, entry_services.subject_unit(record), perm)
    return record


def _register(path: str, model: type, form_class: type, schema: type, collective: bool) -> None:
    label = path.replace("-", " ")

    @router.get(f"/history/{path}", response=list[RecordOut], summary=f"Danh sách ({label})")
    def list_records(request, person_id: int | None = None, unit_id: int | None = None):
        if person_id is not None:
            access.get_person_or_404(request.user, person_id)
            rows = model.objects.filter(person_id=person_id)
        elif unit_id is not None and collective:
            access.get_unit_or_404(request.user, unit_id, Perm.VIEW_PEOPLE)
            rows = model.objects.filter(unit_id=unit_id)
        else:
            raise ValidationError({"person_id": ["Cần person_id (hoặc unit_id cho tập thể)."]})
        return [record_out(r, form_class) for r in rows.select_related("entered_by")]

    @router.post(f"/history/{path}", response={201: RecordOut}, summary=f"Thêm ({label})")
    def create(request, payload: schema):  # type: ignore[valid-type]
        record = _new(request, model, collective, payload)
        form = _form(form_class, payload, record)
        saved = entry_services.save_record(actor=request.user, record=form.save(commit=False))
        return Status(201, record_out(saved, form_class))

    @router.put(f"/history/{path}/{{int:record_id}}", response=RecordOut, summary=f"Sửa ({label})")
    def update(request, record_id: int, payload: schema):  # type: ignore[valid-type]
        record = _get(request, model, record_id)
        form = _form(form_class, payload, record)
        saved = entry_services.save_record(actor=request.user, record=form.save(commit=False))
        return record_out(saved, form_class)

    @router.delete(
        f"/history/{path}/{{int:record_id}}", response={204: None}, summary=f"Xóa ({label})"
    )
    def remove(request, record_id: int):
        entry_services.delete_record(actor=request.user, record=_get(request, model, record_id))
        return Status(204, None)

    for view in (list_records, create, update, remove):
        view.__name__ = f"{view.__name__}_{path.replace('-', '_')}"


for _path, (_model, _form_class, _schema, _collective) in KINDS.items():
    _register(_path, _model, _form_class, _schema, _collective)


# Bulk: the rows of an Excel list as JSON, checked and stored by the same import code.


class RatingRow(Schema):
    full_name: str = ""  # empty: the collective named in ``unit``
    date_of_birth: date | None = None
    unit: str
    year: int
    level: str


class AwardRow(Schema):
    full_name: str = ""
    date_of_birth: date | None = None
    unit: str
    award_name: str
    award_kind: str
    award_type: str = ""
    authority_level: str
    decision_number: str
    decided_on: date
    issuer_name: str
    campaign_title: str = ""
    achievement: str = ""


class RatingsBulkIn(EvidenceIn):
    unit_id: int  # the importing unit: rows name units of its subtree
    only_clean: bool = False
    rows: list[RatingRow]


class AwardsBulkIn(Schema):
    unit_id: int
    only_clean: bool = False
    rows: list[AwardRow]


class RowErrorOut(Schema):
    row: int
    column: str
    message: str


class BulkOut(Schema):
    rows: int
    imported: int
    errors: list[RowErrorOut]


def _sheet(rows: list[Schema]) -> Sheet:
    """JSON rows as a sheet: row numbers from 1, columns named by their JSON key."""
    keys = {"name": "full_name", "dob": "date_of_birth"}
    sheet = Sheet(0, {v: keys.get(v, v) for v in entry_importing.COLUMN_KEYS})
    sheet._rows = iter(
        (i, {**row.dict(), "name": row.full_name, "dob": row.date_of_birth})
        for i, row in enumerate(rows, start=1)
    )
    return sheet


def _bulk(report: entry_importing.ImportReport) -> Status:
    body = {"rows": report.rows, "imported": report.imported, "errors": report.errors}
    return Status(200 if report.imported or not report.errors else 422, body)


@router.post(
    "/history/ratings/bulk",
    response={200: BulkOut, 422: BulkOut},
    summary="Nhập nhiều kết quả đánh giá (như tệp Excel)",
)
def bulk_ratings(request, payload: RatingsBulkIn):
    unit = access.get_unit_or_404(request.user, payload.unit_id, Perm.MANAGE_RECORDS)
    try:
        evidence_date = date.fromisoformat(payload.evidence_date) if payload.evidence_date else None
    except ValueError as error:
        raise ValidationError({"evidence_date": ["Ngày văn bản không hợp lệ."]}) from error
    evidence = entry_services.Evidence(payload.evidence_number, evidence_date)
    report = entry_importing.ratings_from_sheet(
        actor=request.user,
        unit=unit,
        sheet=_sheet(payload.rows),
        evidence=evidence,
        only_clean=payload.only_clean,
    )
    return _bulk(report)


@router.post(
    "/history/legacy-awards/bulk",
    response={200: BulkOut, 422: BulkOut},
    summary="Nhập nhiều khen thưởng đã nhận (hồ sơ cũ)",
)
def bulk_awards(request, payload: AwardsBulkIn):
    unit = access.get_unit_or_404(request.user, payload.unit_id, Perm.MANAGE_RECORDS)
    report = entry_importing.awards_from_sheet(
        actor=request.user, unit=unit, sheet=_sheet(payload.rows), only_clean=payload.only_clean
    )
    return _bulk(report)
