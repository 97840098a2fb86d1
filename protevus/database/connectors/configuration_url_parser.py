"""Merge a database URL (``DB_URL``) into a connection's config.

Laravel: ``Illuminate\\Support\\ConfigurationUrlParser``.
"""

from __future__ import annotations

import json
import typing as t
from urllib.parse import parse_qsl
from urllib.parse import unquote
from urllib.parse import urlsplit

from protevus.exceptions import InvalidArgumentError

#: URL schemes that name a driver differently.
DRIVER_ALIASES: dict[str, str] = {
    "mssql": "sqlsrv",
    "mysql2": "mysql",
    "postgres": "pgsql",
    "postgresql": "pgsql",
    "sqlite3": "sqlite",
    "redis": "tcp",
    "rediss": "tls",
}


def _scalar(value: str) -> t.Any:
    """Read query-string values as Laravel does (JSON scalars, else the text)."""
    try:
        return json.loads(value)
    except ValueError:
        return value


def parse_configuration(config: t.Mapping[str, t.Any] | str) -> dict[str, t.Any]:
    """Return ``config`` with the parts of its ``url`` merged over the other keys.

    ``{'url': 'pgsql://u:p@db:5433/app?sslmode=require'}`` becomes
    ``{'driver': 'pgsql', 'host': 'db', 'port': 5433, 'username': 'u',
    'password': 'p', 'database': 'app', 'sslmode': 'require'}``. A string is
    taken as the URL. The URL's parts win over the keys it sits next to.

    Laravel: ``ConfigurationUrlParser::parseConfiguration()``.
    """
    if isinstance(config, str):
        config = {"url": config}
    merged = dict(config)
    url = merged.pop("url", None)
    if not url:
        return merged
    parts = urlsplit(str(url))
    if not parts.scheme:
        # The URL may hold a password: name only its shape, never the value.
        raise InvalidArgumentError(
            "The database configuration URL (DB_URL) is malformed; write it as "
            "driver://user:password@host:port/database."
        )
    scheme = parts.scheme.split("+", 1)[0]
    found: dict[str, t.Any] = {"driver": DRIVER_ALIASES.get(scheme, scheme)}
    if parts.hostname and not parts.netloc.startswith(":"):
        found["host"] = unquote(parts.hostname)
    try:
        port = parts.port
    except ValueError:  # sqlite://:memory: has no port
        port = None
    if port:
        found["port"] = port
    if parts.username:
        found["username"] = unquote(parts.username)
    if parts.password is not None:
        found["password"] = unquote(parts.password)
    path = parts.path
    if parts.netloc == ":memory:":
        found["database"] = ":memory:"
    elif path and path != "/":
        # As Laravel (and SQLAlchemy): sqlite:////abs/db.sqlite is absolute.
        found["database"] = unquote(path[1:])
    for key, raw in parse_qsl(parts.query, keep_blank_values=True):
        found[key] = _scalar(raw)
    return {**merged, **found}
