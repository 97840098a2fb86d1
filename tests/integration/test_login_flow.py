"""Logging in through the whole web stack: the issue's acceptance scenario for authentication.

A login form posts to a controller written the way Laravel's starter kits write it
(``Auth.attempt`` + ``RateLimiter``): a wrong password answers with an error, the sixth
attempt in a minute is throttled, the right one logs in and changes the session id,
the remember-me cookie logs a fresh browser in, and logout ends the session. API
tokens: no token → 401, a revoked token → 401, a token without the ability → 403.
Tampered cookies, encrypted payloads and signed URLs are refused, never a 500.
"""

from __future__ import annotations

import re
import textwrap
import typing as t
from pathlib import Path

import pytest

KEY = "base64:" + "A" * 43 + "="

USER_MODEL = """
from protevus.auth import User as Authenticatable
from protevus.auth.has_api_tokens import HasApiTokens


class User(HasApiTokens, Authenticatable):
    fillable = ['name', 'email', 'password']
    hidden = ['password', 'remember_token']
    casts = {'password': 'hashed'}
"""

ROUTES = """
from protevus.facades import Auth, RateLimiter, Route
from protevus.helpers import redirect, view
from protevus.http import Request
from protevus.support.str import Str
from protevus.validation import ValidationError


def login_form():
    return view('login')


def login(request: Request):
    data = request.validate({'email': 'required|email', 'password': 'required'})
    key = Str.lower(data['email']) + '|' + str(request.ip())
    # count first: concurrent attempts cannot all slip under the limit
    if RateLimiter.hit(key) > 5:
        seconds = RateLimiter.available_in(key)
        raise ValidationError.with_messages(
            {'email': f'Too many login attempts. Please try again in {seconds} seconds.'}
        )
    if not Auth.attempt(data, request.boolean('remember')):
        raise ValidationError.with_messages(
            {'email': 'These credentials do not match our records.'}
        )
    RateLimiter.clear(key)
    request.session().regenerate()
    return redirect().intended('/dashboard')


def logout(request: Request):
    Auth.logout()
    request.session().invalidate()
    request.session().regenerate_token()
    return redirect('/')


def dashboard(request: Request):
    return f'Hello, {request.user().name}!'


def signed_download(name: str):
    return f'file {name}'


Route.get('/login', login_form).name('login')
Route.post('/login', login)
Route.post('/logout', logout).middleware('auth')
Route.get('/dashboard', dashboard).middleware('auth')
Route.get('/files/{name}', signed_download).name('files.show').middleware('signed')
"""

API_ROUTES = """
from protevus.facades import Route
from protevus.http import Request


def me(request: Request):
    return {'email': request.user().email}


Route.get('/me', me).middleware('auth:api')
Route.get('/posts', lambda: {'ok': True}).middleware(['auth:api', 'abilities:posts:read'])
"""

LOGIN_VIEW = """
<form method="POST" action="/login">@csrf
<input name="email" value="{{ old('email') }}">
@error('email')<p class="error">{{ message }}</p>@enderror
</form>
"""

AUTH_CONFIG = """
config = {
    'guards': {
        'web': {'driver': 'session', 'provider': 'users'},
        'api': {'driver': 'token', 'provider': 'users'},
    },
}
"""


def _write(root: Path, name: str, source: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(source).lstrip("\n"))


@pytest.fixture
def web_app(tmp_path: Path) -> t.Iterator[t.Any]:
    import shutil
    import sys

    import protevus
    from protevus.foundation import Application

    (tmp_path / ".env").write_text(
        f"APP_ENV=local\nAPP_KEY={KEY}\nAPP_DEBUG=false\nLOG_CHANNEL=null\n"
        "BCRYPT_ROUNDS=4\nSESSION_DRIVER=database\nCACHE_STORE=database\n"
        f"DB_CONNECTION=sqlite\nDB_DATABASE={tmp_path / 'database.sqlite'}\n"
    )
    (tmp_path / "database.sqlite").touch()
    package = f"login_app_{tmp_path.name.replace('-', '_')}"
    skeleton = Path(protevus.__file__).resolve().parent.parent / "skeleton"
    shutil.copytree(
        skeleton / "database" / "migrations", tmp_path / "database" / "migrations"
    )
    _write(tmp_path, f"{package}/__init__.py", "")
    _write(tmp_path, f"{package}/user.py", USER_MODEL)
    _write(tmp_path, "routes/web.py", ROUTES)
    _write(tmp_path, "routes/api.py", API_ROUTES)
    _write(tmp_path, "resources/views/login.blade.html", LOGIN_VIEW)
    _write(tmp_path, "config/auth.py", AUTH_CONFIG)
    (tmp_path / ".env").write_text(
        (tmp_path / ".env").read_text() + f"AUTH_MODEL={package}.user.User\n"
    )
    sys.path.insert(0, str(tmp_path))
    try:
        app = (
            Application.configure(tmp_path)
            .with_routing(web="routes/web.py", api="routes/api.py")
            .create()
        )
        app.make("artisan").call("migrate", {"--force": True})
        user_class = __import__(f"{package}.user", fromlist=["User"]).User
        user_class.create(
            {"name": "Ada", "email": "ada@example.com", "password": "secret-pass"}
        )
        yield app
        app.make("db").disconnect()
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m.startswith(package)]:
            del sys.modules[name]


def _token(html: str) -> str:
    match = re.search(r'name="_token" value="([^"]+)"', html)
    assert match, html
    return match.group(1)


