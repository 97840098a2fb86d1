"""Facade for the redirector (container key ``'redirect'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Redirect(Facade):
    """Proxy static calls to the redirector.

    Laravel: ``Illuminate\\Support\\Facades\\Redirect``.
    """

    accessor = "redirect"
