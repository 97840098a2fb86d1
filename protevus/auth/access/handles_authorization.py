"""Helpers a policy uses to answer with a message: ``return self.deny('Not your post.')``.

Laravel: ``Illuminate\\Auth\\Access\\HandlesAuthorization``.
"""

from __future__ import annotations

import typing as t

from protevus.auth.access.response import Response
from protevus.support.aliases import camel_aliases


@camel_aliases
class HandlesAuthorization:
    """Mix ``allow()``/``deny()``/``deny_with_status()``/``deny_as_not_found()`` into a policy.

    Laravel: ``Illuminate\\Auth\\Access\\HandlesAuthorization``.
    """

    __slots__ = ()

    def allow(self, message: str | None = None, code: t.Any = None) -> Response:
        """Answer with an allowing response. Laravel: ``HandlesAuthorization::allow()``."""
        return Response.allow(message, code)

    def deny(self, message: str | None = None, code: t.Any = None) -> Response:
        """Answer with a denying response (403). Laravel: ``HandlesAuthorization::deny()``."""
        return Response.deny(message, code)

    def deny_with_status(
        self, status: int, message: str | None = None, code: t.Any = None
    ) -> Response:
        """Answer with a denial rendered with ``status``. Laravel: ``HandlesAuthorization::denyWithStatus()``."""
        return Response.deny_with_status(status, message, code)

    def deny_as_not_found(
        self, message: str | None = None, code: t.Any = None
    ) -> Response:
        """Answer with a denial rendered as a 404. Laravel: ``HandlesAuthorization::denyAsNotFound()``."""
        return Response.deny_as_not_found(message, code)
