"""Paginate query results (paginate, simple_paginate, cursor_paginate).

Laravel: ``Builder::paginate()``, ``simplePaginate()``, ``cursorPaginate()``.

The same mixin serves the query builder (pages of rows) and the Eloquent builder
(pages of models), which inherits it: where they differ (the default page size,
the count query, the order a cursor needs) the Eloquent side is recognised by its
``to_base()``/``get_model()`` methods.
"""

from __future__ import annotations

import re
import typing as t

from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.database.query.expression import Expression
from protevus.support.aliases import camel_aliases
from protevus.support.helpers import value as _value

if t.TYPE_CHECKING:
    from protevus.pagination.cursor import Cursor
    from protevus.pagination.cursor_paginator import CursorPaginator
    from protevus.pagination.length_aware_paginator import LengthAwarePaginator
    from protevus.pagination.paginator import Paginator

_ALIAS = re.compile(r"^(.+?)\s+as\s+(\S+)$", re.IGNORECASE)
_DEFAULT_PER_PAGE = 15


@camel_aliases
class BuildsPagination:
    """Paginate query results (paginate, simple_paginate, cursor_paginate).

    Laravel: ``Builder::paginate()``, ``simplePaginate()``, ``cursorPaginate()``.
    """

    __slots__ = ()

    if t.TYPE_CHECKING:

        def get(self, *args: t.Any, **kwargs: t.Any) -> t.Any: ...
        def for_page(self, *args: t.Any, **kwargs: t.Any) -> t.Any: ...
        def limit(self, *args: t.Any, **kwargs: t.Any) -> t.Any: ...
        def offset(self, *args: t.Any, **kwargs: t.Any) -> t.Any: ...
        def where(self, *args: t.Any, **kwargs: t.Any) -> t.Any: ...
        def or_where(self, *args: t.Any, **kwargs: t.Any) -> t.Any: ...
        def order_by(self, *args: t.Any, **kwargs: t.Any) -> t.Any: ...

    # -- length-aware ------------------------------------------------------------

    def paginate(
        self,
        per_page: t.Any = None,
        columns: t.Any = ("*",),
        page_name: str = "page",
        page: int | None = None,
        total: t.Any = None,
    ) -> LengthAwarePaginator:
        """Get one page of results and the total count (two queries).

        ``per_page`` defaults to 15 (the model's ``per_page`` for Eloquent) and may
        be a callable given the total; ``page`` defaults to the request's
        ``?page=``; give ``total`` to skip the count query. The count drops the
        query's orders, limit and offset (and, for Eloquent, its eager loads).

        Laravel: ``Builder::paginate()``.
        """
        from protevus.pagination.abstract_paginator import BasePaginator
        from protevus.pagination.length_aware_paginator import LengthAwarePaginator

        page = page or BasePaginator.resolve_current_page(page_name)
        found = _value(total)
        if found is None:
            found = self._pagination_count(columns)
        size = self._per_page_or_default(_value(per_page, found))
        results = (
            self.for_page(page, size).get(columns)
            if found
            else self._empty_pagination_results()
        )
        return LengthAwarePaginator(
            results,
            found,
            size,
            page,
            {"path": BasePaginator.resolve_current_path(), "page_name": page_name},
        )

    def simple_paginate(
        self,
        per_page: t.Any = None,
        columns: t.Any = ("*",),
        page_name: str = "page",
        page: int | None = None,
    ) -> Paginator:
        """Get one page of results without counting (one query, ``per_page + 1`` rows).

        Laravel: ``Builder::simplePaginate()``.
        """
        from protevus.pagination.abstract_paginator import BasePaginator
        from protevus.pagination.paginator import Paginator

        page = page or BasePaginator.resolve_current_page(page_name)
        size = self._per_page_or_default(_value(per_page))
        self.offset((page - 1) * size).limit(size + 1)
        return Paginator(
            self.get(columns),
            size,
            page,
            {"path": BasePaginator.resolve_current_path(), "page_name": page_name},
        )

    def cursor_paginate(
        self,
        per_page: t.Any = None,
        columns: t.Any = ("*",),
        cursor_name: str = "cursor",
        cursor: Cursor | str | None = None,
    ) -> CursorPaginator:
        """Get the page after (or before) a cursor, ordered by the query's orders.

        The query needs an ``order_by`` (Eloquent falls back to the primary key);
        ``cursor`` defaults to the request's ``?cursor=``.

        Laravel: ``Builder::cursorPaginate()``.
        """
        from protevus.pagination.abstract_paginator import BasePaginator
        from protevus.pagination.cursor import Cursor
        from protevus.pagination.cursor_paginator import AbstractCursorPaginator
        from protevus.pagination.cursor_paginator import CursorPaginator

        if not isinstance(cursor, Cursor):
            cursor = (
                Cursor.from_encoded(cursor)
                if isinstance(cursor, str)
                else AbstractCursorPaginator.resolve_current_cursor(cursor_name, cursor)
            )
        size = self._per_page_or_default(_value(per_page))
        orders = self._ensure_order_for_cursor_pagination(
            cursor is not None and cursor.points_to_previous_items()
        )
        if cursor is not None:
            held = cursor.to_array()
            if any(order["column"] not in held for order in orders):
                # A cursor made for another ordering (or by hand): start at the
                # first page, as a garbled ?cursor= does, instead of failing.
                if cursor.points_to_previous_items():
                    orders = self._ensure_order_for_cursor_pagination(True)
                cursor = None
        if cursor is not None:
            self._add_cursor_conditions(self, cursor, orders, None, None, 0)
        self.limit(size + 1)
        return CursorPaginator(
            self.get(columns),
            size,
            cursor,
            {
                "path": BasePaginator.resolve_current_path(),
                "cursor_name": cursor_name,
                "parameters": [order["column"] for order in orders],
            },
        )

    # -- counting ----------------------------------------------------------------

    def get_count_for_pagination(self, columns: t.Any = ("*",)) -> int:
        """Count the rows the un-paginated query would return.

        Grouped or ``having`` queries are counted through a sub-query, as Laravel.

        Laravel: ``Builder::getCountForPagination()``.
        """
        if self._is_eloquent():
            base: t.Any = t.cast(t.Any, self).to_base()
            return int(base.get_count_for_pagination(columns))
        rows = self._run_pagination_count_query(_count_columns(columns))
        if not rows:
            return 0
        row = rows[0]
        found = {str(key).lower(): item for key, item in dict(row).items()}
        return int(found.get("aggregate") or 0)

    def _run_pagination_count_query(self, columns: list[t.Any]) -> list[t.Any]:
        query: t.Any = self
        if query.groups or query.havings:
            clone = query.clone_without(["orders", "limit", "offset"])
            clone = clone.clone_without_bindings(["order"])
            if clone.columns is None and clone.joins:
                clone.select(f"{_table_name(clone.from_value)}.*")
            wrapped = query.grammar.wrap("aggregate_table")
            outer = query.new_query().from_raw(
                f"({clone.to_sql()}) as {wrapped}", clone.get_bindings()
            )
            outer._set_aggregate("count", columns)
            return list(outer.get())
        if query.unions:
            without = ["union_orders", "union_limit", "union_offset"]
            drop_bindings = ["unionOrder"]
        else:
            without = ["columns", "orders", "limit", "offset"]
            drop_bindings = ["select", "order"]
        counter = query.clone_without(without).clone_without_bindings(drop_bindings)
        counter._set_aggregate("count", columns)
        return list(counter.get())

    def _pagination_count(self, columns: t.Any) -> int:
        if self._is_eloquent():
            # Laravel counts with the model's base query and the default columns.
            return self.get_count_for_pagination()
        return self.get_count_for_pagination(columns)

    # -- Eloquent or base --------------------------------------------------------

    def _is_eloquent(self) -> bool:
        cls = type(self)
        return callable(getattr(cls, "to_base", None)) and callable(
            getattr(cls, "get_model", None)
        )

    def _per_page_or_default(self, per_page: t.Any) -> int:
        if per_page:
            size = int(per_page)
        elif self._is_eloquent():
            size = int(t.cast(t.Any, self).get_model().get_per_page())
        else:
            size = _DEFAULT_PER_PAGE
        if size < 1:
            raise InvalidQueryArgumentError(
                f"The page size must be at least 1 [{per_page}]: pass per_page=15, say."
            )
        return size

    def _empty_pagination_results(self) -> t.Any:
        if self._is_eloquent():
            return t.cast(t.Any, self).get_model().new_collection([])
        from protevus.support.collection import Collection

        return Collection()

    def _order_state(self) -> t.Any:
        """Get the base builder that holds the orders and selected columns."""
        if self._is_eloquent():
            return t.cast(t.Any, self).get_query()
        return self

    # -- cursor conditions -------------------------------------------------------

    def _ensure_order_for_cursor_pagination(
        self, should_reverse: bool
    ) -> list[dict[str, t.Any]]:
        """Make sure the query is ordered, reverse it to walk backwards, and return the orders.

        Laravel: ``Builder::ensureOrderForCursorPagination()``.
        """
        state = self._order_state()
        if not state.orders and not state.union_orders:
            if not self._is_eloquent():
                raise InvalidQueryArgumentError(
                    "You must specify an orderBy clause when using this function "
                    "[cursor_paginate]: add order_by('id')."
                )
            model = t.cast(t.Any, self).get_model()
            self.order_by(model.get_qualified_key_name(), "asc")
        if should_reverse:
            state.orders = [_reverse(order) for order in state.orders]
            state.union_orders = [_reverse(order) for order in state.union_orders]
        orders = state.union_orders or state.orders
        usable = [dict(order) for order in orders if "direction" in order]
        for order in usable:
            if not isinstance(order.get("column"), str):
                raise InvalidQueryArgumentError(
                    f"Cursor pagination needs orders by column name [{order.get('column')!r}]: "
                    "order by a column (or select an expression with an alias and "
                    "order by the alias)."
                )
        return usable

    def _add_cursor_conditions(
        self,
        builder: t.Any,
        cursor: Cursor,
        orders: list[dict[str, t.Any]],
        previous_column: str | None,
        original_column: str | None,
        index: int,
    ) -> None:
        """Add ``(a > x or (a = x and (b > y ...)))`` for the ordered columns.

        Laravel: the ``$addCursorConditions`` closure of ``paginateUsingCursor()``.
        """
        if previous_column is not None:
            original = original_column or self._original_column_name(previous_column)
            builder.where(
                _column_reference(original), "=", cursor.parameter(previous_column)
            )

        def nested(second: t.Any) -> None:
            column = orders[index]["column"]
            direction = orders[index]["direction"]
            original = self._original_column_name(column)
            second.where(
                _column_reference(original),
                ">" if direction == "asc" else "<",
                cursor.parameter(column),
            )
            if index < len(orders) - 1:
                second.or_where(
                    lambda third: self._add_cursor_conditions(
                        third, cursor, orders, column, original, index + 1
                    )
                )

        builder.where(nested)

    def _original_column_name(self, column: str) -> str:
        """Find the expression a selected alias stands for (``count(*) as total`` → ``count(*)``).

        Laravel: ``Builder::getOriginalColumnNameForCursorPagination()``.
        """
        columns = self._order_state().columns
        for selected in columns or []:
            text = (
                selected.get_value() if isinstance(selected, Expression) else selected
            )
            if not isinstance(text, str):
                continue
            match = _ALIAS.match(text.strip())
            if match and match.group(2).strip("`\"'") == column:
                return match.group(1)
        return column


def _reverse(order: dict[str, t.Any]) -> dict[str, t.Any]:
    if "direction" not in order:
        return order
    return {**order, "direction": "desc" if order["direction"] == "asc" else "asc"}


def _column_reference(column: str) -> t.Any:
    return Expression(column) if "(" in column or ")" in column else column


def _count_columns(columns: t.Any) -> list[t.Any]:
    """Drop select aliases; count one named column, otherwise ``*``.

    Laravel: ``Builder::withoutSelectAliases()``.
    """
    listed = [columns] if isinstance(columns, str) else list(columns)
    if len(listed) != 1:
        return ["*"]
    column = listed[0]
    if isinstance(column, str):
        match = _ALIAS.match(column.strip())
        column = match.group(1) if match else column
    return [column]


def _table_name(table: t.Any) -> str:
    text = table.get_value() if isinstance(table, Expression) else str(table)
    match = _ALIAS.match(text.strip())
    return match.group(2) if match else text
