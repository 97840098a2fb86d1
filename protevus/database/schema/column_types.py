"""Translate Laravel column definitions into SQLAlchemy columns for each driver.

Laravel: the ``type*`` and ``modify*`` methods of the schema grammars
(``Illuminate\\Database\\Schema\\Grammars\\*Grammar``).
"""

from __future__ import annotations

import enum
import typing as t

import sqlalchemy as sa
from sqlalchemy.dialects import mysql
from sqlalchemy.dialects import postgresql

from protevus.database.exceptions import SchemaError
from protevus.database.query.expression import Expression

if t.TYPE_CHECKING:
    from protevus.database.schema.column_definition import ColumnDefinition

_INTEGERS = ("tinyInteger", "smallInteger", "mediumInteger", "integer", "bigInteger")
_MYSQL_INTEGERS: dict[str, t.Any] = {
    "tinyInteger": mysql.TINYINT,
    "smallInteger": mysql.SMALLINT,
    "mediumInteger": mysql.MEDIUMINT,
    "integer": mysql.INTEGER,
    "bigInteger": mysql.BIGINT,
}
_PG_INTEGERS: dict[str, t.Any] = {
    "tinyInteger": sa.SmallInteger,
    "smallInteger": sa.SmallInteger,
    "mediumInteger": sa.Integer,
    "integer": sa.Integer,
    "bigInteger": sa.BigInteger,
}
_TEXTS = ("tinyText", "text", "mediumText", "longText")


def is_mysql(driver: str) -> bool:
    """Return whether ``driver`` speaks MySQL's dialect (``mysql`` or ``mariadb``)."""
    return driver in ("mysql", "mariadb")


def _precision(column: ColumnDefinition) -> int | None:
    value = column.get("precision")
    return None if value is None else int(value)


def _string_type(
    column: ColumnDefinition, driver: str, kind: str
) -> sa.types.TypeEngine[t.Any]:
    length = column.get("length")
    collation = column.get("collation")
    if is_mysql(driver):
        options = {"charset": column.get("charset"), "collation": collation}
        if kind == "char":
            return mysql.CHAR(length, **options)
        if kind == "string":
            return mysql.VARCHAR(length, **options)
        texts = {
            "tinyText": mysql.TINYTEXT,
            "text": mysql.TEXT,
            "mediumText": mysql.MEDIUMTEXT,
            "longText": mysql.LONGTEXT,
        }
        return t.cast(sa.types.TypeEngine[t.Any], texts[kind](**options))
    if kind == "char":
        return sa.CHAR(length, collation=collation)
    if kind == "string" or (kind == "tinyText" and driver == "pgsql"):
        return sa.String(length or 255, collation=collation)
    return sa.Text(collation=collation)


def _date_type(
    column: ColumnDefinition, driver: str, kind: str
) -> sa.types.TypeEngine[t.Any]:
    precision = _precision(column)
    timezone = kind.endswith("Tz")
    base = kind[:-2] if timezone else kind
    if driver == "pgsql":
        if base == "time":
            return postgresql.TIME(timezone=timezone, precision=precision)
        return postgresql.TIMESTAMP(timezone=timezone, precision=precision)
    if is_mysql(driver):
        fsp = precision or None
        if base == "time":
            return mysql.TIME(fsp=fsp)
        if base == "timestamp":
            return mysql.TIMESTAMP(fsp=fsp)
        return mysql.DATETIME(fsp=fsp)
    return sa.Time() if base == "time" else sa.DateTime()


