"""Registering and dispatching routes: verbs, parameters, constraints, errors."""

from __future__ import annotations

import re
import typing as t

import flask
import pytest

from protevus.http.exceptions import MethodNotAllowedHttpException
from protevus.http.exceptions import NotFoundHttpException
from protevus.http.request import Request
from protevus.http.response import JsonResponse
from protevus.http.response import Response
from protevus.routing.exceptions import RoutingError
from protevus.routing.router import Router


@pytest.mark.parametrize("verb", ["get", "post", "put", "patch", "delete", "options"])
def test_each_verb_registers_a_route_for_that_method(
    router: Router, client: t.Any, verb: str
) -> None:
    getattr(router, verb)("/thing", lambda: verb)

    assert getattr(client, verb)("/thing").get_data(as_text=True) == verb


def test_get_routes_answer_head_with_an_empty_body(
    router: Router, client: t.Any
) -> None:
    route = router.get("/hello", lambda: "Hello")

    response = client.head("/hello")

    assert route.methods() == ["GET", "HEAD"]
    assert response.status_code == 200
    assert response.data == b""


def test_match_and_any_register_several_methods(router: Router, client: t.Any) -> None:
    router.match(["get", "post"], "/both", lambda: "both")
    router.any("/all", lambda: "all")

    assert client.post("/both").data == b"both"
    assert client.put("/both").status_code == 405
    assert client.delete("/all").data == b"all"


def test_required_and_optional_parameters(router: Router, client: t.Any) -> None:
    router.get("/users/{id}/{name?}", lambda id, name: f"{id}:{name}")

    assert client.get("/users/1").data == b"1:None"
    assert client.get("/users/1/taylor").data == b"1:taylor"


def test_optional_parameter_uses_the_function_default(
    router: Router, client: t.Any
) -> None:
    router.get("/user/{name?}", lambda name="John": name)

    assert client.get("/user").data == b"John"
    assert client.get("/user/Taylor").data == b"Taylor"


def test_route_defaults_fill_missing_parameters(router: Router, client: t.Any) -> None:
    router.get("/search/{term?}", lambda term: term).defaults("term", "all")

    assert client.get("/search").data == b"all"


def test_parameters_bind_by_position_when_names_differ(
    router: Router, client: t.Any
) -> None:
    router.get(
        "/posts/{post}/comments/{comment}",
        lambda post_id, comment_id: f"{post_id}/{comment_id}",
    )

    assert client.get("/posts/1/comments/2").data == b"1/2"


def test_unresolvable_action_parameter_is_a_clear_error(
    router: Router, app: t.Any
) -> None:
    router.get("/x", lambda missing: missing)

    error = _rendered_error(router, "/x")
    assert isinstance(error, RoutingError)
    assert re.search(
        r"Unable to resolve parameter \[missing\].*route \[x\]", str(error)
    )


@pytest.mark.parametrize(
    ("method", "good", "bad"),
    [
        ("where_number", "42", "abc"),
        ("where_alpha", "abc", "a1"),
        ("where_alpha_numeric", "a1", "a-1"),
        ("where_uuid", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "3f2504e0"),
        ("where_ulid", "01ARZ3NDEKTSV4RRFFQ69G5FAV", "01ARZ3NDEKTSV4RRFFQ69G5FA"),
    ],
)
def test_where_helpers_constrain_parameters(
    router: Router, client: t.Any, method: str, good: str, bad: str
) -> None:
    getattr(router.get("/items/{id}", lambda id: id), method)("id")

    assert client.get(f"/items/{good}").status_code == 200
    assert client.get(f"/items/{bad}").status_code == 404


def test_where_with_a_regex_and_where_in(router: Router, client: t.Any) -> None:
    router.get("/user/{name}", lambda name: name).where("name", "[A-Za-z]+")
    router.get("/category/{category}", lambda category: category).where_in(
        "category", ["movie", "song"]
    )

    assert client.get("/user/taylor").status_code == 200
    assert client.get("/user/t4").status_code == 404
    assert client.get("/category/song").status_code == 200
    assert client.get("/category/painting").status_code == 404


def test_a_constraint_may_allow_slashes(router: Router, client: t.Any) -> None:
    router.get("/search/{search}", lambda search: search).where("search", ".*")

    assert client.get("/search/a/b/c").data == b"a/b/c"


def test_global_patterns_apply_unless_the_route_overrides(
    router: Router, client: t.Any
) -> None:
    router.pattern("id", "[0-9]+")
    router.get("/user/{id}", lambda id: id)
    router.get("/tag/{id}", lambda id: id).where("id", "[a-z]+")

    assert client.get("/user/5").status_code == 200
    assert client.get("/user/x").status_code == 404
    assert client.get("/tag/x").status_code == 200


