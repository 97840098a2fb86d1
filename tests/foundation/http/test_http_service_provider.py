"""Route files from ``with_routing``, the health route, and the kernel binding."""

from __future__ import annotations

import typing as t
from pathlib import Path

WEB = """
from pathlib import Path

from protevus.support.facades.route import Route

Path(__file__).with_name("web.loaded").write_text("yes")
Route.get("/", lambda: "welcome").name("home")
Route.get("/api/shadow", lambda: "web shadow")
"""

API = """
from protevus.support.facades.route import Route

Route.get("/ping", lambda: {"pong": True}).name("api.ping")
"""


def test_web_routes_load_in_the_web_group(http_app: t.Any) -> None:
    app = http_app(files={"routes/web.py": WEB}, web="routes/web.py")
    response = app.flask.test_client().get("/")
    assert response.get_data(as_text=True) == "welcome"
    route = app.make("router").get_routes().get_by_name("home")
    assert route.gather_middleware()[0] == "web"


def test_api_routes_load_in_the_api_group_under_the_prefix(http_app: t.Any) -> None:
    app = http_app(
        files={"routes/web.py": WEB, "routes/api.py": API},
        web="routes/web.py",
        api="routes/api.py",
    )
    client = app.flask.test_client()
    assert client.get("/api/ping").get_json() == {"pong": True}
    assert client.get("/ping").status_code == 404
    route = app.make("router").get_routes().get_by_name("api.ping")
    assert route.gather_middleware()[0] == "api"
    assert route.uri() == "api/ping"


def test_custom_api_prefix_and_several_files(http_app: t.Any) -> None:
    second = 'from protevus.support.facades.route import Route\nRoute.get("/two", lambda: "two")\n'
    app = http_app(
        files={"routes/api.py": API, "routes/api2.py": second},
        api=["routes/api.py", "routes/api2.py"],
        api_prefix="v1",
    )
    client = app.flask.test_client()
    assert client.get("/v1/ping").status_code == 200
    assert client.get("/v1/two").get_data(as_text=True) == "two"


def test_route_files_load_only_when_the_router_is_needed(
    http_app: t.Any, tmp_path: Path
) -> None:
    app = http_app(files={"routes/web.py": WEB}, web="routes/web.py")
    marker = tmp_path / "routes" / "web.loaded"
    assert not marker.exists()
    assert app.make("router").has("home")
    assert marker.exists()


def test_health_route_answers_html_and_json(http_app: t.Any) -> None:
    app = http_app(health="/up")
    client = app.flask.test_client()
    page = client.get("/up")
    assert page.status_code == 200
    assert "Application up" in page.get_data(as_text=True)
    as_json = client.get("/up", headers={"Accept": "application/json"})
    assert as_json.get_json() == {"status": "up"}


def test_then_and_using_callbacks(http_app: t.Any) -> None:
    calls: list[t.Any] = []

    def then(app: t.Any) -> None:
        calls.append(app)
        app.make("router").get("/extra", lambda: "extra")

    app = http_app(files={"routes/web.py": WEB}, web="routes/web.py", then=then)
    assert app.flask.test_client().get("/extra").get_data(as_text=True) == "extra"
    assert calls == [app]


def test_using_replaces_the_default_loading(http_app: t.Any) -> None:
    def using() -> None:
        from protevus.support.facades.route import Route

        Route.get("/custom", lambda: "custom")

    app = http_app(
        files={"routes/web.py": WEB}, web="routes/web.py", health="/up", using=using
    )
    client = app.flask.test_client()
    assert client.get("/custom").status_code == 200
    assert client.get("/").status_code == 404
    assert client.get("/up").status_code == 404


def test_kernel_and_registrar_bindings(http_app: t.Any) -> None:
    from protevus.foundation.configuration.middleware import Middleware
    from protevus.foundation.http.kernel import Kernel

    app = http_app(middleware=lambda m: m.validate_csrf_tokens(except_=["stripe/*"]))
    assert isinstance(app.make("http.kernel"), Kernel)
    assert app.make("http.kernel") is app.make("http.kernel")
    assert app.make(Middleware).csrf_except == ["stripe/*"]
    assert app.make("http.kernel").config is app.make(Middleware)


def test_trim_strings_settings_apply_to_this_app_only(http_app: t.Any) -> None:
    from protevus.http.middleware.trim_strings import TrimStrings

    def echo(request: t.Any) -> t.Any:
        return {k: request.input(k) for k in ("name", "secret", "blank")}

    from protevus.http.request import Request

    echo.__annotations__["request"] = Request

    def skip_raw(request: t.Any) -> bool:
        return request.args.get("raw") == "1"

    app = http_app(
        middleware=lambda m: m.trim_strings(
            except_=["secret"]
        ).convert_empty_strings_to_null(except_=[skip_raw])
    )
    app.make("router").get("/echo", echo)
    client = app.flask.test_client()
    query = "name=%20ann%20&secret=%20s%20&blank="
    assert client.get(f"/echo?{query}").get_json() == {
        "name": "ann",
        "secret": " s ",
        "blank": None,
    }
    assert client.get(f"/echo?{query}&raw=1").get_json()["blank"] == ""
    assert "secret" not in TrimStrings.except_


def test_lazy_loading_reaches_the_right_app_when_another_was_created(
    http_app: t.Any, tmp_path: Path
) -> None:
    from protevus.foundation import Application
    from protevus.support.facades.facade import Facade

    first = http_app(files={"routes/web.py": WEB}, web="routes/web.py")
    second = Application.configure(tmp_path / "other").create()
    assert first.flask.test_client().get("/").get_data(as_text=True) == "welcome"
    assert not second.make("router").has("home")
    assert Facade.get_facade_application() is second
