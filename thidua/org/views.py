from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from . import access, search, services, unit_services
from .access import Perm
from .models import ApiToken, Person, PersonCategory
from .people_rows import LIST_COLUMNS, person_rows
from .people_views import COUNT_LIMIT, PAGE_SIZE, SEARCH_LIMIT, CappedPaginator


@login_required
def unit_tree(request):
    units = list(
        access.units_with(request.user, Perm.VIEW_UNITS)
        .annotate(people_count=Count("people"))
        .order_by("path")
    )
    if not units and not access.has_perm_anywhere(request.user, Perm.VIEW_UNITS):
        raise PermissionDenied("Tài khoản chưa được giao vai trò nào.")
    return render(request, "org/unit_tree.html", {"roots": build_tree(units)})


def build_tree(units):
    """Nest a list of units; a unit whose parent is not visible becomes a root. Siblings follow
    ``sort_order``; a validity window is shown only where it differs from the parent's."""
    by_id = {u.pk: u for u in units}
    for unit in units:  # first, so a child sorted before its parent finds the list
        unit.visible_children = []
    roots = []
    for unit in sorted(units, key=lambda u: (u.sort_order, u.name)):
        parent = by_id.get(unit.parent_id)
        window = (unit.valid_from, unit.valid_to)
        unit.show_validity = any(window) and (
            parent is None or window != (parent.valid_from, parent.valid_to)
        )
        (parent.visible_children if parent else roots).append(unit)
    return roots


@login_required
def unit_detail(request, pk: int):
    unit = access.get_unit_or_404(request.user, pk)
    can_see_people = access.can_read(request.user, unit, Perm.VIEW_PEOPLE)
    children = unit.children.order_by("sort_order", "name")
    people = unit.people.order_by("full_name") if can_see_people else Person.objects.none()
    # A unit that took over others (sáp nhập) lists them: their pages and history stay readable.
    predecessors = unit_services.predecessors(unit)
    return render(
        request,
        "org/unit_detail.html",
        {
            "unit": unit,
            "ancestors": unit.ancestors(),
            "children": children,
            "people": people,
            "can_see_people": can_see_people,
            "predecessors": predecessors,
            "successor": unit.successor,
            "can_manage": access.in_scope(request.user, unit, Perm.MANAGE_UNITS),
        },
    )


@login_required
def people(request):
    if not access.has_perm_anywhere(request.user, Perm.VIEW_PEOPLE):
        raise PermissionDenied("Vai trò của bạn không được xem thông tin cá nhân.")
    qs = access.people_with(request.user).select_related("unit")
    q = request.GET.get("q", "").strip()
    unit_id = request.GET.get("don_vi", "")
    category = request.GET.get("doi_tuong", "")
    unit = None
    if unit_id.isdigit():
        unit = access.get_unit_or_404(request.user, int(unit_id), Perm.VIEW_PEOPLE)
        qs = qs.filter(unit__path__startswith=unit.path)
    if category in PersonCategory.values:
        qs = qs.filter(category=category)
    more = False
    if search.words(q):
        # The staff search's path (people_views.people_list): the ids of the first matches of
        # the name (without diacritics: "giang thi my") from the text index, then the page's
        # rows by id; past SEARCH_LIMIT, ask for more of the name.
        ids = search.first_matches(qs, SEARCH_LIMIT, q)
        more = len(ids) > SEARCH_LIMIT
        page = Paginator(ids[:SEARCH_LIMIT], PAGE_SIZE).get_page(request.GET.get("trang"))
        found = Person.objects.select_related("unit").only(*LIST_COLUMNS).in_bulk(page.object_list)
        people = [found[pk] for pk in page.object_list if pk in found]
    else:
        page = CappedPaginator(
            qs.order_by("unit__path", "full_name").only(*LIST_COLUMNS), PAGE_SIZE
        ).get_page(request.GET.get("trang"))
        more = page.paginator.count > COUNT_LIMIT
        people = list(page.object_list)
    history_prefix = reverse("records:person", args=[0]).removesuffix("0/")
    return render(
        request,
        "org/people.html",
        {
            "page": page,
            "people": people,
            "rows": person_rows(people, history_prefix),
            "more": more,
            "limit": SEARCH_LIMIT if search.words(q) else COUNT_LIMIT,
            "q": q,
            "unit_id": unit_id,
            "category": category,
            "categories": PersonCategory.choices,
            "unit": unit,
        },
    )


@login_required
def account(request):
    """The user's roles and API tokens: issue one (name, expiry), revoke one."""
    from .token_views import TokenForm, own_tokens

    new_token = None
    form = TokenForm(request.POST if "revoke" not in request.POST else None)
    if request.method == "POST":
        if "revoke" in request.POST:
            token = get_object_or_404(
                ApiToken, user=request.user, pk=request.POST.get("revoke") or 0
            )
            services.revoke_api_token(actor=request.user, token=token)
            messages.success(request, "Đã thu hồi khóa API.")
            return redirect("account")
        if form.is_valid():
            _token, new_token = services.issue_api_token(
                actor=request.user, name=form.cleaned_data["name"], days=form.cleaned_data["days"]
            )
            messages.success(
                request, "Đã tạo khóa API. Hãy sao chép ngay: khóa chỉ hiển thị một lần."
            )
            form = TokenForm()
    return render(
        request,
        "org/account.html",
        {
            "assignments": access.assignments(request.user),
            # Roles granted from a later day, and ended ones: what the user holds is dated.
            "other_roles": request.user.role_assignments.exclude(
                pk__in=[a.pk for a in access.assignments(request.user)]
            )
            .select_related("unit")
            .order_by("-valid_from"),
            "tokens": own_tokens(request.user),
            "new_token": new_token,
            "form": form,
            "now": timezone.now(),
        },
    )


@login_required
def administration(request):
    """The administrator's start page: what they may maintain, each with its page."""
    can = {
        "units": access.has_perm_anywhere(request.user, Perm.MANAGE_UNITS),
        "accounts": access.has_perm_anywhere(request.user, Perm.MANAGE_ACCOUNTS),
        "people": access.has_perm_anywhere(request.user, Perm.MANAGE_PEOPLE),
        "records": access.has_perm_anywhere(request.user, Perm.MANAGE_RECORDS),
        "portal": access.administers_root(request.user),
        # The law as dated data (decisions' pages): the province's administrator or officers.
        "law": access.administers_root(request.user)
        or any(
            u.parent_id is None for u in access.assigned_units(request.user, Perm.MANAGE_CAMPAIGNS)
        ),
    }
    if not any(can.values()):
        raise PermissionDenied("Vai trò của bạn không có trang quản trị.")
    return render(request, "org/administration.html", {"can": can})
