"""Request input: merging, JSON, dot paths, presence checks and typed getters."""

from __future__ import annotations

import enum
import io
import json

import flask
import pytest

from protevus.http.exceptions import BadRequestHttpException
from protevus.http.request import Request
from protevus.support.carbon import Carbon
from protevus.support.collection import Collection
from protevus.support.stringable import Stringable


def make(path: str = "/", **kwargs: object) -> Request:
    return Request.from_values(path, **kwargs)  # type: ignore[arg-type]


def json_request(data: object, path: str = "/", method: str = "POST") -> Request:
    return make(
        path, method=method, data=json.dumps(data), content_type="application/json"
    )


def test_input_prefers_the_body_over_the_query() -> None:
    request = make("/?name=query&page=2", method="POST", data={"name": "body"})
    assert request.input("name") == "body"
    assert request.input("page") == "2"
    assert request.input() == {"name": "body", "page": "2"}
    assert request.input("missing", "fallback") == "fallback"
    assert request.input("missing", lambda: "called") == "called"


def test_get_requests_read_the_query_only() -> None:
    request = make("/?a=1&b=2")
    assert request.all() == {"a": "1", "b": "2"}
    assert request.query("a") == "1"
    assert request.post() == {}


def test_bracket_keys_build_lists_and_nested_arrays() -> None:
    request = make("/?tags[]=a&tags[]=b&user[name]=Ann&user[roles][]=admin&x=1&x=2")
    assert request.input("tags") == ["a", "b"]
    assert request.input("user.name") == "Ann"
    assert request.input("user.roles.0") == "admin"
    assert request.input("x") == "2"  # the last value wins, as in PHP


def test_json_bodies_are_input_with_dot_and_star_paths() -> None:
    request = json_request(
        {"user": {"name": "Taylor"}, "products": [{"name": "Desk"}, {"name": "Chair"}]}
    )
    assert request.input("user.name") == "Taylor"
    assert request.input("products.*.name") == ["Desk", "Chair"]
    assert request.input("products.1.name") == "Chair"
    assert request.post("user") == {"name": "Taylor"}
    assert request.is_json()
    assert request.json == request.input()  # Flask's own attribute still works


def test_json_with_vendor_content_type_and_get_method() -> None:
    request = make(
        "/?page=1",
        method="GET",
        data=json.dumps({"q": "x"}),
        content_type="application/vnd.api+json",
    )
    assert request.is_json()
    assert request.input() == {"q": "x", "page": "1"}


def test_json_list_and_empty_bodies() -> None:
    assert json_request([1, 2]).input("1") == 2
    assert (
        make("/", method="POST", data="", content_type="application/json").all() == {}
    )


def test_malformed_json_is_a_400_with_a_clear_message() -> None:
    request = make("/", method="POST", data="{oops", content_type="application/json")
    with pytest.raises(BadRequestHttpException) as caught:
        request.input("a")
    assert caught.value.status_code == 400
    assert caught.value.code == 400
    assert str(caught.value).startswith("The request body is not valid JSON:")


def test_malformed_json_through_flask_answers_400_not_500(
    flask_app: flask.Flask,
) -> None:
    @flask_app.post("/")
    def index() -> object:
        return {"name": flask.request.input("name")}  # type: ignore[attr-defined]

    response = flask_app.test_client().post(
        "/", data="{bad", content_type="application/json"
    )
    assert response.status_code == 400
    assert b"not valid JSON" in response.data


