"""A class-level list a middleware's ``except_`` can also be called to extend.

Laravel's middleware keep ``$except`` as a property and offer a static ``except()``
that adds to it (``TrimStrings::except()``, ``EncryptCookies::except()``,
``ValidateCsrfToken::except()``). Python has one namespace for both, so the list
itself is callable: ``TrimStrings.except_(['password'])`` adds, and a subclass may
still set ``except_ = ['a', 'b']``.
"""

from __future__ import annotations

import typing as t


class ExceptList(list[str]):
    """A list of names or URIs; calling it adds the given ones that are missing."""

    def __call__(self, items: str | t.Iterable[str]) -> None:
        """Add ``items`` (one string or several), skipping those already listed."""
        for item in [items] if isinstance(items, str) else list(items):
            if item not in self:
                self.append(item)
