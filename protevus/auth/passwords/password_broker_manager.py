"""Build and cache the password brokers named in ``config('auth.passwords')``.

Laravel: ``Illuminate\\Auth\\Passwords\\PasswordBrokerManager``.
"""

from __future__ import annotations

import typing as t

from protevus.auth.passwords.database_token_repository import DatabaseTokenRepository
from protevus.auth.passwords.password_broker import PasswordBroker
from protevus.encryption.key_parser import parse_key
from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases


class PasswordBrokerManager(CamelAliases):
    """Give the broker of a name: ``app.make('auth.password').broker('admins')``.

    Each broker reads ``auth.passwords.<name>`` (``provider``, ``table``,
    ``expire`` minutes, ``throttle`` seconds, optional ``connection``), takes its
    users from ``app.make('auth').create_user_provider(provider)`` and hashes
    tokens with ``'hash'``. Unknown attributes go to the default broker, so
    ``manager.send_reset_link({...})`` works too.

    Laravel: ``Illuminate\\Auth\\Passwords\\PasswordBrokerManager``.
    """

    def __init__(self, app: t.Any) -> None:
        self.app = app
        self.brokers: dict[str, PasswordBroker] = {}

    def broker(self, name: str | None = None) -> PasswordBroker:
        """Return the broker called ``name`` (the default one when None).

        Laravel: ``PasswordBrokerManager::broker()``.
        """
        name = name or self.get_default_driver()
        if name not in self.brokers:
            self.brokers[name] = self.resolve(name)
        return self.brokers[name]

    def resolve(self, name: str) -> PasswordBroker:
        """Build the broker called ``name`` from its configuration.

        Laravel: ``PasswordBrokerManager::resolve()``.
        """
        config = self.get_config(name)
        if not isinstance(config, dict):
            raise InvalidArgumentError(
                f"Password resetter [{name}] is not defined; add it under "
                "'passwords' in config/auth.py."
            )
        events = self.app.make("events") if self.app.bound("events") else None
        return PasswordBroker(
            self.create_token_repository(config),
            self.app.make("auth").create_user_provider(config.get("provider")),
            events,
        )

    def create_token_repository(
        self, config: t.Mapping[str, t.Any]
    ) -> DatabaseTokenRepository:
        """Build the table-backed token repository of one broker.

        Laravel: ``PasswordBrokerManager::createTokenRepository()``.
        """
        key = self._config().get("app.key") or ""
        return DatabaseTokenRepository(
            self.app.make("db").connection(config.get("connection")),
            self.app.make("hash"),
            str(config.get("table") or "password_reset_tokens"),
            parse_key(key) if key else b"",
            config.get("expire", 60),
            config.get("throttle", 0) or 0,
        )

    def get_config(self, name: str) -> t.Any:
        """Return ``auth.passwords.<name>``. Laravel: ``getConfig()``."""
        passwords = self._config().get("auth.passwords") or {}
        return passwords.get(name) if isinstance(passwords, dict) else None

    def get_default_driver(self) -> str:
        """Return the default broker name (``auth.defaults.passwords``).

        Laravel: ``PasswordBrokerManager::getDefaultDriver()``.
        """
        return str(self._config().get("auth.defaults.passwords") or "users")

    def set_default_driver(self, name: str) -> None:
        """Change the default broker. Laravel: ``setDefaultDriver()``."""
        self._config().set("auth.defaults.passwords", name)

    def _config(self) -> t.Any:
        return self.app.make("config")

    def __getattr__(self, name: str) -> t.Any:
        # Laravel: __call() forwards to the default broker.
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.broker(), name)
