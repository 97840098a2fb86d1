"""Number, list and string rules added with Laravel 9-11: decimal, multiple_of, list, in_array..."""

from __future__ import annotations

import typing as t

import pytest

from protevus.validation.validator import Validator

PASSES: list[tuple[str, dict[str, t.Any]]] = [
    ("decimal:2", {"f": "1.25"}),
    ("decimal:2", {"f": 1.25}),
    ("decimal:0", {"f": "12"}),
    ("decimal:1,3", {"f": "-0.125"}),
    ("decimal:1,3", {"f": ".5"}),
    ("multiple_of:5", {"f": 15}),
    ("multiple_of:0.1", {"f": "0.3"}),
    ("multiple_of:3", {"f": "0"}),
    ("multiple_of:-2", {"f": "8"}),
    ("list", {"f": [1, 2]}),
    ("list", {"f": []}),
    ("in_array:tags.*", {"f": "b", "tags": ["a", "b"]}),
    ("in_array:tags.*", {"f": 2, "tags": ["1", "2"]}),
    ("in_array:users.*.id", {"f": "7", "users": [{"id": 3}, {"id": 7}]}),
    ("doesnt_start_with:http,ftp", {"f": "mailto:x"}),
    ("doesnt_end_with:.exe", {"f": "a.txt"}),
    ("mac_address", {"f": "01:23:45:67:89:ab"}),
    ("mac_address", {"f": "01-23-45-67-89-AB"}),
    ("mac_address", {"f": "0123.4567.89ab"}),
    ("lowercase", {"f": "abc 1"}),
    ("uppercase", {"f": "ABC 1"}),
    ("uuid", {"f": "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"}),
    ("ulid", {"f": "01ARZ3NDEKTSV4RRFFQ69G5FAV"}),
    ("timezone", {"f": "Europe/Paris"}),
    ("distinct", {"f": "x"}),
]

FAILS: list[tuple[str, dict[str, t.Any], str]] = [
    ("decimal:2", {"f": "1.5"}, "The f field must have 2 decimal places."),
    ("decimal:2", {"f": "abc"}, "The f field must have 2 decimal places."),
    ("decimal:1,3", {"f": "1.2345"}, "The f field must have 1-3 decimal places."),
    ("decimal:1,3", {"f": "1"}, "The f field must have 1-3 decimal places."),
    ("multiple_of:5", {"f": 12}, "The f field must be a multiple of 5."),
    ("multiple_of:0.1", {"f": "0.35"}, "The f field must be a multiple of 0.1."),
    ("multiple_of:0", {"f": "0"}, "The f field must be a multiple of 0."),
    ("multiple_of:2", {"f": "x"}, "The f field must be a multiple of 2."),
    ("list", {"f": {"a": 1}}, "The f field must be a list."),
    ("list", {"f": "a"}, "The f field must be a list."),
    (
        "in_array:tags.*",
        {"f": "c", "tags": ["a", "b"]},
        "The f field must exist in tags.*.",
    ),
    (
        "in_array:tags.*",
        {"f": ["a"], "tags": ["a"]},
        "The f field must exist in tags.*.",
    ),
    (
        "doesnt_start_with:http,ftp",
        {"f": "https://x"},
        "The f field must not start with one of the following: http, ftp.",
    ),
    (
        "doesnt_end_with:.exe,.bat",
        {"f": "a.bat"},
        "The f field must not end with one of the following: .exe, .bat.",
    ),
    (
        "mac_address",
        {"f": "01:23:45:67:89"},
        "The f field must be a valid MAC address.",
    ),
    (
        "mac_address",
        {"f": "01:23-45:67:89:ab"},
        "The f field must be a valid MAC address.",
    ),
    ("lowercase", {"f": "aBc"}, "The f field must be lowercase."),
    ("uppercase", {"f": "AbC"}, "The f field must be uppercase."),
    ("uuid", {"f": "not-a-uuid"}, "The f field must be a valid UUID."),
    ("ulid", {"f": "81ARZ3NDEKTSV4RRFFQ69G5FAV"}, "The f field must be a valid ULID."),
    ("timezone", {"f": "Mars/Olympus"}, "The f field must be a valid timezone."),
]


