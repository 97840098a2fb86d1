"""EncryptCookies: Laravel's cookie payloads in and out, tampering, exceptions."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import typing as t
import urllib.parse

import pytest

from protevus.cookie.cookie_value_prefix import CookieValuePrefix
from protevus.cookie.middleware.add_queued_cookies_to_response import (
    AddQueuedCookiesToResponse,
)
from protevus.cookie.middleware.encrypt_cookies import EncryptCookies
from protevus.encryption.encrypter import Encrypter
from protevus.http.response import Cookie
from protevus.http.response import Response
from protevus.support.facades.cookie import Cookie as CookieFacade
from protevus.testing import TestClient

RAW_KEY = b"\x00" * 32  # APP_KEY=base64:AAAA...A= of tests/cookie/conftest.py
OLD_KEY = b"\x01" * 32


class PlainThemeCookies(EncryptCookies):
    except_ = ["theme"]


def _read(request: t.Any) -> dict[str, t.Any]:
    return {"cookies": request.cookie()}


def _routes(app: t.Any, middleware: t.Any = EncryptCookies) -> None:
    router = app.make("router")
    router.get("/read", _read).middleware(middleware)
    router.get("/read-raw", _read)
    router.get(
        "/set", lambda: Response("ok").with_cookie("theme", "dark", 60)
    ).middleware(middleware)
    router.get("/forget", lambda: Response("ok").without_cookie("theme")).middleware(
        middleware
    )


@pytest.fixture
def app(cookie_app: t.Any) -> t.Any:
    app = cookie_app()
    _routes(app)
    return app


def _set_cookie_value(response: t.Any, name: str) -> str:
    cookie = response.cookie(name)
    assert cookie is not None, f"no Set-Cookie for [{name}]"
    return str(cookie.value)


def _decrypt_with_raw_encrypter(name: str, value: str) -> str | None:
    encrypter = Encrypter(RAW_KEY)
    plain = encrypter.decrypt(urllib.parse.unquote(value), unserialize=False)
    return CookieValuePrefix.validate(name, plain, [RAW_KEY])


def _laravel_payload(key: bytes, plaintext: str) -> str:
    """Build a payload by hand the way Laravel's Encrypter does (AES-256-CBC + HMAC)."""
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher
    from cryptography.hazmat.primitives.ciphers import algorithms
    from cryptography.hazmat.primitives.ciphers import modes

    iv = bytes(range(16))
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plaintext.encode()) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    ciphertext = encryptor.update(padded) + encryptor.finalize()
    iv_b64 = base64.b64encode(iv).decode()
    value_b64 = base64.b64encode(ciphertext).decode()
    mac = hmac.new(key, (iv_b64 + value_b64).encode(), hashlib.sha256).hexdigest()
    document = json.dumps(
        {"iv": iv_b64, "value": value_b64, "mac": mac, "tag": ""},
        separators=(",", ":"),
    )
    return base64.b64encode(document.encode()).decode()


def test_outgoing_cookies_decrypt_with_the_raw_encrypter_and_prefix(app: t.Any) -> None:
    response = TestClient(app).get("/set")
    value = _set_cookie_value(response, "theme")
    assert value != "dark"
    assert _decrypt_with_raw_encrypter("theme", value) == "dark"
    header = next(h for h in response.headers.getlist("Set-Cookie") if "theme=" in h)
    assert "Max-Age=3600" in header and "HttpOnly" in header and "Path=/" in header


def test_a_hand_built_laravel_payload_decrypts(app: t.Any) -> None:
    payload = _laravel_payload(
        RAW_KEY, CookieValuePrefix.create("theme", RAW_KEY) + "dark"
    )
    client = TestClient(app)
    # As a Laravel app writes it: rawurlencode()d...
    client.with_unencrypted_cookie("theme", urllib.parse.quote(payload, safe=""))
    client.get("/read").assert_json_path("cookies", {"theme": "dark"})
    # ...or sent back raw by a client.
    client.with_unencrypted_cookie("theme", payload)
    client.get("/read").assert_json_path("cookies", {"theme": "dark"})


