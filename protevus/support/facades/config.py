"""Facade for the configuration repository (container key ``'config'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Config(Facade):
    """Proxy static calls to the configuration repository.

    Laravel: ``Illuminate\\Support\\Facades\\Config``.
    """

    accessor = "config"
