"""Named bags of validation errors, as views see them in ``errors``.

Laravel: ``Illuminate\\Support\\ViewErrorBag``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases
from protevus.support.message_bag import MessageBag


class ViewErrorBag(CamelAliases):
    """Hold one :class:`MessageBag` per form (``default`` unless a bag is named).

    Unknown attributes and methods go to the ``default`` bag, so a view writes
    ``errors.first('email')`` or ``errors.login.first('email')`` for a named bag.

    Laravel: ``Illuminate\\Support\\ViewErrorBag``.
    """

    def __init__(self, bags: t.Mapping[str, MessageBag] | None = None) -> None:
        self._bags: dict[str, MessageBag] = dict(bags or {})

    def has_bag(self, key: str = "default") -> bool:
        """Tell whether a named bag exists. Laravel: ``ViewErrorBag::hasBag()``."""
        return key in self._bags

    def get_bag(self, key: str = "default") -> MessageBag:
        """Return a named bag (an empty one when missing). Laravel: ``getBag()``."""
        return self._bags.get(key) or MessageBag()

    def get_bags(self) -> dict[str, MessageBag]:
        """Return every bag by name. Laravel: ``ViewErrorBag::getBags()``."""
        return dict(self._bags)

    def put(self, key: str, bag: MessageBag) -> ViewErrorBag:
        """Add or replace a named bag. Laravel: ``ViewErrorBag::put()``."""
        self._bags[key] = bag
        return self

    def any(self) -> bool:
        """Tell whether the default bag holds any message. Laravel: ``ViewErrorBag::any()``."""
        return self.count() > 0

    def count(self) -> int:
        """Count the default bag's messages. Laravel: ``ViewErrorBag::count()``."""
        return self.get_bag("default").count()

    def to_session(self) -> dict[str, dict[str, list[str]]]:
        """Return plain data for the session store (bag name → key → messages)."""
        return {name: bag.messages() for name, bag in self._bags.items()}

    @classmethod
    def from_session(cls, data: t.Mapping[str, t.Any]) -> ViewErrorBag:
        """Rebuild a bag from :meth:`to_session` data."""
        return cls({name: MessageBag(dict(bag)) for name, bag in data.items()})

    def __getattr__(self, name: str) -> t.Any:
        if name.startswith("__"):
            raise AttributeError(name)
        bags = self.__dict__.get("_bags", {})
        if name in bags:
            return bags[name]
        default = self.get_bag("default")
        if hasattr(default, name):
            return getattr(default, name)
        # Laravel's __get: an unknown name is a (possibly empty) named bag.
        return self.get_bag(name)

    def __bool__(self) -> bool:
        return self.any()

    def __len__(self) -> int:
        return self.count()

    def __iter__(self) -> t.Iterator[str]:
        return iter(self.get_bag("default"))

    def __contains__(self, key: object) -> bool:
        return key in self.get_bag("default")

    def __str__(self) -> str:
        return str(self.get_bag("default"))

    def __repr__(self) -> str:
        return f"<ViewErrorBag {sorted(self._bags)}>"
