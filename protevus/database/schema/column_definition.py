"""One column of a blueprint: its type, parameters and modifiers.

Laravel: ``Illuminate\\Database\\Schema\\ColumnDefinition``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases

_Self = t.TypeVar("_Self", bound="ColumnDefinition")


class ColumnDefinition(CamelAliases):
    """Describe a column and chain its modifiers (``nullable()``, ``default()``...).

    Every modifier returns the definition itself, so calls chain as in Laravel::

        table.string('email').nullable().unique()

    Read the collected values with :meth:`get` (``column.get('nullable')``).

    Laravel: ``Illuminate\\Database\\Schema\\ColumnDefinition`` (a ``Fluent``).
    """

    def __init__(self, attributes: t.Mapping[str, t.Any] | None = None) -> None:
        self.attributes: dict[str, t.Any] = dict(attributes or {})

    # -- fluent storage -------------------------------------------------------------

    @property
    def name(self) -> str:
        """The column's name."""
        return str(self.attributes["name"])

    @property
    def type(self) -> str:
        """The Laravel type name of the column (``string``, ``bigInteger``...)."""
        return str(self.attributes["type"])

    def get(self, key: str, default: t.Any = None) -> t.Any:
        """Get one attribute of the definition. Laravel: ``Fluent::get()``."""
        return self.attributes.get(key, default)

    def set(self: _Self, key: str, value: t.Any = True) -> _Self:
        """Set one attribute of the definition and return the definition."""
        self.attributes[key] = value
        return self

    def to_dict(self) -> dict[str, t.Any]:
        """Return the attributes as a dict. Laravel: ``Fluent::toArray()``."""
        return dict(self.attributes)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.attributes!r})"

    # -- modifiers ------------------------------------------------------------------

    def nullable(self: _Self, value: bool = True) -> _Self:
        """Allow NULL values in the column. Laravel: ``->nullable()``."""
        return self.set("nullable", value)

    def default(self: _Self, value: t.Any) -> _Self:
        """Give the column a default value (an ``Expression`` stays raw SQL).

        Laravel: ``->default($value)``.
        """
        return self.set("default", value)

    def unsigned(self: _Self) -> _Self:
        """Make an integer column unsigned (MySQL only). Laravel: ``->unsigned()``."""
        return self.set("unsigned", True)

    def auto_increment(self: _Self) -> _Self:
        """Make an integer column an auto-incrementing primary key. Laravel: ``->autoIncrement()``."""
        return self.set("auto_increment", True)

    def use_current(self: _Self) -> _Self:
        """Default a timestamp column to ``CURRENT_TIMESTAMP``. Laravel: ``->useCurrent()``."""
        return self.set("use_current", True)

    def use_current_on_update(self: _Self) -> _Self:
        """Set the column to ``CURRENT_TIMESTAMP`` on update (MySQL only).

        Laravel: ``->useCurrentOnUpdate()``.
        """
        return self.set("use_current_on_update", True)

    def comment(self: _Self, comment: str) -> _Self:
        """Add a comment to the column (MySQL/PostgreSQL). Laravel: ``->comment()``."""
        return self.set("comment", comment)

    def charset(self: _Self, charset: str) -> _Self:
        """Set the column's character set (MySQL only). Laravel: ``->charset()``."""
        return self.set("charset", charset)

    def collation(self: _Self, collation: str) -> _Self:
        """Set the column's collation. Laravel: ``->collation()``."""
        return self.set("collation", collation)

    def after(self: _Self, column: str) -> _Self:
        """Place the added column after another one (MySQL only). Laravel: ``->after()``."""
        return self.set("after", column)

    def first(self: _Self) -> _Self:
        """Place the added column first in the table (MySQL only). Laravel: ``->first()``."""
        return self.set("first", True)

    def change(self: _Self) -> _Self:
        """Modify the existing column to this definition instead of adding it.

        As in Laravel 11, restate every modifier you want to keep: a changed column
        without ``nullable()`` becomes NOT NULL and one without ``default()`` loses
        its default. Laravel: ``->change()``.
        """
        return self.set("change", True)

    def virtual_as(self: _Self, expression: t.Any) -> _Self:
        """Make the column a virtual generated column. Laravel: ``->virtualAs()``."""
        return self.set("virtual_as", expression)

    def stored_as(self: _Self, expression: t.Any) -> _Self:
        """Make the column a stored generated column. Laravel: ``->storedAs()``."""
        return self.set("stored_as", expression)

    def from_(self: _Self, start: int) -> _Self:
        """Set the first value of an auto-increment column (MySQL/PostgreSQL).

        Laravel: ``->from()`` / ``->startingValue()``.
        """
        return self.set("starting_value", start)

    def starting_value(self: _Self, start: int) -> _Self:
        """Set the first value of an auto-increment column. Laravel: ``->startingValue()``."""
        return self.set("starting_value", start)

    def primary(self: _Self, value: bool = True) -> _Self:
        """Make the column the primary key. Laravel: ``->primary()``."""
        return self.set("primary", value)

    def unique(self: _Self, index_name: str | bool = True) -> _Self:
        """Add a unique index on the column (optionally named). Laravel: ``->unique()``."""
        return self.set("unique", index_name)

    def index(self: _Self, index_name: str | bool = True) -> _Self:
        """Add a plain index on the column (optionally named). Laravel: ``->index()``."""
        return self.set("index", index_name)

    def full_text(self: _Self, index_name: str | bool = True) -> _Self:
        """Add a full text index on the column (MySQL/PostgreSQL). Laravel: ``->fullText()``."""
        return self.set("full_text", index_name)

    def invisible(self: _Self) -> _Self:
        """Hide the column from ``select *`` (MySQL only). Laravel: ``->invisible()``."""
        return self.set("invisible", True)
