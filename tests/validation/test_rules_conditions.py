"""Conditional rules: exclude*, prohibited*, missing*, present_*, *_if_accepted, accepted_if."""

from __future__ import annotations

import typing as t

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.validation.validator import Validator

PASSES: list[tuple[str, dict[str, t.Any]]] = [
    ("accepted_if:role,admin", {"role": "user"}),
    ("accepted_if:role,admin", {"role": "admin", "f": "yes"}),
    ("declined_if:role,admin", {"role": "admin", "f": "no"}),
    ("declined_if:role,admin", {}),
    ("required_if_accepted:terms", {"terms": "no"}),
    ("required_if_accepted:terms", {"terms": "yes", "f": "x"}),
    ("required_if_declined:terms", {"terms": "yes"}),
    ("required_if_declined:terms", {"terms": False, "f": "x"}),
    ("required_array_keys:a,b", {"f": {"a": 1, "b": 2, "c": 3}}),
    ("prohibited", {}),
    ("prohibited", {"f": ""}),
    ("prohibited", {"f": None}),
    ("prohibited", {"f": []}),
    ("prohibited_if:role,admin", {"role": "user", "f": "x"}),
    ("prohibited_if:role,admin", {"role": "admin"}),
    ("prohibited_unless:role,admin", {"role": "admin", "f": "x"}),
    ("prohibited_unless:role,admin", {"role": "user"}),
    ("prohibits:a,b", {"f": "x"}),
    ("prohibits:a,b", {"a": "1", "b": "2"}),
    ("prohibits:a,b", {"f": "x", "a": ""}),
    ("missing", {}),
    ("missing_if:role,admin", {"role": "admin"}),
    ("missing_if:role,admin", {"role": "user", "f": "x"}),
    ("missing_unless:role,admin", {"role": "admin", "f": "x"}),
    ("missing_unless:role,admin", {"role": "user"}),
    ("missing_with:a,b", {"f": "x"}),
    ("missing_with:a,b", {"a": 1}),
    ("missing_with_all:a,b", {"a": 1, "f": "x"}),
    ("missing_with_all:a,b", {"a": 1, "b": 2}),
    ("present_if:role,admin", {"role": "admin", "f": None}),
    ("present_if:role,admin", {"role": "user"}),
    ("present_unless:role,admin", {"role": "admin"}),
    ("present_unless:role,admin", {"role": "user", "f": ""}),
    ("present_with:a", {}),
    ("present_with:a", {"a": 1, "f": ""}),
    ("present_with_all:a,b", {"a": 1}),
    ("present_with_all:a,b", {"a": 1, "b": 2, "f": None}),
]

FAILS: list[tuple[str, dict[str, t.Any], str]] = [
    (
        "accepted_if:role,admin",
        {"role": "admin"},
        "The f field must be accepted when role is admin.",
    ),
    (
        "accepted_if:role,admin",
        {"role": "admin", "f": "no"},
        "The f field must be accepted when role is admin.",
    ),
    (
        "declined_if:role,admin",
        {"role": "admin", "f": "yes"},
        "The f field must be declined when role is admin.",
    ),
    (
        "required_if_accepted:terms",
        {"terms": "on"},
        "The f field is required when terms is accepted.",
    ),
    (
        "required_if_declined:terms",
        {"terms": "off", "f": ""},
        "The f field is required when terms is declined.",
    ),
    (
        "required_array_keys:a,b",
        {"f": {"a": 1}},
        "The f field must contain entries for: a, b.",
    ),
    ("required_array_keys:a", {"f": "a"}, "The f field must contain entries for: a."),
    ("prohibited", {"f": "x"}, "The f field is prohibited."),
    ("prohibited", {"f": [1]}, "The f field is prohibited."),
    (
        "prohibited_if:role,admin",
        {"role": "admin", "f": "x"},
        "The f field is prohibited when role is admin.",
    ),
    (
        "prohibited_unless:role,admin,owner",
        {"role": "user", "f": "x"},
        "The f field is prohibited unless role is in admin, owner.",
    ),
    (
        "prohibits:first_name,b",
        {"f": "x", "first_name": "Ada"},
        "The f field prohibits first name / b from being present.",
    ),
    ("missing", {"f": None}, "The f field must be missing."),
    ("missing", {"f": ""}, "The f field must be missing."),
    (
        "missing_if:role,admin",
        {"role": "admin", "f": "x"},
        "The f field must be missing when role is admin.",
    ),
    (
        "missing_unless:role,admin",
        {"role": "user", "f": "x"},
        "The f field must be missing unless role is admin.",
    ),
    (
        "missing_with:a,b",
        {"b": 1, "f": "x"},
        "The f field must be missing when a / b is present.",
    ),
    (
        "missing_with_all:a,b",
        {"a": 1, "b": 1, "f": "x"},
        "The f field must be missing when a / b are present.",
    ),
    (
        "present_if:role,admin",
        {"role": "admin"},
        "The f field must be present when role is admin.",
    ),
    (
        "present_unless:role,admin",
        {"role": "user"},
        "The f field must be present unless role is admin.",
    ),
    ("present_with:a", {"a": 1}, "The f field must be present when a is present."),
    (
        "present_with_all:a,b",
        {"a": 1, "b": 2},
        "The f field must be present when a / b are present.",
    ),
]


