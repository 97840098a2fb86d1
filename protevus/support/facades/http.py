"""Facade for the HTTP client factory (container key ``'http'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Http(Facade):
    """Proxy static calls to the HTTP client factory.

    Laravel: ``Illuminate\\Support\\Facades\\Http``.
    """

    accessor = "http"
