"""The validator: parsing, nesting, control rules, messages, hooks and results."""

from __future__ import annotations

import typing as t

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.exceptions import ProtevusError
from protevus.support.message_bag import MessageBag
from protevus.validation.exceptions import ValidationError
from protevus.validation.validated_input import ValidatedInput
from protevus.validation.validator import Validator


def test_passing_data_gives_no_errors() -> None:
    validator = Validator.make({"title": "Hello"}, {"title": "required|max:255"})

    assert validator.passes()
    assert not validator.fails()
    assert isinstance(validator.errors(), MessageBag)
    assert validator.errors().is_empty()


def test_failing_data_collects_laravel_messages() -> None:
    validator = Validator.make(
        {"title": "x" * 256}, {"title": "required|max:255", "body": ["required"]}
    )

    assert validator.fails()
    assert validator.errors().messages() == {
        "title": ["The title field must not be greater than 255 characters."],
        "body": ["The body field is required."],
    }
    assert validator.failed() == {"title": {"Max": ["255"]}, "body": {"Required": []}}


def test_validate_raises_validation_error_with_summary() -> None:
    validator = Validator.make({}, {"title": "required", "body": "required"})

    with pytest.raises(ValidationError) as raised:
        validator.validate()

    error = raised.value
    assert isinstance(error, ProtevusError)
    assert str(error) == "The title field is required. (and 1 more error)"
    assert error.status == 422
    assert error.validator is validator
    assert error.errors() == {
        "title": ["The title field is required."],
        "body": ["The body field is required."],
    }


def test_summary_counts_plural_errors_and_single_error() -> None:
    three = Validator.make({}, {"a": "required", "b": "required", "c": "required"})
    one = Validator.make({}, {"a": "required"})

    assert ValidationError(three).args[0] == (
        "The a field is required. (and 2 more errors)"
    )
    assert str(ValidationError(one)) == "The a field is required."


def test_with_messages_builds_an_error_without_rules() -> None:
    error = ValidationError.with_messages(
        {"email": "Taken.", "name": ["Bad.", "Ugly."]}
    )

    assert error.errors() == {"email": ["Taken."], "name": ["Bad.", "Ugly."]}
    assert str(error) == "Taken. (and 2 more errors)"


def test_validate_returns_only_validated_keys() -> None:
    data = {"title": "Hi", "body": "Text", "admin": True}

    assert Validator.make(data, {"title": "required", "body": "string"}).validate() == {
        "title": "Hi",
        "body": "Text",
    }


def test_validated_skips_missing_optional_keys_and_raises_when_invalid() -> None:
    valid = Validator.make({"a": 1}, {"a": "integer", "b": "nullable|string"})
    invalid = Validator.make({}, {"a": "required"})

    assert valid.validated() == {"a": 1}
    with pytest.raises(ValidationError):
        invalid.validated()


def test_validated_rebuilds_nested_lists() -> None:
    data = {
        "items": [{"name": "a", "secret": 1}, {"name": "b", "secret": 2}],
        "user": {"email": "a@b.co", "password": "x"},
    }
    rules = {"items.*.name": "required|string", "user.email": "email"}

    validated = Validator.make(data, rules).validated()

    assert validated == {
        "items": [{"name": "a"}, {"name": "b"}],
        "user": {"email": "a@b.co"},
    }
    validated["items"][0]["name"] = "changed"
    assert data["items"][0]["name"] == "a"


def test_safe_returns_validated_input() -> None:
    validator = Validator.make(
        {"name": "Ann", "email": "ann@example.com", "other": 1},
        {"name": "required", "email": "email"},
    )

    safe = validator.safe()

    assert isinstance(safe, ValidatedInput)
    assert safe.only("name") == {"name": "Ann"}
    assert safe.only(["name", "missing"]) == {"name": "Ann"}
    assert safe.except_("name") == {"email": "ann@example.com"}
    assert safe.all() == {"name": "Ann", "email": "ann@example.com"}
    assert safe.name == "Ann" and safe["email"] == "ann@example.com"
    assert safe.nothing is None
    assert safe.has("name") and safe.missing("other")
    assert validator.safe(["email"]) == {"email": "ann@example.com"}
    assert safe.merge({"x": 1}).keys() == ["name", "email", "x"]


def test_nested_keys_use_dot_notation() -> None:
    validator = Validator.make(
        {"user": {"name": ""}}, {"user.name": "required", "user.age": "integer"}
    )

    assert validator.errors().messages() == {
        "user.name": ["The user.name field is required."]
    }


def test_wildcards_expand_over_list_items_and_dict_values() -> None:
    data = {"items": [{"qty": 1}, {"qty": "x"}, {}], "map": {"a": 1, "b": "no"}}
    validator = Validator.make(
        data, {"items.*.qty": "required|integer", "map.*": "integer"}
    )

    assert validator.errors().messages() == {
        "items.1.qty": ["The items.1.qty field must be an integer."],
        "items.2.qty": ["The items.2.qty field is required."],
        "map.b": ["The map.b field must be an integer."],
    }


