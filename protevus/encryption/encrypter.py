"""Encrypt and decrypt values in Laravel's payload format.

A payload is ``base64(json({"iv", "value", "mac", "tag"}))``. With the CBC
ciphers ``value`` is the base64 AES-CBC (PKCS#7) ciphertext and ``mac`` is the
hex HMAC-SHA256 of ``iv + value`` (the two base64 texts) under the key; with the
GCM ciphers ``tag`` is the base64 authentication tag and ``mac`` is empty. Values
are PHP-``serialize()``d first unless ``serialize=False``, so payloads written by
Laravel with the same ``APP_KEY`` decrypt here and the other way round.

Laravel: ``Illuminate\\Encryption\\Encrypter``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import typing as t

from protevus.encryption import php_serialize
from protevus.encryption.exceptions import DecryptError
from protevus.encryption.exceptions import EncryptError
from protevus.encryption.exceptions import UnserializeError
from protevus.encryption.exceptions import UnsupportedCipherError
from protevus.support.aliases import CamelAliases

#: cipher name → (key size in bytes, AEAD?)
SUPPORTED_CIPHERS: dict[str, tuple[int, bool]] = {
    "aes-128-cbc": (16, False),
    "aes-256-cbc": (32, False),
    "aes-128-gcm": (16, True),
    "aes-256-gcm": (32, True),
}

_IV_LENGTH = {False: 16, True: 12}
_TAG_LENGTH = 16


class Encrypter(CamelAliases):
    """Encrypt values with a key (and decrypt with it or any previous key).

    ::

        encrypter = Encrypter(Encrypter.generate_key("aes-256-cbc"))
        payload = encrypter.encrypt({"id": 7})
        encrypter.decrypt(payload)          # {'id': 7}

    Laravel: ``Illuminate\\Encryption\\Encrypter``.
    """

    def __init__(
        self,
        key: bytes,
        cipher: str = "aes-256-cbc",
        previous_keys: t.Iterable[bytes] = (),
    ) -> None:
        key = _as_key(key)
        cipher = cipher.lower()
        if not self.supported(key, cipher):
            raise UnsupportedCipherError(_unsupported_message(key, cipher))
        self._key = key
        self._cipher = cipher
        self._aead = SUPPORTED_CIPHERS[cipher][1]
        self._previous_keys: list[bytes] = []
        # Tests swap this to pin the IV (Laravel: random_bytes()).
        self._make_iv: t.Callable[[int], bytes] = os.urandom
        self.previous_keys(previous_keys)

    @staticmethod
    def supported(key: bytes, cipher: str) -> bool:
        """Return whether ``key`` has the right length for ``cipher``.

        Laravel: ``Encrypter::supported()``.
        """
        spec = SUPPORTED_CIPHERS.get(str(cipher).lower())
        return spec is not None and isinstance(key, bytes) and len(key) == spec[0]

    @staticmethod
    def generate_key(cipher: str = "aes-256-cbc") -> bytes:
        """Return a new random key of the size ``cipher`` needs.

        Laravel: ``Encrypter::generateKey()``.
        """
        spec = SUPPORTED_CIPHERS.get(cipher.lower())
        if spec is None:
            raise UnsupportedCipherError(_unsupported_message(None, cipher))
        return os.urandom(spec[0])

    def encrypt(self, value: t.Any, serialize: bool = True) -> str:
        """Return the encrypted payload of ``value``.

        With ``serialize=False`` the value must be ``str`` or ``bytes``.

        Laravel: ``Encrypter::encrypt()``.
        """
        plaintext = php_serialize.serialize(value) if serialize else _as_bytes(value)
        iv = self._make_iv(_IV_LENGTH[self._aead])
        if self._aead:
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM

            sealed = AESGCM(self._key).encrypt(iv, plaintext, None)
            ciphertext, tag = sealed[:-_TAG_LENGTH], sealed[-_TAG_LENGTH:]
        else:
            ciphertext, tag = _cbc_encrypt(self._key, iv, plaintext), b""
        iv_b64 = _b64(iv)
        value_b64 = _b64(ciphertext)
        mac = "" if self._aead else _mac(self._key, iv_b64, value_b64)
        try:
            document = json.dumps(
                {"iv": iv_b64, "value": value_b64, "mac": mac, "tag": _b64(tag)},
                separators=(",", ":"),
            )
        except (TypeError, ValueError) as exc:  # pragma: no cover - all fields are text
            raise EncryptError("Could not encrypt the data.") from exc
        return _b64(document.encode("ascii"))

    def encrypt_string(self, value: str | bytes) -> str:
        """Return the encrypted payload of a string, without serialization.

        Laravel: ``Encrypter::encryptString()``.
        """
        return self.encrypt(value, serialize=False)

    def decrypt(self, payload: str | bytes, unserialize: bool = True) -> t.Any:
        """Return the value in ``payload``, trying the current key then previous ones.

        Every failure — bad base64 or JSON, a wrong MAC or tag, a foreign key, a
        truncated value — raises :class:`DecryptError`.

        Laravel: ``Encrypter::decrypt()``.
        """
        document = self._get_json_payload(payload)
        iv = base64.b64decode(
            document["iv"], validate=True
        )  # checked by _valid_payload
        tag = self._ensure_tag_is_valid(document.get("tag"))
        plaintext: bytes | None = None
        found_valid_mac = False
        for key in self.get_all_keys():
            if not self._aead and not self._valid_mac_for_key(document, key):
                continue
            found_valid_mac = True
            plaintext = self._open(key, iv, document["value"], tag)
            if plaintext is not None:
                break
        if not self._aead and not found_valid_mac:
            raise DecryptError("The MAC is invalid.")
        if plaintext is None:
            raise DecryptError("Could not decrypt the data.")
        if unserialize:
            try:
                return php_serialize.unserialize(plaintext)
            except UnserializeError as exc:
                raise DecryptError(
                    f"Could not unserialize the decrypted data: {exc}"
                ) from exc
        try:
            return plaintext.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DecryptError(
                "The decrypted data is not UTF-8 text; decrypt it with unserialize=True "
                "if it was encrypted with serialization."
            ) from exc

    def decrypt_string(self, payload: str | bytes) -> str:
        """Return the string in ``payload``, without unserialization.

        Laravel: ``Encrypter::decryptString()``.
        """
        return t.cast(str, self.decrypt(payload, unserialize=False))

    def get_key(self) -> bytes:
        """Return the current encryption key.

        Laravel: ``Encrypter::getKey()``.
        """
        return self._key

    def get_all_keys(self) -> list[bytes]:
        """Return the current key followed by the previous keys.

        Laravel: ``Encrypter::getAllKeys()``.
        """
        return [self._key, *self._previous_keys]

    def get_previous_keys(self) -> list[bytes]:
        """Return the previous keys tried after the current one.

        Laravel: ``Encrypter::getPreviousKeys()``.
        """
        return list(self._previous_keys)

    def previous_keys(self, keys: t.Iterable[bytes]) -> Encrypter:
        """Set the previous keys used to decrypt older payloads; return ``self``.

        Laravel: ``Encrypter::previousKeys()``.
        """
        parsed = [_as_key(key) for key in keys]
        for key in parsed:
            if not self.supported(key, self._cipher):
                raise UnsupportedCipherError(_unsupported_message(key, self._cipher))
        self._previous_keys = parsed
        return self

    def get_cipher(self) -> str:
        """Return the cipher name, lower-case.

        Laravel: the ``$cipher`` property (no getter there).
        """
        return self._cipher

    def _get_json_payload(self, payload: t.Any) -> dict[str, t.Any]:
        if isinstance(payload, bytes):
            try:
                payload = payload.decode("ascii")
            except UnicodeDecodeError:
                raise DecryptError("The payload is invalid.") from None
        if not isinstance(payload, str):
            raise DecryptError("The payload is invalid.")
        try:
            document = json.loads(base64.b64decode(payload, validate=True))
        except (binascii.Error, ValueError, RecursionError):
            raise DecryptError("The payload is invalid.") from None
        if not self._valid_payload(document):
            raise DecryptError("The payload is invalid.")
        return t.cast(dict[str, t.Any], document)

    def _valid_payload(self, document: t.Any) -> bool:
        if not isinstance(document, dict):
            return False
        if not all(
            isinstance(document.get(item), str) for item in ("iv", "value", "mac")
        ):
            return False
        if "tag" in document and not isinstance(document["tag"], (str, type(None))):
            return False
        try:
            iv = base64.b64decode(document["iv"], validate=True)
        except (binascii.Error, ValueError):
            return False
        return len(iv) == _IV_LENGTH[self._aead]

    def _ensure_tag_is_valid(self, tag_b64: str | None) -> bytes | None:
        tag: bytes | None = None
        if tag_b64:
            try:
                tag = base64.b64decode(tag_b64, validate=True)
            except (binascii.Error, ValueError):
                raise DecryptError("Could not decrypt the data.") from None
        if self._aead and (tag is None or len(tag) != _TAG_LENGTH):
            raise DecryptError("Could not decrypt the data.")
        if not self._aead and tag is not None:
            raise DecryptError(
                "Unable to use tag because the cipher algorithm does not support AEAD."
            )
        return tag

    def _valid_mac_for_key(self, document: dict[str, t.Any], key: bytes) -> bool:
        expected = _mac(key, document["iv"], document["value"])
        return hmac.compare_digest(
            expected.encode("ascii"), document["mac"].encode("utf-8")
        )

    def _open(
        self, key: bytes, iv: bytes, value_b64: str, tag: bytes | None
    ) -> bytes | None:
        """Return the plaintext, or ``None`` when this key cannot open the value."""
        try:
            ciphertext = base64.b64decode(value_b64, validate=True)
            if self._aead:
                from cryptography.hazmat.primitives.ciphers.aead import AESGCM

                return AESGCM(key).decrypt(iv, ciphertext + (tag or b""), None)
            return _cbc_decrypt(key, iv, ciphertext)
        except Exception:  # noqa: BLE001 - any failure means "cannot decrypt"
            return None


def _cbc_encrypt(key: bytes, iv: bytes, plaintext: bytes) -> bytes:
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher
    from cryptography.hazmat.primitives.ciphers import algorithms
    from cryptography.hazmat.primitives.ciphers import modes

    padder = padding.PKCS7(128).padder()
    padded = padder.update(plaintext) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return encryptor.update(padded) + encryptor.finalize()


def _cbc_decrypt(key: bytes, iv: bytes, ciphertext: bytes) -> bytes:
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher
    from cryptography.hazmat.primitives.ciphers import algorithms
    from cryptography.hazmat.primitives.ciphers import modes

    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    padded = decryptor.update(ciphertext) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(padded) + unpadder.finalize()


def _mac(key: bytes, iv_b64: str, value_b64: str) -> str:
    return hmac.new(
        key, (iv_b64 + value_b64).encode("utf-8"), hashlib.sha256
    ).hexdigest()


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _as_bytes(value: t.Any) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    raise TypeError(
        f"Cannot encrypt value of type [{type(value).__name__}] without serialization: "
        "pass str or bytes, or use serialize=True."
    )


def _as_key(key: t.Any) -> bytes:
    if isinstance(key, str):
        return key.encode("utf-8")
    if isinstance(key, (bytes, bytearray)):
        return bytes(key)
    raise TypeError(f"Encryption keys must be bytes, not [{type(key).__name__}].")


def _unsupported_message(key: bytes | None, cipher: str) -> str:
    names = ", ".join(SUPPORTED_CIPHERS)
    length = "" if key is None else f" or incorrect key length [{len(key)} bytes]"
    return (
        f"Unsupported cipher [{cipher}]{length}. Supported ciphers are: {names}; "
        "aes-128 ciphers take a 16-byte key and aes-256 ciphers a 32-byte key."
    )
