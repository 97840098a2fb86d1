"""TestResponse's JSON assertions, with Laravel's semantics, and their failure messages."""

from __future__ import annotations

import json
import typing as t

import pytest
from werkzeug.wrappers import Response

from protevus.testing import AssertableJson
from protevus.testing import TestResponse

POSTS: dict[str, t.Any] = {
    "data": [
        {"id": 1, "title": "Hello", "tags": ["a", "b"], "author": {"name": "Ann"}},
        {"id": 2, "title": "World", "tags": [], "author": {"name": "Bob"}},
    ],
    "meta": {"total": 2, "page": 1},
    "ok": True,
}


def respond(data: t.Any, status: int = 200) -> TestResponse:
    return TestResponse(
        Response(json.dumps(data), status=status, mimetype="application/json")
    )


def test_json_reads_the_body_and_dot_paths() -> None:
    response = respond(POSTS)
    assert response.json() == POSTS
    assert response.json("data.0.title") == "Hello"
    assert response.json("data.*.id") == [1, 2]
    assert response.json("nope", "default") == "default"


def test_invalid_json_fails_with_the_body() -> None:
    response = TestResponse(Response("<html>oops</html>", status=500))
    with pytest.raises(AssertionError) as info:
        response.assert_json({"a": 1})
    assert "Invalid JSON was returned from the route." in str(info.value)
    assert "status 500" in str(info.value)
    assert "<html>oops</html>" in str(info.value)
    with pytest.raises(AssertionError, match="the body is empty"):
        TestResponse(Response("", status=204)).json()


# -- assert_json (subset) --------------------------------------------------------------


@pytest.mark.parametrize(
    "subset",
    [
        {"ok": True},
        {"meta": {"total": 2}},
        {"data": [{"id": 1}]},
        {"data": [{"id": 1}, {"author": {"name": "Bob"}}]},
        {"data": [{"tags": ["a"]}]},
        {},
    ],
)
def test_assert_json_matches_subsets(subset: dict[str, t.Any]) -> None:
    respond(POSTS).assert_json(subset)


@pytest.mark.parametrize(
    "subset",
    [
        {"ok": False},
        {"missing": 1},
        {"meta": {"total": 3}},
        {"data": [{"id": 2}]},  # lists match by position
        {"data": [{}, {}, {}]},
        {"meta": [1]},
    ],
)
def test_assert_json_rejects_non_subsets(subset: dict[str, t.Any]) -> None:
    with pytest.raises(AssertionError) as info:
        respond(POSTS).assert_json(subset)
    message = str(info.value)
    assert message.startswith("Unable to find JSON:")
    assert "within response JSON:" in message
    assert '"title": "Hello"' in message


def test_assert_json_strict_compares_types() -> None:
    response = respond({"count": 1, "price": 1.0, "flag": True})
    response.assert_json({"count": 1.0, "flag": 1})
    response.assert_json({"count": 1, "price": 1.0, "flag": True}, strict=True)
    with pytest.raises(AssertionError, match="Unable to find JSON"):
        response.assert_json({"count": 1.0}, strict=True)
    with pytest.raises(AssertionError, match="Unable to find JSON"):
        response.assert_json({"flag": 1}, strict=True)


def test_assert_json_accepts_arrayable_values() -> None:
    class Post:
        def to_array(self) -> dict[str, t.Any]:
            return {"id": 1}

    respond({"id": 1, "x": 2}).assert_json(Post())


# -- exact / similar ---------------------------------------------------------------------


def test_assert_exact_json() -> None:
    response = respond({"a": 1, "b": [1, 2]})
    response.assert_exact_json({"b": [1, 2], "a": 1})
    for wrong in (
        {"a": 1},
        {"a": 1, "b": [2, 1]},
        {"a": 1.0, "b": [1, 2]},
        {"a": True, "b": [1, 2]},
    ):
        with pytest.raises(AssertionError) as info:
            response.assert_exact_json(wrong)
        assert "Failed asserting that the response JSON matches exactly." in str(
            info.value
        )
        assert "Expected:" in str(info.value) and "Actual:" in str(info.value)