def test_a_pattern_added_after_compilation_recompiles(
    router: Router, client: t.Any
) -> None:
    router.get("/user/{id}", lambda id: id)
    assert client.get("/user/x").status_code == 200

    router.patterns({"id": "[0-9]+"})

    assert client.get("/user/x").status_code == 404


def test_unknown_path_is_laravel_404(router: Router) -> None:
    router.get("/", lambda: "home")

    with pytest.raises(
        NotFoundHttpException, match=r"^The route nope/here could not be found\.$"
    ):
        _dispatch(router, "/nope/here")


def test_wrong_verb_is_laravel_405_with_allow(router: Router, client: t.Any) -> None:
    router.get("/photos", lambda: "index")
    router.post("/photos", lambda: "store")

    with pytest.raises(MethodNotAllowedHttpException) as caught:
        _dispatch(router, "/photos", method="DELETE")
    response = client.delete("/photos")

    assert str(caught.value) == (
        "The DELETE method is not supported for route photos. Supported methods: GET, HEAD, POST."
    )
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD, POST"


def test_options_answers_200_with_allow_for_existing_paths(
    router: Router, client: t.Any
) -> None:
    router.get("/photos", lambda: "index")
    router.put("/photos", lambda: "put")

    response = client.options("/photos")

    assert response.status_code == 200
    assert response.headers["Allow"] == "GET, HEAD, PUT"
    assert client.options("/missing").status_code == 404


def test_trailing_slash_matches(router: Router, client: t.Any) -> None:
    router.get("/photos", lambda: "index")

    assert client.get("/photos/").data == b"index"


def test_fallback_catches_unmatched_get_requests(router: Router, client: t.Any) -> None:
    router.get("/photos/{id}", lambda id: id)
    router.fallback(lambda: ("Nothing here", 404))

    assert client.get("/photos/1").data == b"1"
    missing = client.get("/deep/missing/page")
    assert missing.status_code == 404
    assert missing.data == b"Nothing here"
    assert client.get("/").status_code == 404


def test_redirect_routes(router: Router, client: t.Any) -> None:
    router.redirect("/here", "/there")
    router.permanent_redirect("/old", "/new")
    router.redirect("/old-post/{id}", "/posts/{id}", 307)

    assert client.get("/here").status_code == 302
    assert client.get("/here").headers["Location"].endswith("/there")
    assert client.post("/old").status_code == 301
    redirected = client.get("/old-post/5")
    assert redirected.status_code == 307
    assert redirected.headers["Location"].endswith("/posts/5")


def test_view_route_needs_the_view_service(router: Router, app: t.Any) -> None:
    del app["view"]  # an app without the view provider
    router.view("/about", "about")

    error = _rendered_error(router, "/about")
    assert isinstance(error, RoutingError)
    assert re.search(r"cannot render \[about\]", str(error))


def test_view_route_renders_through_the_view_service(
    router: Router, app: t.Any, client: t.Any
) -> None:
    class Views:
        def make(self, name: str, data: dict[str, t.Any]) -> str:
            return f"{name}:{data['team']}"

    app.instance("view", Views())
    router.view("/about", "about", {"team": "core"})

    assert client.get("/about").data == b"about:core"


class Greeter:
    def greet(self, name: str) -> str:
        return f"Hi {name}"


def test_request_and_services_are_injected(
    router: Router, client: t.Any, app: t.Any
) -> None:
    app.singleton(Greeter)

    def show(request: Request, id: str, greeter: Greeter) -> str:
        return f"{greeter.greet(id)} via {request.method}"

    router.get("/greet/{id}", show)

    assert client.get("/greet/ann").data == b"Hi ann via GET"


def test_an_untyped_parameter_named_request_gets_the_request(
    router: Router, client: t.Any
) -> None:
    router.post("/echo", lambda request: request.input("say"))

    assert client.post("/echo", data={"say": "hey"}).data == b"hey"


def test_request_route_and_current_route(router: Router, client: t.Any) -> None:
    seen: dict[str, t.Any] = {}

    def show(request: Request, id: str) -> str:
        seen["param"] = request.route("id")
        seen["name"] = router.current_route_name()
        seen["is"] = router.is_("users.*")
        seen["action"] = router.current_route_action()
        return "ok"

    router.get("/users/{id}", show).name("users.show")
    client.get("/users/7")

    assert seen == {"param": "7", "name": "users.show", "is": True, "action": "Closure"}


@pytest.mark.parametrize(
    ("returned", "status", "content_type", "body"),
    [
        ("<b>hi</b>", 200, "text/html; charset=utf-8", b"<b>hi</b>"),
        ({"a": 1}, 200, "application/json", b'{"a":1}'),
        ([1, 2], 200, "application/json", b"[1,2]"),
        (None, 200, "text/html; charset=utf-8", b""),
        (("created", 201), 201, "text/html; charset=utf-8", b"created"),
        (({"ok": True}, 202, {"X-A": "b"}), 202, "application/json", b'{"ok":true}'),
        (7, 200, "text/html; charset=utf-8", b"7"),
    ],
)
def test_return_values_become_responses(
    router: Router,
    client: t.Any,
    returned: t.Any,
    status: int,
    content_type: str,
    body: bytes,
) -> None:
    router.get("/r", lambda: returned)

    response = client.get("/r")

    assert (response.status_code, response.content_type, response.data) == (
        status,
        content_type,
        body,
    )


