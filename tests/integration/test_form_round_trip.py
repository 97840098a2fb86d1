"""A form round trip through the whole web stack: the issue's acceptance scenario.

GET the form (a CSRF token is in it) → POST invalid input → redirected back with the
errors and the old input rendered → POST valid input → redirected with a flash message
shown once. A POST without the token is a 419; a JSON request gets the 422 shape.
The app runs in the ``local`` environment (CSRF is only skipped under ``testing``),
once per session driver: database (the default), file, cookie (the whole session in
an encrypted cookie) and redis (the real server).
"""

from __future__ import annotations

import re
import textwrap
import typing as t
from pathlib import Path

import pytest

KEY = "base64:" + "A" * 43 + "="

ROUTES = """
from protevus.facades import Route
from protevus.helpers import redirect, view
from protevus.http import Request


def create():
    return view('posts.create')


def store(request: Request):
    data = request.validate({'title': 'required|max:20', 'body': 'required'})
    return redirect('/posts/create').with_('status', f"Post {data['title']} created!")


Route.get('/posts/create', create)
Route.post('/posts', store)
"""

VIEW = """
@extends('layouts.app')
@section('content')
@session('status')
<p class="flash">{{ value }}</p>
@endsession
<form method="POST" action="/posts">
    @csrf
    <input name="title" value="{{ old('title') }}">
    @error('title')
    <span class="error">{{ message }}</span>
    @enderror
    <textarea name="body">{{ old('body') }}</textarea>
    @error('body')<span class="error">{{ message }}</span>@enderror
</form>
@endsection
"""

LAYOUT = """
<!doctype html>
<title>Posts</title>
@yield('content')
"""

MIGRATION = """
from protevus.database import Migration
from protevus.facades import Schema


class CreateSessionsTable(Migration):
    def up(self) -> None:
        with Schema.create('sessions') as table:
            table.string('id').primary()
            table.foreign_id('user_id').nullable().index()
            table.string('ip_address', 45).nullable()
            table.text('user_agent').nullable()
            table.long_text('payload')
            table.integer('last_activity').index()

    def down(self) -> None:
        Schema.drop_if_exists('sessions')
"""


def _write(root: Path, name: str, source: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(source).lstrip("\n"))


@pytest.fixture(params=["database", "file", "cookie", "redis"])
def web_app(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    require_service: t.Callable[[str], tuple[str, int]],
) -> t.Iterator[t.Any]:
    from protevus.foundation import Application

    driver = request.param
    extra = ""
    if driver == "redis":
        host, port = require_service("redis")
        # db 14 and a per-test prefix: other test runs never see these keys
        extra = (
            f"REDIS_HOST={host}\nREDIS_PORT={port}\nREDIS_DB=14\n"
            f"REDIS_PREFIX=round_trip_{tmp_path.name}_\n"
        )
    (tmp_path / ".env").write_text(
        f"APP_ENV=local\nAPP_KEY={KEY}\nAPP_DEBUG=false\nLOG_CHANNEL=null\n"
        f"SESSION_DRIVER={driver}\nDB_CONNECTION=sqlite\n"
        f"DB_DATABASE={tmp_path / 'database.sqlite'}\n" + extra
    )
    (tmp_path / "database.sqlite").touch()
    _write(tmp_path, "routes/web.py", ROUTES)
    _write(tmp_path, "resources/views/posts/create.blade.html", VIEW)
    _write(tmp_path, "resources/views/layouts/app.blade.html", LAYOUT)
    _write(
        tmp_path, "database/migrations/2024_01_01_000000_create_sessions.py", MIGRATION
    )
    app = Application.configure(tmp_path).with_routing(web="routes/web.py").create()
    app.make("artisan").call("migrate", {"--force": True})
    yield app
    app.make("db").disconnect()


def _token(html: str) -> str:
    match = re.search(r'name="_token" value="([^"]+)"', html)
    assert match, html
    return match.group(1)


def test_form_round_trip(web_app: t.Any) -> None:
    from protevus.testing.client import TestClient

    client = TestClient(web_app)
    form = client.get("/posts/create")
    form.assert_ok()
    token = _token(form.text)
    assert len(token) == 40

    invalid = client.from_("/posts/create").post(
        "/posts", {"_token": token, "title": "x" * 30, "body": ""}
    )
    invalid.assert_redirect("/posts/create")

    again = client.get("/posts/create")
    html = again.text
    assert "The title field must not be greater than 20 characters." in html
    assert "The body field is required." in html
    assert 'value="' + "x" * 30 + '"' in html  # old input
    assert _token(html) == token  # same session, same token
    # the errors were flashed for one request only
    assert "is required" not in client.get("/posts/create").text

    valid = client.post("/posts", {"_token": token, "title": "Hello", "body": "World"})
    valid.assert_redirect("/posts/create")
    shown = client.get("/posts/create").text
    assert '<p class="flash">Post Hello created!</p>' in shown
    assert "Post Hello created!" not in client.get("/posts/create").text


def test_missing_or_wrong_token_is_a_419(web_app: t.Any) -> None:
    from protevus.testing.client import TestClient

    client = TestClient(web_app)
    client.get("/posts/create").assert_ok()
    client.post("/posts", {"title": "Hello", "body": "World"}).assert_status(419)
    client.post(
        "/posts", {"_token": "not-the-token", "title": "Hello", "body": "World"}
    ).assert_status(419)
    response = client.post(
        "/posts",
        {"title": "Hello", "body": "World"},
        headers={"Accept": "application/json"},
    )
    response.assert_status(419)
    assert response.json() == {"message": "CSRF token mismatch."}


def test_json_request_gets_the_422_shape(web_app: t.Any) -> None:
    from protevus.testing.client import TestClient

    client = TestClient(web_app)
    token = _token(client.get("/posts/create").text)
    response = client.with_headers({"X-CSRF-TOKEN": token}).json(
        "POST", "/posts", {"title": "x" * 30}
    )
    response.assert_status(422)
    assert response.json() == {
        "message": "The title field must not be greater than 20 characters. (and 1 more error)",
        "errors": {
            "title": ["The title field must not be greater than 20 characters."],
            "body": ["The body field is required."],
        },
    }
