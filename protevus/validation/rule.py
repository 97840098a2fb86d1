"""Make rule objects: ``Rule.in_([...])``, ``Rule.unique('users').ignore(id)``...

Laravel: ``Illuminate\\Validation\\Rule``.
"""

from __future__ import annotations

import enum
import typing as t

from protevus.support.aliases import CamelAliases
from protevus.validation.rules.conditional import ExcludeIf
from protevus.validation.rules.conditional import ProhibitedIf
from protevus.validation.rules.conditional import RequiredIf
from protevus.validation.rules.dimensions import Dimensions
from protevus.validation.rules.enum import Enum
from protevus.validation.rules.exists import Exists
from protevus.validation.rules.file import File
from protevus.validation.rules.file import ImageFile
from protevus.validation.rules.in_ import In as In
from protevus.validation.rules.in_ import NotIn as NotIn
from protevus.validation.rules.unique import Unique


class Rule(CamelAliases):
    """Make rule objects: ``Rule.in_(['draft', 'published'])``.

    Laravel: ``Illuminate\\Validation\\Rule``.
    """

    @staticmethod
    def in_(values: t.Iterable[t.Any], *more: t.Any) -> In:
        """Return a rule passing values in the list.

        Laravel: ``Rule::in()``.
        """
        items = [values] if isinstance(values, str) else list(values)
        return In([*items, *more])

    @staticmethod
    def not_in(values: t.Iterable[t.Any], *more: t.Any) -> NotIn:
        """Return a rule passing values not in the list.

        Laravel: ``Rule::notIn()``.
        """
        items = [values] if isinstance(values, str) else list(values)
        return NotIn([*items, *more])

    @staticmethod
    def unique(table: t.Any, column: str = "NULL") -> Unique:
        """Return a ``unique`` rule on a table name, ``'conn.table'`` or model class.

        Laravel: ``Rule::unique()``.
        """
        return Unique(table, column)

    @staticmethod
    def exists(table: t.Any, column: str = "NULL") -> Exists:
        """Return an ``exists`` rule on a table name, ``'conn.table'`` or model class.

        Laravel: ``Rule::exists()``.
        """
        return Exists(table, column)

    @staticmethod
    def enum(type_: type[enum.Enum]) -> Enum:
        """Return a rule passing members (or values) of an enum class.

        Laravel: ``Rule::enum()``.
        """
        return Enum(type_)

    @staticmethod
    def dimensions(constraints: t.Mapping[str, t.Any] | None = None) -> Dimensions:
        """Return an image ``dimensions`` rule. Laravel: ``Rule::dimensions()``."""
        return Dimensions(constraints)

    @staticmethod
    def file() -> File:
        """Return a ``File`` rule. Laravel: ``Rule::file()``."""
        return File()

    @staticmethod
    def image_file(allow_svg: bool = False) -> ImageFile:
        """Return an image ``File`` rule. Laravel: ``Rule::imageFile()``."""
        return ImageFile(allow_svg)

    @staticmethod
    def required_if(condition: bool | t.Callable[[], t.Any]) -> RequiredIf:
        """Return ``required`` when the condition holds. Laravel: ``Rule::requiredIf()``."""
        return RequiredIf(condition)

    @staticmethod
    def prohibited_if(condition: bool | t.Callable[[], t.Any]) -> ProhibitedIf:
        """Return ``prohibited`` when the condition holds. Laravel: ``Rule::prohibitedIf()``."""
        return ProhibitedIf(condition)

    @staticmethod
    def exclude_if(condition: bool | t.Callable[[], t.Any]) -> ExcludeIf:
        """Return ``exclude`` when the condition holds. Laravel: ``Rule::excludeIf()``."""
        return ExcludeIf(condition)