@pytest.mark.parametrize(("rules", "data"), PASSES)
def test_conditional_rule_passes(rules: str, data: dict[str, t.Any]) -> None:
    validator = Validator.make(data, {"f": rules})

    assert validator.passes(), validator.errors().all()


@pytest.mark.parametrize(("rules", "data", "message"), FAILS)
def test_conditional_rule_fails_with_message(
    rules: str, data: dict[str, t.Any], message: str
) -> None:
    validator = Validator.make(data, {"f": rules})

    assert validator.fails()
    assert validator.errors().get("f") == [message]


def test_accepted_if_matches_a_boolean_other_field() -> None:
    validator = Validator.make({"sub": True}, {"terms": "accepted_if:sub,true"})

    assert validator.errors().all() == [
        "The terms field must be accepted when sub is true."
    ]


@pytest.mark.parametrize(
    ("rules", "data", "kept"),
    [
        ("exclude|required", {"f": "x", "g": 1}, {"g": 1}),
        ("exclude_if:g,1|required", {"g": 1}, {"g": 1}),
        ("exclude_if:g,1", {"f": "x", "g": 2}, {"f": "x", "g": 2}),
        ("exclude_unless:g,1|required", {"g": 2}, {"g": 2}),
        ("exclude_unless:g,1", {"f": "x", "g": 1}, {"f": "x", "g": 1}),
        ("exclude_with:g|required", {"g": None}, {"g": None}),
        ("exclude_with:h", {"f": "x", "g": 1}, {"f": "x", "g": 1}),
        ("exclude_without:h|required", {"g": 1}, {"g": 1}),
        ("exclude_without:g", {"f": "x", "g": 1}, {"f": "x", "g": 1}),
    ],
)
def test_exclude_rules_drop_the_field_from_validated_data(
    rules: str, data: dict[str, t.Any], kept: dict[str, t.Any]
) -> None:
    validator = Validator.make(data, {"f": rules, "g": "nullable"})

    assert validator.passes(), validator.errors().all()
    assert validator.validated() == kept


def test_exclude_if_skips_the_remaining_rules_and_children() -> None:
    data = {"has_appointment": False, "doctor": {"name": ""}, "title": "x"}
    rules = {
        "has_appointment": "required|boolean",
        "doctor": "exclude_if:has_appointment,false|required|array",
        "doctor.name": "required",
        "title": "required",
    }
    validator = Validator.make(data, rules)

    assert validator.passes(), validator.errors().all()
    assert validator.validated() == {"has_appointment": False, "title": "x"}


def test_exclude_with_wildcards_drops_only_matching_items() -> None:
    data = {
        "items": [
            {"kind": "gift", "price": "", "name": "a"},
            {"kind": "sale", "price": "5", "name": "b"},
        ]
    }
    rules = {
        "items.*.name": "required",
        "items.*.price": "exclude_if:items.*.kind,gift|required|numeric",
    }
    validator = Validator.make(data, rules)

    assert validator.passes(), validator.errors().all()
    assert validator.validated() == {
        "items": [{"name": "a"}, {"price": "5", "name": "b"}]
    }


def test_prohibited_if_with_wildcards_uses_the_same_index() -> None:
    data = {"rows": [{"free": "1", "price": "3"}, {"free": "0", "price": "3"}]}
    validator = Validator.make(data, {"rows.*.price": "prohibited_if:rows.*.free,1"})

    assert validator.errors().messages() == {
        "rows.0.price": ["The rows.0.price field is prohibited when rows.0.free is 1."]
    }


def test_missing_rule_parameters_raise() -> None:
    with pytest.raises(InvalidArgumentError, match=r"\[missing_with\] requires"):
        Validator.make({}, {"f": "missing_with"}).passes()
    with pytest.raises(InvalidArgumentError, match=r"\[prohibited_if\] requires"):
        Validator.make({"f": "x"}, {"f": "prohibited_if:a"}).passes()