def test_cookies_round_trip_through_the_client(app: t.Any) -> None:
    client = TestClient(app)
    client.get("/set").assert_ok()
    client.get("/read").assert_json_path("cookies.theme", "dark")
    raw = client.get("/read-raw").json("cookies.theme")
    assert raw != "dark" and _decrypt_with_raw_encrypter("theme", raw) == "dark"


@pytest.mark.parametrize(
    "value",
    [
        "not-a-payload",
        "",
        base64.b64encode(b'{"iv":"x","value":"y","mac":"z"}').decode(),
        "%ZZ%",
    ],
)
def test_undecryptable_cookies_are_dropped_not_500(app: t.Any, value: str) -> None:
    client = TestClient(app).with_unencrypted_cookies({"theme": value, "lang": value})
    client.get("/read").assert_ok().assert_json_path("cookies", {})


def test_a_tampered_payload_is_dropped(app: t.Any) -> None:
    client = TestClient(app)
    value = _set_cookie_value(client.get("/set"), "theme")
    document = json.loads(base64.b64decode(urllib.parse.unquote(value)))
    document["value"] = base64.b64encode(b"\x00" * 32).decode()
    forged = base64.b64encode(json.dumps(document).encode()).decode()
    fresh = TestClient(app).with_unencrypted_cookie("theme", forged)
    fresh.get("/read").assert_ok().assert_json_path("cookies", {})


def test_a_payload_moved_to_another_cookie_is_dropped(app: t.Any) -> None:
    value = _set_cookie_value(TestClient(app).get("/set"), "theme")
    client = TestClient(app).with_unencrypted_cookies({"admin": value})
    client.get("/read").assert_json_path("cookies", {})


def test_cookies_from_a_previous_key_still_decrypt(cookie_app: t.Any) -> None:
    old = "base64:" + base64.b64encode(OLD_KEY).decode()
    app = cookie_app(env=f"APP_PREVIOUS_KEYS={old}\n")
    _routes(app)
    payload = Encrypter(OLD_KEY).encrypt(
        CookieValuePrefix.create("theme", OLD_KEY) + "dark", serialize=False
    )
    client = TestClient(app).with_unencrypted_cookie("theme", payload)
    client.get("/read").assert_json_path("cookies.theme", "dark")


def test_deleting_a_cookie_is_not_encrypted(app: t.Any) -> None:
    response = TestClient(app).get("/forget")
    response.assert_cookie_expired("theme")
    assert _set_cookie_value(response, "theme") == ""


def test_the_except_list_of_a_subclass(cookie_app: t.Any) -> None:
    app = cookie_app()
    _routes(app, PlainThemeCookies)
    client = TestClient(app)
    client.get("/set").assert_plain_cookie("theme", "dark")
    client.with_unencrypted_cookie("theme", "light")
    client.get("/read").assert_json_path("cookies.theme", "light")


def test_except_registration_on_the_class(app: t.Any) -> None:
    EncryptCookies.except_(["theme"])
    try:
        assert EncryptCookies(Encrypter(RAW_KEY)).is_disabled("theme")
        TestClient(app).get("/set").assert_plain_cookie("theme", "dark")
    finally:
        EncryptCookies.flush_state()
    assert not EncryptCookies(Encrypter(RAW_KEY)).is_disabled("theme")


def test_except_from_the_middleware_registrar(cookie_app: t.Any) -> None:
    app = cookie_app(middleware=lambda m: m.encrypt_cookies(except_=["theme"]))
    _routes(app)
    client = TestClient(app)
    client.get("/set").assert_plain_cookie("theme", "dark")
    client.with_unencrypted_cookie("theme", "plain").get("/read").assert_json_path(
        "cookies.theme", "plain"
    )


