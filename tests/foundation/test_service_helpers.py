"""The helpers that reach this session's services: old, encrypt/decrypt, bcrypt, cache, session, csrf, trans."""

from __future__ import annotations

import typing as t

import pytest

from protevus.helpers import bcrypt
from protevus.helpers import cache
from protevus.helpers import csrf_field
from protevus.helpers import csrf_token
from protevus.helpers import decrypt
from protevus.helpers import encrypt
from protevus.helpers import method_field
from protevus.helpers import old
from protevus.helpers import session
from protevus.helpers import trans
from protevus.helpers import trans_choice
from protevus.helpers import validator

KEY = "base64:" + "A" * 43 + "="


@pytest.fixture
def app(make_app: t.Any) -> t.Any:
    return make_app(
        env=f"APP_ENV=testing\nAPP_KEY={KEY}\nBCRYPT_ROUNDS=4\nCACHE_STORE=array\nSESSION_DRIVER=array\n"
    )


def test_encrypt_decrypt_and_bcrypt(app: t.Any) -> None:
    payload = encrypt({"a": 1})
    assert payload != "{'a': 1}" and decrypt(payload) == {"a": 1}
    assert decrypt(encrypt("text", False), False) == "text"
    hashed = bcrypt("secret")
    assert hashed.startswith("$2y$04$") and app.make("hash").check("secret", hashed)


def test_cache_helper_reads_writes_and_refuses_other_values(app: t.Any) -> None:
    assert cache() is app.make("cache")
    assert cache("missing", "default") == "default"
    cache({"a": 1, "b": [1, 2]}, 60)
    assert cache("a") == 1 and cache("b") == [1, 2]
    with pytest.raises(Exception, match="pass a dict of key / value pairs"):
        cache(42)  # type: ignore[arg-type]


def test_session_csrf_and_translation_helpers(app: t.Any) -> None:
    session({"status": "Saved"})
    assert session("status") == "Saved" and session("nope", 1) == 1
    app.make("session.store").start()  # StartSession does this for a request
    token = csrf_token()
    assert len(token) == 40
    assert str(csrf_field()) == (
        f'<input type="hidden" name="_token" value="{token}" autocomplete="off">'
    )
    assert (
        str(method_field("PUT")) == '<input type="hidden" name="_method" value="PUT">'
    )
    assert trans("Hello, :name!", {"name": "ada"}) == "Hello, ada!"
    assert trans_choice("{0} none|[1,*] :count apples", 3) == "3 apples"
    assert validator({"a": ""}, {"a": "required"}).fails()


def test_old_reads_the_flashed_input_of_the_current_request(app: t.Any) -> None:
    from protevus.facades import Route
    from protevus.testing.client import TestClient

    def show() -> dict[str, t.Any]:
        return {"title": old("title"), "missing": old("nope", "x")}

    def flash(request: t.Any) -> str:
        request.flash()
        return "ok"

    with Route.middleware("web").group():
        Route.get("/show", show)
        Route.post("/flash", flash)
    client = TestClient(app)
    client.post("/flash", {"title": "Hello"}).assert_ok()
    assert client.get("/show").json() == {"title": "Hello", "missing": "x"}
    assert client.get("/show").json() == {"title": None, "missing": "x"}
