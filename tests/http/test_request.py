"""Request: method spoofing, Werkzeug-compatible callables, URLs, headers and hooks."""

from __future__ import annotations

import typing as t

import flask
import pytest

from protevus.exceptions import ProtevusError
from protevus.http.request import Request


def make(path: str = "/", **kwargs: t.Any) -> Request:
    return Request.from_values(path, **kwargs)


# -- method spoofing ------------------------------------------------------------------


@pytest.mark.parametrize("spoofed", ["PUT", "patch", "Delete"])
def test_form_method_field_spoofs_put_patch_delete(spoofed: str) -> None:
    request = make("/", method="POST", data={"_method": spoofed})
    assert request.method == spoofed.upper()
    assert request.method() == spoofed.upper()
    assert request.environ["REQUEST_METHOD"] == spoofed.upper()
    assert request.get_real_method() == "POST"
    assert request.is_method(spoofed.lower())


@pytest.mark.parametrize("value", ["GET", "HEAD", "OPTIONS", "TRACE", "nonsense", ""])
def test_other_spoofed_methods_are_ignored(value: str) -> None:
    assert make("/", method="POST", data={"_method": value}).method == "POST"


def test_header_override_spoofs_and_get_is_never_spoofed() -> None:
    request = make("/", method="POST", headers={"X-HTTP-Method-Override": "PATCH"})
    assert request.method == "PATCH"
    assert make("/?_method=PUT").method == "GET"
    get_with_header = make(
        "/", method="GET", headers={"X-HTTP-Method-Override": "DELETE"}
    )
    assert get_with_header.method == "GET"


def test_method_field_in_query_or_json_is_not_spoofing() -> None:
    assert make("/?_method=PUT", method="POST").method == "POST"
    json_post = make(
        "/", method="POST", data='{"_method": "PUT"}', content_type="application/json"
    )
    assert json_post.method == "POST"


def test_spoofing_reaches_flask_url_matching(flask_app: flask.Flask) -> None:
    @flask_app.put("/items/<int:item>")
    def update(item: int) -> str:
        return f"updated {item} {flask.request.input('name')}"  # type: ignore[attr-defined]

    client = flask_app.test_client()
    response = client.post("/items/3", data={"_method": "PUT", "name": "x"})
    assert response.status_code == 200
    assert response.text == "updated 3 x"
    assert client.post("/items/3", data={"name": "x"}).status_code == 405


# -- Werkzeug attributes that are also Laravel methods -------------------------------------


def test_path_is_werkzeugs_string_and_laravels_call() -> None:
    request = make("/user/1/")
    assert request.path == "/user/1/"
    assert isinstance(request.path, str)
    assert request.path() == "user/1"
    assert make("/").path() == "/"
    assert request.path.startswith("/user")


def test_url_and_host_and_method() -> None:
    request = make("/a/b/?x=1&y=2", base_url="http://Example.com:8080")
    assert request.url == "http://example.com:8080/a/b/?x=1&y=2"
    assert request.url() == "http://example.com:8080/a/b"
    assert request.host == "example.com:8080"
    assert request.host() == "example.com"
    assert request.http_host() == "example.com:8080"
    assert request.scheme_and_http_host() == "http://example.com:8080"
    assert request.root() == "http://example.com:8080"
    assert request.method == "GET" and request.method() == "GET"
    assert f"{request.method} {request.path}" == "GET /a/b/"


def test_flask_code_still_reads_strings(flask_app: flask.Flask) -> None:
    seen: dict[str, t.Any] = {}

    @flask_app.after_request
    def record(response: flask.Response) -> flask.Response:
        seen["path"] = flask.request.path.upper()
        seen["url"] = flask.request.url + ""
        seen["host"] = flask.request.host.split(":")[0]
        return response

    @flask_app.get("/hello")
    def hello() -> str:
        request = t.cast(Request, flask.request)
        return f"{request.path()}|{request.url()}|{request.host()}|{request.method()}"

    response = flask_app.test_client().get("/hello?x=1")
    assert response.text == "hello|http://localhost/hello|localhost|GET"
    assert seen == {
        "path": "/HELLO",
        "url": "http://localhost/hello?x=1",
        "host": "localhost",
    }


