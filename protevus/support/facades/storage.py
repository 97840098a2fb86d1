"""Facade for the filesystem manager (container key ``'filesystem'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Storage(Facade):
    """Proxy static calls to the filesystem manager.

    Laravel: ``Illuminate\\Support\\Facades\\Storage``.
    """

    accessor = "filesystem"
