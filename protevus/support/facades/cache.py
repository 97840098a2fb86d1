"""Facade for the cache manager (container key ``'cache'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Cache(Facade):
    """Proxy static calls to the cache manager.

    Laravel: ``Illuminate\\Support\\Facades\\Cache``.
    """

    accessor = "cache"
