"""The root of Protevus's exception hierarchy.

Every error Protevus raises on purpose derives from :class:`ProtevusError`, so an
application can catch the framework's errors in one ``except`` clause. Each
subpackage defines its own errors in its ``exceptions.py`` on top of this one.

This module imports nothing from Protevus, so any layer may import it.
"""

from __future__ import annotations


class ProtevusError(Exception):
    """Signal an error raised by Protevus itself.

    Messages are full sentences that name the culprit in brackets and the fix,
    in Laravel's style: ``Target class [app.services.Foo] does not exist.``
    """


class InvalidArgumentError(ProtevusError, ValueError):
    """Signal an argument with the right type but an unusable value.

    Laravel: ``InvalidArgumentException``.
    """


class ItemNotFoundError(ProtevusError, LookupError):
    """Signal that an item that must exist was not found.

    Laravel: ``Illuminate\\Support\\ItemNotFoundException`` (``sole()``, ``first_or_fail()``).
    """


class MultipleItemsFoundError(ProtevusError, LookupError):
    """Signal that ``sole()`` found more than one item.

    Laravel: ``Illuminate\\Support\\MultipleItemsFoundException``.
    """

    def __init__(self, count: int, message: str | None = None) -> None:
        self.count = count
        super().__init__(
            message or f"{count} items were found where exactly one was expected."
        )