def test_wildcard_over_missing_or_empty_data_has_nothing_to_check() -> None:
    assert Validator.make({}, {"items.*.name": "required"}).passes()
    assert Validator.make({"items": []}, {"items.*.name": "required"}).passes()
    assert Validator.make({}, {"items": "required|array"}).fails()


def test_wildcard_parameters_take_the_same_index() -> None:
    data = {"rows": [{"start": 1, "end": 5}, {"start": 9, "end": 5}]}
    validator = Validator.make(data, {"rows.*.end": "numeric|gte:rows.*.start"})

    assert validator.errors().messages() == {
        "rows.1.end": ["The rows.1.end field must be greater than or equal to 9."]
    }


def test_bail_stops_at_the_first_failure_of_that_attribute() -> None:
    validator = Validator.make(
        {"a": "x", "b": "x"}, {"a": "bail|integer|min:5", "b": "integer|min:5"}
    )

    assert validator.errors().get("a") == ["The a field must be an integer."]
    assert len(validator.errors().get("b")) == 2


def test_a_failed_required_rule_stops_that_attribute() -> None:
    validator = Validator.make({}, {"a": "required|string|min:3"})

    assert validator.errors().get("a") == ["The a field is required."]


def test_stop_on_first_failure_stops_all_attributes() -> None:
    validator = Validator.make({}, {"a": "required", "b": "required"})

    assert validator.stop_on_first_failure().errors().keys() == ["a"]


def test_sometimes_rule_only_checks_present_keys() -> None:
    rules = {"email": "sometimes|required|email"}

    assert Validator.make({}, rules).passes()
    assert Validator.make({"email": ""}, rules).fails()
    assert Validator.make({"email": "x"}, rules).errors().first() == (
        "The email field must be a valid email address."
    )


def test_nullable_lets_none_through_but_not_other_bad_values() -> None:
    rules = {"age": "nullable|integer|min:18"}

    assert Validator.make({"age": None}, rules).passes()
    assert Validator.make({"age": 12}, rules).fails()


def test_sometimes_method_adds_rules_conditionally() -> None:
    validator = Validator.make({"games": 120}, {"games": "integer"})
    validator.sometimes("reason", "required|max:500", lambda input: input.games >= 100)
    validator.sometimes("other", "required", lambda input: input["games"] < 100)

    assert validator.errors().messages() == {
        "reason": ["The reason field is required."]
    }


def test_sometimes_method_on_wildcards_gets_the_item() -> None:
    data = {"channels": [{"type": "email", "address": ""}, {"type": "sms"}]}
    validator = Validator.make(data, {})
    validator.sometimes(
        "channels.*.address",
        "required|email",
        lambda input, item: item.type == "email",
    )

    assert validator.errors().messages() == {
        "channels.0.address": ["The channels.0.address field is required."]
    }


def test_custom_messages_by_field_rule_wildcard_and_rule() -> None:
    validator = Validator.make(
        {"items": [{"name": ""}], "email": "bad", "age": "x"},
        {
            "title": "required",
            "items.*.name": "required",
            "email": "email",
            "age": "integer",
        },
        {
            "title.required": "A :attribute is needed.",
            "items.*.name.required": "Item :index (#:position) needs a name.",
            "email": "Check :attribute [:input].",
            "integer": "Whole numbers only for :ATTRIBUTE.",
        },
    )

    assert validator.errors().messages() == {
        "title": ["A title is needed."],
        "items.0.name": ["Item 0 (#1) needs a name."],
        "email": ["Check email [bad]."],
        "age": ["Whole numbers only for AGE."],
    }


def test_custom_attribute_names_and_snake_case_display() -> None:
    validator = Validator.make(
        {"items": [{"qty": None}]},
        {
            "first_name": "required",
            "lastName": "required",
            "email": "required",
            "items.*.qty": "required",
            "password": "required_with:first_name",
        },
        attributes={"email": "email address", "items.*.qty": "quantity #:position"},
    )

    assert validator.errors().all() == [
        "The first name field is required.",
        "The last name field is required.",
        "The email address field is required.",
        "The quantity #1 field is required.",
    ]


def test_other_attribute_placeholders_use_display_names() -> None:
    validator = Validator.make(
        {"password": "a", "password_again": "b", "pay_type": "card"},
        {"password": "same:password_again", "card_number": "required_if:pay_type,card"},
        attributes={"password_again": "repeated password"},
    )

    assert validator.errors().all() == [
        "The password field must match repeated password.",
        "The card number field is required when pay type is card.",
    ]


def test_value_names_change_the_value_placeholder() -> None:
    validator = Validator.make(
        {"pay": "cc"}, {"number": "required_if:pay,cc"}
    ).set_value_names({"pay": {"cc": "credit card"}})

    assert validator.errors().first() == (
        "The number field is required when pay is credit card."
    )


def test_closure_rules_receive_attribute_value_and_fail() -> None:
    def not_foo(attribute: str, value: t.Any, fail: t.Callable[[str], None]) -> None:
        if value == "foo":
            fail(f"The {attribute} is invalid.")

    assert Validator.make({"title": "bar"}, {"title": ["required", not_foo]}).passes()
    validator = Validator.make(
        {"title": "foo"},
        {"title": [lambda attribute, value, fail: fail("The :attribute is foo.")]},
    )

    assert validator.errors().get("title") == ["The title is foo."]
    assert validator.failed() == {"title": {"Closure": []}}


