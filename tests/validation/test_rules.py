"""Each built-in rule: passing and failing values, and its exact English message."""

from __future__ import annotations

import typing as t

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.support.carbon import Carbon
from protevus.validation.rule import Rule
from protevus.validation.validator import Validator

PASSES: list[tuple[t.Any, dict[str, t.Any]]] = [
    ("accepted", {"f": "yes"}),
    ("accepted", {"f": True}),
    ("accepted", {"f": 1}),
    ("accepted", {"f": "on"}),
    ("declined", {"f": "no"}),
    ("declined", {"f": False}),
    ("declined", {"f": "0"}),
    ("alpha", {"f": "Élodie"}),
    ("alpha:ascii", {"f": "abc"}),
    ("alpha_dash", {"f": "a-b_c9"}),
    ("alpha_num", {"f": "abc123"}),
    ("alpha_num", {"f": 123}),
    ("array", {"f": [1, 2]}),
    ("array", {"f": {"a": 1}}),
    ("array:a,b", {"f": {"a": 1}}),
    ("between:2,4", {"f": "abc"}),
    ("numeric|between:2,4", {"f": "3.5"}),
    ("array|between:1,2", {"f": [1]}),
    ("boolean", {"f": True}),
    ("boolean", {"f": 0}),
    ("boolean", {"f": "1"}),
    ("confirmed", {"f": "secret", "f_confirmation": "secret"}),
    ("date", {"f": "2024-02-29"}),
    ("date", {"f": "2024-02-29 10:00:00"}),
    ("date_format:Y-m-d", {"f": "2024-01-05"}),
    ("date_format:d/m/Y,Y-m-d", {"f": "2024-01-05"}),
    ("after:2024-01-01", {"f": "2024-01-02"}),
    ("after:yesterday", {"f": "+1 days"}),
    ("after:start", {"f": "2024-01-02", "start": "2024-01-01"}),
    ("after_or_equal:2024-01-01", {"f": "2024-01-01"}),
    ("before:2024-01-01", {"f": "2023-12-31"}),
    ("before_or_equal:2024-01-01", {"f": "2024-01-01"}),
    ("date_format:d/m/Y|after:01/01/2024", {"f": "02/01/2024"}),
    ("different:other", {"f": "a", "other": "b"}),
    ("different:other", {"f": "a"}),
    ("digits:3", {"f": "123"}),
    ("digits:3", {"f": 123}),
    ("digits_between:2,4", {"f": "123"}),
    ("email", {"f": "taylor@example.com"}),
    ("email", {"f": "first.last+tag@sub.example.co.uk"}),
    ("ends_with:.com,.org", {"f": "site.org"}),
    ("filled", {}),
    ("filled", {"f": "x"}),
    ("gt:3", {"f": "abcd"}),
    ("numeric|gt:3", {"f": 4}),
    ("numeric|gt:other", {"f": 5, "other": 4}),
    ("gte:other", {"f": "ab", "other": "cd"}),
    ("lt:3", {"f": "ab"}),
    ("integer|lte:3", {"f": 3}),
    ("in:a,b", {"f": "b"}),
    ("in:1,2", {"f": 2}),
    ("array|in:a,b", {"f": ["a", "b"]}),
    ("integer", {"f": 5}),
    ("integer", {"f": "-12"}),
    ("ip", {"f": "10.0.0.1"}),
    ("ip", {"f": "::1"}),
    ("ipv4", {"f": "192.168.1.1"}),
    ("ipv6", {"f": "2001:db8::1"}),
    ("json", {"f": '{"a": 1}'}),
    ("lowercase", {"f": "abc"}),
    ("uppercase", {"f": "ABC"}),
    ("max:3", {"f": "abc"}),
    ("numeric|max:3", {"f": "3"}),
    ("array|max:2", {"f": [1, 2]}),
    ("min:2", {"f": "ab"}),
    ("integer|min:10", {"f": 10}),
    ("not_in:a,b", {"f": "c"}),
    ("not_regex:/^[0-9]+$/", {"f": "abc"}),
    ("nullable|string", {"f": None}),
    ("numeric", {"f": "1.5e3"}),
    ("numeric", {"f": -4}),
    ("present", {"f": None}),
    ("regex:/^[a-z]+$/i", {"f": "AbC"}),
    ("required", {"f": "x"}),
    ("required", {"f": 0}),
    ("required", {"f": False}),
    ("required_if:type,card", {"type": "cash"}),
    ("required_if:type,card", {"type": "card", "f": "x"}),
    ("required_if:flag,true", {"flag": False}),
    ("required_unless:type,cash", {"type": "cash"}),
    ("required_with:a,b", {}),
    ("required_with:a,b", {"a": "x", "f": "y"}),
    ("required_with_all:a,b", {"a": "x"}),
    ("required_without:a", {"a": "x"}),
    ("required_without_all:a,b", {"a": "x"}),
    ("same:other", {"f": "a", "other": "a"}),
    ("size:3", {"f": "abc"}),
    ("integer|size:3", {"f": 3}),
    ("array|size:2", {"f": [1, 2]}),
    ("starts_with:http,ftp", {"f": "ftp://x"}),
    ("string", {"f": "x"}),
    ("timezone", {"f": "Europe/Paris"}),
    ("timezone", {"f": "UTC"}),
    ("url", {"f": "https://laravel.com/docs?x=1"}),
    ("url:https", {"f": "https://example.com"}),
    ("uuid", {"f": "a0a2a2d2-0b87-4a18-83f2-2529882be2de"}),
    ("ulid", {"f": "01ARZ3NDEKTSV4RRFFQ69G5FAV"}),
    ("string|max:5", {}),
    ("email", {"f": ""}),
    (Rule.in_(["a,b", 'c"d']), {"f": "a,b"}),
    (Rule.not_in(["x", "y"]), {"f": "z"}),
]

