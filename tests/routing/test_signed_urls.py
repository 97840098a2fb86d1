"""Signed URLs: Laravel's algorithm, expiry, key rotation, relative and ignored parameters."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import typing as t

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.facades import Route
from protevus.http.request import Request
from protevus.routing.exceptions import UrlGenerationError
from protevus.support.carbon import Carbon
from protevus.testing import TestClient

KEY = "base64:" + "A" * 43 + "="
OLD_KEY = "base64:" + "B" * 43 + "="
#: 2023-11-14 22:13:20 UTC.
EXPIRES = 1700000000


def _hmac(key: str, message: str) -> str:
    """PHP's ``hash_hmac('sha256', $message, $key)``: the key is the raw APP_KEY string."""
    return hmac.new(key.encode(), message.encode(), hashlib.sha256).hexdigest()


@pytest.fixture(autouse=True)
def _unfreeze() -> t.Iterator[None]:
    yield
    Carbon.set_test_now(None)


def _app(make_app: t.Any, env: str = "") -> t.Any:
    app = make_app(env=f"APP_KEY={KEY}\nAPP_URL=http://localhost\n{env}")

    def check(request: Request) -> dict[str, t.Any]:
        url = app.make("url")
        return {
            "valid": request.has_valid_signature(),
            "relative": request.has_valid_relative_signature(),
            "ignoring": url.has_valid_signature(request, True, ["utm_source"]),
            "correct": url.has_correct_signature(request),
            "fresh": url.signature_has_not_expired(request),
        }

    Route.get("/unsubscribe/{user}", check).name("unsubscribe")
    Route.get("/", check).name("home")
    return app


def test_a_laravel_signed_url_has_the_same_signature(make_app: t.Any) -> None:
    # Laravel's signedRoute(): ksort the parameters, add `expires`, build the URL with
    # route(), then append hash_hmac('sha256', <that URL>, config('app.key')), with the
    # `base64:...` key string itself as the HMAC key. For this route, parameters and
    # key, Laravel signs exactly the string below; its HMAC-SHA256 is the hex constant.
    app = _app(make_app)
    signed_string = f"http://localhost/unsubscribe/1?expires={EXPIRES}&list=news"
    signature = "7f33d95585fd08a857ab754240fa3a3b291c3bc223ed4bcf53cdcd82babccea1"
    assert _hmac(KEY, signed_string) == signature
    expiry = datetime.datetime.fromtimestamp(EXPIRES, datetime.UTC)
    url = app.make("url").signed_route(
        "unsubscribe", {"list": "news", "user": 1}, expiry
    )
    assert url == f"{signed_string}&signature={signature}"


def test_a_url_signed_by_laravel_validates_here(make_app: t.Any) -> None:
    app = _app(make_app)
    signed = "http://localhost/unsubscribe/1?list=news"
    signature = "bddc7c6f9d7db5b7e94c494cdc8c1eb5316df7d7d76f4ad363ea056ccefb4972"
    assert _hmac(KEY, signed) == signature
    response = TestClient(app).get(f"{signed}&signature={signature}")
    assert response.assert_ok().json() == {
        "valid": True,
        "relative": False,
        "ignoring": True,
        "correct": True,
        "fresh": True,
    }


def test_parameters_are_sorted_and_the_signature_comes_last(make_app: t.Any) -> None:
    app = _app(make_app)
    url = app.make("url").signed_route(
        "unsubscribe", {"zeta": "z", "user": 5, "alpha": "a b"}
    )
    unsigned, _, signature = url.partition("&signature=")
    assert unsigned == "http://localhost/unsubscribe/5?alpha=a%20b&zeta=z"
    assert signature == _hmac(KEY, unsigned)
    scalar = app.make("url").signed_route("unsubscribe", 7)
    assert scalar == "http://localhost/unsubscribe/7?signature=" + _hmac(
        KEY, "http://localhost/unsubscribe/7"
    )


@pytest.mark.parametrize("reserved", ["signature", "expires"])
def test_reserved_parameters_are_refused(make_app: t.Any, reserved: str) -> None:
    app = _app(make_app)
    with pytest.raises(InvalidArgumentError) as caught:
        app.make("url").signed_route("unsubscribe", {"user": 1, reserved: "x"})
    assert str(caught.value) == (
        f'"{reserved.capitalize()}" is a reserved parameter when generating signed '
        "routes. Please rename your route parameter."
    )


