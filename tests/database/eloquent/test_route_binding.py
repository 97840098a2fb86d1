"""Route model binding with real models: route keys, ``{post:slug}``, scoped children, 404s."""

from __future__ import annotations

import typing as t

import pytest

from protevus.database.eloquent.exceptions import ModelNotFoundError
from protevus.database.eloquent.model import Model
from protevus.database.eloquent.soft_deletes import SoftDeletes
from protevus.routing.middleware.substitute_bindings import SubstituteBindings


class BoundUser(Model):
    table = "bound_users"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False

    def posts(self) -> t.Any:
        return self.has_many(BoundPost, "bound_user_id")


class BoundPost(Model):
    table = "bound_posts"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False


class TrashablePost(SoftDeletes, Model):
    table = "trashable_posts"
    guarded: t.ClassVar[list[str]] = []
    timestamps = False


class SluggedPost(BoundPost):
    def get_route_key_name(self) -> str:
        return "slug"


@pytest.fixture
def blog(db: t.Any) -> t.Iterator[t.Any]:
    Model.set_connection_resolver(db)
    schema = db.connection().get_schema_builder()
    schema.create("bound_users", lambda table: (table.id(), table.string("name")))
    schema.create(
        "bound_posts",
        lambda table: (
            table.id(),
            table.integer("bound_user_id"),
            table.string("slug"),
            table.string("title"),
        ),
    )
    db.table("bound_users").insert([{"name": "Ann"}, {"name": "Bob"}])
    db.table("bound_posts").insert(
        [
            {"bound_user_id": 1, "slug": "hello", "title": "Hello"},
            {"bound_user_id": 2, "slug": "world", "title": "World"},
        ]
    )
    yield db
    Model.unset_connection_resolver()


@pytest.fixture
def app(blog: t.Any, db_app: t.Any) -> t.Any:
    # The app's DatabaseServiceProvider points the models at its manager, which
    # holds the same test connection.
    return db_app


def get(app: t.Any, uri: str) -> t.Any:
    return app.flask.test_client().get(uri, headers={"Accept": "application/json"})


def test_route_key_defaults_to_the_primary_key(blog: t.Any) -> None:
    post = BoundPost.find(2)
    assert post.get_route_key_name() == "id"
    assert post.get_route_key() == 2
    assert SluggedPost.find(2).get_route_key() == "world"


def test_resolve_route_binding(blog: t.Any) -> None:
    assert BoundPost().resolve_route_binding(1).title == "Hello"
    assert BoundPost().resolve_route_binding("world", "slug").id == 2
    assert BoundPost().resolve_route_binding(99) is None
    assert SluggedPost().resolve_route_binding("hello").id == 1


def test_resolve_child_route_binding_goes_through_the_relation(blog: t.Any) -> None:
    ann = BoundUser.find(1)
    assert ann.child_route_binding_relationship_name("post") == "posts"
    assert ann.resolve_child_route_binding("post", "hello", "slug").id == 1
    assert ann.resolve_child_route_binding("post", "world", "slug") is None
    assert ann.resolve_child_route_binding("post", 1, None).slug == "hello"


def test_implicit_binding_through_http(app: t.Any) -> None:
    def show(post: BoundPost) -> dict[str, t.Any]:
        return {"title": post.title}

    app.make("router").get("/posts/{post}", show).middleware(SubstituteBindings)
    assert get(app, "/posts/2").get_json() == {"title": "World"}
    missing = get(app, "/posts/9")
    assert missing.status_code == 404
    assert (
        "No query results for model [tests.database.eloquent.test_route_binding.BoundPost] 9"
        in (missing.get_json()["message"])
    )


def test_binding_by_slug_and_scoped_children(app: t.Any) -> None:
    def show(user: BoundUser, post: BoundPost) -> dict[str, t.Any]:
        return {"user": user.name, "post": post.title}

    router = app.make("router")
    router.get("/users/{user}/posts/{post:slug}", show).middleware(SubstituteBindings)
    assert get(app, "/users/1/posts/hello").get_json() == {
        "user": "Ann",
        "post": "Hello",
    }
    assert get(app, "/users/2/posts/hello").status_code == 404


def test_explicit_model_binding(app: t.Any) -> None:
    router = app.make("router")
    router.model("article", SluggedPost)
    router.get("/articles/{article}", lambda article: {"id": article.id}).middleware(
        SubstituteBindings
    )
    assert get(app, "/articles/world").get_json() == {"id": 2}
    assert get(app, "/articles/nope").status_code == 404


def test_binding_without_the_middleware_raises_model_not_found(blog: t.Any) -> None:
    from protevus.routing.route import Route
    from protevus.routing.router import Router

    router = Router()
    route = Route("GET", "/posts/{post}", {"uses": lambda post: None})

    def action(post: BoundPost) -> None: ...

    matched = route.uses(action).matched({"post": "7"})
    with pytest.raises(ModelNotFoundError) as caught:
        router.substitute_implicit_bindings(matched)
    assert caught.value.get_ids() == ["7"]


def test_soft_deleted_models_bind_only_with_trashed(app: t.Any, blog: t.Any) -> None:
    blog.connection().get_schema_builder().create(
        "trashable_posts",
        lambda table: (
            table.id(),
            table.string("title"),
            table.timestamp("deleted_at").nullable(),
        ),
    )
    blog.table("trashable_posts").insert(
        [{"title": "Gone", "deleted_at": "2026-01-01 00:00:00"}]
    )

    def show(post: TrashablePost) -> dict[str, t.Any]:
        return {"title": post.title}

    router = app.make("router")
    router.get("/trash/{post}", show).middleware(SubstituteBindings)
    router.get("/trash-ok/{post}", show).middleware(SubstituteBindings).with_trashed()
    assert get(app, "/trash/1").status_code == 404
    assert get(app, "/trash-ok/1").get_json() == {"title": "Gone"}
    assert TrashablePost().resolve_soft_deletable_route_binding(1).title == "Gone"


@pytest.mark.parametrize(
    "uri",
    [
        "/posts/abc",
        "/posts/1.5",
        "/posts/99999999999999999999999",
        "/users/x/posts/hello",
    ],
)
def test_a_key_of_the_wrong_type_is_a_404_on_every_database(
    app: t.Any, uri: str
) -> None:
    # PostgreSQL refuses to compare a bigint with "abc" (a 500 if it reached it).
    def show(post: BoundPost) -> dict[str, t.Any]:
        return {"title": post.title}

    def child(user: BoundUser, post: BoundPost) -> dict[str, t.Any]:
        return {"post": post.title}

    router = app.make("router")
    router.get("/posts/{post}", show).middleware(SubstituteBindings)
    router.get("/users/{user}/posts/{post:slug}", child).middleware(SubstituteBindings)
    assert get(app, uri).status_code == 404
