"""The emulation officer's pages of staff (/can-bo/): list and search, add, edit, move, end
employment, import from Excel, duplicates and merge; the pickers (HTMX fragments)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.decorators.http import require_POST

from thidua.core.web import XLSX, download, flash_errors

from . import access, people_import, people_services, search
from .access import Perm
from .models import Person, PersonCategory
from .people_forms import (
    EndForm,
    MergeForm,
    MoveForm,
    PersonForm,
    StaffImportForm,
    unit_choices_for,
)
from .people_rows import COLUMNS, staff_rows

PAGE_SIZE = 50
SEARCH_LIMIT = 500
PICK_LIMIT = 20


COUNT_LIMIT = 10_000


class CappedPaginator(Paginator):
    """Counts up to COUNT_LIMIT + 1 rows: an officer over a whole country (a million people)
    would otherwise wait for an exact count no page needs (≈ 0,3 s on SQLite)."""

    @cached_property
    def count(self) -> int:
        return self.object_list[: COUNT_LIMIT + 1].count()


def _require_anywhere(user, perm: str) -> None:
    if not access.has_perm_anywhere(user, perm):
        if access.assignments(user):
            raise PermissionDenied("Vai trò của bạn không có quyền thực hiện thao tác này.")
        raise PermissionDenied("Tài khoản chưa được giao vai trò nào.")


@login_required
def people_list(request: HttpRequest) -> HttpResponse:
    _require_anywhere(request.user, Perm.VIEW_PEOPLE)
    qs = access.people_with(request.user).select_related("unit")
    q = request.GET.get("q", "").strip()
    unit = unit_choices_for(request.user, request.GET.get("don_vi", ""))
    category = request.GET.get("doi_tuong", "")
    status = request.GET.get("tinh_trang", "")
    if unit:
        qs = qs.filter(unit__path__startswith=unit.path)
    if category in PersonCategory.values:
        qs = qs.filter(category=category)
    if status == "dang":
        qs = qs.filter(left_on__isnull=True)
    elif status == "thoi":
        qs = qs.filter(left_on__isnull=False)
    qs = qs.order_by("search_name", "id")
    more = False
    if search.words(q):
        # One pass of the text index: the ids of the first matches, in order; the page's rows
        # by id. Past SEARCH_LIMIT the officer is asked for more of the name (a common word
        # matches a quarter of the country: counting it would help no one).
        ids = search.first_matches(qs, SEARCH_LIMIT, q)
        more = len(ids) > SEARCH_LIMIT
        page = Paginator(ids[:SEARCH_LIMIT], PAGE_SIZE).get_page(request.GET.get("trang"))
        rows = Person.objects.select_related("unit").only(*COLUMNS).in_bulk(page.object_list)
        people = [rows[pk] for pk in page.object_list if pk in rows]
    else:
        page = CappedPaginator(qs.only(*COLUMNS), PAGE_SIZE).get_page(request.GET.get("trang"))
        more = page.paginator.count > COUNT_LIMIT
        people = list(page.object_list)
    can_manage = access.has_perm_anywhere(request.user, Perm.MANAGE_PEOPLE)
    # Links of each row written from two prefixes: 200 {% url %} tags per page took longer
    # than the search itself (bench/people.py).
    history_prefix = reverse("records:person", args=[0]).removesuffix("0/")
    return render(
        request,
        "org/people/list.html",
        {
            "page": page,
            "people": people,
            "rows": staff_rows(people, history_prefix, reverse("org_people:list"), can_manage),
            "more": more,
            "limit": SEARCH_LIMIT if search.words(q) else COUNT_LIMIT,
            "q": q,
            "unit": unit,
            "category": category,
            "status": status,
            "categories": PersonCategory.choices,
            "can_manage": can_manage,
        },
    )


@login_required
def person_add(request: HttpRequest) -> HttpResponse:
    _require_anywhere(request.user, Perm.MANAGE_PEOPLE)
    form = PersonForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        unit = data.pop("unit")
        try:
            person = people_services.add_person(actor=request.user, unit=unit, data=data)
        except people_services.PeopleError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Đã thêm {person} vào {unit}.")
            return redirect("org_people:list")
    return render(request, "org/people/form.html", {"form": form, "title": "Thêm cán bộ"})


def _person(request: HttpRequest, pk: int) -> Person:
    return access.get_person_or_404(request.user, pk, Perm.MANAGE_PEOPLE)


@login_required
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person(request, pk)
    form = PersonForm(request.POST or None, instance=person, actor=request.user, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            people_services.edit_person(
                actor=request.user, person=Person.objects.get(pk=pk), data=form.cleaned_data
            )
        except people_services.PeopleError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Đã lưu thông tin {form.cleaned_data['full_name']}.")
            return redirect("org_people:list")
    return render(
        request,
        "org/people/form.html",
        {"form": form, "title": f"Sửa thông tin: {person}", "person": person},
    )


@login_required
def person_move(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person(request, pk)
    form = MoveForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            people_services.move_person(
                actor=request.user,
                person=person,
                unit=form.cleaned_data["unit"],
                on=form.cleaned_data["on"],
            )
        except people_services.PeopleError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Đã chuyển {person} sang {form.cleaned_data['unit']}.")
            return redirect("org_people:list")
    return render(
        request,
        "org/people/form.html",
        {"form": form, "title": f"Chuyển đơn vị: {person} ({person.unit})", "person": person},
    )


@login_required
def person_end(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person(request, pk)
    form = EndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            people_services.end_employment(
                actor=request.user, person=person, on=form.cleaned_data["on"]
            )
        except people_services.PeopleError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Đã ghi {person} thôi công tác.")
            return redirect("org_people:list")
    return render(
        request,
        "org/people/form.html",
        {"form": form, "title": f"Thôi công tác: {person} ({person.unit})", "person": person},
    )


@login_required
def people_import_page(request: HttpRequest) -> HttpResponse:
    _require_anywhere(request.user, Perm.MANAGE_PEOPLE)
    form = StaffImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        report = people_import.import_staff(
            actor=request.user,
            uploaded=data["file"],
            only_clean=data["only_clean"],
            include_duplicates=data["include_duplicates"],
        )
        if report.imported:
            messages.success(request, f"Đã nhập {report.imported} cán bộ.")
            if not report.errors and not report.duplicates:
                return redirect("org_people:list")
        form = StaffImportForm()
    return render(request, "org/people/import.html", {"form": form, "report": report})


@login_required
def import_template(request: HttpRequest) -> HttpResponse:
    _require_anywhere(request.user, Perm.MANAGE_PEOPLE)
    names = list(
        access.units_with(request.user, Perm.MANAGE_PEOPLE)
        .order_by("path")
        .values_list("name", flat=True)[:5000]
    )
    return download(people_import.template(names), "mau-danh-sach-can-bo.xlsx", XLSX)


@login_required
def duplicates(request: HttpRequest) -> HttpResponse:
    _require_anywhere(request.user, Perm.MANAGE_PEOPLE)
    groups = people_services.find_duplicates(request.user)
    return render(request, "org/people/duplicates.html", {"groups": groups})


@login_required
@require_POST
def merge(request: HttpRequest) -> HttpResponse:
    form = MergeForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Chọn hồ sơ giữ lại và hồ sơ gộp vào.")
        return redirect("org_people:duplicates")
    kept = _person(request, form.cleaned_data["kept"])
    other = _person(request, form.cleaned_data["other"])
    try:
        people_services.merge_people(actor=request.user, kept=kept, other=other)
    except people_services.PeopleError as error:
        flash_errors(request, error)
    else:
        messages.success(request, f"Đã gộp hồ sơ trùng của {kept}.")
    return redirect("org_people:duplicates")


# Pickers: HTMX fragments of <option>s -------------------------------------------------------


def _picker_query(request: HttpRequest) -> str:
    if q := request.GET.get("q"):
        return q
    return next((v for k, v in request.GET.items() if k.endswith("__tim")), "")


@login_required
def pick_person(request: HttpRequest) -> HttpResponse:
    _require_anywhere(request.user, Perm.VIEW_PEOPLE)
    qs = access.people_with(request.user).filter(left_on__isnull=True)
    unit = unit_choices_for(request.user, request.GET.get("don_vi", ""))
    if unit:
        qs = qs.filter(unit__path__startswith=unit.path)
    q = _picker_query(request)
    people = (
        list(
            search.name_condition(qs, q)
            .select_related("unit")
            .order_by("search_name", "id")[:PICK_LIMIT]
        )
        if search.words(q)
        else []
    )
    options = [(p.pk, f"{p.full_name} – {p.unit.name}") for p in people]
    return render(request, "org/people/options.html", {"options": options, "q": q})


@login_required
def pick_unit(request: HttpRequest) -> HttpResponse:
    _require_anywhere(request.user, Perm.VIEW_UNITS)
    perm = Perm.MANAGE_PEOPLE if request.GET.get("quyen") != "xem" else Perm.VIEW_UNITS
    q = _picker_query(request)
    qs = access.units_with(request.user, perm)
    units = list(search.unit_condition(qs, q).order_by("path")[:PICK_LIMIT])
    options = [(u.pk, u.name) for u in units]
    return render(request, "org/people/options.html", {"options": options, "q": q})
