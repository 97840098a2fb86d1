"""Sort middleware by the router's priority list.

Laravel: ``Illuminate\\Routing\\SortedMiddleware``.
"""

from __future__ import annotations

import typing as t

from protevus.routing.middleware_name_resolver import Resolved


class SortedMiddleware(list[Resolved]):
    """A middleware list where those named in the priority list keep its order.

    Middleware absent from the priority list keep their place; when a middleware
    with a higher priority comes after one with a lower priority, it moves just
    before it (Laravel's algorithm), then duplicates are removed.

    Laravel: ``Illuminate\\Routing\\SortedMiddleware``.
    """

    def __init__(
        self, priority: t.Sequence[t.Any], middleware: t.Iterable[Resolved]
    ) -> None:
        super().__init__(_sort(list(priority), list(middleware)))


def priority_index(priority: t.Sequence[t.Any], target: t.Any) -> int | None:
    """Find the position of ``target`` (or of one of its base classes) in the priority list.

    Laravel: ``SortedMiddleware::priorityMapIndex()``.
    """
    for index, entry in enumerate(priority):
        if entry is target or entry == target:
            return index
    if isinstance(target, type):
        for index, entry in enumerate(priority):
            if isinstance(entry, type) and issubclass(target, entry):
                return index
    return None


def _sort(priority: list[t.Any], middleware: list[Resolved]) -> list[Resolved]:
    while True:
        last_index = 0
        last_priority: int | None = None
        moved = False
        for index, (target, _params) in enumerate(middleware):
            found = priority_index(priority, target)
            if found is None:
                continue
            if last_priority is not None and found < last_priority:
                item = middleware.pop(index)
                middleware.insert(last_index, item)
                moved = True
                break
            last_index, last_priority = index, found
        if not moved:
            return _unique(middleware)


def _unique(middleware: list[Resolved]) -> list[Resolved]:
    seen: list[Resolved] = []
    for item in middleware:
        if item not in seen:
            seen.append(item)
    return seen