FAILS: list[tuple[t.Any, dict[str, t.Any], str]] = [
    ("accepted", {"f": "no"}, "The f field must be accepted."),
    ("accepted", {}, "The f field must be accepted."),
    ("declined", {"f": "yes"}, "The f field must be declined."),
    ("alpha", {"f": "abc1"}, "The f field must only contain letters."),
    ("alpha:ascii", {"f": "é"}, "The f field must only contain letters."),
    (
        "alpha_dash",
        {"f": "a b"},
        "The f field must only contain letters, numbers, dashes, and underscores.",
    ),
    ("alpha_num", {"f": "a-b"}, "The f field must only contain letters and numbers."),
    ("array", {"f": "x"}, "The f field must be an array."),
    ("array:a", {"f": {"b": 1}}, "The f field must be an array."),
    (
        "between:2,4",
        {"f": "abcde"},
        "The f field must be between 2 and 4 characters.",
    ),
    ("numeric|between:2,4", {"f": 5}, "The f field must be between 2 and 4."),
    (
        "array|between:2,4",
        {"f": [1]},
        "The f field must have between 2 and 4 items.",
    ),
    ("boolean", {"f": "yes"}, "The f field must be true or false."),
    ("boolean", {"f": 2}, "The f field must be true or false."),
    (
        "confirmed",
        {"f": "a", "f_confirmation": "b"},
        "The f field confirmation does not match.",
    ),
    ("confirmed", {"f": "a"}, "The f field confirmation does not match."),
    ("date", {"f": "2024-02-30"}, "The f field must be a valid date."),
    ("date", {"f": "nonsense"}, "The f field must be a valid date."),
    ("date", {"f": ["2024-01-01"]}, "The f field must be a valid date."),
    (
        "date_format:Y-m-d",
        {"f": "05/01/2024"},
        "The f field must match the format Y-m-d.",
    ),
    (
        "after:2024-01-01",
        {"f": "2023-12-31"},
        "The f field must be a date after 2024-01-01.",
    ),
    ("after:tomorrow", {"f": "today"}, "The f field must be a date after tomorrow."),
    (
        "after:start_date",
        {"f": "2024-01-01", "start_date": "2024-01-01"},
        "The f field must be a date after start date.",
    ),
    (
        "after_or_equal:2024-01-02",
        {"f": "2024-01-01"},
        "The f field must be a date after or equal to 2024-01-02.",
    ),
    (
        "before:2024-01-01",
        {"f": "2024-01-01"},
        "The f field must be a date before 2024-01-01.",
    ),
    (
        "before_or_equal:2024-01-01",
        {"f": "2024-01-02"},
        "The f field must be a date before or equal to 2024-01-01.",
    ),
    (
        "before:2024-01-01",
        {"f": "garbage"},
        "The f field must be a date before 2024-01-01.",
    ),
    (
        "different:other",
        {"f": "a", "other": "a"},
        "The f field and other must be different.",
    ),
    ("digits:3", {"f": "12a"}, "The f field must be 3 digits."),
    ("digits:3", {"f": "1234"}, "The f field must be 3 digits."),
    (
        "digits_between:2,3",
        {"f": "1"},
        "The f field must be between 2 and 3 digits.",
    ),
    ("email", {"f": "not-an-email"}, "The f field must be a valid email address."),
    ("email", {"f": "a..b@example.com"}, "The f field must be a valid email address."),
    (
        "ends_with:.com,.org",
        {"f": "site.net"},
        "The f field must end with one of the following: .com, .org.",
    ),
    ("filled", {"f": ""}, "The f field must have a value."),
    ("filled", {"f": None}, "The f field must have a value."),
    ("gt:3", {"f": "abc"}, "The f field must be greater than 3 characters."),
    ("numeric|gt:3", {"f": 3}, "The f field must be greater than 3."),
    (
        "numeric|gt:other",
        {"f": 2, "other": 4},
        "The f field must be greater than 4.",
    ),
    (
        "array|gte:3",
        {"f": [1]},
        "The f field must have 3 items or more.",
    ),
    ("numeric|lt:2", {"f": 2}, "The f field must be less than 2."),
    (
        "lte:2",
        {"f": "abc"},
        "The f field must be less than or equal to 2 characters.",
    ),
    (
        "gt:other",
        {"f": "abc", "other": 5},
        "The f field must be greater than 1 characters.",
    ),
    ("in:a,b", {"f": "c"}, "The selected f is invalid."),
    ("in:a,b", {"f": ["a"]}, "The selected f is invalid."),
    ("array|in:a,b", {"f": ["a", "c"]}, "The selected f is invalid."),
    ("integer", {"f": "1.5"}, "The f field must be an integer."),
    ("integer", {"f": True}, "The f field must be an integer."),
    ("integer", {"f": "01"}, "The f field must be an integer."),
    ("ip", {"f": "300.1.1.1"}, "The f field must be a valid IP address."),
    ("ipv4", {"f": "::1"}, "The f field must be a valid IPv4 address."),
    ("ipv6", {"f": "10.0.0.1"}, "The f field must be a valid IPv6 address."),
    ("json", {"f": "{a: 1}"}, "The f field must be a valid JSON string."),
    ("json", {"f": {"a": 1}}, "The f field must be a valid JSON string."),
    ("lowercase", {"f": "aBc"}, "The f field must be lowercase."),
    ("uppercase", {"f": "ABc"}, "The f field must be uppercase."),
    ("max:3", {"f": "abcd"}, "The f field must not be greater than 3 characters."),
    ("max:3", {"f": 1234}, "The f field must not be greater than 3 characters."),
    ("numeric|max:3", {"f": "3.5"}, "The f field must not be greater than 3."),
    (
        "array|max:1",
        {"f": [1, 2]},
        "The f field must not have more than 1 items.",
    ),
    ("min:3", {"f": "ab"}, "The f field must be at least 3 characters."),
    ("integer|min:3", {"f": 2}, "The f field must be at least 3."),
    ("array|min:3", {"f": [1]}, "The f field must have at least 3 items."),
    ("not_in:a,b", {"f": "a"}, "The selected f is invalid."),
    ("not_regex:/^[0-9]+$/", {"f": "123"}, "The f field format is invalid."),
    ("numeric", {"f": "12abc"}, "The f field must be a number."),
    ("numeric", {"f": True}, "The f field must be a number."),
    ("numeric", {"f": "0x1A"}, "The f field must be a number."),
    ("present", {}, "The f field must be present."),
    ("regex:/^[a-z]+$/", {"f": "ABC"}, "The f field format is invalid."),
    ("regex:/^[a-z]+$/", {"f": ["abc"]}, "The f field format is invalid."),
    ("required", {}, "The f field is required."),
    ("required", {"f": None}, "The f field is required."),
    ("required", {"f": "   "}, "The f field is required."),
    ("required", {"f": []}, "The f field is required."),
    (
        "required_if:type,card,cheque",
        {"type": "card"},
        "The f field is required when type is card.",
    ),
    (
        "required_if:flag,true",
        {"flag": True},
        "The f field is required when flag is true.",
    ),
    (
        "required_unless:type,cash,free",
        {"type": "card"},
        "The f field is required unless type is in cash, free.",
    ),
    (
        "required_with:a,b",
        {"b": "x"},
        "The f field is required when a / b is present.",
    ),
    (
        "required_with_all:a,b",
        {"a": "x", "b": "y"},
        "The f field is required when a / b are present.",
    ),
    (
        "required_without:a,b",
        {"a": "x"},
        "The f field is required when a / b is not present.",
    ),
    (
        "required_without_all:a,b",
        {},
        "The f field is required when none of a / b are present.",
    ),
    ("same:other", {"f": "a", "other": "b"}, "The f field must match other."),
    ("same:other", {"f": "1", "other": 1}, "The f field must match other."),
    ("size:3", {"f": "ab"}, "The f field must be 3 characters."),
    ("numeric|size:3", {"f": "4"}, "The f field must be 3."),
    ("array|size:3", {"f": [1]}, "The f field must contain 3 items."),
    (
        "starts_with:http,ftp",
        {"f": "gopher://x"},
        "The f field must start with one of the following: http, ftp.",
    ),
    ("string", {"f": 5}, "The f field must be a string."),
    ("timezone", {"f": "Mars/Olympus"}, "The f field must be a valid timezone."),
    ("url", {"f": "not a url"}, "The f field must be a valid URL."),
    ("url", {"f": "example.com"}, "The f field must be a valid URL."),
    ("url:https", {"f": "http://example.com"}, "The f field must be a valid URL."),
    ("uuid", {"f": "a0a2a2d2-0b87-4a18-83f2"}, "The f field must be a valid UUID."),
    ("ulid", {"f": "81ARZ3NDEKTSV4RRFFQ69G5FAV"}, "The f field must be a valid ULID."),
    ("ulid", {"f": "01ARZ3NDEKTSV4RRFFQ69G5FAU1"}, "The f field must be a valid ULID."),
    (Rule.in_(["a,b", "c"]), {"f": "a"}, "The selected f is invalid."),
    (Rule.not_in(["x", "y"]), {"f": "y"}, "The selected f is invalid."),
]


