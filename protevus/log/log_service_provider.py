"""Register the log manager as the ``'log'`` service (behind the ``Log`` facade).

Laravel: ``Illuminate\\Log\\LogServiceProvider``.
"""

from __future__ import annotations

from protevus.log.log_manager import LogManager
from protevus.support.service_provider import ServiceProvider


class LogServiceProvider(ServiceProvider):
    """Bind one :class:`LogManager` per application under ``'log'``.

    Laravel: ``Illuminate\\Log\\LogServiceProvider``.
    """

    def register(self) -> None:
        """Register the ``'log'`` singleton.

        Laravel: ``LogServiceProvider::register()``.
        """
        self.app.singleton("log", lambda app: LogManager(app))
        # Laravel's core alias: type-hinting LogManager injects the 'log' service.
        self.app.alias("log", LogManager)