def column_type(column: ColumnDefinition, driver: str) -> sa.types.TypeEngine[t.Any]:
    """Return the SQLAlchemy type of ``column`` on ``driver``.

    Laravel: ``Grammar::getType()`` and the per-driver ``type*()`` methods.
    """
    kind = column.type
    if kind in _INTEGERS:
        if driver == "sqlite":
            return sa.Integer()
        if is_mysql(driver):
            return t.cast(
                sa.types.TypeEngine[t.Any],
                _MYSQL_INTEGERS[kind](unsigned=bool(column.get("unsigned"))),
            )
        return t.cast(sa.types.TypeEngine[t.Any], _PG_INTEGERS[kind]())
    if kind in ("char", "string") or kind in _TEXTS:
        return _string_type(column, driver, kind)
    if kind in ("dateTime", "dateTimeTz", "time", "timeTz", "timestamp", "timestampTz"):
        return _date_type(column, driver, kind)
    pg = driver == "pgsql"
    my = is_mysql(driver)
    simple: dict[str, t.Callable[[], sa.types.TypeEngine[t.Any]]] = {
        "float": lambda: sa.Float(precision=column.get("precision")),
        "double": lambda: sa.Double(),
        "decimal": lambda: sa.Numeric(column.get("total"), column.get("places")),
        "boolean": lambda: mysql.TINYINT(1) if my else sa.Boolean(),
        "date": lambda: sa.Date(),
        "year": lambda: mysql.YEAR() if my else sa.Integer(),
        "json": lambda: sa.JSON() if pg or my else sa.Text(),
        "jsonb": lambda: postgresql.JSONB() if pg else (sa.JSON() if my else sa.Text()),
        "uuid": lambda: (
            postgresql.UUID() if pg else (mysql.CHAR(36) if my else sa.String(36))
        ),
        "ipAddress": lambda: postgresql.INET() if pg else sa.String(45),
        "macAddress": lambda: postgresql.MACADDR() if pg else sa.String(17),
    }
    if kind in simple:
        return simple[kind]()
    if kind == "enum":
        if my:
            return mysql.ENUM(*column.get("allowed"), charset=column.get("charset"))
        return sa.String(255, collation=column.get("collation"))
    if kind == "set":
        if my:
            return mysql.SET(*column.get("allowed"))
        raise SchemaError(
            f"The [set] column type of [{column.name}] needs MySQL or MariaDB."
        )
    if kind == "binary":
        length = column.get("length")
        if my and length:
            return (
                mysql.BINARY(length) if column.get("fixed") else mysql.VARBINARY(length)
            )
        return postgresql.BYTEA() if pg else sa.LargeBinary()
    raise SchemaError(
        f"Column type [{kind}] of column [{column.name}] is not supported."
    )


def default_value(value: t.Any) -> t.Any:
    """Turn a ``default()`` value into SQLAlchemy's ``server_default``.

    Laravel: ``Grammar::getDefaultValue()`` (booleans become ``'1'``/``'0'``).
    """
    if isinstance(value, Expression):
        return sa.text(str(value.get_value()))
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def server_default(column: ColumnDefinition, driver: str) -> t.Any:
    """Return the ``server_default`` of ``column`` (defaults, ``use_current``, MySQL's ON UPDATE)."""
    precision = _precision(column)
    now = "CURRENT_TIMESTAMP"
    if is_mysql(driver) and precision:
        now += f"({precision})"
    on_update = (
        f" ON UPDATE {now}"
        if is_mysql(driver) and column.get("use_current_on_update")
        else ""
    )
    if column.get("use_current"):
        return sa.text(now + on_update)
    value = column.get("default")
    if value is None:
        return sa.text("NULL" + on_update) if on_update else None
    result = default_value(value)
    if on_update:
        literal = (
            str(result)
            if isinstance(result, sa.TextClause)
            else quote_literal(str(result), driver)
        )
        return sa.text(literal + on_update)
    return result


def quote_literal(value: str, driver: str) -> str:
    """Quote ``value`` as an SQL string literal for ``driver``.

    MySQL reads a backslash as an escape inside string literals, so it is doubled
    there; otherwise ``x\\'`` would end the literal early (SQL injection through a
    comment or default). Standard SQL (SQLite, PostgreSQL) only doubles quotes.
    """
    if is_mysql(driver):
        value = value.replace("\\", "\\\\")
    return "'" + value.replace("'", "''") + "'"


def build_column(
    column: ColumnDefinition, driver: str, quote: t.Callable[[str], str]
) -> sa.Column[t.Any]:
    """Build the SQLAlchemy ``Column`` of a definition for ``driver``.

    ``quote`` quotes an identifier for the enum check constraint of PostgreSQL/SQLite.
    """
    args: list[t.Any] = []
    generated = column.get("stored_as") or column.get("virtual_as")
    if generated is not None:
        persisted = column.get("stored_as") is not None
        if driver == "pgsql" and not persisted:
            raise SchemaError(
                f"PostgreSQL cannot make [{column.name}] a virtual column: use stored_as()."
            )
        expression = (
            generated.get_value() if isinstance(generated, Expression) else generated
        )
        args.append(sa.Computed(str(expression), persisted=persisted))
    if column.type == "enum" and not is_mysql(driver):
        allowed = ", ".join(
            quote_literal(str(v), driver) for v in column.get("allowed")
        )
        args.append(sa.CheckConstraint(f"{quote(column.name)} in ({allowed})"))
    auto = bool(column.get("auto_increment"))
    return sa.Column(
        column.name,
        column_type(column, driver),
        *args,
        # Generated columns stay nullable unless nullable(False) says so (as Laravel).
        nullable=not auto and bool(column.get("nullable", generated is not None)),
        primary_key=auto,
        autoincrement=auto,
        server_default=None
        if generated is not None
        else server_default(column, driver),
        comment=column.get("comment"),
    )