def test_full_url_helpers() -> None:
    request = make("/shop?b=2&a=1")
    assert request.full_url() == "http://localhost/shop?b=2&a=1"
    assert request.full_url_with_query({"c": "3", "a": "9"}) == (
        "http://localhost/shop?b=2&a=9&c=3"
    )
    assert request.full_url_without_query(["a"]) == "http://localhost/shop?b=2"
    assert request.full_url_without_query(["a", "b"]) == "http://localhost/shop"
    root = make("/")
    assert root.full_url() == "http://localhost"
    assert root.full_url_with_query({"page": 2}) == "http://localhost/?page=2"
    assert make("/?q=1").full_url() == "http://localhost/?q=1"
    assert request.full_url_is("http://localhost/shop*")


def test_path_patterns_and_segments() -> None:
    request = make("/admin/users/5")
    assert request.is_("admin/*")
    assert request.is_("nope", "admin/users/*")
    assert not request.is_("users/*")
    assert request.segments() == ["admin", "users", "5"]
    assert request.segment(2) == "users"
    assert request.segment(9, "none") == "none"
    assert request.decoded_path() == "admin/users/5"


def test_secure() -> None:
    assert make("/", base_url="https://x.test").secure()
    assert not make("/").secure()


# -- headers, cookies, client ------------------------------------------------------------


def test_headers_and_bearer_token() -> None:
    request = make("/", headers={"Authorization": "Bearer abc.def", "X-A": "1"})
    assert request.header("x-a") == "1"
    assert request.header("X-Missing", "d") == "d"
    assert request.has_header("Authorization")
    assert not request.has_header("X-Missing")
    assert request.header()["x-a"] == ["1"]
    assert request.bearer_token() == "abc.def"


@pytest.mark.parametrize(
    ("header", "token"),
    [
        ("bearer lower", "lower"),
        ("Basic x, Bearer tok, other", "tok"),
        ("Basic dXNlcjpwYXNz", None),
        ("Bearer ", ""),
    ],
)
def test_bearer_token_variants(header: str, token: str | None) -> None:
    assert make("/", headers={"Authorization": header}).bearer_token() == token
    assert make("/").bearer_token() is None


def test_cookies_ip_and_user_agent() -> None:
    request = make(
        "/",
        headers={
            "Cookie": "theme=dark",
            "User-Agent": "Mozilla/5.0 (X11; Linux x86_64)",
        },
        environ_overrides={"REMOTE_ADDR": "10.0.0.7"},
    )
    assert request.cookie("theme") == "dark"
    assert request.cookie("nope", "d") == "d"
    assert request.cookie() == {"theme": "dark"}
    assert request.has_cookie("theme")
    assert request.ip() == "10.0.0.7"
    assert request.ips() == ["10.0.0.7"]
    assert request.user_agent() == "Mozilla/5.0 (X11; Linux x86_64)"
    assert (
        request.user_agent.string == "Mozilla/5.0 (X11; Linux x86_64)"
    )  # Werkzeug API
    assert make("/").user_agent() is None


# -- content negotiation ------------------------------------------------------------------


def test_expects_json_wants_json_and_ajax() -> None:
    assert make("/", headers={"Accept": "application/json"}).wants_json()
    assert make("/", headers={"Accept": "application/json"}).expects_json()
    ajax = make("/", headers={"X-Requested-With": "XMLHttpRequest"})
    assert ajax.ajax() and ajax.expects_json() and not ajax.wants_json()
    ajax_html = make(
        "/", headers={"X-Requested-With": "XMLHttpRequest", "Accept": "text/html"}
    )
    assert not ajax_html.expects_json()
    pjax = make("/", headers={"X-Requested-With": "XMLHttpRequest", "X-PJAX": "true"})
    assert pjax.pjax() and not pjax.expects_json()
    html = make("/", headers={"Accept": "text/html,application/json;q=0.9"})
    assert not html.wants_json() and not html.expects_json()
    assert make("/", headers={"Accept": "application/vnd.api+json"}).wants_json()
    assert not make("/").expects_json()


