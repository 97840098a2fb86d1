"""Facade for the artisan console kernel (container key ``'artisan'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Artisan(Facade):
    """Proxy static calls to the artisan console kernel.

    Laravel: ``Illuminate\\Support\\Facades\\Artisan``.
    """

    accessor = "artisan"
