"""Laravel's ``$loop`` variable for ``@foreach`` and ``@forelse``, plus the runtime helpers compiled Blade calls.

Laravel: ``Illuminate\\View\\Concerns\\ManagesLoops`` and ``Illuminate\\Support\\Arr::toCssClasses()``.
Compiled templates iterate ``blade_loop(items, loop)``, which yields ``(loop, item)``
pairs; the same :class:`Loop` object is updated before each item, as in Laravel.
"""

from __future__ import annotations

import typing as t

from markupsafe import Markup
from markupsafe import escape

from protevus.support.aliases import CamelAliases
from protevus.support.json_encoding import json_encode


class Loop(CamelAliases):
    """Describe the current iteration of a Blade loop.

    Laravel: the ``$loop`` object (``index`` is 0-based, ``iteration`` 1-based).
    """

    # index and iteration are plain attributes the loop updates (templates read
    # them on every row); the rest are computed when asked for.
    __slots__ = ("index", "iteration", "count", "depth", "parent")

    def __init__(self, count: int, parent: Loop | None) -> None:
        self.index = -1
        #: the 1-based number of the current iteration.
        self.iteration = 0
        self.count = count
        self.parent = parent
        self.depth: int = 1 if parent is None else parent.depth + 1

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
    for index, item in enumerate(items):
        loop.index = index
        loop.iteration = index + 1
        yield loop, item


#: how many times a ``@while`` body may run before the render stops with an error.
WHILE_LIMIT = 100_000


def blade_while() -> t.Iterator[int]:
    """Count the iterations of a ``@while`` loop; fail past :data:`WHILE_LIMIT`.

    A condition that never turns false would hang the worker; this stops it with
    an error naming the fix instead.
    """
    yield from range(WHILE_LIMIT)
    raise RuntimeError(
        f"A @while loop ran {WHILE_LIMIT} times without its condition turning false; "
        "Jinja's {% set %} does not outlive one iteration, so change a namespace() "
        "value (or call a method) in the loop."
    )


def blade_items(items: t.Any) -> t.Any:
    """Return what a loop without ``loop`` iterates: ``items``, or nothing for ``None``."""
    return () if items is None else items


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


#: Laravel's ``@json`` flags: JSON_HEX_TAG | JSON_HEX_APOS | JSON_HEX_AMP | JSON_HEX_QUOT.
BLADE_JSON_FLAGS = 15


def blade_json(value: t.Any, flags: int | None = None) -> Markup:
    """Encode a value as JSON safe inside HTML and ``<script>``, as PHP's ``json_encode``.

    Laravel: ``@json($value, $flags)``: the default flags escape ``< > & ' "`` as
    ``\\uXXXX``; flags given replace them (``JSON_PRETTY_PRINT`` = 128...).
    Collections, models, dates and enums encode as in a JSON response.
    """
    return Markup(json_encode(value, BLADE_JSON_FLAGS if flags is None else flags))


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