def test_closure_rules_skip_missing_values() -> None:
    calls: list[str] = []

    Validator.make(
        {}, {"a": [lambda attribute, value, fail: calls.append(attribute)]}
    ).passes()

    assert calls == []


class Uppercase:
    def validate(
        self, attribute: str, value: t.Any, fail: t.Callable[[str], None]
    ) -> None:
        if value.upper() != value:
            fail("The :attribute must be uppercase.")


class LegacyEven:
    def passes(self, attribute: str, value: t.Any) -> bool:
        return int(value) % 2 == 0

    def message(self) -> str:
        return "The :attribute must be even."


class Always:
    implicit = True

    def validate(
        self, attribute: str, value: t.Any, fail: t.Callable[[str], None]
    ) -> None:
        if value is None:
            fail("The :attribute is needed by an implicit rule.")


class DataAware:
    def set_data(self, data: dict[str, t.Any]) -> None:
        self.data = data

    def validate(
        self, attribute: str, value: t.Any, fail: t.Callable[[str], None]
    ) -> None:
        if value != self.data.get("expected"):
            fail("The :attribute does not match expected.")


def test_rule_objects_new_and_legacy_style() -> None:
    validator = Validator.make(
        {"code": "abc", "n": 3, "ok": "ABC"},
        {"code": [Uppercase()], "n": ["required", LegacyEven()], "ok": [Uppercase()]},
    )

    assert validator.errors().messages() == {
        "code": ["The code must be uppercase."],
        "n": ["The n must be even."],
    }


def test_implicit_rule_objects_run_on_missing_keys() -> None:
    assert Validator.make({}, {"a": [Always()]}).errors().first() == (
        "The a is needed by an implicit rule."
    )
    assert Validator.make({}, {"a": [Uppercase()]}).passes()


def test_data_aware_rule_objects_get_the_data() -> None:
    assert Validator.make({"a": 1, "expected": 1}, {"a": [DataAware()]}).passes()
    assert Validator.make({"a": 1, "expected": 2}, {"a": [DataAware()]}).fails()


def test_after_hooks_can_add_errors() -> None:
    validator = Validator.make({"a": "x"}, {"a": "required"})
    validator.after(
        lambda v: v.errors().add("field", "Something is wrong with this field!")
    )

    assert validator.fails()
    assert validator.errors().first("field") == "Something is wrong with this field!"


def test_after_hooks_run_even_when_rules_fail() -> None:
    seen: list[bool] = []
    validator = Validator.make({}, {"a": "required"}).after(
        [lambda v: seen.append(v.errors().has("a"))]
    )

    assert validator.fails()
    assert seen == [True]


def test_unknown_rule_name_raises_naming_the_rule() -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        Validator.make({"a": 1}, {"a": "required|sizee:3"})

    assert str(raised.value) == (
        "Validation rule [sizee] does not exist; check its spelling or pass a rule "
        "object or closure."
    )


def test_unknown_rule_in_sometimes_raises_too() -> None:
    validator = Validator.make({"a": 1}, {})

    with pytest.raises(InvalidArgumentError, match=r"\[nope\]"):
        validator.sometimes("a", "nope", lambda input: True)


def test_non_rule_values_raise_type_error() -> None:
    with pytest.raises(TypeError, match="is not a string, rule object or closure"):
        Validator.make({"a": 1}, {"a": [object()]})


def test_camel_case_aliases() -> None:
    validator = Validator.make({}, {"a": "required", "b": "required"})

    assert validator.stopOnFirstFailure().getMessageBag().keys() == ["a"]


def test_rules_are_case_insensitive_and_pipes_skip_blanks() -> None:
    validator = Validator.make({"a": ""}, {"a": "Required||"})

    assert validator.errors().first() == "The a field is required."


def test_set_data_revalidates_with_new_wildcard_keys() -> None:
    validator = Validator.make({"items": []}, {"items.*": "integer"})
    assert validator.passes()

    validator.set_data({"items": [1, "x"]})

    assert validator.errors().keys() == ["items.1"]


def test_get_rules_lists_expanded_rules() -> None:
    validator = Validator.make({"items": [1]}, {"items.*": "integer|max:5"})

    assert validator.get_rules() == {"items.0": ["integer", "max:5"]}


def test_keys_holding_literal_dots_validate_and_copy() -> None:
    validator = Validator.make({"v1.0": "x", "other": 1}, {"v1.0": "required|string"})

    assert validator.validated() == {"v1.0": "x"}


def test_validated_combines_parent_and_child_rules_without_touching_input() -> None:
    data = {"items": [{"name": "a", "x": 1}]}
    validator = Validator.make(data, {"items": "array", "items.*.name": "string"})

    validated = validator.validated()
    validated["items"][0]["x"] = 2

    assert validated == {"items": [{"name": "a", "x": 2}]}
    assert data == {"items": [{"name": "a", "x": 1}]}
