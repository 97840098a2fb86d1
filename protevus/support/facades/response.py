"""Facade for the response factory (container key ``'response'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Response(Facade):
    """Proxy static calls to the response factory.

    Laravel: ``Illuminate\\Support\\Facades\\Response``.
    """

    accessor = "response"
