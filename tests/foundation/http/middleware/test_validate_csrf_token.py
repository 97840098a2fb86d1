"""ValidateCsrfToken: tokens from _token / X-CSRF-TOKEN / X-XSRF-TOKEN, exclusions, the XSRF-TOKEN cookie."""

from __future__ import annotations

import typing as t
import urllib.parse
from pathlib import Path

import pytest

from protevus.cookie.cookie_service_provider import CookieServiceProvider
from protevus.cookie.middleware.encrypt_cookies import EncryptCookies
from protevus.foundation.http.middleware.validate_csrf_token import ValidateCsrfToken
from protevus.foundation.http.middleware.validate_csrf_token import VerifyCsrfToken
from protevus.http.request import Request
from protevus.session.token_mismatch_exception import TokenMismatchException
from protevus.testing import TestClient

TOKEN = "t0k3n" * 8


class FakeSession:
    """The one thing CSRF needs from a session store (StartSession arrives separately)."""

    def token(self) -> str:
        return TOKEN


def attach_session(request: t.Any, next: t.Callable[[t.Any], t.Any]) -> t.Any:
    request.set_session(FakeSession())
    return next(request)


class FullUrlExcept(ValidateCsrfToken):
    except_ = ["http://localhost/partners/*"]


class NoCookie(ValidateCsrfToken):
    add_http_cookie = False


def _build(http_app: t.Any, csrf: type = ValidateCsrfToken, **options: t.Any) -> t.Any:
    app = http_app(**options)
    app.register(CookieServiceProvider)
    router = app.make("router")
    stack = [EncryptCookies, attach_session, csrf]
    router.get("/form", lambda: "form").middleware(stack)
    router.options("/form", lambda: "options").middleware(stack)
    for uri in ("/submit", "/stripe/webhook", "/hooks/github", "/partners/acme"):
        router.post(uri, lambda: "done").middleware(stack)
    router.put("/submit", lambda: "put").middleware(stack)
    router.post("/no-session", lambda: "x").middleware(ValidateCsrfToken)
    return app


@pytest.fixture
def app(http_app: t.Any) -> t.Any:
    return _build(http_app)


def _assert_mismatch(response: t.Any) -> None:
    exception = response.exception
    assert isinstance(exception, TokenMismatchException), response.describe()
    assert str(exception) == "CSRF token mismatch."
    if response.status_code == 419:  # the handler's mapping (added separately)
        return
    assert response.status_code in (419, 500)


def test_get_passes_and_sets_the_xsrf_cookie(app: t.Any) -> None:
    response = TestClient(app).get("/form").assert_ok()
    cookie = response.cookie("XSRF-TOKEN")
    assert cookie is not None
    assert not cookie.http_only and cookie.same_site == "Lax" and cookie.path == "/"
    assert cookie.max_age == 120 * 60
    from protevus.testing.cookies import decrypt_cookie_value

    assert decrypt_cookie_value(app, "XSRF-TOKEN", cookie.value) == TOKEN


def test_the_xsrf_cookie_is_secure_over_https_only(app: t.Any) -> None:
    assert not TestClient(app).get("/form").cookie("XSRF-TOKEN").secure
    secure = TestClient(app).get("https://localhost/form").cookie("XSRF-TOKEN")
    assert secure is not None and secure.secure


def test_options_and_head_pass(app: t.Any) -> None:
    client = TestClient(app)
    client.options("/form").assert_ok()
    client.head("/form").assert_ok()


@pytest.mark.parametrize("method", ["post", "put"])
def test_a_write_without_a_token_is_rejected(app: t.Any, method: str) -> None:
    _assert_mismatch(getattr(TestClient(app), method)("/submit"))


def test_a_wrong_token_is_rejected(app: t.Any) -> None:
    client = TestClient(app)
    _assert_mismatch(client.post("/submit", {"_token": "wrong"}))
    _assert_mismatch(client.post("/submit", headers={"X-CSRF-TOKEN": "wrong"}))
    _assert_mismatch(client.post("/submit", headers={"X-XSRF-TOKEN": "garbage"}))
    _assert_mismatch(client.post("/submit", {"_token": "ünïcødé"}))


def test_the_raise_path_directly(http_app: t.Any) -> None:
    app = http_app()
    request = Request.from_values("/submit", method="POST", data={"_token": "nope"})
    request.set_session(FakeSession())
    with pytest.raises(TokenMismatchException, match=r"^CSRF token mismatch\.$"):
        ValidateCsrfToken(app).handle(request, lambda r: "never")


