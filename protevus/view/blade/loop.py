"""Laravel's ``$loop`` variable for ``@foreach`` and ``@forelse``, plus the runtime helpers compiled Blade calls.

Laravel: ``Illuminate\\View\\Concerns\\ManagesLoops`` and ``Illuminate\\Support\\Arr::toCssClasses()``.
Compiled templates iterate ``blade_loop(items, loop)``, which yields ``(loop, item)``
pairs; the same :class:`Loop` object is updated before each item, as in Laravel.
"""

from __future__ import annotations

import json
import re
import typing as t

from markupsafe import Markup
from markupsafe import escape

from protevus.support.aliases import CamelAliases


class Loop(CamelAliases):
    """Describe the current iteration of a Blade loop.

    Laravel: the ``$loop`` object (``index`` is 0-based, ``iteration`` 1-based).
    """

    __slots__ = ("index", "count", "depth", "parent")

    def __init__(self, count: int, parent: Loop | None) -> None:
        self.index = -1
        self.count = count
        self.parent = parent
        self.depth: int = 1 if parent is None else parent.depth + 1

    @property
    def iteration(self) -> int:
        """Return the 1-based number of the current iteration."""
        return self.index + 1

    @property
    def remaining(self) -> int:
        """Return how many iterations are left after this one."""
        return self.count - self.iteration

    @property
    def first(self) -> bool:
        """Tell whether this is the first iteration."""
        return self.index == 0

    @property
    def last(self) -> bool:
        """Tell whether this is the last iteration."""
        return self.iteration == self.count

    @property
    def even(self) -> bool:
        """Tell whether the iteration number is even."""
        return self.iteration % 2 == 0

    @property
    def odd(self) -> bool:
        """Tell whether the iteration number is odd."""
        return self.iteration % 2 == 1

    def __repr__(self) -> str:
        return f"Loop(index={self.index}, count={self.count}, depth={self.depth})"


def blade_loop(
    items: t.Any, parent: t.Any = None, pairs: bool = False
) -> t.Iterator[tuple[Loop, t.Any]]:
    """Yield ``(loop, item)`` for each item, or ``(loop, (key, value))`` when ``pairs`` is true.

    Laravel: ``ManagesLoops::addLoop()``/``incrementLoopIndices()``. ``parent`` is the
    enclosing Blade loop (anything else, such as Jinja's own ``loop``, counts as none).
    Mappings iterate their items in ``key => value`` form, sequences their indices.
    """
    if items is None:
        items = ()
    if pairs:
        items = (
            list(items.items())
            if isinstance(items, t.Mapping)
            else list(enumerate(items))
        )
    elif not isinstance(items, t.Sized):
        items = list(items)
    loop = Loop(len(items), parent if isinstance(parent, Loop) else None)
    for item in items:
        loop.index += 1
        yield loop, item


def blade_escape(value: t.Any) -> Markup:
    """Escape a value for ``{{ }}``; ``None`` prints nothing. Laravel: ``e()``."""
    if value is None:
        return Markup("")
    return escape(value)


def blade_raw(value: t.Any) -> Markup:
    """Mark a value as safe for ``{!! !!}``; ``None`` prints nothing."""
    if value is None:
        return Markup("")
    return Markup(value)


def blade_empty(value: t.Any) -> bool:
    """Tell whether a value is empty in PHP's sense (``None``, ``''``, ``0``, ``'0'``, empty collection)."""
    return not value or value == "0"


_JSON_ESCAPES = {'\\"': "\\u0022", "\\\\": "\\\\"}


def blade_json(value: t.Any) -> Markup:
    """Encode a value as JSON safe inside HTML and ``<script>``. Laravel: ``@json`` (``JSON_HEX_*`` flags)."""
    text = json.dumps(value)
    text = re.sub(r"\\[\\\"]", lambda m: _JSON_ESCAPES[m.group(0)], text)
    for char, code in (
        ("<", "\\u003C"),
        (">", "\\u003E"),
        ("&", "\\u0026"),
        ("'", "\\u0027"),
        ("/", "\\/"),
    ):
        text = text.replace(char, code)
    return Markup(text)


def _conditional_list(value: t.Any) -> list[str]:
    entries = [value] if isinstance(value, (str, t.Mapping)) else list(value)
    result: list[str] = []
    for entry in entries:
        if isinstance(entry, t.Mapping):
            result.extend(str(key) for key, on in entry.items() if on)
        elif entry:
            result.append(str(entry))
    return result


def blade_classes(value: t.Any) -> Markup:
    """Join CSS classes whose condition holds. Laravel: ``Arr::toCssClasses()`` (``@class``)."""
    return escape(" ".join(_conditional_list(value)))


def blade_styles(value: t.Any) -> Markup:
    """Join CSS declarations whose condition holds. Laravel: ``Arr::toCssStyles()`` (``@style``)."""
    return escape(
        " ".join(style.rstrip(";") + ";" for style in _conditional_list(value))
    )
