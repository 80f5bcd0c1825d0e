"""The administrator's pages of the unit tree, unit types and offices (/quan-tri/don-vi/).

Thin: find the object in scope (404 outside the administrator's subtrees, 403 inside without
the right), validate the form, call the service, show its message.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from thidua.core.errors import ServiceError

from . import access, office_services, unit_services
from .access import Perm
from .models import Office, Unit, UnitType
from .unit_forms import (
    CloseForm,
    EndOfficeForm,
    MergeForm,
    MoveForm,
    NewUnitForm,
    OfficeForm,
    UnitForm,
    UnitTypeForm,
)
from .views import build_tree


def _require_admin(request) -> None:
    if not access.has_perm_anywhere(request.user, Perm.MANAGE_UNITS):
        raise PermissionDenied("Chỉ quản trị hệ thống được quản lý đơn vị.")


def _units(request):
    return unit_services.manageable_units(request.user).order_by("path")


def _form_page(request, form, title: str, unit: Unit | None = None, intro: str = ""):
    return render(
        request,
        "org/admin_form.html",
        {"form": form, "title": title, "unit": unit, "intro": intro},
    )


def _check_posted_units(request, *names: str) -> None:
    """A unit id sent from outside the administrator's subtrees is a 404, as in the API, not
    a form error: the page never offers it."""
    for name in names:
        for value in request.POST.getlist(name):
            if value.isdigit():
                unit_services.get_managed_unit_or_404(request.user, int(value))


def _refused(form, error: ServiceError) -> None:
    for message in error.messages:
        form.add_error(None, message)


@login_required
def tree(request):
    _require_admin(request)
    units = list(_units(request).select_related("successor"))
    return render(
        request,
        "org/admin_units.html",
        {
            "roots": build_tree(units),
            "can_edit_types": unit_services.can_edit_unit_types(request.user),
        },
    )


@login_required
def create(request):
    _require_admin(request)
    initial = {}
    if request.GET.get("cha", "").isdigit():
        initial["parent"] = unit_services.get_managed_unit_or_404(
            request.user, int(request.GET["cha"])
        )
    _check_posted_units(request, "parent")
    form = NewUnitForm(request.POST or None, units=_units(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            unit = unit_services.create_unit(
                actor=request.user, parent=form.cleaned_data["parent"], data=form.unit_data()
            )
        except ServiceError as error:
            _refused(form, error)
        else:
            messages.success(request, f"Đã tạo đơn vị {unit.name}.")
            return redirect("org_units:tree")
    return _form_page(request, form, "Thêm đơn vị")


@login_required
def edit(request, pk: int):
    unit = unit_services.get_managed_unit_or_404(request.user, pk)
    form = UnitForm(request.POST or None, initial=UnitForm.initial_of(unit))
    if request.method == "POST" and form.is_valid():
        try:
            unit_services.update_unit(actor=request.user, unit=unit, data=form.unit_data())
        except ServiceError as error:
            _refused(form, error)
        else:
            messages.success(request, "Đã lưu thông tin đơn vị.")
            return redirect("org_units:tree")
    return _form_page(request, form, f"Sửa đơn vị: {unit.name}", unit)


@login_required
def move(request, pk: int):
    unit = unit_services.get_managed_unit_or_404(request.user, pk)
    _check_posted_units(request, "new_parent")
    units = _units(request).exclude(path__startswith=unit.path)
    form = MoveForm(request.POST or None, units=units, initial={"new_parent": unit.parent_id})
    if request.method == "POST" and form.is_valid():
        try:
            unit_services.move_unit(
                actor=request.user, unit=unit, new_parent=form.cleaned_data["new_parent"]
            )
        except ServiceError as error:
            _refused(form, error)
        else:
            messages.success(request, f"Đã chuyển {unit.name} cùng các đơn vị trực thuộc.")
            return redirect("org_units:tree")
    return _form_page(
        request,
        form,
        f"Chuyển đơn vị: {unit.name}",
        unit,
        "Đơn vị được chuyển cùng toàn bộ đơn vị trực thuộc, cá nhân và lịch sử thi đua.",
    )


@login_required
def close(request, pk: int):
    unit = unit_services.get_managed_unit_or_404(request.user, pk)
    _check_posted_units(request, "successor")
    form = CloseForm(
        request.POST or None,
        units=_units(request).exclude(path__startswith=unit.path),
        initial={"closed_on": unit.valid_to, "successor": unit.successor_id},
    )
    if request.method == "POST" and form.is_valid():
        try:
            unit_services.close_unit(
                actor=request.user,
                unit=unit,
                closed_on=form.cleaned_data["closed_on"],
                successor=form.cleaned_data.get("successor"),
            )
        except ServiceError as error:
            _refused(form, error)
        else:
            messages.success(request, f"{unit.name} thôi hoạt động sau ngày đã chọn.")
            return redirect("org_units:tree")
    return _form_page(
        request,
        form,
        f"Thôi hoạt động: {unit.name}",
        unit,
        "Đơn vị không bị xóa: cá nhân, hồ sơ và khen thưởng vẫn được lưu và xem được từ đơn vị kế "
        "thừa. Sau ngày này đơn vị không phát động đợt thi đua, không lập hồ sơ được.",
    )


@login_required
def merge(request):
    _require_admin(request)
    _check_posted_units(request, "units", "successor", "new_parent")
    form = MergeForm(request.POST or None, units=_units(request))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            successor = unit_services.merge_units(
                actor=request.user,
                units=list(d["units"]),
                closed_on=d["closed_on"],
                successor=d.get("successor"),
                new_parent=d.get("new_parent"),
                new_unit=form.new_unit(),
            )
        except ServiceError as error:
            _refused(form, error)
        else:
            messages.success(request, f"Đã sáp nhập {len(d['units'])} đơn vị vào {successor.name}.")
            return redirect("org:unit", successor.pk)
    return _form_page(
        request,
        form,
        "Sáp nhập đơn vị",
        None,
        "Các đơn vị được chọn thôi hoạt động sau ngày đã nhập; đơn vị kế thừa tiếp nhận và trang "
        "của nó liệt kê các đơn vị cũ cùng lịch sử thi đua của chúng.",
    )


# Unit types


@login_required
def unit_types(request):
    _require_admin(request)
    return render(
        request,
        "org/admin_unit_types.html",
        {
            "types": UnitType.objects.order_by("order", "name"),
            "can_edit": unit_services.can_edit_unit_types(request.user),
        },
    )


@login_required
def unit_type_form(request, pk: int | None = None):
    _require_admin(request)
    if not unit_services.can_edit_unit_types(request.user):
        raise PermissionDenied("Chỉ quản trị hệ thống cấp tỉnh được sửa danh mục loại đơn vị.")
    unit_type = get_object_or_404(UnitType, pk=pk) if pk else None
    initial = (
        {f: getattr(unit_type, f) for f in ("code", "name", "is_people_committee", "order")}
        if unit_type
        else {}
    )
    form = UnitTypeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            unit_services.save_unit_type(
                actor=request.user, unit_type=unit_type, **form.cleaned_data
            )
        except ServiceError as error:
            _refused(form, error)
        else:
            messages.success(request, "Đã lưu loại đơn vị.")
            return redirect("org_units:types")
    return _form_page(request, form, "Sửa loại đơn vị" if unit_type else "Thêm loại đơn vị")


@login_required
@require_POST
def unit_type_delete(request, pk: int):
    _require_admin(request)
    unit_type = get_object_or_404(UnitType, pk=pk)
    try:
        unit_services.delete_unit_type(actor=request.user, unit_type=unit_type)
    except ServiceError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Đã xóa loại đơn vị {unit_type.name}.")
    return redirect("org_units:types")


# Offices


@login_required
def offices(request, pk: int):
    unit = unit_services.get_managed_unit_or_404(request.user, pk)
    form = OfficeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            office_services.create_office(actor=request.user, unit=unit, data=form.office_data())
        except ServiceError as error:
            _refused(form, error)
        else:
            messages.success(request, "Đã thêm cơ quan.")
            return redirect("org_units:offices", unit.pk)
    return render(
        request,
        "org/admin_offices.html",
        {
            "unit": unit,
            "offices": Office.objects.filter(unit=unit).order_by("-valid_to", "order", "id"),
            "form": form,
            "end_form": EndOfficeForm(),
        },
    )


@login_required
def office_edit(request, pk: int):
    office = office_services.get_office_or_404(request.user, pk)
    initial = {
        f: getattr(office, f)
        for f in ("name", "abbreviation", "duties", "valid_from", "valid_to", "order")
    }
    form = OfficeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            office_services.update_office(
                actor=request.user, office=office, data=form.office_data()
            )
        except ServiceError as error:
            _refused(form, error)
        else:
            messages.success(request, "Đã lưu cơ quan.")
            return redirect("org_units:offices", office.unit_id)
    return _form_page(request, form, f"Sửa: {office.name}", office.unit)


@login_required
@require_POST
def office_end(request, pk: int):
    office = office_services.get_office_or_404(request.user, pk)
    form = EndOfficeForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Nhập ngày kết thúc hiệu lực.")
    else:
        try:
            office_services.end_office(
                actor=request.user, office=office, valid_to=form.cleaned_data["valid_to"]
            )
        except ServiceError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"{office.name}: đã kết thúc hiệu lực.")
    return redirect("org_units:offices", office.unit_id)
