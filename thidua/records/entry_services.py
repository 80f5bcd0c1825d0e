"""Entering history: annual ratings, initiatives, disciplines and awards received before the
system (legacy records), by the emulation officer of the subject's unit subtree.

Every entry carries who entered it and on what evidence (decision number and date, and an
optional scanned file judged by its bytes like dossier uploads). Scope: the person's or the
collective's unit must lie in a subtree where the actor holds ``Perm.MANAGE_RECORDS`` (404
outside every subtree of the actor, 403 inside without the right). Each action is one
transaction with its audit entry; entering awards tells the statistics through
``records.signals``.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone

from thidua.core import audit, uploads
from thidua.core.errors import ServiceError
from thidua.org import access
from thidua.org.access import Actor, Perm, acting_user
from thidua.org.models import Person, Unit

from .levels import RATING_LEVELS
from .models import AnnualRating, AwardRecord, Discipline, Initiative
from .signals import awards_changed, awards_entered

EVIDENCE_KINDS = ("pdf", "docx", "png", "jpg")
EntryRecord = AnnualRating | Initiative | Discipline | AwardRecord
ACTION = {
    AnnualRating: "records.rating",
    Initiative: "records.initiative",
    Discipline: "records.discipline",
    AwardRecord: "records.award",
}


class RecordError(ServiceError):
    """A history entry refused by a rule, with a Vietnamese message."""


def subject_unit(record: Model) -> Unit:
    person: Person | None = getattr(record, "person", None)
    unit: Unit | None = person.unit if person is not None else getattr(record, "unit", None)
    if unit is None:
        raise RecordError("Chưa chọn cá nhân hoặc tập thể.")
    return unit


def subject_name(record: Model) -> str:
    person: Person | None = getattr(record, "person", None)
    if person is not None:
        return str(person)
    return str(getattr(record, "unit", ""))


def check_scope(actor: Actor, record: Model) -> None:
    """404 outside every subtree of the actor, 403 inside without the right to enter history."""
    access.require(actor, subject_unit(record), Perm.MANAGE_RECORDS)


def check_evidence_file(uploaded: UploadedFile | None) -> uploads.FileKind | None:
    if uploaded is None:
        return None
    try:
        return uploads.detect_kind(uploaded, allowed=EVIDENCE_KINDS)
    except ValidationError as error:
        raise RecordError(error.messages) from error


def save_record(
    *, actor: Actor, record: EntryRecord, uploaded: UploadedFile | None = None
) -> EntryRecord:
    """Create or edit one entry (its fields set by the caller's form), with the evidence file."""
    check_scope(actor, record)
    if isinstance(record, AwardRecord):
        _check_legacy(record)
    if isinstance(record, AnnualRating):
        _check_rating_unique(record)
    kind = check_evidence_file(uploaded)
    creating = record.pk is None
    old_file = record.evidence_file.name if not creating and uploaded else ""
    with transaction.atomic():
        record.entered_by = acting_user(actor)
        record.entered_at = timezone.now()
        if uploaded is not None and kind is not None:
            record.evidence_file.save(
                f"{secrets.token_hex(16)}{kind.extension}", uploaded, save=False
            )
        try:
            record.save()
        except Exception:
            if uploaded is not None:
                record.evidence_file.delete(save=False)  # nothing stored when the row is not
            raise
        audit.record(
            actor=actor,
            action=f"{ACTION[type(record)]}.saved",
            obj=record,
            message=f"{subject_name(record)}: {record}",
            data={"created": creating},
        )
        if isinstance(record, AwardRecord):
            if creating:
                awards_entered.send(
                    sender=AwardRecord, awards=AwardRecord.objects.filter(pk=record.pk)
                )
            else:
                awards_changed.send(sender=AwardRecord)
        if old_file:
            transaction.on_commit(lambda: record.evidence_file.storage.delete(old_file))
    return record


def delete_record(*, actor: Actor, record: EntryRecord) -> None:
    check_scope(actor, record)
    if isinstance(record, AwardRecord):
        _check_legacy(record)
    name = record.evidence_file.name
    storage = record.evidence_file.storage
    with transaction.atomic():
        message = f"{subject_name(record)}: {record}"
        audit.record(
            actor=actor, action=f"{ACTION[type(record)]}.deleted", obj=record, message=message
        )
        record.delete()
        if isinstance(record, AwardRecord):
            awards_changed.send(sender=AwardRecord)
        if name:
            transaction.on_commit(lambda: storage.delete(name))


def _check_legacy(record: AwardRecord) -> None:
    if (
        record.pk is not None
        and not AwardRecord.objects.filter(pk=record.pk, is_legacy=True).exists()
    ):
        raise RecordError(
            "Khen thưởng này do quyết định trên hệ thống ghi nhận: không sửa, xóa ở đây."
        )
    record.is_legacy = True


def _check_rating_unique(record: AnnualRating) -> None:
    same = AnnualRating.objects.filter(year=record.year).exclude(pk=record.pk)
    same = same.filter(person=record.person) if record.person_id else same.filter(unit=record.unit)
    if same.exists():
        raise RecordError(
            f"Đã có kết quả đánh giá năm {record.year} của {subject_name(record)}: hãy sửa kết quả đó."
        )


# The ratings grid: one unit, one year, a level per row.


@dataclass(frozen=True)
class Evidence:
    number: str = ""
    date: date | None = None


NO_EVIDENCE = Evidence()


@dataclass(frozen=True)
class GridRow:
    key: str  # "p<person id>" or "u<unit id>"
    name: str
    is_unit: bool
    level: str  # "" when not rated


def grid_subjects(unit: Unit) -> tuple[list[Person], list[Unit]]:
    """The unit's own staff, then the unit itself and its child collectives."""
    people = list(
        Person.objects.filter(unit=unit, left_on__isnull=True).order_by("full_name", "pk")
    )
    units = [unit, *Unit.objects.filter(parent=unit).order_by("sort_order", "name")]
    return people, units


def grid_rows(unit: Unit, year: int) -> list[GridRow]:
    people, units = grid_subjects(unit)
    levels: dict[tuple[int | None, int | None], str] = {
        (p, u): level
        for p, u, level in AnnualRating.objects.filter(year=year)
        .filter(person__in=[p.pk for p in people])
        .values_list("person_id", "unit_id", "level")
    }
    levels |= {
        (p, u): level
        for p, u, level in AnnualRating.objects.filter(
            year=year, unit__in=[u.pk for u in units]
        ).values_list("person_id", "unit_id", "level")
    }
    return [GridRow(f"u{u.pk}", u.name, True, levels.get((None, u.pk), "")) for u in units] + [
        GridRow(f"p{p.pk}", p.full_name, False, levels.get((p.pk, None), "")) for p in people
    ]


def save_grid(
    *,
    actor: Actor,
    unit: Unit,
    year: int,
    levels: Mapping[str, str],
    evidence: Evidence = NO_EVIDENCE,
) -> dict[str, int]:
    """Store the grid at once: each row's level (created or changed), an emptied row removed.
    Rows not in ``levels`` are left as they are. One transaction, bulk writes."""
    access.require(actor, unit, Perm.MANAGE_RECORDS)
    valid = dict(RATING_LEVELS)
    people, units = grid_subjects(unit)
    subjects = {f"p{p.pk}" for p in people} | {f"u{u.pk}" for u in units}
    errors = [f"Dòng không thuộc bảng của đơn vị: {k}." for k in levels if k not in subjects]
    errors += [f"Mức đánh giá không hợp lệ: {v}." for v in levels.values() if v and v not in valid]
    if errors:
        raise RecordError(errors)
    # Only the rows that changed: the others keep who entered them and on what evidence.
    current = {row.key: row.level for row in grid_rows(unit, year)}
    changed = [(year, key, level) for key, level in levels.items() if current[key] != level]
    return store_ratings(
        actor=actor,
        year_levels=changed,
        evidence=evidence,
        action="records.rating.grid_saved",
        obj=unit,
        message=f"Năm {year}",
    )


def store_ratings(
    *,
    actor: Actor,
    year_levels: Iterable[tuple[int, str, str]],
    evidence: Evidence,
    action: str,
    obj: Model,
    message: str,
) -> dict[str, int]:
    """Write (year, "p<id>"/"u<id>", level or "") rows already checked for scope: an upsert by
    (subject, year) in bulk, removals for emptied rows. Called inside or outside a transaction."""
    now, user = timezone.now(), acting_user(actor)
    new: dict[str, list[tuple[int, int, str]]] = {"p": [], "u": []}
    removed: dict[str, list[tuple[int, int]]] = {"p": [], "u": []}
    for year, key, level in year_levels:
        prefix, pk = key[0], int(key[1:])
        if level:
            new[prefix].append((pk, year, level))
        else:
            removed[prefix].append((pk, year))
    with transaction.atomic():
        for prefix, column in (("p", "person_id"), ("u", "unit_id")):
            if new[prefix]:
                _upsert(column, new[prefix], user, now, evidence)
        deleted = 0
        for prefix, column in (("p", "person_id"), ("u", "unit_id")):
            by_year: dict[int, list[int]] = {}
            for pk, year in removed[prefix]:
                by_year.setdefault(year, []).append(pk)
            for year, ids in by_year.items():
                deleted += AnnualRating.objects.filter(
                    year=year, **{f"{column}__in": ids}
                ).delete()[0]
        counts = {"saved": len(new["p"]) + len(new["u"]), "deleted": deleted}
        audit.record(actor=actor, action=action, obj=obj, message=message, data=counts)
    return counts


UPSERT_CHUNK = 5000  # rows per statement on PostgreSQL


def _upsert(
    column: str,
    rows: list[tuple[int, int, str]],
    user: Any,
    now: datetime,
    evidence: Evidence,
) -> None:
    """One executemany: insert each (subject id, year, level), or update the level and the
    evidence of the subject's rating of that year. bulk_create would send ~100 rows per
    statement on SQLite (900 statements for 100,000 ratings, see bench/ratings.py)."""
    meta = AnnualRating._meta
    quote = connection.ops.quote_name
    names = [
        column,
        "year",
        "level",
        "entered_by_id",
        "entered_at",
        "evidence_number",
        "evidence_date",
        "evidence_file",
    ]
    updated = names[2:7]
    # Identifiers come from the model, quoted by the backend; values are parameters.
    sql = "INSERT INTO {} ({}) VALUES ({}) ON CONFLICT ({}, {}) DO UPDATE SET {}".format(  # noqa: S608
        quote(meta.db_table),
        ", ".join(quote(n) for n in names),
        ", ".join(["%s"] * len(names)),
        quote(column),
        quote("year"),
        ", ".join(f"{quote(n)} = excluded.{quote(n)}" for n in updated),
    )
    fields = {f.column: f for f in meta.concrete_fields}
    at = fields["entered_at"].get_db_prep_save(now, connection)
    on = fields["evidence_date"].get_db_prep_save(evidence.date, connection)
    user_id = user.pk if user is not None else None
    params = [(pk, year, level, user_id, at, evidence.number, on, "") for pk, year, level in rows]
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.executemany(sql, params)
            return
        # PostgreSQL: a statement per row costs a server round of work each, even pipelined;
        # many rows per statement (well under the 65,535 parameters of one statement).
        head, _values, tail = sql.partition(" VALUES ")
        one = "(" + ", ".join(["%s"] * len(names)) + ")"
        tail = tail[tail.index(" ON CONFLICT") :]
        for start in range(0, len(params), UPSERT_CHUNK):
            chunk = params[start : start + UPSERT_CHUNK]
            cursor.execute(
                f"{head} VALUES {', '.join([one] * len(chunk))}{tail}",
                [value for row in chunk for value in row],
            )
