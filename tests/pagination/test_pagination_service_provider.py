"""The provider points the paginators at the request: ``?page=``, the path, the query string, ``?cursor=``."""

from __future__ import annotations

import typing as t

from protevus.pagination.abstract_paginator import BasePaginator
from protevus.pagination.cursor import Cursor
from protevus.pagination.cursor_paginator import CursorPaginator
from protevus.pagination.length_aware_paginator import LengthAwarePaginator
from protevus.pagination.pagination_service_provider import PaginationServiceProvider


def make_paginator() -> LengthAwarePaginator:
    items = [{"n": n} for n in range(1, 101)]
    page = BasePaginator.resolve_current_page()
    return LengthAwarePaginator(
        items[(page - 1) * 10 : page * 10],
        100,
        10,
        None,
        {"path": BasePaginator.resolve_current_path()},
    ).with_query_string()


def test_a_paginator_returned_from_a_route_is_laravels_json(make_app: t.Any) -> None:
    app = make_app(providers=[PaginationServiceProvider])
    app.make("router").get("/posts", make_paginator)
    response = app.flask.test_client().get("/posts?page=3&sort=new")
    assert response.status_code == 200
    data = response.get_json()
    assert data["current_page"] == 3
    assert data["data"][0] == {"n": 21}
    assert data["path"] == "http://localhost/posts"
    assert data["next_page_url"] == "http://localhost/posts?sort=new&page=4"
    assert data["links"][3] == {
        "url": "http://localhost/posts?sort=new&page=3",
        "label": "3",
        "active": True,
    }


def test_invalid_page_input_is_page_one(make_app: t.Any) -> None:
    app = make_app(providers=[PaginationServiceProvider])
    app.make("router").get(
        "/posts", lambda: {"page": BasePaginator.resolve_current_page()}
    )
    client = app.flask.test_client()
    assert client.get("/posts?page=abc").get_json() == {"page": 1}
    assert client.get("/posts?page=-2").get_json() == {"page": 1}
    assert client.get("/posts?page=7").get_json() == {"page": 7}


def test_repeated_query_keys_become_lists(make_app: t.Any) -> None:
    app = make_app(providers=[PaginationServiceProvider])
    app.make("router").get("/q", lambda: BasePaginator.resolve_query_string())
    assert app.flask.test_client().get("/q?tags[]=a&tags[]=b&x=1").get_json() == {
        "tags": ["a", "b"],
        "x": "1",
    }


def test_cursor_comes_from_the_request(make_app: t.Any) -> None:
    app = make_app(providers=[PaginationServiceProvider])
    cursor = Cursor({"id": 5})
    app.make("router").get(
        "/c", lambda: {"found": CursorPaginator.resolve_current_cursor() == cursor}
    )
    assert app.flask.test_client().get("/c?cursor=" + cursor.encode()).get_json() == {
        "found": True
    }


def test_outside_a_request_the_defaults_apply(make_app: t.Any) -> None:
    make_app(providers=[PaginationServiceProvider])
    assert BasePaginator.resolve_current_page() == 1
    assert BasePaginator.resolve_current_path() == "/"
    assert BasePaginator.resolve_query_string() == {}
    assert CursorPaginator.resolve_current_cursor() is None
