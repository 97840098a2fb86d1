"""The column type methods of a blueprint (``string``, ``big_integer``, ``timestamps``...).

Laravel: the column methods of ``Illuminate\\Database\\Schema\\Blueprint``.
"""

from __future__ import annotations

import typing as t

from protevus.database.schema.column_definition import ColumnDefinition
from protevus.database.schema.foreign_id_column_definition import (
    ForeignIdColumnDefinition,
)
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.database.schema.blueprint import Blueprint


class DefinesColumnTypes(CamelAliases):
    """Add Laravel's column types to :class:`~protevus.database.schema.blueprint.Blueprint`."""

    #: Laravel: ``Builder::$defaultStringLength``.
    default_string_length: t.ClassVar[int | None] = 255
    #: Laravel: ``Builder::$defaultMorphKeyType`` (``int``, ``uuid`` or ``ulid``).
    default_morph_key_type: t.ClassVar[str] = "int"

    def add_column(
        self, type_: str, name: str, **parameters: t.Any
    ) -> ColumnDefinition:
        raise NotImplementedError  # pragma: no cover - Blueprint defines it

    def _blueprint(self) -> Blueprint:
        return t.cast("Blueprint", self)

    # -- auto-incrementing keys -----------------------------------------------------

    def id(self, column: str = "id") -> ColumnDefinition:
        """Add an auto-incrementing big integer primary key. Laravel: ``$table->id()``."""
        return self.big_increments(column)

    def increments(self, column: str) -> ColumnDefinition:
        """Add an auto-incrementing unsigned integer primary key. Laravel: ``increments()``."""
        return self.unsigned_integer(column, True)

    def integer_increments(self, column: str) -> ColumnDefinition:
        """Add an auto-incrementing integer key. Laravel: ``integerIncrements()``."""
        return self.unsigned_integer(column, True)

    def tiny_increments(self, column: str) -> ColumnDefinition:
        """Add an auto-incrementing tiny integer key. Laravel: ``tinyIncrements()``."""
        return self.unsigned_tiny_integer(column, True)

    def small_increments(self, column: str) -> ColumnDefinition:
        """Add an auto-incrementing small integer key. Laravel: ``smallIncrements()``."""
        return self.unsigned_small_integer(column, True)

    def medium_increments(self, column: str) -> ColumnDefinition:
        """Add an auto-incrementing medium integer key. Laravel: ``mediumIncrements()``."""
        return self.unsigned_medium_integer(column, True)

    def big_increments(self, column: str) -> ColumnDefinition:
        """Add an auto-incrementing big integer key. Laravel: ``bigIncrements()``."""
        return self.unsigned_big_integer(column, True)

    # -- integers -------------------------------------------------------------------

    def integer(
        self, column: str, auto_increment: bool = False, unsigned: bool = False
    ) -> ColumnDefinition:
        """Add an INTEGER column. Laravel: ``integer()``."""
        return self._integer("integer", column, auto_increment, unsigned)

    def tiny_integer(
        self, column: str, auto_increment: bool = False, unsigned: bool = False
    ) -> ColumnDefinition:
        """Add a TINYINT column (SMALLINT on PostgreSQL). Laravel: ``tinyInteger()``."""
        return self._integer("tinyInteger", column, auto_increment, unsigned)

    def small_integer(
        self, column: str, auto_increment: bool = False, unsigned: bool = False
    ) -> ColumnDefinition:
        """Add a SMALLINT column. Laravel: ``smallInteger()``."""
        return self._integer("smallInteger", column, auto_increment, unsigned)

    def medium_integer(
        self, column: str, auto_increment: bool = False, unsigned: bool = False
    ) -> ColumnDefinition:
        """Add a MEDIUMINT column (INTEGER elsewhere). Laravel: ``mediumInteger()``."""
        return self._integer("mediumInteger", column, auto_increment, unsigned)

    def big_integer(
        self, column: str, auto_increment: bool = False, unsigned: bool = False
    ) -> ColumnDefinition:
        """Add a BIGINT column. Laravel: ``bigInteger()``."""
        return self._integer("bigInteger", column, auto_increment, unsigned)

    def unsigned_integer(
        self, column: str, auto_increment: bool = False
    ) -> ColumnDefinition:
        """Add an unsigned INTEGER column. Laravel: ``unsignedInteger()``."""
        return self.integer(column, auto_increment, True)

    def unsigned_tiny_integer(
        self, column: str, auto_increment: bool = False
    ) -> ColumnDefinition:
        """Add an unsigned TINYINT column. Laravel: ``unsignedTinyInteger()``."""
        return self.tiny_integer(column, auto_increment, True)

    def unsigned_small_integer(
        self, column: str, auto_increment: bool = False
    ) -> ColumnDefinition:
        """Add an unsigned SMALLINT column. Laravel: ``unsignedSmallInteger()``."""
        return self.small_integer(column, auto_increment, True)

    def unsigned_medium_integer(
        self, column: str, auto_increment: bool = False
    ) -> ColumnDefinition:
        """Add an unsigned MEDIUMINT column. Laravel: ``unsignedMediumInteger()``."""
        return self.medium_integer(column, auto_increment, True)

    def unsigned_big_integer(
        self, column: str, auto_increment: bool = False
    ) -> ColumnDefinition:
        """Add an unsigned BIGINT column. Laravel: ``unsignedBigInteger()``."""
        return self.big_integer(column, auto_increment, True)

    def _integer(
        self, type_: str, column: str, auto_increment: bool, unsigned: bool
    ) -> ColumnDefinition:
        return self.add_column(
            type_, column, auto_increment=auto_increment, unsigned=unsigned
        )

    # -- foreign ids ----------------------------------------------------------------

    def foreign_id(self, column: str) -> ForeignIdColumnDefinition:
        """Add an unsigned BIGINT column that ``constrained()`` can turn into a foreign key.

        Laravel: ``foreignId()``.
        """
        return self._add_foreign_id_column(
            "bigInteger", column, auto_increment=False, unsigned=True
        )

    def foreign_uuid(self, column: str) -> ForeignIdColumnDefinition:
        """Add a UUID column that can reference another table. Laravel: ``foreignUuid()``."""
        return self._add_foreign_id_column("uuid", column)

    def foreign_ulid(self, column: str, length: int = 26) -> ForeignIdColumnDefinition:
        """Add a ULID column that can reference another table. Laravel: ``foreignUlid()``."""
        return self._add_foreign_id_column("char", column, length=length)

    def _add_foreign_id_column(
        self, type_: str, column: str, **parameters: t.Any
    ) -> ForeignIdColumnDefinition:
        definition = ForeignIdColumnDefinition(
            self._blueprint(), {"type": type_, "name": column, **parameters}
        )
        return t.cast(
            ForeignIdColumnDefinition,
            self._blueprint().add_column_definition(definition),
        )

    # -- numbers --------------------------------------------------------------------

    def float(self, column: str, precision: int = 53) -> ColumnDefinition:
        """Add a FLOAT column of ``precision`` bits. Laravel: ``float()``."""
        return self.add_column("float", column, precision=precision)

    def double(self, column: str) -> ColumnDefinition:
        """Add a DOUBLE PRECISION column. Laravel: ``double()``."""
        return self.add_column("double", column)

    def decimal(self, column: str, total: int = 8, places: int = 2) -> ColumnDefinition:
        """Add a DECIMAL(total, places) column. Laravel: ``decimal()``."""
        return self.add_column("decimal", column, total=total, places=places)

    def boolean(self, column: str) -> ColumnDefinition:
        """Add a BOOLEAN column (TINYINT(1) on MySQL). Laravel: ``boolean()``."""
        return self.add_column("boolean", column)

    # -- strings --------------------------------------------------------------------

    def char(self, column: str, length: int | None = None) -> ColumnDefinition:
        """Add a CHAR column (default length 255). Laravel: ``char()``."""
        return self.add_column(
            "char", column, length=length or self.default_string_length
        )

    def string(self, column: str, length: int | None = None) -> ColumnDefinition:
        """Add a VARCHAR column (default length 255). Laravel: ``string()``."""
        return self.add_column(
            "string", column, length=length or self.default_string_length
        )

    def tiny_text(self, column: str) -> ColumnDefinition:
        """Add a TINYTEXT column (VARCHAR(255) on PostgreSQL). Laravel: ``tinyText()``."""
        return self.add_column("tinyText", column)

    def text(self, column: str) -> ColumnDefinition:
        """Add a TEXT column. Laravel: ``text()``."""
        return self.add_column("text", column)

    def medium_text(self, column: str) -> ColumnDefinition:
        """Add a MEDIUMTEXT column (TEXT elsewhere). Laravel: ``mediumText()``."""
        return self.add_column("mediumText", column)

    def long_text(self, column: str) -> ColumnDefinition:
        """Add a LONGTEXT column (TEXT elsewhere). Laravel: ``longText()``."""
        return self.add_column("longText", column)

    def enum(self, column: str, allowed: t.Sequence[str]) -> ColumnDefinition:
        """Add a column restricted to ``allowed`` values. Laravel: ``enum()``."""
        return self.add_column("enum", column, allowed=list(allowed))

    def set_(self, column: str, allowed: t.Sequence[str]) -> ColumnDefinition:
        """Add a MySQL SET column. Laravel: ``set()``."""
        return self.add_column("set", column, allowed=list(allowed))

    def json(self, column: str) -> ColumnDefinition:
        """Add a JSON column (TEXT on SQLite). Laravel: ``json()``."""
        return self.add_column("json", column)

    def jsonb(self, column: str) -> ColumnDefinition:
        """Add a JSONB column (JSON on MySQL, TEXT on SQLite). Laravel: ``jsonb()``."""
        return self.add_column("jsonb", column)

    def uuid(self, column: str = "uuid") -> ColumnDefinition:
        """Add a UUID column (CHAR(36) on MySQL). Laravel: ``uuid()``."""
        return self.add_column("uuid", column)

    def ulid(self, column: str = "ulid", length: int = 26) -> ColumnDefinition:
        """Add a ULID column, a CHAR(26). Laravel: ``ulid()``."""
        return self.char(column, length)

    def ip_address(self, column: str = "ip_address") -> ColumnDefinition:
        """Add an IP address column (INET on PostgreSQL). Laravel: ``ipAddress()``."""
        return self.add_column("ipAddress", column)

    def mac_address(self, column: str = "mac_address") -> ColumnDefinition:
        """Add a MAC address column (MACADDR on PostgreSQL). Laravel: ``macAddress()``."""
        return self.add_column("macAddress", column)

    def binary(
        self, column: str, length: int | None = None, fixed: bool = False
    ) -> ColumnDefinition:
        """Add a binary column (BLOB, BYTEA, or (VAR)BINARY with a length on MySQL).

        Laravel: ``binary()``.
        """
        return self.add_column("binary", column, length=length, fixed=fixed)

    # -- dates and times ------------------------------------------------------------

    def date(self, column: str) -> ColumnDefinition:
        """Add a DATE column. Laravel: ``date()``."""
        return self.add_column("date", column)

    def date_time(self, column: str, precision: int | None = 0) -> ColumnDefinition:
        """Add a DATETIME column. Laravel: ``dateTime()``."""
        return self.add_column("dateTime", column, precision=precision)

    def datetime(self, column: str, precision: int | None = 0) -> ColumnDefinition:
        """Add a DATETIME column (alias of :meth:`date_time`)."""
        return self.date_time(column, precision)

    def date_time_tz(self, column: str, precision: int | None = 0) -> ColumnDefinition:
        """Add a DATETIME column with time zone. Laravel: ``dateTimeTz()``."""
        return self.add_column("dateTimeTz", column, precision=precision)

    def time(self, column: str, precision: int | None = 0) -> ColumnDefinition:
        """Add a TIME column. Laravel: ``time()``."""
        return self.add_column("time", column, precision=precision)

    def time_tz(self, column: str, precision: int | None = 0) -> ColumnDefinition:
        """Add a TIME column with time zone. Laravel: ``timeTz()``."""
        return self.add_column("timeTz", column, precision=precision)

    def timestamp(self, column: str, precision: int | None = 0) -> ColumnDefinition:
        """Add a TIMESTAMP column. Laravel: ``timestamp()``."""
        return self.add_column("timestamp", column, precision=precision)

    def timestamp_tz(self, column: str, precision: int | None = 0) -> ColumnDefinition:
        """Add a TIMESTAMP column with time zone. Laravel: ``timestampTz()``."""
        return self.add_column("timestampTz", column, precision=precision)

    def timestamps(self, precision: int | None = 0) -> None:
        """Add nullable ``created_at`` and ``updated_at`` timestamps. Laravel: ``timestamps()``."""
        self.timestamp("created_at", precision).nullable()
        self.timestamp("updated_at", precision).nullable()

    def nullable_timestamps(self, precision: int | None = 0) -> None:
        """Add nullable timestamps (alias of :meth:`timestamps`). Laravel: ``nullableTimestamps()``."""
        self.timestamps(precision)

    def timestamps_tz(self, precision: int | None = 0) -> None:
        """Add nullable time-zone-aware timestamps. Laravel: ``timestampsTz()``."""
        self.timestamp_tz("created_at", precision).nullable()
        self.timestamp_tz("updated_at", precision).nullable()

    def datetimes(self, precision: int | None = 0) -> None:
        """Add nullable ``created_at`` and ``updated_at`` DATETIME columns. Laravel: ``datetimes()``."""
        self.date_time("created_at", precision).nullable()
        self.date_time("updated_at", precision).nullable()

    def soft_deletes(
        self, column: str = "deleted_at", precision: int | None = 0
    ) -> ColumnDefinition:
        """Add the nullable ``deleted_at`` timestamp of soft deletes. Laravel: ``softDeletes()``."""
        return self.timestamp(column, precision).nullable()

    def soft_deletes_tz(
        self, column: str = "deleted_at", precision: int | None = 0
    ) -> ColumnDefinition:
        """Add a nullable time-zone-aware ``deleted_at``. Laravel: ``softDeletesTz()``."""
        return self.timestamp_tz(column, precision).nullable()

    def soft_deletes_datetime(
        self, column: str = "deleted_at", precision: int | None = 0
    ) -> ColumnDefinition:
        """Add a nullable DATETIME ``deleted_at``. Laravel: ``softDeletesDatetime()``."""
        return self.date_time(column, precision).nullable()

    def year(self, column: str) -> ColumnDefinition:
        """Add a YEAR column (INTEGER outside MySQL). Laravel: ``year()``."""
        return self.add_column("year", column)

    # -- composite columns ----------------------------------------------------------

    def remember_token(self) -> ColumnDefinition:
        """Add the nullable ``remember_token`` VARCHAR(100). Laravel: ``rememberToken()``."""
        return self.string("remember_token", 100).nullable()

    def morphs(self, name: str, index_name: str | None = None) -> None:
        """Add ``{name}_type`` and ``{name}_id`` columns and an index on them.

        The id is an unsigned BIGINT, or a UUID/ULID after
        ``Schema.default_morph_key_type('uuid')``. Laravel: ``morphs()``.
        """
        key = self.default_morph_key_type
        if key == "uuid":
            self.uuid_morphs(name, index_name)
        elif key == "ulid":
            self.ulid_morphs(name, index_name)
        else:
            self.numeric_morphs(name, index_name)

    def nullable_morphs(self, name: str, index_name: str | None = None) -> None:
        """Add nullable polymorphic columns and their index. Laravel: ``nullableMorphs()``."""
        key = self.default_morph_key_type
        if key == "uuid":
            self.nullable_uuid_morphs(name, index_name)
        elif key == "ulid":
            self.nullable_ulid_morphs(name, index_name)
        else:
            self.nullable_numeric_morphs(name, index_name)

    def numeric_morphs(self, name: str, index_name: str | None = None) -> None:
        """Add polymorphic columns with a BIGINT id. Laravel: ``numericMorphs()``."""
        self.string(f"{name}_type")
        self.unsigned_big_integer(f"{name}_id")
        self._blueprint().index([f"{name}_type", f"{name}_id"], index_name)

    def nullable_numeric_morphs(self, name: str, index_name: str | None = None) -> None:
        """Add nullable polymorphic columns with a BIGINT id. Laravel: ``nullableNumericMorphs()``."""
        self.string(f"{name}_type").nullable()
        self.unsigned_big_integer(f"{name}_id").nullable()
        self._blueprint().index([f"{name}_type", f"{name}_id"], index_name)

    def uuid_morphs(self, name: str, index_name: str | None = None) -> None:
        """Add polymorphic columns with a UUID id. Laravel: ``uuidMorphs()``."""
        self.string(f"{name}_type")
        self.uuid(f"{name}_id")
        self._blueprint().index([f"{name}_type", f"{name}_id"], index_name)

    def nullable_uuid_morphs(self, name: str, index_name: str | None = None) -> None:
        """Add nullable polymorphic columns with a UUID id. Laravel: ``nullableUuidMorphs()``."""
        self.string(f"{name}_type").nullable()
        self.uuid(f"{name}_id").nullable()
        self._blueprint().index([f"{name}_type", f"{name}_id"], index_name)

    def ulid_morphs(self, name: str, index_name: str | None = None) -> None:
        """Add polymorphic columns with a ULID id. Laravel: ``ulidMorphs()``."""
        self.string(f"{name}_type")
        self.ulid(f"{name}_id")
        self._blueprint().index([f"{name}_type", f"{name}_id"], index_name)

    def nullable_ulid_morphs(self, name: str, index_name: str | None = None) -> None:
        """Add nullable polymorphic columns with a ULID id. Laravel: ``nullableUlidMorphs()``."""
        self.string(f"{name}_type").nullable()
        self.ulid(f"{name}_id").nullable()
        self._blueprint().index([f"{name}_type", f"{name}_id"], index_name)
