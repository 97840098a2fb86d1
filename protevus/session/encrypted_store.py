"""A session store whose payload is encrypted with the application key.

Laravel: ``Illuminate\\Session\\EncryptedStore`` (used when ``session.encrypt``
is true).
"""

from __future__ import annotations

import typing as t

from protevus.session.session_handler import SessionHandler
from protevus.session.store import Store


class EncryptedStore(Store):
    """Encrypt the payload before the handler writes it; decrypt it after reading.

    A payload that does not decrypt (another key, tampering) reads as an empty
    session.

    Laravel: ``Illuminate\\Session\\EncryptedStore``.
    """

    def __init__(
        self,
        name: str,
        handler: SessionHandler,
        encrypter: t.Any,
        id: str | None = None,
    ) -> None:
        self._encrypter = encrypter
        super().__init__(name, handler, id)

    def _prepare_for_unserialize(self, data: str) -> str:
        from protevus.encryption.exceptions import DecryptError

        try:
            return str(self._encrypter.decrypt(data, False))
        except DecryptError:
            return "{}"

    def _prepare_for_storage(self, data: str) -> str:
        return str(self._encrypter.encrypt(data, False))

    def get_encrypter(self) -> t.Any:
        """Return the encrypter. Laravel: ``EncryptedStore::getEncrypter()``."""
        return self._encrypter
