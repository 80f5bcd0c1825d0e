"""Starting a dossier and editing who it proposes: one at a time, or a whole Excel list."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, connection, transaction
from django.db.models import Max

from thidua.campaigns.models import AwardForm, Campaign
from thidua.core import audit, sheets
from thidua.core.bulk import gc_paused
from thidua.org import people_services
from thidua.org.access import Actor, Perm
from thidua.org.models import Person, Unit

from .. import policy
from ..errors import DossierError
from ..importing import ImportReport, Match, ParsedRow, RowError, new_key, parse_workbook
from ..models import Appraisal, Candidate, CandidateAttestation, Dossier
from ..signals import dossiers_changed
from .versioning import claim


def create_dossier(*, actor: Actor, campaign: Campaign, unit: Unit) -> Dossier:
    """The unit's dossier in the campaign: the one it has, or a new draft."""
    policy.check_start(actor, campaign, unit)
    with transaction.atomic():
        dossier, created = Dossier.objects.get_or_create(
            campaign=campaign, unit=unit, defaults={"created_by": actor}
        )
        if created:
            audit.record(actor=actor, action="nominations.dossier.created", obj=dossier)
            dossiers_changed.send(sender=Dossier, dossier_ids=[dossier.pk])
    return dossier


def _check_subject(dossier: Dossier, person: Person | None, unit: Unit | None) -> None:
    subject_unit = person.unit if person else unit
    if subject_unit is None:
        raise DossierError("Chọn một cá nhân hoặc một tập thể.")
    if not subject_unit.path.startswith(dossier.unit.path):
        raise DossierError(f"{person or unit} không thuộc {dossier.unit}: không đề nghị được.")


def _check_award_form(dossier: Dossier, award_form: AwardForm) -> None:
    if award_form.campaign_id != dossier.campaign_id:
        raise DossierError("Hình thức khen thưởng không thuộc đợt thi đua này.")


def add_candidate(
    *,
    actor: Actor,
    dossier: Dossier,
    version: int | str | None,
    award_form: AwardForm,
    summary: str,
    person: Person | None = None,
    unit: Unit | None = None,
    facts: dict[str, Any] | None = None,
) -> Candidate:
    policy.check(actor, dossier, "edit")
    _check_subject(dossier, person, unit)
    _check_award_form(dossier, award_form)
    with transaction.atomic():
        claim(dossier, version)
        order = (dossier.candidates.aggregate(m=Max("order"))["m"] or 0) + 1
        try:
            with transaction.atomic():
                candidate = Candidate.objects.create(
                    dossier=dossier,
                    person=person,
                    unit=unit,
                    award_form=award_form,
                    summary=summary.strip(),
                    facts=facts or {},
                    order=order,
                )
        except IntegrityError as error:
            raise DossierError(
                f"{person or unit} đã có trong hồ sơ với hình thức {award_form.name}."
            ) from error
        dossiers_changed.send(sender=Dossier, dossier_ids=[dossier.pk])
        audit.record(
            actor=actor,
            action="nominations.candidate.added",
            obj=dossier,
            message=f"{candidate.name} – {award_form.name}",
        )
    return candidate


def update_candidate(
    *,
    actor: Actor,
    candidate: Candidate,
    version: int | str | None,
    award_form: AwardForm,
    summary: str,
    facts: dict[str, Any],
) -> Candidate:
    dossier = candidate.dossier
    policy.check(actor, dossier, "edit")
    _check_award_form(dossier, award_form)
    with transaction.atomic():
        claim(dossier, version)
        candidate.award_form, candidate.summary, candidate.facts = award_form, summary, facts
        try:
            with transaction.atomic():
                candidate.save(update_fields=["award_form", "summary", "facts"])
        except IntegrityError as error:
            raise DossierError(f"{candidate.name} đã có trong hồ sơ với hình thức này.") from error
        audit.record(
            actor=actor, action="nominations.candidate.updated", obj=dossier, message=candidate.name
        )
    return candidate


def remove_candidate(*, actor: Actor, candidate: Candidate, version: int | str | None) -> None:
    dossier = candidate.dossier
    policy.check(actor, dossier, "edit")
    with transaction.atomic():
        claim(dossier, version)
        name = candidate.name
        files_to_delete = [d.file for d in candidate.documents.all()]
        candidate.delete()
        dossiers_changed.send(sender=Dossier, dossier_ids=[dossier.pk])
        # Files go only once the rows are gone for good.
        transaction.on_commit(lambda: [f.delete(save=False) for f in files_to_delete])
        audit.record(actor=actor, action="nominations.candidate.removed", obj=dossier, message=name)