def test_assert_similar_json_ignores_list_order() -> None:
    response = respond({"a": [1, 2], "b": {"c": 1}})
    response.assert_similar_json({"b": {"c": 1}, "a": [2, 1]})
    with pytest.raises(AssertionError, match="similar"):
        response.assert_similar_json({"a": [1, 2]})


# -- paths ------------------------------------------------------------------------------


def test_assert_json_path() -> None:
    response = respond(POSTS)
    response.assert_json_path("meta.total", 2)
    response.assert_json_path("data.0.author.name", "Ann")
    response.assert_json_path("data.*.id", [1, 2])
    response.assert_json_path("data.1.tags", [])
    response.assert_json_path("meta", {"page": 1, "total": 2})
    response.assert_json_path("meta.total", lambda total: total > 1)


@pytest.mark.parametrize(
    ("path", "expected", "shown"),
    [
        ("meta.total", 3, "it is [2]"),
        ("meta.total", "2", "it is [2]"),  # strict, like assertSame
        ("meta.total", 2.0, "it is [2]"),
        ("ok", 1, "it is [true]"),
        ("meta.nope", None, "it is [missing]"),
    ],
)
def test_assert_json_path_fails_strictly(
    path: str, expected: t.Any, shown: str
) -> None:
    with pytest.raises(AssertionError) as info:
        respond(POSTS).assert_json_path(path, expected)
    assert f"Failed asserting that JSON path [{path}] is [" in str(info.value)
    assert shown in str(info.value)


def test_assert_json_path_null_value() -> None:
    respond({"a": None}).assert_json_path("a", None)


def test_assert_json_path_callback_failure() -> None:
    with pytest.raises(
        AssertionError,
        match=r"JSON path \[meta.total\] passes the given callback; its value is \[2\]",
    ):
        respond(POSTS).assert_json_path("meta.total", lambda total: total > 5)


def test_assert_json_missing_path() -> None:
    response = respond(POSTS)
    response.assert_json_missing_path("meta.nope").assert_json_missing_path("data.5")
    with pytest.raises(
        AssertionError, match=r"JSON path \[meta.total\] is missing; it is \[2\]"
    ):
        response.assert_json_missing_path("meta.total")


# -- count ------------------------------------------------------------------------------


def test_assert_json_count() -> None:
    respond([1, 2, 3]).assert_json_count(3)
    response = respond(POSTS)
    response.assert_json_count(3).assert_json_count(2, "data").assert_json_count(
        0, "data.1.tags"
    )
    with pytest.raises(AssertionError) as info:
        response.assert_json_count(5, "data")
    assert (
        "Failed to assert that the response count matched the expected 5: "
        "JSON path [data] has 2 items." in str(info.value)
    )
    with pytest.raises(AssertionError, match="the response JSON has 3 items"):
        response.assert_json_count(1)
    with pytest.raises(AssertionError, match=r"JSON path \[nope\] is missing"):
        response.assert_json_count(1, "nope")
    with pytest.raises(AssertionError, match=r"is not a list or object but \[2\]"):
        response.assert_json_count(1, "meta.total")


# -- structure ----------------------------------------------------------------------------


def test_assert_json_structure() -> None:
    response = respond(POSTS)
    response.assert_json_structure(["data", "meta", "ok"])
    response.assert_json_structure(
        {"data": {"*": ["id", "title", {"author": ["name"]}]}, "meta": ["total"]}
    )
    response.assert_json_structure(["ok", {"meta": ["page"]}])
    response.assert_json_structure({"data": ["0", "1"]})
    response.assert_json_structure()
    respond([{"id": 1}, {"id": 2}]).assert_json_structure({"*": ["id"]})
    respond([]).assert_json_structure({"*": ["id"]})


