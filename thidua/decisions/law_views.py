"""The administrator's pages of the law as dated data: the three tables, a row's form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from thidua.core.audit import history

from . import law_services as ls
from .models import BaseSalary, KindCoefficient, LegalInstrument


@login_required
def law_tables(request):
    ls.require_manage_law(request.user)
    return render(
        request,
        "decisions/law.html",
        {
            "instruments": LegalInstrument.objects.select_related("unit"),
            "salaries": BaseSalary.objects.all(),
            "coefficients": KindCoefficient.objects.all(),
            "uncertain": LegalInstrument.objects.exclude(note="").count()
            + KindCoefficient.objects.exclude(note="").count(),
        },
    )


@login_required
def law_row(request, slug: str, pk: int | None = None):
    table = ls.table_or_404(slug)
    row = ls.row_or_404(request.user, table, pk) if pk is not None else None
    ls.require_manage_law(request.user)
    form = table.form(request.POST or None, instance=row)
    if request.method == "POST":
        try:
            ls.save_row(actor=request.user, table=table, data=request.POST, row=row)
        except ls.DecisionError:
            form.is_valid()  # shows the same errors on the form
        else:
            messages.success(request, f"Đã lưu: {table.title.lower()}.")
            return redirect("decisions:law")
    return render(
        request,
        "decisions/law_form.html",
        {
            "table": table,
            "row": row,
            "form": form,
            "history": history(row)[:20] if row is not None else [],
        },
    )
