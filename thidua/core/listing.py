"""Lists that grow: one GET-parameter convention for filtering, sorting and paging.

``?q=`` a search text, ``?sap-xep=`` a sort key (``-key`` for descending), ``?trang=`` the page.
A view gives the sort keys it accepts (key → ordering fields) and gets back a ``Listing``: the
page of rows, the current sort and the query string to keep when changing page. Works with a
queryset (the database sorts and slices: two queries whatever the number of rows) or with a
list built in Python (rows of a table already read in a bounded number of queries)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

PAGE_SIZE = 50


@dataclass
class Listing:
    page: Page
    sort: str
    params: dict[str, str]  # the filters in force, without sort and page

    @property
    def rows(self) -> Any:
        return self.page.object_list

    def query(self, **changes: Any) -> str:
        """The query string of this list with ``changes`` (``trang=2``, ``sap_xep="ten"``)."""
        values = {**self.params, "sap-xep": self.sort}
        for key, value in changes.items():
            values[key.replace("_", "-")] = str(value)
        return urlencode({k: v for k, v in values.items() if v not in ("", None)})

    @property
    def keep(self) -> str:
        """Query string of the filters and the sort, for the page links (``?{{ keep }}&trang=``)."""
        return self.query()

    def sort_link(self, key: str) -> str:
        """Query string sorting by ``key``, or by ``-key`` when already sorted by ``key``."""
        return self.query(sap_xep=f"-{key}" if self.sort == key else key)


def list_page(
    request: HttpRequest,
    rows: QuerySet | list,
    *,
    sorts: dict[str, Sequence[str] | Callable[[Any], Any]],
    default: str,
    filters: Sequence[str] = (),
    size: int = PAGE_SIZE,
) -> Listing:
    """Sort ``rows`` by the requested key (unknown keys fall back to ``default``) and cut the
    requested page. ``sorts`` maps a key to ordering fields (querysets) or to a key function
    (lists). ``filters`` are the GET names the view already applied, kept in the links."""
    sort = request.GET.get("sap-xep") or default
    key = sort.removeprefix("-")
    if key not in sorts:
        sort, key = default, default.removeprefix("-")
    descending = sort.startswith("-")
    how = sorts[key]
    if isinstance(rows, QuerySet):
        fields = list(how) if not callable(how) else []
        if descending:
            fields = [f[1:] if f.startswith("-") else f"-{f}" for f in fields]
        rows = rows.order_by(*fields, "pk" if not descending else "-pk")
    elif callable(how):
        rows = sorted(rows, key=how, reverse=descending)
    page = Paginator(rows, size).get_page(request.GET.get("trang"))
    params = {name: request.GET.get(name, "") for name in ("q", *filters)}
    return Listing(page=page, sort=sort, params={k: v for k, v in params.items() if v})
