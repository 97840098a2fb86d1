"""Build MySQL and MariaDB engines through PyMySQL.

Laravel: ``Illuminate\\Database\\Connectors\\MySqlConnector`` and
``MariaDbConnector``.
"""

from __future__ import annotations

import typing as t

from protevus.database.connectors.connector import Connector

if t.TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL

#: Laravel's ``strict => true`` modes (MySQL 8 / MariaDB).
STRICT_MODES = (
    "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
    "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION"
)

_SSL_OPTIONS = {"ssl_ca": "ca", "ssl_cert": "cert", "ssl_key": "key"}


def _literal(value: t.Any) -> str:
    return "'" + str(value).replace("\\", "\\\\").replace("'", "''") + "'"


class MySqlConnector(Connector):
    """Connect with ``mysql+pymysql``; apply charset + collation, strict mode, timezone.

    Affected-row counts follow PDO (rows changed, not rows matched), and a raw
    ``unprepared()`` call may hold several statements.

    Laravel: ``Illuminate\\Database\\Connectors\\MySqlConnector``.
    """

    def url(self, config: t.Mapping[str, t.Any]) -> URL:
        """Build the ``mysql+pymysql`` URL from host, port, database, user."""
        from sqlalchemy.engine import URL

        query: dict[str, str] = {}
        if config.get("unix_socket"):
            query["unix_socket"] = str(config["unix_socket"])
        return URL.create(
            "mysql+pymysql",
            username=config.get("username") or None,
            password=config.get("password") or None,
            host=None if query else (config.get("host") or None),
            port=None if query or not config.get("port") else int(config["port"]),
            database=config.get("database") or None,
            query=query,
        )

    def engine_options(self, config: t.Mapping[str, t.Any]) -> dict[str, t.Any]:
        """Pass the charset and SSL options to PyMySQL."""
        args: dict[str, t.Any] = {"charset": config.get("charset") or "utf8mb4"}
        options = dict(config.get("options") or {})
        ssl = {
            name: options.pop(key)
            for key, name in _SSL_OPTIONS.items()
            if options.get(key)
        }
        if ssl:
            args["ssl"] = ssl
        args.update(options)
        return {"connect_args": args}

    def on_connect(self, config: t.Mapping[str, t.Any]) -> list[str]:
        """Set names/collation, time zone, isolation level and SQL modes.

        Laravel: ``MySqlConnector::configureConnection()``.
        """
        statements = []
        charset = config.get("charset") or "utf8mb4"
        names = f"set names {_literal(charset)}"
        if config.get("collation"):
            names += f" collate {_literal(config['collation'])}"
        statements.append(names)
        if config.get("timezone"):
            statements.append(f"set time_zone={_literal(config['timezone'])}")
        if config.get("isolation_level"):
            level = str(config["isolation_level"]).upper()
            if level.replace(" ", "").isalpha():
                statements.append(f"SET SESSION TRANSACTION ISOLATION LEVEL {level}")
        if config.get("modes"):
            modes = config["modes"]
            text = modes if isinstance(modes, str) else ",".join(modes)
            statements.append(f"set session sql_mode={_literal(text)}")
        elif "strict" in config and config["strict"] is not None:
            mode = STRICT_MODES if config["strict"] else "NO_ENGINE_SUBSTITUTION"
            statements.append(f"set session sql_mode={_literal(mode)}")
        return statements

    def configure_engine(self, engine: Engine, config: t.Mapping[str, t.Any]) -> None:
        """Count changed rows as PDO does and allow multi-statement raw SQL."""
        from sqlalchemy import event

        @event.listens_for(engine, "do_connect")
        def client_flags(
            dialect: t.Any, record: t.Any, cargs: t.Any, cparams: dict[str, t.Any]
        ) -> None:
            from pymysql.constants import CLIENT  # type: ignore[import-untyped]

            flags = int(cparams.get("client_flag", 0))
            cparams["client_flag"] = (
                flags & ~CLIENT.FOUND_ROWS
            ) | CLIENT.MULTI_STATEMENTS


class MariaDbConnector(MySqlConnector):
    """Connect to MariaDB (same protocol as MySQL).

    Laravel: ``Illuminate\\Database\\Connectors\\MariaDbConnector``.
    """
