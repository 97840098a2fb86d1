"""The row objects query results are made of.

Laravel: the ``stdClass`` objects ``DB::select()`` and ``DB::table()->get()`` return.
"""

from __future__ import annotations

import typing as t


class Row(dict[str, t.Any]):
    """Hold one result row; read columns as attributes or items.

    ``row.name`` and ``row['name']`` both work, ``dict(row)`` and ``json.dumps(row)``
    give the columns, and comparison with a plain dict compares the columns.

    Laravel: ``stdClass`` result rows.
    """

    __slots__ = ()

    def __getattr__(self, name: str) -> t.Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(
                f"Row has no column [{name}]; it has: {', '.join(self) or 'none'}."
            ) from None

    def __setattr__(self, name: str, value: t.Any) -> None:
        self[name] = value

    def __delattr__(self, name: str) -> None:
        try:
            del self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self) -> str:
        return f"Row({dict.__repr__(self)})"
