"""Register the application's encrypter as the ``'encrypter'`` service.

Laravel: ``Illuminate\\Encryption\\EncryptionServiceProvider``.
"""

from __future__ import annotations

import typing as t

from protevus.encryption.key_parser import parse_app_key
from protevus.encryption.key_parser import parse_previous_keys
from protevus.support.service_provider import ServiceProvider

if t.TYPE_CHECKING:
    from protevus.encryption.encrypter import Encrypter


class EncryptionServiceProvider(ServiceProvider):
    """Bind one :class:`Encrypter` built from ``app.key``/``app.cipher``/``app.previous_keys``.

    The key is read when ``'encrypter'`` is first resolved, so an application
    without ``APP_KEY`` boots and only fails (with :class:`MissingAppKeyError`)
    when something encrypts.

    Laravel: ``Illuminate\\Encryption\\EncryptionServiceProvider``.
    """

    def register(self) -> None:
        """Register the ``'encrypter'`` singleton and its class alias.

        Laravel: ``EncryptionServiceProvider::registerEncrypter()``.
        """
        self.app.singleton("encrypter", self._make_encrypter)
        self.app.alias_class("encrypter", "protevus.encryption.encrypter.Encrypter")

    @staticmethod
    def _make_encrypter(app: t.Any) -> Encrypter:
        config = app.make("config")
        cipher = config.get("app.cipher") or "aes-256-cbc"
        from protevus.encryption.encrypter import Encrypter

        return Encrypter(
            parse_app_key(config.get("app.key")),
            str(cipher),
            parse_previous_keys(config.get("app.previous_keys")),
        )
