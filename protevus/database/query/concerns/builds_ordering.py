"""Add orders, limits and offsets, unions and locks.

Laravel: ``Builder::orderBy()``, ``limit()``, ``forPage()``, ``union()``, ``lockForUpdate()``...
"""

from __future__ import annotations

import typing as t

from protevus.database.exceptions import InvalidQueryArgumentError
from protevus.database.query.concerns.builds_wheres import whole_number
from protevus.database.query.concerns.query_state import QueryState
from protevus.database.query.expression import Expression

if t.TYPE_CHECKING:
    pass


class BuildsOrdering(QueryState):
    """Add order by, limit/offset, union and lock clauses to a query builder.

    Once a union is added, orders, limits and offsets apply to the whole union
    (``union_orders``, ``union_limit``, ``union_offset``), as in Laravel.
    Laravel: ``Illuminate\\Database\\Query\\Builder``.
    """

    # -- orders -------------------------------------------------------------------

    def order_by(self, column: t.Any, direction: str = "asc") -> t.Self:
        """Order by a column, an expression or a sub-query; ``direction`` is ``asc`` or ``desc``.

        Laravel: ``Builder::orderBy()``.
        """
        if self.is_queryable(column):
            sql, bindings = self.create_sub(column)
            column = Expression(f"({sql})")
            self.add_binding(bindings, "unionOrder" if self.unions else "order")
        lowered = direction.lower() if isinstance(direction, str) else direction
        if lowered not in ("asc", "desc"):
            raise InvalidQueryArgumentError(
                f'Order direction must be "asc" or "desc" [{direction}]: pass "asc" or "desc".'
            )
        target = self.union_orders if self.unions else self.orders
        target.append({"column": column, "direction": lowered})
        return self

    def order_by_desc(self, column: t.Any) -> t.Self:
        """Order by a column, descending. Laravel: ``Builder::orderByDesc()``."""
        return self.order_by(column, "desc")

    def latest(self, column: t.Any = "created_at") -> t.Self:
        """Order newest first (``created_at desc``). Laravel: ``Builder::latest()``."""
        return self.order_by(column, "desc")

    def oldest(self, column: t.Any = "created_at") -> t.Self:
        """Order oldest first (``created_at asc``). Laravel: ``Builder::oldest()``."""
        return self.order_by(column, "asc")

    def in_random_order(self, seed: t.Any = "") -> t.Self:
        """Order randomly (``RANDOM()``, mysql ``RAND(seed)``). Laravel: ``Builder::inRandomOrder()``."""
        return self.order_by_raw(self.grammar.compile_random(seed))

    def order_by_raw(self, sql: str, bindings: t.Sequence[t.Any] = ()) -> t.Self:
        """Order by a raw SQL expression. Laravel: ``Builder::orderByRaw()``."""
        target = self.union_orders if self.unions else self.orders
        target.append({"type": "Raw", "sql": sql})
        self.add_binding(bindings, "unionOrder" if self.unions else "order")
        return self

    def reorder(self, column: t.Any = None, direction: str = "asc") -> t.Self:
        """Drop every order, then optionally order by ``column``. Laravel: ``Builder::reorder()``."""
        self.orders = []
        self.union_orders = []
        self.bindings["order"] = []
        self.bindings["unionOrder"] = []
        if column:
            return self.order_by(column, direction)
        return self

    def reorder_desc(self, column: t.Any) -> t.Self:
        """Drop every order, then order by ``column`` descending. Laravel: ``Builder::reorderDesc()``."""
        return self.reorder(column, "desc")

    # -- limits ---------------------------------------------------------------------

    def limit(self, value: int | None) -> t.Self:
        """Limit the rows returned; a negative value is ignored. Laravel: ``Builder::limit()``."""
        if value is None:
            new: int | None = None
        elif whole_number(value, "limit") >= 0:
            new = whole_number(value, "limit")
        else:
            return self
        if self.unions:
            self.union_limit = new
        else:
            self.limit_value = new
        return self

    def take(self, value: int | None) -> t.Self:
        """Alias of :meth:`limit`. Laravel: ``Builder::take()``."""
        return self.limit(value)

    def offset(self, value: int | None) -> t.Self:
        """Skip rows; negative values count as 0. Laravel: ``Builder::offset()``."""
        new = max(0, whole_number(value or 0, "offset"))
        if self.unions:
            self.union_offset = new
        else:
            self.offset_value = new
        return self

    def skip(self, value: int | None) -> t.Self:
        """Alias of :meth:`offset`. Laravel: ``Builder::skip()``."""
        return self.offset(value)

    def for_page(self, page: int, per_page: int = 15) -> t.Self:
        """Limit to one page: ``offset (page - 1) * per_page``. Laravel: ``Builder::forPage()``."""
        page = whole_number(page, "page")
        per_page = whole_number(per_page, "per page")
        return self.offset((page - 1) * per_page).limit(per_page)

    def for_page_before_id(
        self, per_page: int = 15, last_id: t.Any = 0, column: str = "id"
    ) -> t.Self:
        """Limit to the rows before ``last_id``, newest first (keyset paging). Laravel: ``Builder::forPageBeforeId()``."""
        self.orders = self._remove_existing_orders_for(column)
        if last_id is not None:
            self.where(column, "<", last_id)
        return self.order_by(column, "desc").limit(per_page)

    def for_page_after_id(
        self, per_page: int = 15, last_id: t.Any = 0, column: str = "id"
    ) -> t.Self:
        """Limit to the rows after ``last_id``, oldest first (used by ``chunk_by_id``). Laravel: ``Builder::forPageAfterId()``."""
        self.orders = self._remove_existing_orders_for(column)
        if last_id is not None:
            self.where(column, ">", last_id)
        return self.order_by(column, "asc").limit(per_page)

    def _remove_existing_orders_for(self, column: str) -> list[dict[str, t.Any]]:
        return [order for order in self.orders if order.get("column") != column]

    # -- unions ---------------------------------------------------------------------

    def union(self, query: t.Any, all_: bool = False) -> t.Self:
        """Add a ``union`` with another builder or a closure. Laravel: ``Builder::union()``."""
        if not hasattr(query, "get_bindings"):
            built = self.new_query()
            query(built)
            query = built
        elif hasattr(query, "to_base"):
            query = query.to_base()
        self.unions.append({"query": query, "all": all_})
        self.add_binding(query.get_bindings(), "union")
        return self

    def union_all(self, query: t.Any) -> t.Self:
        """Add a ``union all``. Laravel: ``Builder::unionAll()``."""
        return self.union(query, True)

    # -- locks ----------------------------------------------------------------------

    def lock(self, value: bool | str = True) -> t.Self:
        """Lock the selected rows: ``True`` for update, ``False`` shared, or a raw lock string.

        Laravel: ``Builder::lock()``.
        """
        self.lock_value = value
        if value is not None:
            self.use_write_pdo()
        return self

    def lock_for_update(self) -> t.Self:
        """Add ``for update``. Laravel: ``Builder::lockForUpdate()``."""
        return self.lock(True)

    def shared_lock(self) -> t.Self:
        """Add a shared lock (``for share`` / ``lock in share mode``). Laravel: ``Builder::sharedLock()``."""
        return self.lock(False)