@pytest.mark.parametrize(("rules", "data"), PASSES, ids=lambda each: str(each))
def test_rule_passes(rules: t.Any, data: dict[str, t.Any]) -> None:
    validator = Validator.make(data, {"f": rules})

    assert validator.passes(), validator.errors().messages()


@pytest.mark.parametrize(
    ("rules", "data", "message"), FAILS, ids=lambda each: str(each)
)
def test_rule_fails_with_message(
    rules: t.Any, data: dict[str, t.Any], message: str
) -> None:
    validator = Validator.make(data, {"f": rules})

    assert validator.fails()
    assert validator.errors().get("f") == [message]


def test_non_implicit_rules_skip_missing_and_empty_values() -> None:
    validator = Validator.make(
        {"b": "", "c": None}, {"a": "email", "b": "integer|min:3"}
    )

    assert validator.passes()


def test_null_fails_type_rules_without_nullable() -> None:
    validator = Validator.make({"f": None}, {"f": "string"})

    assert validator.errors().first("f") == "The f field must be a string."


def test_size_rules_use_the_numeric_value_only_under_a_numeric_rule() -> None:
    as_text = Validator.make({"f": "12345"}, {"f": "max:10"})
    as_number = Validator.make({"f": "12345"}, {"f": "numeric|max:10"})

    assert as_text.passes()
    assert as_number.errors().first() == "The f field must not be greater than 10."