def test_responsable_arrayable_and_jsonable_objects(
    router: Router, client: t.Any
) -> None:
    class Responsable:
        def to_response(self, request: t.Any) -> t.Any:
            return Response("made", 203)

    class Arrayable:
        def to_array(self) -> dict[str, int]:
            return {"n": 1}

    class Jsonable:
        def to_json(self) -> str:
            return '{"j":2}'

    router.get("/a", lambda: Responsable())
    router.get("/b", lambda: Arrayable())
    router.get("/c", lambda: Jsonable())

    assert (client.get("/a").status_code, client.get("/a").data) == (203, b"made")
    assert client.get("/b").get_json() == {"n": 1}
    assert client.get("/c").get_json() == {"j": 2}


def test_responses_pass_through(router: Router, client: t.Any) -> None:
    router.get("/json", lambda: JsonResponse({"x": 1}, 201))
    router.get("/flask", lambda: flask.Response("raw", 418))

    assert client.get("/json").status_code == 201
    assert client.get("/flask").status_code == 418


def test_unconvertible_return_value_is_a_clear_error(router: Router) -> None:
    router.get("/bad", lambda: object())

    error = _rendered_error(router, "/bad")
    assert isinstance(error, RoutingError)
    assert "returned [object], which cannot be turned into a response" in str(error)


def test_route_without_action_is_an_error(router: Router) -> None:
    with pytest.raises(RoutingError, match="needs an action"):
        router.get("/nothing")


def test_names_and_has(router: Router) -> None:
    route = router.get("/a", lambda: "a").name("a.home")

    assert route.get_name() == "a.home"
    assert route.named("a.*")
    assert not route.named("b.*")
    assert router.has("a.home")
    assert not router.has("a.home", "missing")
    assert router.get_routes().get_by_name("a.home") is route


def test_domain_routes_match_the_host_and_capture_parameters(
    router: Router, client: t.Any
) -> None:
    router.domain("{account}.example.com").group(
        lambda: router.get("/user/{id}", lambda account, id: f"{account}:{id}")
    )

    assert client.get("/user/1", base_url="http://acme.example.com").data == b"acme:1"
    assert client.get("/user/1", base_url="http://other.test").status_code == 404


def test_routes_added_after_the_first_request_are_matched(
    router: Router, client: t.Any
) -> None:
    router.get("/one", lambda: "1")
    assert client.get("/one").data == b"1"

    router.get("/two", lambda: "2")

    assert client.get("/two").data == b"2"


def test_changing_a_route_after_the_first_request_recompiles(
    router: Router, client: t.Any
) -> None:
    route = router.get("/n/{id}", lambda id: id)
    assert client.get("/n/x").status_code == 200

    route.where_number("id")

    assert client.get("/n/x").status_code == 404
    assert client.get("/n/1").status_code == 200


def test_flask_views_registered_directly_still_work(
    router: Router, client: t.Any
) -> None:
    router.flask.add_url_rule(
        "/flask-view/<int:n>", "flask_view", lambda n: f"flask {n}"
    )  # type: ignore[attr-defined]

    assert client.get("/flask-view/3").data == b"flask 3"


def test_router_matches_outside_flask(app: t.Any) -> None:
    from werkzeug.test import EnvironBuilder

    router = Router(app)
    router.get("/items/{id}", lambda id: f"item {id}")
    request = Request(EnvironBuilder(path="/items/9").get_environ())

    response = router.dispatch(request)

    assert response.get_data(as_text=True) == "item 9"


def test_camel_case_aliases(router: Router) -> None:
    route = router.get("/x/{id}", lambda id: id)
    route.whereNumber("id")  # type: ignore[attr-defined]

    assert route.wheres == {"id": "[0-9]+"}
    assert router.getRoutes() is router.get_routes()  # type: ignore[attr-defined]


def _rendered_error(router: Router, path: str) -> BaseException:
    """Dispatch ``path``; the action's error comes back rendered as a 500 carrying it."""
    response = _dispatch(router, path)
    assert response.status_code == 500
    return t.cast(BaseException, response.exception)


def _dispatch(router: Router, path: str, method: str = "GET") -> t.Any:
    flask_app = router.flask  # type: ignore[attr-defined]
    with flask_app.test_request_context(path, method=method) as ctx:
        ctx.match_request()
        return router.dispatch(flask.request._get_current_object())  # type: ignore[attr-defined]
