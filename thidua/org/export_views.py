"""The administrator's log of personal-data downloads (/quan-tri/nhat-ky-xuat/): who took which
file about which object, when. An administrator of a top unit sees every entry; another sees
the entries about objects of the units they administer."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.shortcuts import render
from django.utils import timezone

from thidua.core.exports import KINDS
from thidua.core.models import ExportEntry
from thidua.core.web import date_field

from . import access
from .access import Actor, Perm
from .token_views import require_administrator

PER_PAGE = 50


class ExportFilter(forms.Form):
    nguoi = forms.CharField(label="Tài khoản", required=False, max_length=150)
    loai = forms.ChoiceField(label="Loại", required=False, choices=[("", "Tất cả"), *KINDS.items()])
    tu = date_field("Từ ngày", required=False)
    den = date_field("Đến ngày", required=False)


def entries_for(actor: Actor) -> QuerySet[ExportEntry]:
    if any(u.parent_id is None for u in access.assigned_units(actor, Perm.MANAGE_ACCOUNTS)):
        return ExportEntry.objects.all()
    paths = access.scope_paths(actor, Perm.MANAGE_ACCOUNTS)
    return ExportEntry.objects.filter(access.path_q(paths, "unit_path"))


def _start(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


@login_required
def export_log(request):
    require_administrator(request.user)
    form = ExportFilter(request.GET or None)
    entries = entries_for(request.user)
    if form.is_valid():
        data = form.cleaned_data
        if data["nguoi"]:
            entries = entries.filter(actor_name__icontains=data["nguoi"].strip())
        if data["loai"]:
            entries = entries.filter(kind=data["loai"])
        if data["tu"]:
            entries = entries.filter(created_at__gte=_start(data["tu"]))
        if data["den"]:
            entries = entries.filter(created_at__lt=_start(data["den"] + timedelta(days=1)))
    query = request.GET.copy()
    query.pop("trang", None)
    return render(
        request,
        "org/export_log.html",
        {
            "form": form,
            "page": Paginator(entries.order_by("-created_at", "-id"), PER_PAGE).get_page(
                request.GET.get("trang")
            ),
            "query": query.urlencode(),
        },
    )
