"""The state and helpers the execution and write mixins share.

Laravel: none (PHP traits see ``$this`` untyped). Builds on
:class:`~protevus.database.query.concerns.query_state.QueryState`, which declares the
builder's attributes; this adds the methods that run queries need.
"""

from __future__ import annotations

import typing as t

from protevus.database.exceptions import DatabaseError
from protevus.database.query.concerns.query_state import QueryState


class ExecutionState(QueryState):
    """Declare the builder methods the execution and write mixins call, for type checkers.

    At runtime this adds only :meth:`_running_connection`; the builder defines the
    declared methods.
    """

    if t.TYPE_CHECKING:

        def to_raw_sql(self) -> str: ...
        def parse_sub(self, query: t.Any) -> tuple[str, list[t.Any]]: ...
        def apply_before_query_callbacks(self) -> None: ...
        def clone(self, *args: t.Any, **kwargs: t.Any) -> t.Any: ...
        def clone_without(self, *args: t.Any, **kwargs: t.Any) -> t.Any: ...
        def clone_without_bindings(self, *args: t.Any, **kwargs: t.Any) -> t.Any: ...
        def select(self, *args: t.Any, **kwargs: t.Any) -> t.Any: ...
        def select_raw(self, *args: t.Any, **kwargs: t.Any) -> t.Any: ...
        def offset(self, *args: t.Any, **kwargs: t.Any) -> t.Any: ...
        def for_page(self, *args: t.Any, **kwargs: t.Any) -> t.Any: ...
        def for_page_after_id(self, *args: t.Any, **kwargs: t.Any) -> t.Any: ...
        def for_page_before_id(self, *args: t.Any, **kwargs: t.Any) -> t.Any: ...
        def get(self, *args: t.Any, **kwargs: t.Any) -> t.Any: ...
        def exists(self, *args: t.Any, **kwargs: t.Any) -> bool: ...

    def _running_connection(self) -> t.Any:
        """Return the connection, or raise when the builder can only compile."""
        if self.connection is None:
            raise DatabaseError(
                "This query builder has no connection [None]: build it with "
                "Builder(connection), DB.table('...') or connection.table('...') to run queries."
            )
        return self.connection
