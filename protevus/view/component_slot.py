"""The content of a component slot (``slot`` and named slots such as ``title``).

Laravel: ``Illuminate\\View\\ComponentSlot``.
"""

from __future__ import annotations

import re
import typing as t

from markupsafe import Markup

from protevus.support.aliases import CamelAliases
from protevus.view.component_attribute_bag import ComponentAttributeBag

_COMMENT = re.compile(r"<!--[\s\S]*?-->")


class ComponentSlot(CamelAliases):
    """Hold the rendered HTML of a slot and the attributes given on ``<x-slot>``.

    Printing a slot prints its HTML unescaped (it is already rendered template
    output). A slot is falsy when empty, so ``{% if footer %}`` works as in Python.
    Laravel: ``Illuminate\\View\\ComponentSlot``.
    """

    __slots__ = ("contents", "attributes")

    def __init__(
        self,
        contents: str = "",
        attributes: t.Mapping[str, t.Any] | ComponentAttributeBag | None = None,
    ) -> None:
        self.contents = str(contents)
        self.attributes = (
            attributes
            if isinstance(attributes, ComponentAttributeBag)
            else ComponentAttributeBag(attributes)
        )

    def with_attributes(self, attributes: t.Mapping[str, t.Any]) -> ComponentSlot:
        """Replace the slot's attributes. Laravel: ``ComponentSlot::withAttributes()``."""
        self.attributes = ComponentAttributeBag(attributes)
        return self

    def to_html(self) -> Markup:
        """Return the slot's HTML. Laravel: ``ComponentSlot::toHtml()``."""
        return Markup(self.contents)

    def is_empty(self) -> bool:
        """Tell whether the slot has no content at all. Laravel: ``ComponentSlot::isEmpty()``."""
        return self.contents == ""

    def is_not_empty(self) -> bool:
        """Tell whether the slot has content. Laravel: ``ComponentSlot::isNotEmpty()``."""
        return self.contents != ""

    def has_actual_content(
        self, callback: t.Callable[[str], str] | None = None
    ) -> bool:
        """Tell whether the slot has content other than HTML comments and whitespace.

        ``callback`` replaces the default cleaning (it receives the contents and
        returns what counts). Laravel: ``ComponentSlot::hasActualContent()``.
        """
        if callback is None:
            return _COMMENT.sub("", self.contents).strip() != ""
        return callback(self.contents) != ""

    def __html__(self) -> str:
        return self.contents

    def __str__(self) -> str:
        return self.contents

    def __bool__(self) -> bool:
        return self.contents != ""

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ComponentSlot):
            return self.contents == other.contents
        if isinstance(other, str):
            return self.contents == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"ComponentSlot({self.contents!r})"
