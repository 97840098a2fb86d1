"""URL generation, redirects and the response factory."""

from __future__ import annotations

import typing as t

import pytest

from protevus.routing.exceptions import RouteNotFoundError
from protevus.routing.exceptions import UrlGenerationError
from protevus.routing.redirector import Redirector
from protevus.routing.response_factory import ResponseFactory
from protevus.routing.router import Router
from protevus.routing.url_generator import UrlGenerator


class Post:
    def __init__(self, id: int) -> None:
        self.id = id

    def get_route_key(self) -> int:
        return self.id


class PostController:
    def show(self, post: str) -> str:
        return post


@pytest.fixture
def url(router: Router, app: t.Any) -> UrlGenerator:
    router.get("/", lambda: "home").name("home")
    router.get("/posts/{post}", [PostController, "show"]).name("posts.show")
    router.get("/user/{id}/profile", lambda id: id).name("profile")
    router.get("/users/{id}/{name?}", lambda id, name: id).name("users.show")
    router.get("/a/{x}/{y}", lambda x, y: x).name("two")
    return UrlGenerator(router.get_routes(), app)


def test_route_urls_with_dict_list_scalar_and_models(url: UrlGenerator) -> None:
    assert url.route("home") == "http://localhost"
    assert url.route("posts.show", {"post": 1}) == "http://localhost/posts/1"
    assert url.route("posts.show", 2) == "http://localhost/posts/2"
    assert url.route("posts.show", Post(3)) == "http://localhost/posts/3"
    assert url.route("two", ["a", "b"]) == "http://localhost/a/a/b"
    assert url.route("two", {"y": "b", 0: "a"}) == "http://localhost/a/a/b"


def test_extra_parameters_become_the_query_string(url: UrlGenerator) -> None:
    assert (
        url.route("posts.show", {"post": 1, "search": "rocket ship", "page": 2})
        == "http://localhost/posts/1?search=rocket%20ship&page=2"
    )
    assert url.route("posts.show", {"post": 1, "tags": ["a", "b"]}) == (
        "http://localhost/posts/1?tags%5B0%5D=a&tags%5B1%5D=b"
    )


def test_optional_parameters_may_be_left_out(url: UrlGenerator) -> None:
    assert url.route("users.show", {"id": 1}) == "http://localhost/users/1"
    assert (
        url.route("users.show", {"id": 1, "name": "ann"})
        == "http://localhost/users/1/ann"
    )


def test_relative_urls(url: UrlGenerator) -> None:
    assert url.route("posts.show", {"post": 1}, absolute=False) == "/posts/1"
    assert url.route("home", absolute=False) == "/"


def test_missing_parameters_raise_laravels_message(url: UrlGenerator) -> None:
    with pytest.raises(UrlGenerationError) as caught:
        url.route("profile")
    assert str(caught.value) == (
        "Missing required parameter for [Route: profile] [URI: user/{id}/profile] [Missing parameter: id]."
    )
    with pytest.raises(UrlGenerationError, match=r"\[Missing parameters: x, y\]\.$"):
        url.route("two")


def test_unknown_route_name(url: UrlGenerator) -> None:
    with pytest.raises(
        RouteNotFoundError, match=r"^Route \[posts\.shwo\] not defined\.$"
    ):
        url.route("posts.shwo")


def test_action_urls(url: UrlGenerator) -> None:
    assert (
        url.action([PostController, "show"], {"post": 5}) == "http://localhost/posts/5"
    )
    with pytest.raises(RouteNotFoundError, match="Action"):
        url.action([PostController, "edit"])


def test_to_asset_and_forced_roots(url: UrlGenerator, app: t.Any) -> None:
    assert url.to("posts", [1, "a b"]) == "http://localhost/posts/1/a%20b"
    assert url.to("https://example.com/x") == "https://example.com/x"
    assert url.secure("posts") == "https://localhost/posts"
    assert url.asset("css/app.css") == "http://localhost/css/app.css"
    url.force_root_url("https://cdn.test/")
    assert url.to("/x") == "https://cdn.test/x"
    url.force_root_url(None)
    url.force_scheme("https")
    assert url.route("home") == "https://localhost"


