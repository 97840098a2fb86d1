"""Facade for the hash manager (container key ``'hash'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Hash(Facade):
    """Proxy static calls to the hash manager.

    Laravel: ``Illuminate\\Support\\Facades\\Hash``.
    """

    accessor = "hash"
