"""Register the hash manager as the ``'hash'`` service.

Laravel: ``Illuminate\\Hashing\\HashServiceProvider``.
"""

from __future__ import annotations

import typing as t

from protevus.hashing.hash_manager import HashManager
from protevus.support.service_provider import DeferrableProvider
from protevus.support.service_provider import ServiceProvider


class HashServiceProvider(DeferrableProvider, ServiceProvider):
    """Bind ``'hash'`` (the :class:`HashManager`) and ``'hash.driver'`` (its default hasher).

    Deferred: the hashing libraries load only when something hashes.

    Laravel: ``Illuminate\\Hashing\\HashServiceProvider``.
    """

    def register(self) -> None:
        """Register the ``'hash'`` and ``'hash.driver'`` singletons.

        Laravel: ``HashServiceProvider::register()``.
        """
        self.app.singleton("hash", lambda app: HashManager(app))
        self.app.singleton("hash.driver", lambda app: app.make("hash").driver())
        # Laravel's core alias: type-hinting HashManager injects the 'hash' service.
        self.app.alias("hash", HashManager)

    def provides(self) -> list[t.Any]:
        """List the services this provider binds.

        Laravel: ``HashServiceProvider::provides()``.
        """
        return ["hash", "hash.driver", HashManager]
