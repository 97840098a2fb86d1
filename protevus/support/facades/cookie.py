"""Facade for the cookie jar (container key ``'cookie'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Cookie(Facade):
    """Proxy static calls to the cookie jar.

    Laravel: ``Illuminate\\Support\\Facades\\Cookie``.
    """

    accessor = "cookie"
