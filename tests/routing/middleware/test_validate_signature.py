"""The ``signed`` middleware: 403 "Invalid signature." for anything but a genuine URL."""

from __future__ import annotations

import hashlib
import hmac
import typing as t

import pytest

from protevus.facades import Route
from protevus.routing.middleware.validate_signature import InvalidSignatureException
from protevus.routing.middleware.validate_signature import ValidateSignature
from protevus.support.carbon import Carbon
from protevus.testing import TestClient

KEY = "base64:" + "A" * 43 + "="
JSON = {"Accept": "application/json"}
NOW = 1700000000


@pytest.fixture(autouse=True)
def _reset() -> t.Iterator[None]:
    Carbon.set_test_now(Carbon.create_from_timestamp(NOW))
    yield
    Carbon.set_test_now(None)
    ValidateSignature.flush_state()


@pytest.fixture
def app(make_app: t.Any) -> t.Any:
    app = make_app(env=f"APP_KEY={KEY}\nAPP_URL=http://localhost\n")
    Route.get("/files/{file}", lambda file: f"file {file}").name("files").middleware(
        "signed"
    )
    Route.get("/rel/{file}", lambda file: f"rel {file}").name("rel").middleware(
        "signed:relative"
    )
    Route.get("/utm/{file}", lambda file: f"utm {file}").name("utm").middleware(
        "signed:relative,utm_campaign"
    )
    return app


@pytest.fixture
def signed(app: t.Any) -> str:
    return str(
        app.make("url").temporary_signed_route("files", 300, {"file": 7, "v": 1})
    )


def test_a_genuine_url_passes(app: t.Any, signed: str) -> None:
    TestClient(app).get(signed).assert_ok().assert_see("file 7")


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda u: u.replace("/files/7", "/files/8"), id="changed-path"),
        pytest.param(lambda u: u.replace("v=1", "v=2"), id="changed-query-value"),
        pytest.param(lambda u: u + "&admin=1", id="added-parameter"),
        pytest.param(lambda u: u.replace("?expires=", "?x="), id="renamed-expires"),
        pytest.param(
            lambda u: u.split("?")[0] + "?v=1&" + u.split("&", 2)[2],
            id="removed-expires",
        ),
        pytest.param(lambda u: u.split("&signature=")[0], id="removed-signature"),
        pytest.param(
            lambda u: u.split("&signature=")[0] + "&signature=zz-not-hex",
            id="non-hex-signature",
        ),
        pytest.param(
            lambda u: u.split("&signature=")[0] + "&signature=%E2%98%83%F0%9F%92%A9",
            id="unicode-junk",
        ),
        pytest.param(
            lambda u: u.split("&signature=")[0] + "&signature=%FF%FE%00",
            id="invalid-utf8",
        ),
        pytest.param(
            lambda u: u.replace("signature=", "signature[]="), id="signature-array"
        ),
        pytest.param(lambda u: u + "&signature=", id="empty-second-signature"),
        pytest.param(
            lambda u: (
                u.split("signature=")[0] + "signature=" + u.split("=")[-1].upper()
            ),
            id="upper-case-signature",
        ),
        pytest.param(lambda u: u.replace("expires=", "expires=9"), id="longer-expiry"),
    ],
)
def test_tampering_answers_403_never_500(
    app: t.Any, signed: str, tamper: t.Callable[[str], str]
) -> None:
    client = TestClient(app)
    response = client.get(tamper(signed), None, JSON)
    response.assert_status(403)
    assert response.json("message") == "Invalid signature."
    client.get(tamper(signed)).assert_status(403)


def test_an_expired_url_answers_403(app: t.Any, signed: str) -> None:
    client = TestClient(app)
    Carbon.set_test_now(Carbon.create_from_timestamp(NOW + 300))
    client.get(signed).assert_ok()
    Carbon.set_test_now(Carbon.create_from_timestamp(NOW + 301))
    assert client.get(signed, None, JSON).assert_status(403).json() == {
        "message": "Invalid signature."
    }


def test_a_non_numeric_expiry_with_a_genuine_signature_is_refused(app: t.Any) -> None:
    # The signature over `expires=soon` is genuine, but the date cannot be read.
    unsigned = "http://localhost/files/7?expires=soon"
    signature = hmac.new(KEY.encode(), unsigned.encode(), hashlib.sha256).hexdigest()
    response = TestClient(app).get(f"{unsigned}&signature={signature}", None, JSON)
    assert response.assert_status(403).json("message") == "Invalid signature."


def test_relative_routes_accept_another_host(app: t.Any) -> None:
    url = app.make("url").signed_route("rel", {"file": 3}, absolute=False)
    client = TestClient(app)
    client.get("http://cdn.example.com" + url).assert_ok().assert_see("rel 3")
    absolute = app.make("url").signed_route("files", {"file": 3})
    client.get(absolute.replace("localhost", "other.test")).assert_status(403)


def test_ignored_parameters_from_arguments_and_except(app: t.Any) -> None:
    client = TestClient(app)
    url = app.make("url").signed_route("utm", {"file": 1}, absolute=False)
    client.get(url + "&utm_campaign=spring").assert_ok()
    client.get(url + "&utm_source=mail").assert_status(403)
    ValidateSignature.except_(["utm_source"])
    client.get(url + "&utm_source=mail&utm_campaign=x").assert_ok()
    signed = app.make("url").signed_route("files", {"file": 1})
    client.get(signed + "&utm_source=mail").assert_ok()
    client.get(signed + "&utm_medium=mail").assert_status(403)


def test_a_subclass_except_list(make_app: t.Any) -> None:
    class IgnoreTracking(ValidateSignature):
        except_ = ["fbclid"]

    app = make_app(env=f"APP_KEY={KEY}\nAPP_URL=http://localhost\n")
    Route.get("/p/{id}", lambda id: f"p {id}").name("p").middleware(IgnoreTracking)
    url = app.make("url").signed_route("p", {"id": 1})
    TestClient(app).get(url + "&fbclid=abc").assert_ok()
    TestClient(app).get(url + "&gclid=abc").assert_status(403)


def test_middleware_strings_and_the_exception() -> None:
    assert ValidateSignature.relative() == "signed:relative"
    assert ValidateSignature.relative(["utm"]) == "signed:relative,utm"
    assert ValidateSignature.absolute() == "signed"
    assert ValidateSignature.absolute(["utm"]) == "signed:absolute,utm"
    error = InvalidSignatureException()
    assert (error.status_code, str(error)) == (403, "Invalid signature.")