def test_assert_json_structure_failures_name_the_path() -> None:
    response = respond(POSTS)
    with pytest.raises(AssertionError) as info:
        response.assert_json_structure({"data": {"*": ["id", "body"]}})
    assert "Failed asserting that the response JSON has the key [data.0.body]." in str(
        info.value
    )
    with pytest.raises(AssertionError, match=r"has the key \[links\]"):
        response.assert_json_structure(["data", "links"])
    with pytest.raises(AssertionError, match=r"has the key \[meta.last_page\]"):
        response.assert_json_structure({"meta": ["last_page"]})
    with pytest.raises(AssertionError, match=r"JSON path \[ok\] is a list"):
        response.assert_json_structure({"ok": {"*": ["id"]}})


def test_assert_json_structure_on_given_data() -> None:
    respond({}).assert_json_structure(["id"], {"id": 1})
    with pytest.raises(AssertionError, match=r"has the key \[name\]"):
        respond({}).assert_json_structure(["name"], {"id": 1})


# -- fragments ------------------------------------------------------------------------------


def test_assert_json_fragment_searches_the_whole_tree() -> None:
    response = respond(POSTS)
    response.assert_json_fragment({"name": "Bob"})
    response.assert_json_fragment({"title": "Hello", "total": 2})  # each pair anywhere
    response.assert_json_fragment({"author": {"name": "Ann"}})
    response.assert_json_fragment(
        {"tags": ["b", "a"]}
    )  # list order ignored, as Laravel
    response.assert_json_fragment({"ok": True})


@pytest.mark.parametrize(
    "fragment",
    [
        {"name": "Cid"},
        {"total": "2"},
        {"total": 2.5},
        {"ok": 1},
        {"author": {"name": "An"}},
        {"tags": ["a"]},
    ],
)
def test_assert_json_fragment_failures(fragment: dict[str, t.Any]) -> None:
    with pytest.raises(AssertionError) as info:
        respond(POSTS).assert_json_fragment(fragment)
    assert "Unable to find JSON fragment:" in str(info.value)
    assert '"title":"Hello"' in str(info.value)


def test_assert_json_missing() -> None:
    response = respond(POSTS)
    response.assert_json_missing({"name": "Cid"}).assert_json_missing({"total": "2"})
    with pytest.raises(
        AssertionError, match=r'Found unexpected JSON fragment:\s+\[\{"name":"Ann"\}\]'
    ):
        response.assert_json_missing(
            {"name": "Cid", "title": "Hello"} | {"name": "Ann"}
        )


def test_assert_json_missing_exact_needs_all_pairs_together() -> None:
    response = respond(POSTS)
    response.assert_json_missing({"id": 1, "title": "World"}, exact=True)
    response.assert_json_missing_exact({"id": 2, "title": "Hello"})
    with pytest.raises(AssertionError, match="Found unexpected JSON fragment"):
        response.assert_json_missing({"id": 1, "title": "Hello"}, exact=True)


# -- types, validation errors --------------------------------------------------------------


def test_assert_json_is_array_and_object() -> None:
    respond([1]).assert_json_is_array()
    respond(POSTS).assert_json_is_object().assert_json_is_array(
        "data"
    ).assert_json_is_object("meta")
    with pytest.raises(AssertionError, match="the response JSON is a list"):
        respond(POSTS).assert_json_is_array()
    with pytest.raises(AssertionError, match=r"JSON path \[data\] is an object"):
        respond(POSTS).assert_json_is_object("data")


def test_assert_json_validation_errors() -> None:
    response = respond(
        {
            "message": "The given data was invalid.",
            "errors": {"email": ["The email field is required."]},
        },
        422,
    )
    response.assert_json_validation_errors("email")
    response.assert_json_validation_errors({"email": "is required"})
    response.assert_json_missing_validation_errors("name")
    with pytest.raises(
        AssertionError,
        match=r"for key: \[name\]. Response has the following validation errors: \[email\]",
    ):
        response.assert_json_validation_errors(["email", "name"])
    with pytest.raises(AssertionError, match=r"\[email\] => \[must be valid\]"):
        response.assert_json_validation_errors({"email": "must be valid"})
    with pytest.raises(
        AssertionError, match=r"unexpected validation error for key: \[email\]"
    ):
        response.assert_json_missing_validation_errors("email")
    with pytest.raises(AssertionError, match="unexpected validation errors"):
        response.assert_json_missing_validation_errors()
    respond({"ok": True}).assert_json_missing_validation_errors()
    with pytest.raises(AssertionError, match=r"no \[errors\] object"):
        respond({"ok": True}).assert_json_validation_errors("email")