def test_date_rules_follow_carbon_test_now() -> None:
    Carbon.set_test_now(Carbon.create(2024, 6, 1))
    try:
        today = Validator.make({"f": "2024-06-01"}, {"f": "after:yesterday"})
        past = Validator.make({"f": "2024-05-01"}, {"f": "after:today"})

        assert today.passes()
        assert past.errors().first() == "The f field must be a date after today."
    finally:
        Carbon.set_test_now(None)


def test_distinct_flags_every_duplicate() -> None:
    validator = Validator.make(
        {"tags": ["a", "b", "A"]}, {"tags.*": "distinct:ignore_case"}
    )

    assert validator.errors().messages() == {
        "tags.0": ["The tags.0 field has a duplicate value."],
        "tags.2": ["The tags.2 field has a duplicate value."],
    }


def test_distinct_is_loose_unless_strict() -> None:
    loose = Validator.make({"ids": [1, "1"]}, {"ids.*": "distinct"})
    strict = Validator.make({"ids": [1, "1"]}, {"ids.*": "distinct:strict"})

    assert loose.fails()
    assert strict.passes()


def test_rule_in_quotes_values_holding_commas_and_quotes() -> None:
    assert str(Rule.in_(["a,b", 'c"d'])) == 'in:"a,b","c""d"'
    assert Validator.make({"f": 'c"d'}, {"f": [Rule.in_(["a,b", 'c"d'])]}).passes()
    assert str(Rule.not_in("x", "y")) == 'not_in:"x","y"'


