"""Tests for the Laravel-compatible encrypter."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import typing as t

import pytest
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.ciphers import modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from protevus.encryption.encrypter import Encrypter
from protevus.encryption.exceptions import DecryptError
from protevus.encryption.exceptions import UnsupportedCipherError

CIPHERS = ["aes-128-cbc", "aes-256-cbc", "aes-128-gcm", "aes-256-gcm"]


def make(cipher: str = "aes-256-cbc") -> Encrypter:
    return Encrypter(Encrypter.generate_key(cipher), cipher)


def fields(payload: str) -> dict[str, t.Any]:
    return t.cast(dict[str, t.Any], json.loads(base64.b64decode(payload)))


def pack(document: dict[str, t.Any]) -> str:
    return base64.b64encode(json.dumps(document).encode()).decode()


# --- round trips -------------------------------------------------------------


@pytest.mark.parametrize("cipher", CIPHERS)
@pytest.mark.parametrize(
    "value",
    [
        "foo",
        "",
        "a" * 1000,
        "ünïcødé",
        42,
        1.5,
        True,
        None,
        ["a", 1],
        {"id": 7, "roles": ["x"]},
    ],
)
def test_serialized_round_trip(cipher: str, value: t.Any) -> None:
    encrypter = make(cipher)
    payload = encrypter.encrypt(value)
    assert payload != value
    assert encrypter.decrypt(payload) == value


@pytest.mark.parametrize("cipher", CIPHERS)
def test_string_round_trip(cipher: str) -> None:
    encrypter = make(cipher)
    payload = encrypter.encrypt_string("secret ✓")
    assert encrypter.decrypt_string(payload) == "secret ✓"
    assert encrypter.decrypt(payload, unserialize=False) == "secret ✓"
    assert encrypter.decrypt_string(encrypter.encrypt_string(b"raw")) == "raw"


def test_camel_case_aliases() -> None:
    encrypter = make()
    assert encrypter.decryptString(encrypter.encryptString("x")) == "x"  # type: ignore[attr-defined]


def test_each_encryption_uses_a_fresh_iv() -> None:
    encrypter = make()
    assert encrypter.encrypt("foo") != encrypter.encrypt("foo")


@pytest.mark.parametrize("cipher", ["aes-128-cbc", "aes-256-cbc"])
def test_cbc_payload_shape(cipher: str) -> None:
    document = fields(make(cipher).encrypt("foo"))
    assert list(document) == ["iv", "value", "mac", "tag"]
    assert len(base64.b64decode(document["iv"])) == 16
    assert len(document["mac"]) == 64 and int(document["mac"], 16) >= 0
    assert document["tag"] == ""


@pytest.mark.parametrize("cipher", ["aes-128-gcm", "aes-256-gcm"])
def test_gcm_payload_shape(cipher: str) -> None:
    document = fields(make(cipher).encrypt("foo"))
    assert len(base64.b64decode(document["iv"])) == 12
    assert len(base64.b64decode(document["tag"])) == 16
    assert document["mac"] == ""


def test_serialized_value_is_php_serialize_text() -> None:
    encrypter = make()
    payload = encrypter.encrypt("hello")
    assert encrypter.decrypt(payload, unserialize=False) == 's:5:"hello";'


def test_encrypt_without_serialization_needs_text() -> None:
    with pytest.raises(TypeError, match=r"\[int\]"):
        make().encrypt(5, serialize=False)


# --- known test vectors ------------------------------------------------------
#
# Laravel's AES-256-CBC payload, built by hand from its definition:
#   plaintext = PHP serialize("hello")                = b's:5:"hello";'
#   value     = base64(AES-256-CBC(key, iv, PKCS7(plaintext)))
#   iv        = base64(iv)
#   mac       = hex(HMAC-SHA256(key, iv + value))      over the two base64 texts
#   payload   = base64(json {"iv","value","mac","tag":""}, compact, slashes unescaped)
# Key and IV are fixed so that Laravel (`new Encrypter($key)` with the same IV)
# produces this exact string.

KEY = bytes(range(32))
IV = bytes(range(16, 32))


def laravel_cbc_payload(plaintext: bytes, key: bytes = KEY, iv: bytes = IV) -> str:
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plaintext) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    value = base64.b64encode(encryptor.update(padded) + encryptor.finalize()).decode()
    iv_b64 = base64.b64encode(iv).decode()
    mac = hmac.new(key, (iv_b64 + value).encode(), hashlib.sha256).hexdigest()
    document = json.dumps(
        {"iv": iv_b64, "value": value, "mac": mac, "tag": ""}, separators=(",", ":")
    )
    return base64.b64encode(document.encode()).decode()


def laravel_gcm_payload(plaintext: bytes, key: bytes, iv: bytes) -> str:
    sealed = AESGCM(key).encrypt(iv, plaintext, None)
    document = json.dumps(
        {
            "iv": base64.b64encode(iv).decode(),
            "value": base64.b64encode(sealed[:-16]).decode(),
            "mac": "",
            "tag": base64.b64encode(sealed[-16:]).decode(),
        },
        separators=(",", ":"),
    )
    return base64.b64encode(document.encode()).decode()


def pinned(encrypter: Encrypter, iv: bytes) -> Encrypter:
    encrypter._make_iv = lambda size: iv[:size]
    return encrypter


def test_known_cbc_vector_decrypts_and_encrypts() -> None:
    payload = laravel_cbc_payload(b's:5:"hello";')
    # The value's ciphertext is one AES block: 16 bytes of padded "s:5:\"hello\";".
    assert len(base64.b64decode(fields(payload)["value"])) == 16
    encrypter = pinned(Encrypter(KEY), IV)
    assert encrypter.decrypt(payload) == "hello"
    assert encrypter.encrypt("hello") == payload


def test_known_cbc_vector_for_strings_and_arrays() -> None:
    encrypter = pinned(Encrypter(KEY), IV)
    assert encrypter.encrypt_string("hello") == laravel_cbc_payload(b"hello")
    assert encrypter.decrypt_string(laravel_cbc_payload(b"hello")) == "hello"
    serialized = b'a:2:{s:2:"id";i:7;s:5:"roles";a:1:{i:0;s:5:"admin";}}'
    assert encrypter.encrypt({"id": 7, "roles": ["admin"]}) == laravel_cbc_payload(
        serialized
    )
    assert encrypter.decrypt(laravel_cbc_payload(serialized)) == {
        "id": 7,
        "roles": ["admin"],
    }


def test_known_gcm_vector_decrypts_and_encrypts() -> None:
    payload = laravel_gcm_payload(b's:5:"hello";', KEY, IV[:12])
    encrypter = pinned(Encrypter(KEY, "aes-256-gcm"), IV)
    assert encrypter.decrypt(payload) == "hello"
    assert encrypter.encrypt("hello") == payload


def test_laravel_json_with_escaped_slashes_decrypts() -> None:
    # PHP without JSON_UNESCAPED_SLASHES writes "\/"; any JSON reader accepts it.
    document = fields(laravel_cbc_payload(b"i:1;"))
    escaped = json.dumps(document).replace("/", "\\/")
    assert Encrypter(KEY).decrypt(base64.b64encode(escaped.encode()).decode()) == 1


# --- tampering ---------------------------------------------------------------


def tamper(payload: str, **changes: t.Any) -> str:
    document = fields(payload)
    document.update(changes)
    return pack(document)


def flip(text: str) -> str:
    raw = bytearray(base64.b64decode(text))
    raw[0] ^= 1
    return base64.b64encode(bytes(raw)).decode()


@pytest.mark.parametrize("cipher", CIPHERS)
def test_changed_value_is_rejected(cipher: str) -> None:
    encrypter = make(cipher)
    payload = encrypter.encrypt("foo")
    with pytest.raises(DecryptError):
        encrypter.decrypt(tamper(payload, value=flip(fields(payload)["value"])))


def test_changed_value_fails_the_mac() -> None:
    encrypter = make()
    payload = encrypter.encrypt("foo")
    with pytest.raises(DecryptError, match=r"^The MAC is invalid\.$"):
        encrypter.decrypt(tamper(payload, value=flip(fields(payload)["value"])))


def test_changed_mac_is_rejected() -> None:
    encrypter = make()
    payload = encrypter.encrypt("foo")
    mac = fields(payload)["mac"]
    for bad in ("0" * 64, mac[:-1] + ("0" if mac[-1] != "0" else "1"), "", "é" * 64):
        with pytest.raises(DecryptError, match="The MAC is invalid."):
            encrypter.decrypt(tamper(payload, mac=bad))


@pytest.mark.parametrize("cipher", ["aes-128-gcm", "aes-256-gcm"])
def test_changed_or_missing_tag_is_rejected(cipher: str) -> None:
    encrypter = make(cipher)
    payload = encrypter.encrypt("foo")
    for bad in (
        flip(fields(payload)["tag"]),
        "",
        base64.b64encode(b"short").decode(),
        "%%",
    ):
        with pytest.raises(DecryptError, match="Could not decrypt the data."):
            encrypter.decrypt(tamper(payload, tag=bad))


def test_changed_iv_is_rejected() -> None:
    encrypter = make()
    payload = encrypter.encrypt("foo")
    with pytest.raises(DecryptError):
        encrypter.decrypt(tamper(payload, iv=flip(fields(payload)["iv"])))


def test_cbc_payload_with_a_tag_is_rejected() -> None:
    encrypter = make()
    payload = encrypter.encrypt("foo")
    with pytest.raises(DecryptError, match="does not support AEAD"):
        encrypter.decrypt(tamper(payload, tag=base64.b64encode(b"x" * 16).decode()))


@pytest.mark.parametrize(
    "payload",
    [
        "",
        "not base64!!",
        "eyJpdiI6",  # truncated base64 of a JSON document
        base64.b64encode(b"not json").decode(),
        base64.b64encode(b"[1, 2]").decode(),
        base64.b64encode(b'"text"').decode(),
        base64.b64encode(b'{"iv": "", "value": ""}').decode(),
        base64.b64encode(b'{"iv": 1, "value": "", "mac": ""}').decode(),
        base64.b64encode(b'{"iv": "%%", "value": "", "mac": ""}').decode(),
        base64.b64encode(b'{"iv": "AAAA", "value": "", "mac": ""}').decode(),
        base64.b64encode(b"[" * 100000 + b"]" * 100000).decode(),
        b"\xff\xfe",
        None,
        123,
        ["payload"],
    ],
)
def test_malformed_payloads_are_invalid(payload: t.Any) -> None:
    with pytest.raises(DecryptError, match=r"^The payload is invalid\.$"):
        make().decrypt(payload)


def test_truncated_payload_is_rejected() -> None:
    encrypter = make()
    payload = encrypter.encrypt("foo")
    for cut in (1, 4, 10, len(payload) // 2):
        with pytest.raises(DecryptError):
            encrypter.decrypt(payload[:-cut])


@pytest.mark.parametrize("cipher", ["aes-128-cbc", "aes-256-cbc"])
def test_truncated_ciphertext_with_a_valid_mac_is_rejected(cipher: str) -> None:
    encrypter = make(cipher)
    key = encrypter.get_key()
    document = fields(encrypter.encrypt("a" * 40))
    value = base64.b64encode(base64.b64decode(document["value"])[:-5]).decode()
    mac = hmac.new(key, (document["iv"] + value).encode(), hashlib.sha256).hexdigest()
    with pytest.raises(DecryptError, match="Could not decrypt the data."):
        encrypter.decrypt(pack({**document, "value": value, "mac": mac}))


@pytest.mark.parametrize("cipher", CIPHERS)
def test_wrong_key_is_rejected(cipher: str) -> None:
    payload = make(cipher).encrypt("foo")
    with pytest.raises(DecryptError):
        make(cipher).decrypt(payload)


def test_payload_of_another_cipher_is_rejected() -> None:
    key = Encrypter.generate_key("aes-256-cbc")
    gcm_payload = Encrypter(key, "aes-256-gcm").encrypt("foo")
    with pytest.raises(DecryptError):
        Encrypter(key, "aes-256-cbc").decrypt(gcm_payload)
    with pytest.raises(DecryptError):
        Encrypter(key, "aes-256-gcm").decrypt(Encrypter(key).encrypt("foo"))


def test_authentic_payload_holding_an_object_is_refused() -> None:
    encrypter = make()
    payload = encrypter.encrypt_string('O:8:"stdClass":0:{}')
    with pytest.raises(DecryptError, match="Refusing to unserialize a PHP object"):
        encrypter.decrypt(payload)


def test_binary_plaintext_read_as_string_is_a_decrypt_error() -> None:
    encrypter = make()
    payload = encrypter.encrypt_string(b"\xff\xfe")
    with pytest.raises(DecryptError, match="not UTF-8"):
        encrypter.decrypt_string(payload)


# --- keys --------------------------------------------------------------------


def test_previous_keys_decrypt_old_payloads() -> None:
    old_key = Encrypter.generate_key()
    old_payload = Encrypter(old_key).encrypt("legacy")
    new = Encrypter(Encrypter.generate_key(), previous_keys=[old_key])
    assert new.decrypt(old_payload) == "legacy"
    assert new.decrypt(new.encrypt("fresh")) == "fresh"
    with pytest.raises(DecryptError):
        Encrypter(old_key).decrypt(new.encrypt("x"))


@pytest.mark.parametrize("cipher", ["aes-128-gcm", "aes-256-gcm"])
def test_previous_keys_work_with_gcm(cipher: str) -> None:
    old_key = Encrypter.generate_key(cipher)
    payload = Encrypter(old_key, cipher).encrypt("legacy")
    new = Encrypter(Encrypter.generate_key(cipher), cipher)
    with pytest.raises(DecryptError):
        new.decrypt(payload)
    assert new.previous_keys([old_key]) is new
    assert new.decrypt(payload) == "legacy"


def test_key_getters() -> None:
    key, old1, old2 = (Encrypter.generate_key() for _ in range(3))
    encrypter = Encrypter(key, previous_keys=[old1, old2])
    assert encrypter.get_key() == key
    assert encrypter.get_previous_keys() == [old1, old2]
    assert encrypter.get_all_keys() == [key, old1, old2]
    assert encrypter.get_cipher() == "aes-256-cbc"


@pytest.mark.parametrize(
    ("key", "cipher", "ok"),
    [
        (b"a" * 16, "aes-128-cbc", True),
        (b"a" * 32, "aes-256-cbc", True),
        (b"a" * 16, "AES-128-GCM", True),
        (b"a" * 32, "aes-256-gcm", True),
        (b"a" * 32, "aes-128-cbc", False),
        (b"a" * 16, "aes-256-cbc", False),
        (b"a" * 32, "aes-256-cfb8", False),
        ("a" * 32, "aes-256-cbc", False),
    ],
)
def test_supported(key: t.Any, cipher: str, ok: bool) -> None:
    assert Encrypter.supported(key, cipher) is ok


@pytest.mark.parametrize("cipher", CIPHERS)
def test_generate_key_fits_the_cipher(cipher: str) -> None:
    key = Encrypter.generate_key(cipher)
    assert Encrypter.supported(key, cipher)
    assert key != Encrypter.generate_key(cipher)


def test_cipher_name_is_case_insensitive() -> None:
    encrypter = Encrypter(b"k" * 32, "AES-256-CBC")
    assert encrypter.decrypt(encrypter.encrypt("x")) == "x"


def test_raw_string_key_is_accepted() -> None:
    encrypter = Encrypter("k" * 32)  # type: ignore[arg-type]
    assert encrypter.get_key() == b"k" * 32


@pytest.mark.parametrize(
    ("key", "cipher", "match"),
    [
        (
            b"short",
            "aes-256-cbc",
            r"\[aes-256-cbc\] or incorrect key length \[5 bytes\]",
        ),
        (b"a" * 32, "aes-256-cfb8", r"\[aes-256-cfb8\]"),
    ],
)
def test_unsupported_cipher_or_key_length(key: bytes, cipher: str, match: str) -> None:
    with pytest.raises(UnsupportedCipherError, match=match):
        Encrypter(key, cipher)


def test_previous_key_with_wrong_length_is_refused() -> None:
    with pytest.raises(UnsupportedCipherError, match=r"\[3 bytes\]"):
        Encrypter(b"a" * 32, previous_keys=[b"abc"])
    with pytest.raises(UnsupportedCipherError):
        Encrypter.generate_key("rot13")


def test_non_bytes_key_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"\[int\]"):
        Encrypter(123)  # type: ignore[arg-type]