def test_the_token_field_is_accepted(app: t.Any) -> None:
    TestClient(app).post("/submit", {"_token": TOKEN}).assert_ok().assert_see("done")


def test_a_json_token_field_is_accepted(app: t.Any) -> None:
    TestClient(app).post_json("/submit", {"_token": TOKEN}).assert_ok()


def test_the_x_csrf_token_header_is_accepted(app: t.Any) -> None:
    TestClient(app).post("/submit", headers={"X-CSRF-TOKEN": TOKEN}).assert_ok()


def test_the_echoed_xsrf_cookie_is_accepted(app: t.Any) -> None:
    client = TestClient(app)
    cookie = client.get("/form").cookie("XSRF-TOKEN")
    assert cookie is not None
    # axios sends decodeURIComponent(document.cookie's XSRF-TOKEN).
    decoded = urllib.parse.unquote(cookie.value)
    client.post("/submit", headers={"X-XSRF-TOKEN": decoded}).assert_ok()
    # A client that copies the cookie without decoding it works too.
    client.post("/submit", headers={"X-XSRF-TOKEN": cookie.value}).assert_ok()


def test_an_encrypted_value_of_another_cookie_is_not_a_token(app: t.Any) -> None:
    encrypter = app.make("encrypter")
    from protevus.cookie.cookie_value_prefix import CookieValuePrefix

    other = encrypter.encrypt(
        CookieValuePrefix.create("theme", encrypter.get_key()) + TOKEN, serialize=False
    )
    _assert_mismatch(TestClient(app).post("/submit", headers={"X-XSRF-TOKEN": other}))


def test_wildcard_exclusions_registered_on_the_class(app: t.Any) -> None:
    ValidateCsrfToken.except_(["stripe/*"])
    try:
        TestClient(app).post("/stripe/webhook").assert_ok()
        _assert_mismatch(TestClient(app).post("/submit"))
    finally:
        ValidateCsrfToken.flush_state()
    _assert_mismatch(TestClient(app).post("/stripe/webhook"))


def test_exclusions_from_the_middleware_registrar(http_app: t.Any) -> None:
    app = _build(
        http_app, middleware=lambda m: m.validate_csrf_tokens(except_=["/hooks/*"])
    )
    TestClient(app).post("/hooks/github").assert_ok()
    _assert_mismatch(TestClient(app).post("/stripe/webhook"))


def test_full_url_exclusions(http_app: t.Any) -> None:
    app = _build(http_app, csrf=FullUrlExcept)
    TestClient(app).post("/partners/acme").assert_ok()
    _assert_mismatch(TestClient(app).post("/submit"))


def test_the_cookie_can_be_turned_off(http_app: t.Any) -> None:
    app = _build(http_app, csrf=NoCookie)
    TestClient(app).get("/form").assert_ok().assert_cookie_missing("XSRF-TOKEN")


def test_running_unit_tests_skips_the_check(
    http_app: t.Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APP_ENV", "testing")
    app = _build(http_app)
    assert app.running_unit_tests()
    TestClient(app).post("/submit").assert_ok()


def test_no_session_is_a_clear_error(app: t.Any) -> None:
    response = TestClient(app).post("/no-session")
    assert response.status_code == 500
    assert isinstance(response.exception, RuntimeError)
    assert "needs a session" in str(response.exception)
    assert "StartSession" in str(response.exception)


def test_verify_csrf_token_is_the_same_middleware() -> None:
    assert VerifyCsrfToken is ValidateCsrfToken


def test_end_to_end_with_start_session(
    http_app: t.Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("protevus.session.middleware.start_session")
    provider = pytest.importorskip("protevus.session.session_service_provider")
    from protevus.foundation.helpers import csrf_token

    monkeypatch.setenv("SESSION_DRIVER", "file")
    app = http_app()
    Path(app.storage_path("framework/sessions")).mkdir(parents=True, exist_ok=True)
    app.register(CookieServiceProvider)
    if not app.bound("session"):
        app.register(provider.SessionServiceProvider)
    router = app.make("router")
    router.get("/form", lambda: csrf_token()).middleware("web")
    router.post("/submit", lambda: "saved").middleware("web")
    client = TestClient(app)
    token = client.get("/form").assert_ok().text
    assert len(token) == 40
    client.post("/submit", {"_token": token}).assert_ok().assert_see("saved")
    _assert_mismatch(client.post("/submit", {"_token": "wrong"}))
    xsrf = client.get("/form").cookie("XSRF-TOKEN")
    assert xsrf is not None
    client.post(
        "/submit", headers={"X-XSRF-TOKEN": urllib.parse.unquote(xsrf.value)}
    ).assert_ok()
