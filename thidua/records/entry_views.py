"""The emulation officer's pages entering history (/lich-su/nhap/): thin, every change goes
through ``entry_services`` / ``entry_importing``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from thidua.core import uploads
from thidua.core.web import XLSX
from thidua.org import access
from thidua.org.access import Perm
from thidua.org.models import Person, Unit

from . import entry_importing, entry_services
from .entry_forms import KINDS, RATING_CHOICES, GridEvidenceForm, ImportForm
from .models import AnnualRating, AwardRecord


def get_record_or_404(user, slug: str, pk: int, perm: str = Perm.MANAGE_RECORDS) -> Model:
    if slug not in KINDS:
        raise Http404("Không tìm thấy.")
    model = KINDS[slug][0]
    record = model.objects.filter(pk=pk).select_related(*_subject_fields(model)).first()
    if record is None:
        raise Http404("Không tìm thấy.")
    access.require(user, entry_services.subject_unit(record), perm)
    return record


def _subject_fields(model: type) -> list[str]:
    return ["person__unit", "unit"] if model in (AnnualRating, AwardRecord) else ["person__unit"]


def _evidence(form) -> entry_services.Evidence:
    return entry_services.Evidence(
        form.cleaned_data.get("evidence_number") or "", form.cleaned_data.get("evidence_date")
    )


@login_required
def index(request):
    units = access.assigned_units(request.user, Perm.MANAGE_RECORDS)
    if not units:
        if access.assignments(request.user):
            raise PermissionDenied("Vai trò của bạn không có quyền nhập lịch sử thi đua.")
        raise Http404("Không tìm thấy.")
    return render(request, "records/entry/index.html", {"units": units})


@login_required
def unit_page(request, pk: int):
    unit = access.get_unit_or_404(request.user, pk, Perm.MANAGE_RECORDS)
    year = timezone.localdate().year - 1
    return render(
        request,
        "records/entry/unit.html",
        {
            "unit": unit,
            "years": range(year, year - 5, -1),
            "children": Unit.objects.filter(parent=unit).order_by("sort_order", "name"),
            "people": Person.objects.filter(unit=unit).order_by("full_name"),
            "ratings": AnnualRating.objects.filter(unit=unit).select_related("entered_by"),
            "awards": AwardRecord.objects.filter(unit=unit).select_related("entered_by"),
        },
    )


@login_required
def person_page(request, pk: int):
    person = access.get_person_or_404(request.user, pk, Perm.MANAGE_RECORDS)
    return render(
        request,
        "records/entry/person.html",
        {
            "person": person,
            "ratings": AnnualRating.objects.filter(person=person).select_related("entered_by"),
            "initiatives": person.initiatives.select_related("entered_by"),
            "disciplines": person.disciplines.select_related("entered_by"),
            "awards": AwardRecord.objects.filter(person=person).select_related("entered_by"),
            "kinds": [(slug, spec[2]) for slug, spec in KINDS.items()],
        },
    )


def _save(request, record, form_class, back: str, slug: str, title: str, subject):
    form = form_class(request.POST or None, request.FILES or None, instance=record, prefix=slug)
    if request.method == "POST" and form.is_valid():
        try:
            entry_services.save_record(
                actor=request.user,
                record=form.save(commit=False),
                uploaded=form.cleaned_data.get("evidence_upload"),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Đã lưu: {title.lower()}.")
            return redirect(back)
    return render(
        request,
        "records/entry/form.html",
        {"form": form, "title": title, "subject": subject, "back": back, "record": record},
    )


@login_required
def add_for_person(request, pk: int, slug: str):
    person = access.get_person_or_404(request.user, pk, Perm.MANAGE_RECORDS)
    if slug not in KINDS:
        raise Http404("Không tìm thấy.")
    model, form_class, title, _collective = KINDS[slug]
    back = f"/lich-su/nhap/ca-nhan/{person.pk}/"
    return _save(request, model(person=person), form_class, back, slug, title, person)


@login_required
def add_for_unit(request, pk: int, slug: str):
    unit = access.get_unit_or_404(request.user, pk, Perm.MANAGE_RECORDS)
    if slug not in KINDS or not KINDS[slug][3]:
        raise Http404("Không tìm thấy.")
    model, form_class, title, _collective = KINDS[slug]
    back = f"/lich-su/nhap/don-vi/{unit.pk}/"
    return _save(request, model(unit=unit), form_class, back, slug, title, unit)


def _back(record) -> str:
    if getattr(record, "person_id", None):
        return f"/lich-su/nhap/ca-nhan/{record.person_id}/"
    return f"/lich-su/nhap/don-vi/{record.unit_id}/"


@login_required
def edit(request, slug: str, pk: int):
    record = get_record_or_404(request.user, slug, pk)
    _model, form_class, title, _c = KINDS[slug]
    subject = getattr(record, "person", None) or record.unit
    return _save(request, record, form_class, _back(record), slug, title, subject)


@login_required
@require_POST
def delete(request, slug: str, pk: int):
    record = get_record_or_404(request.user, slug, pk)
    back = _back(record)
    try:
        entry_services.delete_record(actor=request.user, record=record)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Đã xóa: {KINDS[slug][2].lower()}.")
    return redirect(back)


@login_required
def evidence_file(request, slug: str, pk: int):
    record = get_record_or_404(request.user, slug, pk, Perm.VIEW_PEOPLE)
    if not record.evidence_file:
        raise Http404("Không có tệp.")
    return FileResponse(record.evidence_file.open("rb"), as_attachment=True)


@login_required
def grid(request, pk: int, year: int):
    unit = access.get_unit_or_404(request.user, pk, Perm.MANAGE_RECORDS)
    form = GridEvidenceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        levels = {
            key[len("muc_") :]: value
            for key, value in request.POST.items()
            if key.startswith("muc_")
        }
        try:
            counts = entry_services.save_grid(
                actor=request.user, unit=unit, year=year, levels=levels, evidence=_evidence(form)
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                f"Đã lưu kết quả đánh giá năm {year}: {counts['saved']} dòng"
                + (f", xóa {counts['deleted']} dòng." if counts["deleted"] else "."),
            )
            return redirect(request.path)
    return render(
        request,
        "records/entry/grid.html",
        {
            "unit": unit,
            "year": year,
            "rows": entry_services.grid_rows(unit, year),
            "choices": RATING_CHOICES,
            "form": form,
            "here": f"Năm {year}",
        },
    )


def _import(request, unit: Unit, kind: str):
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            uploads.detect_kind(uploaded, allowed=("xlsx",))  # judged by its bytes
        except ValidationError as error:
            form.add_error("file", error)
        else:
            only_clean = form.cleaned_data["only_clean"]
            if kind == "ratings":
                report = entry_importing.import_ratings(
                    actor=request.user,
                    unit=unit,
                    uploaded=uploaded,
                    evidence=_evidence(form),
                    only_clean=only_clean,
                )
            else:
                report = entry_importing.import_legacy_awards(
                    actor=request.user, unit=unit, uploaded=uploaded, only_clean=only_clean
                )
            if report.imported:
                messages.success(request, f"Đã nhập {report.imported} dòng.")
    return render(
        request,
        "records/entry/import.html",
        {"unit": unit, "form": form, "report": report, "kind": kind},
    )


@login_required
def import_ratings(request, pk: int):
    unit = access.get_unit_or_404(request.user, pk, Perm.MANAGE_RECORDS)
    return _import(request, unit, "ratings")


@login_required
def import_awards(request, pk: int):
    unit = access.get_unit_or_404(request.user, pk, Perm.MANAGE_RECORDS)
    return _import(request, unit, "awards")


def _xlsx(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def ratings_template(request, pk: int):
    unit = access.get_unit_or_404(request.user, pk, Perm.MANAGE_RECORDS)
    year = timezone.localdate().year - 1
    return _xlsx(entry_importing.ratings_template(unit, year), "mau-xep-loai.xlsx")


@login_required
def awards_template(request, pk: int):
    unit = access.get_unit_or_404(request.user, pk, Perm.MANAGE_RECORDS)
    return _xlsx(entry_importing.awards_template(unit), "mau-khen-thuong.xlsx")