@pytest.mark.parametrize(("rules", "data"), PASSES)
def test_value_rule_passes(rules: str, data: dict[str, t.Any]) -> None:
    validator = Validator.make(data, {"f": rules})

    assert validator.passes(), validator.errors().all()


@pytest.mark.parametrize(("rules", "data", "message"), FAILS)
def test_value_rule_fails_with_message(
    rules: str, data: dict[str, t.Any], message: str
) -> None:
    validator = Validator.make(data, {"f": rules})

    assert validator.fails()
    assert validator.errors().get("f") == [message]


def test_list_gives_size_rules_the_array_message() -> None:
    validator = Validator.make({"f": [1, 2, 3]}, {"f": "list|max:2"})

    assert validator.errors().all() == ["The f field must not have more than 2 items."]


def test_distinct_strict_and_ignore_case_with_wildcards() -> None:
    loose = Validator.make({"f": [1, "1", "A", "a"]}, {"f.*": "distinct"})
    strict = Validator.make({"f": [1, "1"]}, {"f.*": "distinct:strict"})
    ignore = Validator.make({"f": ["A", "a"]}, {"f.*": "distinct:ignore_case"})

    assert sorted(loose.errors().keys()) == ["f.0", "f.1"]
    assert strict.passes()
    assert ignore.errors().get("f.1") == ["The f.1 field has a duplicate value."]


def test_in_array_under_a_wildcard_checks_each_item() -> None:
    data = {"picked": ["a", "z"], "options": ["a", "b"]}
    validator = Validator.make(data, {"picked.*": "in_array:options.*"})

    assert validator.errors().messages() == {
        "picked.1": ["The picked.1 field must exist in options.*."]
    }


@pytest.mark.parametrize(
    ("rule", "value", "message"),
    [
        ("min_digits:3", "123", None),
        ("min_digits:3", 1234, None),
        ("min_digits:3", "12", "The a field must have at least 3 digits."),
        ("min_digits:1", "1a", "The a field must have at least 1 digits."),
        ("max_digits:3", "123", None),
        ("max_digits:3", "1234", "The a field must not have more than 3 digits."),
        ("max_digits:3", "-12", "The a field must not have more than 3 digits."),
        ("ascii", "Hello, world! 42", None),
        (
            "ascii",
            "héllo",
            "The a field must only contain single-byte alphanumeric characters and symbols.",
        ),
        ("hex_color", "#0f0", None),
        ("hex_color", "#0F0A", None),
        ("hex_color", "#00ff00", None),
        ("hex_color", "#00ff00aa", None),
        ("hex_color", "#00ff0", "The a field must be a valid hexadecimal color."),
        ("hex_color", "00ff00", "The a field must be a valid hexadecimal color."),
        ("hex_color", "#ggg", "The a field must be a valid hexadecimal color."),
    ],
)
def test_digit_count_ascii_and_hex_color_rules(
    rule: str, value: t.Any, message: str | None
) -> None:
    validator = Validator({"a": value}, {"a": rule})
    assert validator.errors().get("a") == ([message] if message else [])


@pytest.mark.parametrize(
    ("value", "param", "passes"),
    [
        ("1e30", "0.01", True),
        ("9" * 40, "3", True),
        ("9" * 40 + "1", "3", False),
        ("0.35", "0.1", False),
        ("1e-31", "1e-30", False),
        ("7e999999", "7", True),
        ("1e999999", "7", False),
        (5, "0", False),
    ],
)
def test_multiple_of_is_exact_for_numbers_of_any_size(
    value: t.Any, param: str, passes: bool
) -> None:
    assert Validator({"a": value}, {"a": f"multiple_of:{param}"}).passes() is passes


def test_json_rule_fails_on_input_nested_too_deeply() -> None:
    assert Validator({"a": "[" * 5000}, {"a": "json"}).errors().get("a") == [
        "The a field must be a valid JSON string."
    ]
