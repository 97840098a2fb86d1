"""The ``enum`` rule: ``Rule.enum(Status)`` passes a member or one of its values.

Laravel: ``Illuminate\\Validation\\Rules\\Enum``.
"""

from __future__ import annotations

import enum
import typing as t

from protevus.support.aliases import CamelAliases


class Enum(CamelAliases):
    """Pass a member of an enum class, or a value that converts to one.

    ``only()`` and ``except_()`` narrow the allowed members.

    Laravel: ``Illuminate\\Validation\\Rules\\Enum``.
    """

    def __init__(self, type_: type[enum.Enum]) -> None:
        if not (isinstance(type_, type) and issubclass(type_, enum.Enum)):
            raise TypeError(
                f"Enum rule type [{type_!r}] is not an Enum class; pass the class, "
                "as Rule.enum(Status)."
            )
        self.type = type_
        self.allowed: list[enum.Enum] | None = None
        self.excluded: list[enum.Enum] = []

    def only(self, values: enum.Enum | t.Iterable[enum.Enum]) -> Enum:
        """Allow only these members. Laravel: ``Enum::only()``."""
        self.allowed = _members(values)
        return self

    def except_(self, values: enum.Enum | t.Iterable[enum.Enum]) -> Enum:
        """Allow every member but these. Laravel: ``Enum::except()``."""
        self.excluded = _members(values)
        return self

    def validate(
        self, attribute: str, value: t.Any, fail: t.Callable[[str], t.Any]
    ) -> None:
        """Fail with ``validation.enum`` unless the value is an allowed member.

        Laravel: ``Enum::passes()``.
        """
        member = value if isinstance(value, self.type) else self._try_from(value)
        if member is None or not self._is_allowed(member):
            fail("validation.enum")

    def _try_from(self, value: t.Any) -> enum.Enum | None:
        if value is None or isinstance(value, bool | list | dict):
            return None
        candidates = [value]
        if isinstance(value, str) and value.strip().lstrip("+-").isdigit():
            candidates.append(int(value))
        for candidate in candidates:
            try:
                return self.type(candidate)
            except (ValueError, TypeError):
                continue
        return None

    def _is_allowed(self, member: enum.Enum) -> bool:
        if self.allowed is not None and member not in self.allowed:
            return False
        return member not in self.excluded

    def __repr__(self) -> str:
        return f"<Enum rule {self.type.__name__}>"


def _members(values: enum.Enum | t.Iterable[enum.Enum]) -> list[enum.Enum]:
    return [values] if isinstance(values, enum.Enum) else list(values)
