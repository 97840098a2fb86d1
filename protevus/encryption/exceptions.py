"""Errors raised by the encryption package.

Laravel: ``Illuminate\\Contracts\\Encryption\\DecryptException``,
``EncryptException`` and ``Illuminate\\Encryption\\MissingAppKeyException``.
"""

from __future__ import annotations

from protevus.exceptions import InvalidArgumentError
from protevus.exceptions import ProtevusError


class EncryptionError(ProtevusError):
    """Signal any error raised by the encryption package."""


class DecryptError(EncryptionError):
    """Signal a payload that cannot be decrypted: tampered, truncated or foreign.

    Laravel: ``Illuminate\\Contracts\\Encryption\\DecryptException``.
    """


class EncryptError(EncryptionError):
    """Signal a value that cannot be encrypted.

    Laravel: ``Illuminate\\Contracts\\Encryption\\EncryptException``.
    """


class MissingAppKeyError(EncryptionError):
    """Signal that ``APP_KEY`` is empty.

    Laravel: ``Illuminate\\Encryption\\MissingAppKeyException``.
    """

    def __init__(
        self,
        message: str = (
            "No application encryption key has been specified. "
            'Run "python artisan.py key:generate".'
        ),
    ) -> None:
        super().__init__(message)


class UnsupportedCipherError(EncryptionError, InvalidArgumentError):
    """Signal an unknown cipher or a key whose length does not fit the cipher.

    Laravel: the ``RuntimeException`` thrown by ``Encrypter::__construct()``.
    """


class InvalidKeyError(EncryptionError, InvalidArgumentError):
    """Signal an ``APP_KEY`` value that cannot be decoded (bad ``base64:`` text)."""


class UnserializeError(EncryptionError, ValueError):
    """Signal PHP ``serialize()`` text that is malformed or holds objects.

    Laravel: the ``false``/notice that PHP's ``unserialize()`` gives.
    """