def test_accepts_and_prefers() -> None:
    request = make("/", headers={"Accept": "text/html;q=0.5, application/json"})
    assert request.get_acceptable_content_types() == ["application/json", "text/html"]
    assert request.accepts_json() and request.accepts_html()
    assert not request.accepts("image/png")
    assert request.accepts(["image/png", "text/html"])
    assert request.prefers(["html", "json"]) == "json"
    assert request.prefers("text/plain") is None
    assert request.format() == "json"
    anything = make("/")
    assert anything.accepts("image/png") and anything.accepts_any_content_type()
    assert make("/", headers={"Accept": "image/*"}).accepts("image/png")
    assert make("/", headers={"Accept": "*/*"}).prefers(["json", "html"]) == "json"


def test_matches_type_and_prefetch() -> None:
    assert Request.matches_type("application/json", "application/problem+json")
    assert not Request.matches_type("application/json", "text/html")
    assert make("/", headers={"Sec-Purpose": "prefetch"}).prefetch()
    assert not make("/").prefetch()


def test_is_json_is_a_bool_and_a_method() -> None:
    request = make("/", method="POST", data="{}", content_type="application/json")
    assert request.is_json and request.is_json() is True
    assert not make("/").is_json
    assert make("/").isJson() is False  # camelCase twin


# -- hooks: route, user, session ----------------------------------------------------------


class FakeRoute:
    methods: t.ClassVar[list[str]] = ["GET", "HEAD"]

    def __init__(self) -> None:
        self.parameters = {"user": "5"}

    def parameter(self, name: str, default: t.Any = None) -> t.Any:
        return self.parameters.get(name, default)

    def named(self, *patterns: str) -> bool:
        return "users.show" in patterns or "users.*" in patterns

    def get_domain(self) -> str | None:
        return None

    def uri(self) -> str:
        return "users/{user}"


def test_route_resolver_and_route_is() -> None:
    request = make("/users/5")
    assert request.route() is None
    assert request.route("user") is None
    assert not request.route_is("users.show")
    route = FakeRoute()
    request.set_route_resolver(lambda: route)
    assert request.route() is route
    assert request.route("user") == "5"
    assert request.route("nope", "d") == "d"
    assert request.route_is("users.show")
    assert request["user"] == "5"
    assert len(request.fingerprint()) == 40


def test_fingerprint_needs_a_route() -> None:
    with pytest.raises(RuntimeError, match="Route unavailable"):
        make("/").fingerprint()


def test_user_resolver() -> None:
    request = make("/")
    assert request.user() is None
    request.set_user_resolver(lambda guard=None: {"guard": guard})
    assert request.user("api") == {"guard": "api"}


class FakeSession:
    def __init__(self) -> None:
        self.data: dict[str, t.Any] = {}

    def get(self, key: str, default: t.Any = None) -> t.Any:
        return self.data.get(key, default)

    def flash(self, key: str, value: t.Any) -> None:
        self.data[key] = value


def test_session_hooks_old_and_flash() -> None:
    request = make("/?name=Ann&password=secret")
    assert not request.has_session()
    with pytest.raises(RuntimeError, match="Session store not set on request."):
        request.session()
    assert request.old("name", "default") == "default"
    session = FakeSession()
    request.set_session(session)
    assert request.has_session() and request.session() is session
    request.flash()
    assert request.old("name") == "Ann"
    request.flash_except("password")
    assert session.data["_old_input"] == {"name": "Ann"}
    request.flash_only("password")
    assert session.data["_old_input"] == {"password": "secret"}
    request.flush()
    assert request.old("name", "gone") == "gone"


def test_validate_without_a_validator_is_a_clear_error() -> None:
    with pytest.raises(ProtevusError, match=r"validator service \[validator\]"):
        make("/?a=1").validate({"a": "required"})


def test_macros_and_camel_case_twins() -> None:
    Request.macro("shout", lambda self: str(self.input("word")).upper())
    try:
        request = make("/?word=hi&x=")
        assert request.shout() == "HI"
        assert request.hasAny("word") and request.bearerToken() is None
        assert request.isNotFilled("x")
    finally:
        Request.flush_macros()
