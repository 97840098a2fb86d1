"""A view object and views as responses (Laravel: Illuminate\\View\\View, Router::toResponse)."""

from __future__ import annotations

import typing as t

import pytest
from markupsafe import Markup

from protevus.testing.client import TestClient
from protevus.view.view import View


def test_with_in_all_its_forms(view_app: t.Any) -> None:
    factory = view_app(
        {"a.blade.html": "{{ a }} {{ b }} {{ c }} {{ fooBar }} {{ d_e }}"}
    ).make("view")
    view = (
        factory.make("a")
        .with_("a", 1)
        .with_({"b": 2})
        .with_c(3)
        .withFooBar(4)
        .with_d_e(5)
    )
    assert isinstance(view, View)
    assert view.get_data() == {"a": 1, "b": 2, "c": 3, "fooBar": 4, "d_e": 5}
    assert view.render() == "1 2 3 4 5"
    assert view.name() == view.get_name() == "a"
    assert view.get_template() == "a.blade.html"
    assert view.get_path() is not None and view.get_path().endswith("a.blade.html")  # type: ignore[union-attr]
    assert view.get_factory() is factory


def test_unknown_methods_raise_attribute_error(view_app: t.Any) -> None:
    view = view_app({"a.blade.html": ""}).make("view").make("a")
    with pytest.raises(
        AttributeError, match=r"Method \[frobnicate\] does not exist on view \[a\]"
    ):
        view.frobnicate()
    assert not hasattr(view, "withers")


def test_array_access_str_html_and_callback(view_app: t.Any) -> None:
    factory = view_app(
        {"a.blade.html": "<b>{{ x }}</b>", "outer.blade.html": "[{{ inner }}]"}
    ).make("view")
    view = factory.make("a")
    view["x"] = "&"
    assert "x" in view and view["x"] == "&"
    assert str(view) == "<b>&amp;</b>"
    assert view.__html__() == Markup("<b>&amp;</b>")
    assert factory.make("outer", inner=view).render() == "[<b>&amp;</b>]"
    assert view.render(lambda v, html: html.upper()) == "<B>&AMP;</B>"
    assert view.render(lambda v, html: None) == "<b>&amp;</b>"
    del view["x"]
    assert view.get_data() == {}


def test_undefined_variables_and_none_print_nothing(view_app: t.Any) -> None:
    factory = view_app(
        {
            "a.blade.html": "[{{ missing }}][{{ nothing }}]",
            "b.html": "[{{ missing }}][{{ nothing }}]",
        }
    ).make("view")
    assert factory.make("a", nothing=None).render() == "[][]"
    assert factory.make("b", nothing=None).render() == "[][]"


def test_with_errors_fills_the_errors_bag(view_app: t.Any) -> None:
    factory = view_app(
        {"a.blade.html": "{{ errors.first('title') }}|{{ errors.login.first('pw') }}"}
    ).make("view")
    view = factory.make("a").with_errors({"title": "Title is required."})
    view.with_errors({"pw": ["Wrong."]}, "login")
    assert view.render() == "Title is required.|Wrong."


def test_a_route_returning_a_view_answers_html(view_app: t.Any) -> None:
    from protevus.helpers import view

    app = view_app({"posts/index.blade.html": "<h1>{{ title }}</h1>"})
    router = app.make("router")
    router.get("/posts", lambda: view("posts.index", title="<All>"))
    router.view("/about", "posts.index", {"title": "About"})
    router.get(
        "/made", lambda: app.make("response").view("posts.index", {"title": "R"}, 201)
    )
    client = TestClient(app)
    response = client.get("/posts")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/html")
    assert response.get_data(as_text=True) == "<h1>&lt;All&gt;</h1>"
    about = client.get("/about")
    assert about.status_code == 200 and about.get_data(as_text=True) == "<h1>About</h1>"
    made = client.get("/made")
    assert made.status_code == 201 and made.get_data(as_text=True) == "<h1>R</h1>"


def test_error_views_render_http_errors(view_app: t.Any) -> None:
    app = view_app(
        {
            "errors/404.blade.html": "Missing: {{ exception.code }}",
            "errors/5xx.html": "Broke",
        }
    )

    def boom() -> None:
        raise RuntimeError("no")

    app.make("router").get("/boom", boom)
    client = TestClient(app)
    missing = client.get("/nowhere")
    assert (
        missing.status_code == 404 and missing.get_data(as_text=True) == "Missing: 404"
    )
    broke = client.get("/boom")
    assert broke.status_code == 500 and broke.get_data(as_text=True) == "Broke"


def test_a_missing_view_in_a_route_is_a_500_naming_it_in_debug(view_app: t.Any) -> None:
    from protevus.helpers import view

    app = view_app({"a.blade.html": ""}, debug=True)
    app.make("router").get("/", lambda: view("posts.shwo"))
    response = TestClient(app).get("/", headers={"Accept": "application/json"})
    assert response.status_code == 500
    assert response.get_json()["message"].startswith("View [posts.shwo] not found.")