def test_all_with_keys_and_only_except() -> None:
    request = json_request({"a": 1, "b": {"c": 2, "d": 3}, "e": None})
    assert request.all("a", "b.c") == {"a": 1, "b": {"c": 2}}
    assert request.all(["a", "zz"]) == {"a": 1, "zz": None}
    assert request.only("a", "b.c", "missing") == {"a": 1, "b": {"c": 2}}
    assert request.only(["e"]) == {"e": None}
    assert request.except_("b.c", "e") == {"a": 1, "b": {"d": 3}}
    assert request.except_(["a", "b"]) == {"e": None}
    assert request.keys() == ["a", "b", "e"]


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (("name",), True),
        (("name", "email"), True),
        ((["name", "email"],), True),
        (("name", "age"), False),
        (("user.id",), True),
        (("user.missing",), False),
        (("empty",), True),
        (("null",), True),
    ],
)
def test_has_requires_every_key(keys: tuple[object, ...], expected: bool) -> None:
    request = json_request(
        {"name": "T", "email": "t@x", "user": {"id": 1}, "empty": "", "null": None}
    )
    assert request.has(*keys) is expected
    assert request.missing(*keys) is not expected


def test_has_any_and_exists() -> None:
    request = json_request({"name": "T"})
    assert request.has_any("age", "name")
    assert request.has_any(["age", "name"])
    assert not request.has_any("age", "city")
    assert request.exists("name")


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("name", True),
        ("blank", False),
        ("spaces", False),
        ("null", False),
        ("zero", True),
        ("false", True),
        ("list", True),
        ("missing", False),
    ],
)
def test_filled_treats_empty_and_whitespace_as_empty(key: str, expected: bool) -> None:
    request = json_request(
        {
            "name": "T",
            "blank": "",
            "spaces": "  \t",
            "null": None,
            "zero": 0,
            "false": False,
            "list": [],
        }
    )
    assert request.filled(key) is expected
    assert request.is_not_filled(key) is not expected


def test_filled_with_several_keys_and_any_filled() -> None:
    request = json_request({"a": "x", "b": ""})
    assert not request.filled("a", "b")
    assert request.filled("a")
    assert request.any_filled("b", "a")
    assert not request.any_filled(["b", "c"])
    assert request.is_not_filled("b", "c")
    assert not request.is_not_filled("a", "b")


def test_when_has_when_filled_and_when_missing() -> None:
    request = json_request({"name": "T", "blank": ""})
    seen: list[object] = []
    assert request.when_has("name", seen.append) is request
    assert request.when_filled("blank", seen.append, lambda: "default") == "default"
    assert request.when_filled("name", lambda value: value.upper()) == "T"
    assert (
        request.when_missing("age", lambda value: "missing:" + str(value))
        == "missing:None"
    )
    assert request.when_has("age", seen.append) is request
    assert seen == ["T"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (1, True),
        ("1", True),
        (True, True),
        ("true", True),
        ("TRUE", True),
        ("on", True),
        ("yes", True),
        (" yes ", True),
        (0, False),
        ("0", False),
        ("false", False),
        ("off", False),
        ("no", False),
        ("maybe", False),
        ("", False),
        (None, False),
        ([1], False),
    ],
)
def test_boolean(raw: object, expected: bool) -> None:
    assert json_request({"flag": raw}).boolean("flag") is expected


def test_boolean_default_and_form_values() -> None:
    request = make("/?remember=on")
    assert request.boolean("remember") is True
    assert request.boolean("missing") is False
    assert request.boolean("missing", True) is True


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("42", 42),
        ("12abc", 12),
        ("abc", 0),
        ("1.9", 1),
        (" -3", -3),
        (None, 0),
        (7.8, 7),
    ],
)
def test_integer_casts_like_intval(raw: object, expected: int) -> None:
    assert json_request({"n": raw}).integer("n") == expected


def test_integer_and_float_defaults() -> None:
    request = json_request({"price": "1.5kg", "bad": "x"})
    assert request.integer("missing", 5) == 5
    assert request.float("price") == 1.5
    assert request.float("bad") == 0.0
    assert request.float("missing", 2.5) == 2.5


def test_string_returns_a_stringable() -> None:
    request = json_request({"name": " taylor "})
    value = request.string("name")
    assert isinstance(value, Stringable)
    assert value.trim().upper().value() == "TAYLOR"
    assert request.string("missing").value() == ""


