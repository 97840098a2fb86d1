"""Register the log manager as the ``'log'`` service (behind the ``Log`` facade).

Laravel: ``Illuminate\\Log\\LogServiceProvider``.
"""

from __future__ import annotations

import typing as t

from protevus.support.service_provider import ServiceProvider

if t.TYPE_CHECKING:
    from protevus.log.log_manager import LogManager


class LogServiceProvider(ServiceProvider):
    """Bind one :class:`LogManager` per application under ``'log'``.

    Laravel: ``Illuminate\\Log\\LogServiceProvider``.
    """

    def register(self) -> None:
        """Register the ``'log'`` singleton.

        Laravel: ``LogServiceProvider::register()``.
        """
        self.app.singleton("log", _make_manager)
        # Laravel's core alias: type-hinting LogManager injects the 'log' service.
        self.app.alias_class("log", "protevus.log.log_manager.LogManager")


def _make_manager(app: t.Any) -> LogManager:
    from protevus.log.log_manager import LogManager

    return LogManager(app)
