"""Facade for the current HTTP request (container key ``'request'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Request(Facade):
    """Proxy static calls to the current HTTP request.

    Laravel: ``Illuminate\\Support\\Facades\\Request``.
    """

    accessor = "request"
    cached = False
