"""Facade for the task schedule (container key ``'schedule'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Schedule(Facade):
    """Proxy static calls to the task schedule.

    Laravel: ``Illuminate\\Support\\Facades\\Schedule``.
    """

    accessor = "schedule"
