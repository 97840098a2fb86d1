"""Facade for the schema builder of the default connection (container key ``'schema'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Schema(Facade):
    """Proxy static calls to the schema builder of the default connection.

    Laravel: ``Illuminate\\Support\\Facades\\Schema``.
    """

    accessor = "schema"
    cached = False
