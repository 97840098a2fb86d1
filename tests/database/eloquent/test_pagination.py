"""Eloquent pagination: pages of models, the count query, cursors by key, JSON through a route."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.collection import Collection
from protevus.database.eloquent.model import Model
from protevus.pagination.abstract_paginator import BasePaginator
from protevus.pagination.abstract_paginator import PaginatorState
from protevus.pagination.cursor_paginator import CursorPaginator
from protevus.pagination.length_aware_paginator import LengthAwarePaginator
from protevus.pagination.paginator import Paginator


class PagedPost(Model):
    table = "paged_posts"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False
    per_page = 4


class PagedComment(Model):
    table = "paged_comments"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False


@pytest.fixture
def posts(db: t.Any) -> t.Iterator[t.Any]:
    PaginatorState.reset()
    Model.set_connection_resolver(db)
    schema = db.connection().get_schema_builder()
    schema.create(
        "paged_posts",
        lambda table: (table.id(), table.string("title"), table.integer("votes")),
    )
    schema.create(
        "paged_comments",
        lambda table: (
            table.id(),
            table.integer("paged_post_id"),
            table.string("body"),
        ),
    )
    db.table("paged_posts").insert(
        [{"title": f"Post {n}", "votes": n % 4} for n in range(1, 11)]
    )
    db.table("paged_comments").insert(
        [{"paged_post_id": 1, "body": "hi"}, {"paged_post_id": 2, "body": "yo"}]
    )
    yield db
    Model.unset_connection_resolver()
    PaginatorState.reset()


def test_paginate_returns_models_and_uses_the_models_page_size(posts: t.Any) -> None:
    page = PagedPost.order_by("id").paginate()
    assert isinstance(page, LengthAwarePaginator)
    assert page.per_page() == 4 and page.total() == 10 and page.last_page() == 3
    assert isinstance(page.get_collection(), Collection)
    assert all(isinstance(post, PagedPost) for post in page)
    assert [post.title for post in page] == ["Post 1", "Post 2", "Post 3", "Post 4"]


def test_paginate_reads_the_request_page(posts: t.Any) -> None:
    BasePaginator.current_page_resolver(lambda name: 3)
    BasePaginator.current_path_resolver(lambda: "http://x.test/posts")
    page = PagedPost.query().order_by("id").paginate()
    assert [post.id for post in page] == [9, 10]
    data = page.to_array()
    assert data["data"][0]["title"] == "Post 9"
    assert data["prev_page_url"] == "http://x.test/posts?page=2"
    assert data["next_page_url"] is None


def test_count_query_drops_orders_and_eager_loads(posts: t.Any) -> None:
    connection = posts.connection()
    connection.enable_query_log()
    PagedPost.where("votes", ">", 0).order_by("id").paginate(2)
    queries = [entry["query"].lower() for entry in connection.get_query_log()]
    assert len(queries) == 2
    assert "count(*)" in queries[0] and "order by" not in queries[0]
    assert "limit" in queries[1]


def test_empty_paginate_gives_an_eloquent_collection(posts: t.Any) -> None:
    page = PagedPost.where("votes", ">", 99).paginate(5)
    assert page.total() == 0 and isinstance(page.get_collection(), Collection)


def test_global_scopes_apply_to_the_count(posts: t.Any) -> None:
    class ScopedPost(PagedPost):
        @classmethod
        def booted(cls) -> None:
            cls.add_global_scope("popular", lambda query: query.where("votes", ">=", 2))

    page = ScopedPost.order_by("id").paginate(2)
    assert page.total() == 5
    assert all(post.votes >= 2 for post in page)


def test_simple_paginate_models(posts: t.Any) -> None:
    page = PagedPost.order_by("id").simple_paginate(page=2)
    assert isinstance(page, Paginator)
    assert [post.id for post in page] == [5, 6, 7, 8]
    assert page.has_more_pages()


def test_cursor_paginate_defaults_to_the_primary_key(posts: t.Any) -> None:
    first = PagedPost.cursor_paginate(3)
    assert isinstance(first, CursorPaginator)
    assert [post.id for post in first] == [1, 2, 3]
    following = first.next_cursor()
    assert following is not None and following.parameter("paged_posts.id") == 3
    second = PagedPost.cursor_paginate(3, cursor=following)
    assert [post.id for post in second] == [4, 5, 6]
    back = PagedPost.cursor_paginate(3, cursor=second.previous_cursor())
    assert [post.id for post in back] == [1, 2, 3] and back.on_first_page()


def test_cursor_paginate_by_several_columns(posts: t.Any) -> None:
    seen: list[int] = []
    cursor: t.Any = None
    while True:
        page = (
            PagedPost.order_by_desc("votes")
            .order_by("id")
            .cursor_paginate(3, cursor=cursor)
        )
        seen.extend(post.id for post in page)
        cursor = page.next_cursor()
        if cursor is None:
            break
    assert seen == sorted(range(1, 11), key=lambda n: (-(n % 4), n))


def test_paginate_with_eager_loading(posts: t.Any) -> None:
    class PostWithComments(PagedPost):
        def comments(self) -> t.Any:
            return self.has_many(PagedComment, "paged_post_id")

    connection = posts.connection()
    connection.enable_query_log()
    page = PostWithComments.with_("comments").order_by("id").paginate(2)
    assert [len(post.comments) for post in page] == [1, 1]
    queries = [entry["query"].lower() for entry in connection.get_query_log()]
    assert len(queries) == 3
    assert "paged_comments" not in queries[0]


def test_a_paginator_from_a_route_is_json(posts: t.Any, db_app: t.Any) -> None:
    from protevus.pagination.pagination_service_provider import resolve_using

    app = db_app
    resolve_using(app)
    app.make("router").get("/posts", lambda: PagedPost.order_by("id").paginate(3))
    data = app.flask.test_client().get("/posts?page=2").get_json()
    assert data["current_page"] == 2 and data["total"] == 10
    assert [post["id"] for post in data["data"]] == [4, 5, 6]
    assert data["first_page_url"] == "http://localhost/posts?page=1"
    assert data["links"][0]["label"] == "&laquo; Previous"
