"""Facade for the authentication manager (container key ``'auth'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Auth(Facade):
    """Proxy static calls to the authentication manager.

    Laravel: ``Illuminate\\Support\\Facades\\Auth``.
    """

    accessor = "auth"
