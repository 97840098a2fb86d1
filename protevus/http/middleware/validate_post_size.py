"""Refuse request bodies larger than the configured limit, before reading them.

Laravel: ``Illuminate\\Foundation\\Http\\Middleware\\ValidatePostSize``.
"""

from __future__ import annotations

import re
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.http.exceptions import PostTooLargeException
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.http.request import Request

_SIZE = re.compile(r"^\s*(\d+)\s*([kmg]?)b?\s*$", re.I)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(size: int | str | None) -> int | None:
    """Return a byte count for ``8388608``, ``'8M'``, ``'512K'`` or ``'1G'`` (None: no limit)."""
    if size is None or isinstance(size, int):
        return size
    match = _SIZE.match(size)
    if not match:
        raise InvalidArgumentError(
            f"Size [{size}] is not valid; use bytes or a number with K, M or G (like '8M')."
        )
    return int(match.group(1)) * _UNITS[match.group(2).lower()]


class ValidatePostSize(CamelAliases):
    """Answer 413 when ``Content-Length`` is over the limit.

    The limit is ``max_size`` (bytes or ``'8M'``; set it on a subclass or the
    class), else Flask's ``MAX_CONTENT_LENGTH``; without either nothing is checked
    (PHP's ``post_max_size`` has no Python counterpart).

    Laravel: ``ValidatePostSize``.
    """

    max_size: t.ClassVar[int | str | None] = None

    def handle(self, request: Request, next: t.Callable[[Request], t.Any]) -> t.Any:
        """Raise :class:`PostTooLargeException` for oversized bodies. Laravel: ``handle()``."""
        if not request.environ.get("CONTENT_LENGTH"):
            # No body announced (Werkzeug's content_length is None): skip the
            # header parsing and the limit lookup on every plain GET.
            return next(request)
        length = request.content_length
        limit = self.get_post_max_size(request)
        if limit and length is not None and length > limit:
            raise PostTooLargeException(
                f"The POST data is too large: [{length}] bytes sent, [{limit}] allowed."
            )
        return next(request)

    def get_post_max_size(self, request: Request) -> int | None:
        """Return the limit in bytes, or None. Laravel: ``getPostMaxSize()``."""
        configured = parse_size(self.max_size)
        if configured is not None:
            return configured
        return request.max_content_length
