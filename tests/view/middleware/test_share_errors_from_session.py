"""ShareErrorsFromSession puts the flashed errors in ``errors`` for one request."""

from __future__ import annotations

import typing as t

from protevus.support.message_bag import MessageBag
from protevus.support.view_error_bag import ViewErrorBag
from protevus.testing.client import TestClient
from protevus.view.middleware.share_errors_from_session import ShareErrorsFromSession
from protevus.view.middleware.share_errors_from_session import session_errors

FORM = (
    "@if(errors.any())\n<ul>@foreach(errors.all() as message)<li>{{ message }}</li>@endforeach</ul>\n@endif\n"
    "[{{ errors.first('title') }}]"
)


class FakeSession:
    def __init__(self, data: dict[str, t.Any]) -> None:
        self.data = data

    def get(self, key: str, default: t.Any = None) -> t.Any:
        return self.data.get(key, default)


class StartFakeSession:
    """Attach a session whose contents the test picks with ``?errors=...``."""

    def handle(self, request: t.Any, next: t.Callable[[t.Any], t.Any]) -> t.Any:
        kind = request.query("errors")
        if kind == "bag":
            bag = ViewErrorBag(
                {"default": MessageBag({"title": ["The title field is required."]})}
            )
            request.set_session(FakeSession({"errors": bag}))
        elif kind == "plain":
            request.set_session(
                FakeSession({"errors": {"default": {"title": ["<b>Too long.</b>"]}}})
            )
        elif kind == "junk":
            request.set_session(FakeSession({"errors": "junk"}))
        elif kind == "none":
            request.set_session(FakeSession({}))
        return next(request)


def make_client(view_app: t.Any) -> TestClient:
    from protevus.helpers import view

    app = view_app({"form.blade.html": FORM})
    app.make("router").get("/form", lambda: view("form")).middleware(
        [StartFakeSession, ShareErrorsFromSession]
    )
    app.make("router").get("/bare", lambda: view("form")).middleware([StartFakeSession])
    return TestClient(app)


def body(client: TestClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)
    return " ".join(response.get_data(as_text=True).split())


def test_flashed_errors_render_in_the_view(view_app: t.Any) -> None:
    client = make_client(view_app)
    assert body(client, "/form?errors=bag") == (
        "<ul><li>The title field is required.</li></ul> [The title field is required.]"
    )
    assert body(client, "/form?errors=plain") == (
        "<ul><li>&lt;b&gt;Too long.&lt;/b&gt;</li></ul> [&lt;b&gt;Too long.&lt;/b&gt;]"
    )


def test_no_session_or_no_errors_gives_an_empty_bag(view_app: t.Any) -> None:
    client = make_client(view_app)
    for query in ("", "?errors=none", "?errors=junk"):
        assert body(client, "/form" + query) == "[]"


def test_errors_do_not_leak_into_later_requests(view_app: t.Any) -> None:
    client = make_client(view_app)
    assert "required" in body(client, "/form?errors=bag")
    assert body(client, "/bare?errors=none") == "[]"
    assert body(client, "/form") == "[]"


def test_session_errors_converts_what_the_session_holds() -> None:
    class Request:
        def __init__(self, session: t.Any) -> None:
            self._session = session

        def has_session(self) -> bool:
            return self._session is not None

        def session(self) -> t.Any:
            return self._session

    assert not session_errors(Request(None)).any()
    assert not session_errors(object()).any()
    bag = ViewErrorBag({"default": MessageBag({"a": ["x"]})})
    assert session_errors(Request(FakeSession({"errors": bag}))) is bag
    rebuilt = session_errors(
        Request(FakeSession({"errors": {"login": {"pw": ["No."]}}}))
    )
    assert rebuilt.get_bag("login").first("pw") == "No."


def test_without_the_view_service_the_request_passes_through(make_app: t.Any) -> None:
    app = make_app()
    middleware = ShareErrorsFromSession(app)
    assert (
        middleware.handle("request", lambda request: f"next:{request}")
        == "next:request"
    )