def _session_id(client: t.Any, app: t.Any) -> str | None:
    from protevus.testing.cookies import decrypt_cookie_value

    name = app.make("config").get("session.cookie")
    raw = client.werkzeug_client.get_cookie(name)
    return None if raw is None else decrypt_cookie_value(app, name, raw.value)


def test_login_flow(web_app: t.Any) -> None:
    from protevus.testing.client import TestClient

    client = TestClient(web_app)
    token = _token(client.get("/login").text)
    client.get("/dashboard").assert_redirect("/login")

    wrong = {"_token": token, "email": "ada@example.com", "password": "nope"}
    client.from_("/login").post("/login", wrong).assert_redirect("/login")
    assert "These credentials do not match our records." in client.get("/login").text

    before = _session_id(client, web_app)
    right = {"_token": token, "email": "ada@example.com", "password": "secret-pass"}
    client.post("/login", {**right, "remember": "on"}).assert_redirect("/dashboard")
    after = _session_id(client, web_app)
    assert before and after and before != after  # fixation: a new id after login
    client.get("/dashboard").assert_ok().assert_see("Hello, Ada!")

    # a fresh browser with only the remember-me cookie is logged in
    remember = [
        c
        for c in client.werkzeug_client._cookies.values()
        if c.key.startswith("remember_")
    ]
    assert len(remember) == 1
    fresh = TestClient(web_app)
    fresh.werkzeug_client.set_cookie(remember[0].key, remember[0].value)
    fresh.get("/dashboard").assert_ok().assert_see("Hello, Ada!")

    # logout ends the session: the old session cookie no longer authenticates
    old_session = _session_id(client, web_app)
    token = _token(client.get("/login").text)
    client.post("/logout", {"_token": token}).assert_redirect("/")
    client.get("/dashboard").assert_redirect("/login")
    replay = TestClient(web_app).with_cookie(
        web_app.make("config").get("session.cookie"), old_session
    )
    replay.get("/dashboard").assert_redirect("/login")


def test_login_is_throttled_after_five_failures(web_app: t.Any) -> None:
    from protevus.testing.client import TestClient

    client = TestClient(web_app)
    token = _token(client.get("/login").text)
    wrong = {"_token": token, "email": "ada@example.com", "password": "nope"}
    for _ in range(5):
        client.from_("/login").post("/login", wrong)
        assert "do not match our records" in client.get("/login").text
    client.from_("/login").post("/login", wrong)
    page = client.get("/login").text
    assert re.search(r"Too many login attempts. Please try again in \d+ seconds.", page)
    # even the right password waits
    right = {**wrong, "password": "secret-pass"}
    client.from_("/login").post("/login", right).assert_redirect("/login")


def test_api_tokens(web_app: t.Any) -> None:
    from protevus.testing.client import TestClient

    user_class = web_app.make("config").get("auth.providers.users.model")
    module, _, name = user_class.rpartition(".")
    user = (
        getattr(__import__(module, fromlist=[name]), name)
        .where("email", "ada@example.com")
        .first()
    )
    reader = user.create_token("reader", ["posts:read"]).plain_text_token
    other = user.create_token("other", ["comments:write"])

    api = TestClient(web_app)
    response = api.get_json("/api/me")
    response.assert_status(401)
    assert response.json() == {"message": "Unauthenticated."}
    api.with_token(reader).get_json("/api/me").assert_ok().assert_json(
        {"email": "ada@example.com"}
    )
    api.with_token(reader).get_json("/api/posts").assert_ok()
    TestClient(web_app).with_token(other.plain_text_token).get_json(
        "/api/posts"
    ).assert_status(403)
    other.access_token.delete()  # revoked
    TestClient(web_app).with_token(other.plain_text_token).get_json(
        "/api/me"
    ).assert_status(401)
    TestClient(web_app).with_token("1|not-a-real-token").get_json(
        "/api/me"
    ).assert_status(401)


def test_tampering_is_refused_never_a_500(web_app: t.Any) -> None:
    from protevus.encryption.exceptions import DecryptError
    from protevus.testing.client import TestClient

    url = web_app.make("url")
    signed = url.signed_route("files.show", {"name": "report.pdf"})
    TestClient(web_app).get(signed).assert_ok().assert_see("file report.pdf")
    for tampered in (
        signed.replace("report.pdf", "secret.pdf"),
        signed + "&extra=1",
        re.sub(r"signature=[0-9a-f]+", "signature=" + "0" * 64, signed),
        signed.split("?")[0],
        signed.replace("signature=", "signature=%FF%FE"),
    ):
        TestClient(web_app).get(tampered).assert_status(403)

    expired = url.temporary_signed_route("files.show", -60, {"name": "report.pdf"})
    TestClient(web_app).get(expired).assert_status(403)

    # a tampered session cookie starts a fresh session; a forged remember cookie logs nobody in
    name = web_app.make("config").get("session.cookie")
    client = TestClient(web_app).with_unencrypted_cookies(
        {
            name: "eyJpdiI6ImJhZCJ9",
            "remember_web_59ba36addc2b2f9401580f014c7f58ea4e30989d": "x" * 300,
        }
    )
    client.get("/dashboard").assert_redirect("/login")
    client.get("/login").assert_ok()

    crypt = web_app.make("encrypter")
    payload = crypt.encrypt_string("secret")
    forged = payload[:-6] + ("AAAA==" if not payload.endswith("AAAA==") else "BBBB==")
    with pytest.raises(DecryptError):
        crypt.decrypt_string(forged)
