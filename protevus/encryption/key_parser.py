"""Turn ``APP_KEY`` and ``APP_PREVIOUS_KEYS`` values into raw key bytes.

``base64:...`` values are base64-decoded; any other text is used as its UTF-8
bytes, as Laravel uses a raw key string.

Laravel: ``EncryptionServiceProvider::parseKey()`` and ``::key()``.
"""

from __future__ import annotations

import base64
import binascii
import typing as t

from protevus.encryption.exceptions import InvalidKeyError
from protevus.encryption.exceptions import MissingAppKeyError

_PREFIX = "base64:"


def parse_key(value: str | bytes) -> bytes:
    """Return the raw bytes of one key value (``base64:...`` or raw text).

    Laravel: ``EncryptionServiceProvider::parseKey()``.
    """
    if isinstance(value, bytes):
        return value
    if not isinstance(value, str):
        raise InvalidKeyError(
            f"The encryption key must be a string, not [{type(value).__name__}]."
        )
    if value.startswith(_PREFIX):
        try:
            return base64.b64decode(value[len(_PREFIX) :], validate=True)
        except (binascii.Error, ValueError):
            raise InvalidKeyError(
                f"The encryption key [{_redact(value)}] is not valid base64. "
                'Run "python artisan.py key:generate" to create a new one.'
            ) from None
    return value.encode("utf-8")


def parse_app_key(value: str | bytes | None) -> bytes:
    """Return the raw bytes of ``APP_KEY``, raising :class:`MissingAppKeyError` when empty.

    Laravel: ``EncryptionServiceProvider::key()``.
    """
    if value is None or (isinstance(value, (str, bytes)) and not value.strip()):
        raise MissingAppKeyError()
    return parse_key(value)


def parse_previous_keys(
    value: str | bytes | t.Iterable[str | bytes] | None,
) -> list[bytes]:
    """Return the raw bytes of each previous key (a comma-separated string or a list).

    Blank entries are dropped, as ``APP_PREVIOUS_KEYS=`` means "none".

    Laravel: ``array_map(parseKey, config('app.previous_keys'))``.
    """
    if value is None:
        return []
    if isinstance(value, bytes):
        return [value] if value else []
    items = value.split(",") if isinstance(value, str) else list(value)
    keys: list[bytes] = []
    for item in items:
        if isinstance(item, str):
            item = item.strip()
        if item:
            keys.append(parse_key(item))
    return keys


def _redact(value: str) -> str:
    # Name the key in the error without printing the secret itself.
    return value[: len(_PREFIX) + 4] + "..." if len(value) > len(_PREFIX) + 4 else value