@pytest.mark.parametrize(
    "expiration",
    [
        60,
        datetime.timedelta(minutes=1),
        datetime.datetime.fromtimestamp(EXPIRES + 60, datetime.UTC),
        Carbon.create_from_timestamp(EXPIRES + 60),
    ],
)
def test_expiration_becomes_a_unix_timestamp(
    make_app: t.Any, expiration: t.Any
) -> None:
    app = _app(make_app)
    Carbon.set_test_now(Carbon.create_from_timestamp(EXPIRES))
    url = app.make("url").temporary_signed_route("unsubscribe", expiration, {"user": 1})
    assert url.startswith(f"http://localhost/unsubscribe/1?expires={EXPIRES + 60}&")


def test_a_bad_expiration_or_an_empty_key_is_an_error(make_app: t.Any) -> None:
    app = _app(make_app)
    with pytest.raises(InvalidArgumentError, match=r"Expiration \['soon'\]"):
        app.make("url").temporary_signed_route("unsubscribe", "soon", {"user": 1})
    app.make("config").set("app.key", "")
    with pytest.raises(UrlGenerationError, match=r"\[app.key\] is empty"):
        app.make("url").signed_route("unsubscribe", {"user": 1})


def test_a_temporary_url_expires(make_app: t.Any) -> None:
    app = _app(make_app)
    Carbon.set_test_now(Carbon.create_from_timestamp(EXPIRES))
    url = app.make("url").temporary_signed_route("unsubscribe", 60, {"user": 1})
    client = TestClient(app)
    Carbon.set_test_now(Carbon.create_from_timestamp(EXPIRES + 60))
    assert client.get(url).json("valid") is True
    Carbon.set_test_now(Carbon.create_from_timestamp(EXPIRES + 61))
    body = client.get(url).json()
    assert (body["valid"], body["correct"], body["fresh"]) == (False, True, False)


def test_a_tampered_url_is_not_valid(make_app: t.Any) -> None:
    app = _app(make_app)
    url = app.make("url").signed_route("unsubscribe", {"user": 1, "list": "news"})
    client = TestClient(app)
    assert client.get(url).json("valid") is True
    assert client.get(url.replace("/1?", "/2?")).json("valid") is False
    assert client.get(url.replace("news", "spam")).json("valid") is False
    assert client.get(url + "&admin=1").json("valid") is False
    assert client.get(url.replace("signature=", "signature=0")).json("valid") is False


def test_previous_keys_still_validate(make_app: t.Any) -> None:
    app = _app(make_app, f"APP_PREVIOUS_KEYS={OLD_KEY}\n")
    unsigned = "http://localhost/unsubscribe/1"
    client = TestClient(app)
    old = f"{unsigned}?signature={_hmac(OLD_KEY, unsigned)}"
    assert client.get(old).json("valid") is True
    new = app.make("url").signed_route("unsubscribe", {"user": 1})
    assert new == f"{unsigned}?signature={_hmac(KEY, unsigned)}"
    app.make("config").set("app.previous_keys", [])
    assert client.get(old).json("valid") is False
    assert client.get(new).json("valid") is True


def test_relative_signatures_ignore_the_host(make_app: t.Any) -> None:
    app = _app(make_app)
    url = app.make("url").signed_route("unsubscribe", {"user": 1}, absolute=False)
    assert url == "/unsubscribe/1?signature=" + _hmac(KEY, "/unsubscribe/1")
    body = TestClient(app).get("http://other.test" + url).json()
    assert (body["valid"], body["relative"]) == (False, True)
    root = app.make("url").signed_route("home", {"a": 1}, absolute=False)
    assert root == "/?a=1&signature=" + _hmac(KEY, "/?a=1")
    assert TestClient(app).get(root).json("relative") is True


def test_ignored_query_parameters(make_app: t.Any) -> None:
    app = _app(make_app)
    url = app.make("url").signed_route("unsubscribe", {"user": 1})
    body = TestClient(app).get(url + "&utm_source=mail").json()
    assert (body["valid"], body["ignoring"]) == (False, True)
    body = TestClient(app).get(url + "&utm_medium=mail").json()
    assert body["ignoring"] is False


def test_a_callable_ignores_parameters_and_a_key_resolver_signs(
    make_app: t.Any,
) -> None:
    app = _app(make_app)
    url_generator = app.make("url")
    url_generator.set_key_resolver(lambda: ["custom-key", KEY])
    url = url_generator.signed_route("unsubscribe", {"user": 1})
    unsigned = "http://localhost/unsubscribe/1"
    assert url == f"{unsigned}?signature={_hmac('custom-key', unsigned)}"
    with app.flask.test_request_context(url + "&utm_x=1&utm_y=2"):
        from flask import request

        assert url_generator.has_valid_signature(
            request, True, lambda name: name.startswith("utm_")
        )
        assert not url_generator.has_valid_signature(request)