def test_urls_use_the_current_request_root(router: Router, url: UrlGenerator) -> None:
    with router.flask.test_request_context("/posts/1?x=2", base_url="http://blog.test"):  # type: ignore[attr-defined]
        assert url.route("posts.show", 1) == "http://blog.test/posts/1"
        assert url.current() == "http://blog.test/posts/1"
        assert url.full() == "http://blog.test/posts/1?x=2"
        assert url.previous() == "http://blog.test"
    with router.flask.test_request_context(
        "/", base_url="http://blog.test", headers={"Referer": "http://blog.test/from"}
    ):  # type: ignore[attr-defined]
        assert url.previous() == "http://blog.test/from"


def test_urls_use_app_url_outside_requests(make_app: t.Any) -> None:
    app = make_app(config={"app": "config = {'url': 'https://example.org'}"})
    router = Router(app)
    router.get("/x", lambda: "x").name("x")

    assert UrlGenerator(router.get_routes(), app).route("x") == "https://example.org/x"


def test_redirector(router: Router, url: UrlGenerator) -> None:
    redirect = Redirector(url)

    assert redirect.to("/here").headers["Location"] == "http://localhost/here"
    assert redirect.route("posts.show", 4, 301).status_code == 301
    assert redirect.route("posts.show", 4).target_url == "http://localhost/posts/4"
    assert redirect.away("https://laravel.com").target_url == "https://laravel.com"
    assert (
        redirect.action([PostController, "show"], 2).target_url
        == "http://localhost/posts/2"
    )
    assert redirect.intended("/dashboard").target_url == "http://localhost/dashboard"
    with router.flask.test_request_context(
        "/", headers={"Referer": "http://localhost/form"}
    ):  # type: ignore[attr-defined]
        back = redirect.back()
        assert back.target_url == "http://localhost/form"
        with pytest.raises(RuntimeError, match="Flashing data needs the session"):
            back.with_("status", "saved")


def test_response_factory(url: UrlGenerator, tmp_path: t.Any) -> None:
    factory = ResponseFactory(Redirector(url))
    file = tmp_path / "report.txt"
    file.write_text("data")

    assert factory.make("hi", 201, {"X-A": "1"}).status_code == 201
    assert factory.no_content().status_code == 204
    assert factory.json({"a": 1}).get_data() == b'{"a":1}'
    download = factory.download(file, "résumé.txt")
    assert download.headers["Content-Disposition"] == (
        "attachment; filename=\"rsum.txt\"; filename*=utf-8''r%C3%A9sum%C3%A9.txt"
    )
    assert "Content-Disposition" not in factory.file(file).headers
    streamed = factory.stream_download(lambda: iter(["a", "b"]), "x.csv")
    assert b"".join(streamed.response) == b"ab"
    assert factory.redirect_to_route("home").target_url == "http://localhost"
    with pytest.raises(Exception, match=r"cannot render \[welcome\]"):
        factory.view("welcome")


class _Session:
    def __init__(self, previous: str | None) -> None:
        self.previous = previous

    def previous_url(self) -> str | None:
        return self.previous


@pytest.mark.parametrize(
    ("referer", "session", "expected"),
    [
        ("http://blog.test/from", "http://blog.test/session", "http://blog.test/from"),
        (None, "http://blog.test/session", "http://blog.test/session"),
        (None, None, "http://blog.test/fallback"),
    ],
)
def test_previous_prefers_the_referer_then_the_session_then_the_fallback(
    router: Router,
    url: UrlGenerator,
    referer: str | None,
    session: str | None,
    expected: str,
) -> None:
    headers = {"Referer": referer} if referer else {}
    with router.flask.test_request_context(  # type: ignore[attr-defined]
        "/", base_url="http://blog.test", headers=headers
    ) as ctx:
        ctx.request.set_session(_Session(session))
        assert url.previous("/fallback") == expected