# -- fluent ----------------------------------------------------------------------------------


def test_fluent_assert_json() -> None:
    respond(POSTS).assert_json(
        lambda json: (
            json.has(
                "data",
                2,
                lambda post: post.where("id", 1).where_type("title", "string").etc(),
            )
            .has("meta", lambda meta: meta.where_all({"total": 2, "page": 1}))
            .where("ok", True)
        )
    )


def test_fluent_unchecked_keys_fail_unless_etc() -> None:
    with pytest.raises(AssertionError) as info:
        respond(POSTS).assert_json(lambda json: json.has("data"))
    assert "Unexpected properties were found on the root level: [meta, ok]." in str(
        info.value
    )
    respond(POSTS).assert_json(lambda json: json.has("data").etc())
    with pytest.raises(AssertionError, match=r"in scope \[meta\]: \[page\]"):
        respond(POSTS).assert_json(
            lambda json: json.has("meta", lambda m: m.where("total", 2)).etc()
        )


def test_fluent_failures() -> None:
    response = respond(POSTS)
    cases: list[tuple[t.Callable[[AssertableJson], t.Any], str]] = [
        (lambda j: j.has("links"), r"Property \[links\] does not exist."),
        (
            lambda j: j.has("data", 3),
            r"Property \[data\] does not have the expected size: expected 3, got 2.",
        ),
        (
            lambda j: j.where("meta.total", "2"),
            r"Property \[meta.total\] does not match the expected value: expected \[\"2\"\], got \[2\].",
        ),
        (
            lambda j: j.where("meta.total", lambda v: v > 9),
            r"marked as invalid using a callback",
        ),
        (
            lambda j: j.where_not("ok", True),
            r"Property \[ok\] contains a value that should be missing",
        ),
        (
            lambda j: j.missing("ok"),
            r"Property \[ok\] was found while it was expected to be missing.",
        ),
        (lambda j: j.missing_all(["x", "meta"]), r"Property \[meta\] was found"),
        (lambda j: j.has_any(["x", "y"]), r"None of properties \[x, y\] exist."),
        (
            lambda j: j.where_type("ok", "string|null"),
            r"Property \[ok\] is not of expected type \[string\|null\]",
        ),
        (
            lambda j: j.where_contains("data.0.tags", "z"),
            r"Property \[data.0.tags\] does not contain \[\"z\"\]",
        ),
        (
            lambda j: j.has("data", lambda d: d.each(lambda p: p.where("id", 1).etc())),
            r"Property \[data.1.id\] does not match",
        ),
        (
            lambda j: j.has("data.1.tags", lambda t_: t_.first(lambda x: x)),
            r"Cannot scope directly onto the first element of \[data.1.tags\]",
        ),
        (lambda j: j.count(9), r"Root level does not have the expected size"),
    ]
    for callback, pattern in cases:
        with pytest.raises(AssertionError, match=pattern):
            response.assert_json(callback)


def test_fluent_passing_helpers() -> None:
    respond(POSTS).assert_json(
        lambda j: (
            j.has_all(["data", "meta"])
            .has_all({"data": 2})
            .has_any(["x", "ok"])
            .missing_all(["x", "y"])
            .where_not("ok", False)
            .where_all_type({"ok": "boolean", "meta": "array", "meta.total": "integer"})
            .where_contains("data.0.tags", ["a", "b"])
            .where_contains("data.0.title", "ell")
            .has(
                "data",
                lambda d: d.each(
                    lambda p: p.has_all(["id", "title", "tags", "author"])
                ),
            )
        )
    )
    respond([{"id": 1}, {"id": 2}]).assert_json(
        lambda j: j.count(2).first(lambda f: f.where("id", 1))
    )


def test_fluent_unknown_type_is_a_usage_error() -> None:
    with pytest.raises(ValueError, match=r"Unknown JSON type \[str\]"):
        respond(POSTS).assert_json(lambda j: j.where_type("ok", "str"))