def attest(
    *,
    actor: Actor,
    candidate: Candidate,
    criterion_id: int,
    confirmed: bool,
    note: str,
    version: int | str | None,
) -> None:
    """Record whether the candidate meets a criterion only a person can judge."""
    dossier = candidate.dossier
    policy.check(actor, dossier, "edit")
    criterion = (
        candidate.award_form.criteria_sets.filter(
            criteria__pk=criterion_id, criteria__kind="attested"
        )
        .values_list("criteria__pk", flat=True)
        .first()
    )
    if criterion is None:
        raise DossierError("Tiêu chuẩn này không cần xác nhận hoặc không thuộc hình thức đề nghị.")
    with transaction.atomic():
        claim(dossier, version)
        CandidateAttestation.objects.update_or_create(
            candidate=candidate,
            criterion_id=criterion_id,
            defaults={"confirmed": confirmed, "note": note.strip(), "by": actor},
        )
        audit.record(
            actor=actor,
            action="nominations.candidate.attested",
            obj=dossier,
            message=f"{candidate.name}: {'đạt' if confirmed else 'không đạt'}"
            f"{' – ' + note if note else ''}",
        )


def import_candidates(
    *,
    actor: Actor,
    dossier: Dossier,
    version: int | str | None,
    uploaded: UploadedFile,
    only_clean: bool = False,
    add_people: bool = False,
) -> ImportReport:
    """Check every row of an Excel list; add the rows only when all are clean, or, when the
    user asked for it, only the clean ones. People the unit's staff lacks (named with their
    staff fields) are added to the dossier's unit first, once the user confirmed it
    (``add_people``); without it nothing is stored and the report lists them."""
    policy.check(actor, dossier, "edit")
    try:
        sheets.check_list_file(uploaded)  # an .xlsx, or a CSV that the reader reads too
    except ValidationError as error:
        return ImportReport(errors=[RowError(0, "", m) for m in error.messages])
    existing = {
        (("p", p) if p else ("u", u), f)
        for p, u, f in dossier.candidates.values_list("person_id", "unit_id", "award_form_id")
    }
    with gc_paused():  # tens of thousands of small objects, no cycles
        report = parse_workbook(uploaded, dossier, existing)
    if not report.rows or (report.errors and not only_clean):
        return report
    if report.new_people and not add_people:
        return report  # the page lists them and asks to confirm
    with transaction.atomic():
        claim(dossier, version)
        if report.new_people:
            _add_people(actor, dossier, report)
        order = dossier.candidates.aggregate(m=Max("order"))["m"] or 0
        _insert_candidates(dossier, report.rows, start=order + 1)
        report.imported = len(report.rows)
        dossiers_changed.send(sender=Dossier, dossier_ids=[dossier.pk])
        audit.record(
            actor=actor,
            action="nominations.candidate.imported",
            obj=dossier,
            message=f"Nhập {report.imported} dòng từ tệp {uploaded.name}"
            + (f", thêm {report.added_people} cán bộ mới" if report.added_people else "")
            + (f", bỏ qua {report.bad_rows} dòng lỗi" if report.errors else ""),
        )
    return report


def _add_people(actor: Actor, dossier: Dossier, report: ImportReport) -> None:
    """The people the list names and the unit's staff lacks join the dossier's unit, under
    the dossier editor's right over that unit; their rows then point to them."""
    new = report.new_people
    people = [
        {"full_name": r.name, "date_of_birth": r.person.date_of_birth, **(r.new_person or {})}
        for r in new
        if r.person is not None
    ]
    created = people_services.add_people(
        actor=actor,
        unit=dossier.unit,
        people=people,
        perm=Perm.EDIT_DOSSIERS,
        source=f"danh sách đề nghị của hồ sơ #{dossier.pk}",
    )
    matches = {
        new_key(r): Match(p.pk, p.full_name, p.date_of_birth)
        for r, p in zip(new, created, strict=True)
    }
    for row in report.rows:
        if row.new_person:
            row.person = matches[new_key(row)]
    report.added_people = len(created)


# Candidate columns written by an import, in the order of ``_insert_candidates``' values.
IMPORT_COLUMNS = (
    "dossier",
    "person",
    "unit",
    "award_form",
    "summary",
    "facts",
    "order",
    "appraisal",
    "appraisal_reason",
)


def _insert_candidates(dossier: Dossier, rows: list[ParsedRow], start: int) -> None:
    """One executemany for the whole list. bulk_create builds SQL row by row and, on SQLite,
    in batches of ~100 rows; for a 10,000-row list that alone cost more than reading the
    Excel file (see bench/). Values go through the fields' own preparation, so the database
    sees exactly what bulk_create would send."""
    meta = Candidate._meta
    fields = {f.name: f for f in meta.concrete_fields}
    # Identifiers come from the model, quoted by the backend; values are parameters.
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
        connection.ops.quote_name(meta.db_table),
        ", ".join(connection.ops.quote_name(fields[name].column) for name in IMPORT_COLUMNS),
        ", ".join(["%s"] * len(IMPORT_COLUMNS)),
    )
    facts_field = fields["facts"]
    params = [
        (
            dossier.pk,
            r.person.pk if r.person else None,
            r.unit.pk if r.unit else None,
            r.award_form.pk,
            r.summary,
            facts_field.get_db_prep_save(r.facts, connection),
            start + i,
            Appraisal.PENDING.value,
            "",
        )
        for i, r in enumerate(rows)
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
