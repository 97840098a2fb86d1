"""Build PostgreSQL engines through psycopg 3.

Laravel: ``Illuminate\\Database\\Connectors\\PostgresConnector``.
"""

from __future__ import annotations

import typing as t

from protevus.database.connectors.connector import Connector

if t.TYPE_CHECKING:
    from sqlalchemy.engine import URL

_SSL_KEYS = ("sslmode", "sslcert", "sslkey", "sslrootcert")


def _quote_search_path(search_path: t.Any) -> str:
    """Quote each schema of a ``search_path`` setting (string, comma list or list)."""
    if isinstance(search_path, str):
        names = [part.strip().strip("'\"") for part in search_path.split(",")]
    else:
        names = [str(part) for part in search_path]
    return ", ".join('"' + name.replace('"', '""') + '"' for name in names if name)


class PostgresConnector(Connector):
    """Connect with ``postgresql+psycopg``; apply charset, search path, SSL, timezone.

    Laravel: ``Illuminate\\Database\\Connectors\\PostgresConnector``.
    """

    def url(self, config: t.Mapping[str, t.Any]) -> URL:
        """Build the ``postgresql+psycopg`` URL from host, port, database, user."""
        from sqlalchemy.engine import URL

        return URL.create(
            "postgresql+psycopg",
            username=config.get("username") or None,
            password=config.get("password") or None,
            host=config.get("host") or None,
            port=int(config["port"]) if config.get("port") else None,
            database=config.get("database") or None,
        )

    def engine_options(self, config: t.Mapping[str, t.Any]) -> dict[str, t.Any]:
        """Pass charset, SSL, application name and session options to psycopg."""
        args: dict[str, t.Any] = {}
        if config.get("charset"):
            args["client_encoding"] = config["charset"]
        for key in _SSL_KEYS:
            if config.get(key):
                args[key] = config[key]
        if config.get("application_name"):
            args["application_name"] = config["application_name"]
        if config.get("connect_timeout"):
            args["connect_timeout"] = int(config["connect_timeout"])
        args.update(config.get("options") or {})
        return {"connect_args": args}

    def on_connect(self, config: t.Mapping[str, t.Any]) -> list[str]:
        """Set the search path, timezone and synchronous_commit per the config.

        Laravel: ``PostgresConnector::configureSearchPath()`` and siblings.
        """
        statements = []
        search_path = config.get("search_path") or config.get("schema")
        if search_path:
            statements.append(f"set search_path to {_quote_search_path(search_path)}")
        if config.get("timezone"):
            zone = str(config["timezone"]).replace("'", "''")
            statements.append(f"set time zone '{zone}'")
        if config.get("synchronous_commit"):
            value = str(config["synchronous_commit"]).replace("'", "''")
            statements.append(f"set synchronous_commit to '{value}'")
        return statements