def test_regex_with_pipe_must_be_given_in_a_list() -> None:
    validator = Validator.make({"f": "b"}, {"f": ["required", "regex:/^(a|b)$/"]})

    assert validator.passes()


@pytest.mark.parametrize(
    ("rule", "error"),
    [
        ("max", "Validation rule [max] requires at least 1 parameter"),
        ("between:1", "Validation rule [between] requires at least 2 parameters"),
        ("max:ten", "Validation rule [max] needs a number, got [ten]."),
        ("regex:abc", "Regex rule pattern [abc] needs delimiters"),
        ("regex:/abc/q", "Regex rule pattern [/abc/q] uses unsupported modifier [q]."),
    ],
)
def test_bad_rule_parameters_raise_clear_errors(rule: str, error: str) -> None:
    validator = Validator.make({"f": "value"}, {"f": rule})

    with pytest.raises(InvalidArgumentError) as raised:
        validator.passes()

    assert str(raised.value).startswith(error)


def test_confirmed_compares_strictly() -> None:
    validator = Validator.make(
        {"pin": 1234, "pin_confirmation": "1234"}, {"pin": "confirmed"}
    )

    assert validator.errors().first() == "The pin field confirmation does not match."


def test_missing_other_field_fails_same_and_gt() -> None:
    assert Validator.make({"f": "a"}, {"f": "same:other"}).fails()
    assert Validator.make({"f": "a"}, {"f": "gt:other"}).fails()
