"""Facade for the URL generator (container key ``'url'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class URL(Facade):
    """Proxy static calls to the URL generator.

    Laravel: ``Illuminate\\Support\\Facades\\URL``.
    """

    accessor = "url"
