"""One command of a blueprint (create, add a unique index, drop a column...).

Laravel: the ``Illuminate\\Support\\Fluent`` objects in ``Blueprint::$commands``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases


class Command(CamelAliases):
    """Hold the name and parameters of one schema command.

    Laravel: ``Illuminate\\Support\\Fluent`` as used by ``Blueprint::addCommand()``.
    """

    def __init__(self, name: str, **parameters: t.Any) -> None:
        self.attributes: dict[str, t.Any] = {"name": name, **parameters}

    @property
    def name(self) -> str:
        """The command's name (``create``, ``unique``, ``dropColumn``...)."""
        return str(self.attributes["name"])

    def get(self, key: str, default: t.Any = None) -> t.Any:
        """Get one parameter of the command. Laravel: ``Fluent::get()``."""
        return self.attributes.get(key, default)

    def set(self, key: str, value: t.Any = True) -> t.Self:
        """Set one parameter of the command and return the command."""
        self.attributes[key] = value
        return self

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.attributes!r})"