def test_disable_for_and_serialized() -> None:
    middleware = EncryptCookies(Encrypter(RAW_KEY))
    middleware.disable_for("one")
    middleware.disable_for(["two"])
    assert middleware.is_disabled("one") and middleware.is_disabled("two")
    assert not EncryptCookies(Encrypter(RAW_KEY)).is_disabled("one")
    assert EncryptCookies.serialized("anything") is False


def test_response_with_cookie_is_encrypted(app: t.Any) -> None:
    app.make("router").get(
        "/with-cookie",
        lambda: Response("ok").with_cookie(Cookie("lang", "en", 10)),
    ).middleware(EncryptCookies)
    value = _set_cookie_value(TestClient(app).get("/with-cookie"), "lang")
    assert _decrypt_with_raw_encrypter("lang", value) == "en"


def test_queued_cookies_land_on_the_response_encrypted(app: t.Any) -> None:
    def queue() -> str:
        CookieFacade.queue("queued", "yes", 5)
        CookieFacade.queue(CookieFacade.make("other", "1"))
        return "queued"

    app.make("router").get("/queue", queue).middleware(
        [EncryptCookies, AddQueuedCookiesToResponse]
    )
    client = TestClient(app)
    response = client.get("/queue")
    assert (
        _decrypt_with_raw_encrypter("queued", _set_cookie_value(response, "queued"))
        == "yes"
    )
    assert (
        _decrypt_with_raw_encrypter("other", _set_cookie_value(response, "other"))
        == "1"
    )
    assert app.make("cookie").get_queued_cookies() == []
    client.get("/read").assert_json_path("cookies", {"queued": "yes", "other": "1"})


def test_the_queue_is_emptied_even_when_the_request_fails(app: t.Any) -> None:
    def boom() -> str:
        CookieFacade.queue("queued", "yes")
        raise RuntimeError("boom")

    app.make("router").get("/boom", boom).middleware(AddQueuedCookiesToResponse)
    TestClient(app).get("/boom").assert_status(500)
    assert app.make("cookie").get_queued_cookies() == []


def test_client_with_cookies_sends_them_encrypted(app: t.Any) -> None:
    client = TestClient(app).with_cookies({"theme": "dark"}).with_cookie("lang", "en")
    client.with_unencrypted_cookie("plain", "1")
    client.get("/read").assert_json_path("cookies", {"theme": "dark", "lang": "en"})
    raw = client.get("/read-raw").json("cookies")
    assert raw["plain"] == "1"
    assert _decrypt_with_raw_encrypter("theme", raw["theme"]) == "dark"


def test_client_cookie_encryption_can_be_disabled(app: t.Any) -> None:
    client = TestClient(app).with_cookie("theme", "dark").disable_cookie_encryption()
    client.get("/read-raw").assert_json_path("cookies.theme", "dark")
    client.enable_cookie_encryption()
    assert client.get("/read-raw").json("cookies.theme") != "dark"


def test_client_without_app_key_sends_cookies_as_they_are(cookie_app: t.Any) -> None:
    app = cookie_app(env="APP_KEY=\n")
    app.make("router").get("/read-raw", _read)
    client = TestClient(app).with_cookie("theme", "dark")
    client.get("/read-raw").assert_json_path("cookies.theme", "dark")


def test_decrypt_cookie_value_helper(app: t.Any) -> None:
    from protevus.testing.cookies import decrypt_cookie_value

    value = _set_cookie_value(TestClient(app).get("/set"), "theme")
    assert decrypt_cookie_value(app, "theme", value) == "dark"
    assert decrypt_cookie_value(app, "other", value) is None
    assert decrypt_cookie_value(app, "theme", "garbage") is None


def test_assert_cookie_compares_the_decrypted_value(app: t.Any) -> None:
    response = TestClient(app).get("/set")
    response.assert_cookie("theme", "dark")
    assert _set_cookie_value(response, "theme") != "dark"  # encrypted on the wire
    with pytest.raises(
        AssertionError, match=r"value \[dark\] does not match \[light\]"
    ):
        response.assert_cookie("theme", "light")
    with pytest.raises(AssertionError):
        response.assert_plain_cookie("theme", "dark")