def test_date_parses_or_returns_none() -> None:
    request = json_request(
        {"when": "2024-05-06 10:00:00", "dmy": "06/05/2024", "blank": ""}
    )
    when = request.date("when")
    assert isinstance(when, Carbon)
    assert (when.year, when.month, when.day, when.hour) == (2024, 5, 6, 10)
    dmy = request.date("dmy", "d/m/Y")
    assert dmy is not None and (dmy.year, dmy.month, dmy.day) == (2024, 5, 6)
    assert request.date("blank") is None
    assert request.date("missing") is None


class Status(enum.Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 2


def test_enum_and_enums() -> None:
    request = make("/?status=active&level=2&bad=nope&levels[]=1&levels[]=9")
    assert request.enum("status", Status) is Status.ACTIVE
    assert request.enum("level", Level) is Level.HIGH
    assert request.enum("bad", Status) is None
    assert request.enum("bad", Status, Status.INACTIVE) is Status.INACTIVE
    assert request.enum("missing", Status, lambda: Status.ACTIVE) is Status.ACTIVE
    assert request.enums("levels", Level) == [Level.LOW]


def test_collect() -> None:
    request = json_request({"users": ["a", "b"], "x": 1})
    assert isinstance(request.collect("users"), Collection)
    assert request.collect("users").all() == ["a", "b"]
    assert request.collect(["x"]).all() == {"x": 1}


def test_merge_replace_and_merge_if_missing() -> None:
    request = make("/?a=1", method="POST", data={"b": "2"})
    request.merge({"c": "3", "user.name": "Ann"})
    assert request.input("c") == "3"
    assert request.input("user") == {"name": "Ann"}
    request.merge_if_missing({"b": "changed", "d": "4"})
    assert request.input("b") == "2"
    assert request.input("d") == "4"
    request.replace({"only": "this"})
    assert request.input() == {"only": "this", "a": "1"}


def test_merge_on_get_writes_to_the_query() -> None:
    request = make("/?a=1")
    request.merge({"b": "2"})
    assert request.query() == {"a": "1", "b": "2"}
    assert request.all() == {"a": "1", "b": "2"}


def test_query_and_post_have_no_dot_paths() -> None:
    request = make("/?user[name]=Ann&empty=", method="POST", data={"x": "1"})
    assert request.query("user") == {"name": "Ann"}
    assert request.query("user.name", "none") == "none"
    assert request.query("empty") == ""
    assert request.post("x") == "1"
    assert request.post("y", "d") == "d"


def test_array_access_and_contains() -> None:
    request = json_request({"a": {"b": 1}})
    assert request["a.b"] == 1
    assert request["zz"] is None
    assert "a.b" in request
    assert "zz" not in request


def test_files_in_all_keys_and_has_file() -> None:
    with make(
        "/",
        method="POST",
        data={
            "name": "x",
            "avatar": (io.BytesIO(b"\x89PNG\r\n\x1a\nrest"), "me.png", "image/png"),
            "docs[]": [
                (io.BytesIO(b"one"), "a.txt", "text/plain"),
                (io.BytesIO(b"two"), "b.txt", "text/plain"),
            ],
            "empty": (io.BytesIO(b""), "", "application/octet-stream"),
        },
    ) as request:
        _check_files(request)


def _check_files(request: Request) -> None:
    avatar = request.file("avatar")
    assert avatar.get_client_original_name() == "me.png"
    assert [f.get_client_original_name() for f in request.file("docs")] == [
        "a.txt",
        "b.txt",
    ]
    assert request.file("docs.1").get() == b"two"
    assert request.has_file("avatar")
    assert request.has_file("docs")
    assert not request.has_file("empty")
    assert not request.has_file("name")
    assert request.file("missing", "d") == "d"
    assert set(request.all()) == {"name", "avatar", "docs"}
    assert request.keys() == ["name", "avatar", "docs"]
    assert not request.filled("avatar")  # filled() reads input, not files
    assert request.has("avatar")


def test_input_is_parsed_once_and_stays_mutable() -> None:
    request = make("/?a=1")
    bag = request.query_bag()
    bag["a"] = "changed"
    assert request.input("a") == "changed"
    assert request.query_bag() is bag
