"""Turn Laravel's ``?`` (and ``:name``) placeholders into the driver's paramstyle.

SQL everywhere in Protevus uses ``?`` placeholders, as Laravel's does. SQLite's
``sqlite3`` takes them as they are; psycopg and PyMySQL want ``%s`` and read every
``%`` as a format character, so a literal ``%`` becomes ``%%`` there. A ``?`` inside a
quoted string, a quoted identifier or a comment is left alone, and ``??`` outside
them is a literal ``?`` (PostgreSQL's jsonb operators), as PDO reads it.

Laravel: PDO's placeholder parsing under ``Connection::bindValues()``.
"""

from __future__ import annotations

import functools
import re
import typing as t

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class SqlPlaceholders(t.NamedTuple):
    """The converted SQL and, per placeholder, its name (``None`` for ``?``)."""

    sql: str
    names: tuple[str | None, ...]


def _quoted_end(sql: str, start: int, quote: str, backslashes: bool) -> int:
    """Return the index just past the quoted run that opens at ``start``."""
    i = start + 1
    n = len(sql)
    while i < n:
        ch = sql[i]
        if backslashes and ch == "\\":
            i += 2
            continue
        if ch == quote:
            if i + 1 < n and sql[i + 1] == quote:
                i += 2
                continue
            return i + 1
        i += 1
    return n


def _dollar_end(sql: str, start: int) -> int | None:
    """Return the end of a PostgreSQL ``$tag$...$tag$`` string opening at ``start``."""
    match = re.match(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$", sql[start:])
    if match is None:
        return None
    tag = match.group(0)
    close = sql.find(tag, start + len(tag))
    return len(sql) if close < 0 else close + len(tag)


@functools.lru_cache(maxsize=512)
def convert_placeholders(
    sql: str, style: str, driver: str, named: bool = False
) -> SqlPlaceholders:
    """Rewrite the placeholders of ``sql`` for a paramstyle (``qmark`` or ``format``).

    Returns the new SQL and the placeholder names in order (``None`` for each
    positional ``?``, the name for each ``:name``), so the caller can order dict
    bindings. ``:name`` counts as a placeholder only when ``named`` (the bindings
    are a dict). Results are cached: the same SQL text is converted once.
    """
    fmt = style == "format"
    backslashes = driver in ("mysql", "mariadb")
    out: list[str] = []
    names: list[str | None] = []
    i = 0
    n = len(sql)
    while i < n:
        ch = sql[i]
        if ch in "'\"`":
            end = _quoted_end(sql, i, ch, backslashes and ch != "`")
            out.append(sql[i:end].replace("%", "%%") if fmt else sql[i:end])
            i = end
        elif ch == "-" and sql.startswith("--", i):
            end = sql.find("\n", i)
            end = n if end < 0 else end
            out.append(sql[i:end].replace("%", "%%") if fmt else sql[i:end])
            i = end
        elif ch == "/" and sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append(sql[i:end].replace("%", "%%") if fmt else sql[i:end])
            i = end
        elif ch == "$" and driver == "pgsql" and (dollar := _dollar_end(sql, i)):
            out.append(sql[i:dollar].replace("%", "%%") if fmt else sql[i:dollar])
            i = dollar
        elif ch == "?":
            if sql.startswith("??", i):
                out.append("?")
                i += 2
            else:
                out.append("%s" if fmt else "?")
                names.append(None)
                i += 1
        elif ch == ":" and named:
            if sql.startswith("::", i) or sql.startswith(":=", i):
                out.append(sql[i : i + 2])
                i += 2
                continue
            match = _NAME.match(sql, i + 1)
            if match is None:
                out.append(ch)
                i += 1
                continue
            out.append("%s" if fmt else "?")
            names.append(match.group(0))
            i = match.end()
        elif ch == "%" and fmt:
            out.append("%%")
            i += 1
        else:
            out.append(ch)
            i += 1
    return SqlPlaceholders("".join(out), tuple(names))


def order_bindings(
    names: tuple[str | None, ...],
    bindings: t.Sequence[t.Any] | t.Mapping[str, t.Any],
) -> list[t.Any]:
    """Return the bindings in placeholder order (dict bindings looked up by name).

    A ``:name`` in the SQL with positional bindings, or a name missing from a dict,
    raises ``ValueError`` naming it.
    """
    if isinstance(bindings, t.Mapping):
        ordered: list[t.Any] = []
        for name in names:
            if name is None:
                raise ValueError(
                    "The query mixes [?] placeholders with named bindings; "
                    "use one style per query."
                )
            if name not in bindings:
                raise ValueError(
                    f"The query uses the placeholder [:{name}] but no binding is "
                    "named so; add it to the bindings dict."
                )
            ordered.append(bindings[name])
        return ordered
    if any(name is not None for name in names):
        raise ValueError("Named placeholders need the bindings as a dict.")
    return list(bindings)
