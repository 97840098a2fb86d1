"""Facade for the database manager (container key ``'db'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class DB(Facade):
    """Proxy static calls to the database manager.

    Laravel: ``Illuminate\\Support\\Facades\\DB``.
    """

    accessor = "db"
