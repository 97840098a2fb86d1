"""The validation factory: making validators, extensions, replacers, services."""

from __future__ import annotations

import typing as t

import pytest

from protevus.validation.exceptions import ValidationError
from protevus.validation.factory import Factory
from protevus.validation.validator import Validator


def test_make_and_validate() -> None:
    factory = Factory()
    validator = factory.make(
        {"title": ""},
        {"title": "required"},
        {"title.required": "Give the :attribute."},
        {"title": "headline"},
    )
    assert isinstance(validator, Validator)
    assert validator.errors().messages() == {"title": ["Give the headline."]}
    assert factory.validate({"title": "x", "other": 1}, {"title": "required"}) == {
        "title": "x"
    }
    with pytest.raises(ValidationError) as caught:
        factory.validate({}, {"title": "required", "body": "required"})
    assert str(caught.value) == "The title field is required. (and 1 more error)"


@pytest.mark.parametrize(
    ("data", "rules", "match"),
    [
        (["a"], {"a": "required"}, r"data must be a mapping, got \[list\]"),
        ({"a": 1}, ["required"], r"rules must be a mapping .* got \[list\]"),
    ],
)
def test_bad_arguments_are_clear(data: t.Any, rules: t.Any, match: str) -> None:
    with pytest.raises(TypeError, match=match):
        Factory().make(data, rules)


def test_extend_with_a_closure_and_message() -> None:
    factory = Factory()
    factory.extend(
        "foo",
        lambda attribute, value, parameters, validator: value == "foo",
        "The :attribute must be foo.",
    )
    assert factory.make({"name": "foo"}, {"name": "foo"}).passes()
    failing = factory.make({"name": "bar"}, {"name": "required|foo"})
    assert failing.errors().messages() == {"name": ["The name must be foo."]}
    # Not run on missing values: only implicit rules are.
    assert factory.make({}, {"name": "foo"}).passes()


def test_extension_gets_parameters_and_validator() -> None:
    factory = Factory()
    seen: list[t.Any] = []

    def divisible(
        attribute: str, value: t.Any, parameters: list[str], validator: t.Any
    ) -> bool:
        seen.append((attribute, parameters, isinstance(validator, Validator)))
        return int(value) % int(parameters[0]) == 0

    factory.extend("divisible_by", divisible, "The :attribute must divide by :divisor.")
    factory.replacer(
        "divisible_by",
        lambda message, attribute, rule, parameters: message.replace(
            ":divisor", parameters[0]
        ),
    )
    validator = factory.make({"n": "7"}, {"n": "divisible_by:3"})
    assert validator.errors().messages() == {"n": ["The n must divide by 3."]}
    assert seen == [("n", ["3"], True)]


def test_extend_implicit_runs_on_missing_values() -> None:
    factory = Factory()
    factory.extend_implicit(
        "required_unless_admin",
        lambda attribute, value, parameters, validator: (
            value is not None or validator.data.get("role") == "admin"
        ),
        "The :attribute is needed.",
    )
    assert factory.make({}, {"team": "required_unless_admin"}).errors().messages() == {
        "team": ["The team is needed."]
    }
    assert factory.make({"role": "admin"}, {"team": "required_unless_admin"}).passes()


def test_extension_by_class_resolved_from_the_container(make_app: t.Any) -> None:
    app = make_app()

    class Even:
        def validate(
            self, attribute: str, value: t.Any, parameters: list[str], validator: t.Any
        ) -> bool:
            return int(value) % 2 == 0

        def check(self, attribute: str, value: t.Any) -> bool:
            return value == "ok"

    factory = Factory(container=app)
    factory.extend("even", Even)
    factory.extend("okay", f"{__name__}.Okay@check")
    assert factory.make({"n": 2}, {"n": "even"}).passes()
    assert factory.make({"n": 3}, {"n": "even"}).fails()
    assert factory.make({"s": "ok"}, {"s": "okay"}).passes()


class Okay:
    def check(self, attribute: str, value: t.Any) -> bool:
        return value == "ok"


def test_extension_message_defaults_to_the_key() -> None:
    factory = Factory()
    factory.extend("never", lambda *args: False)
    messages = factory.make({"a": 1}, {"a": "never"}).errors().messages()
    assert messages == {"a": ["validation.never"]}


def test_inline_messages_win_over_extension_messages() -> None:
    factory = Factory()
    factory.extend("never", lambda *args: False, "Extension message.")
    validator = factory.make({"a": 1}, {"a": "never"}, {"a.never": "Inline."})
    assert validator.errors().messages() == {"a": ["Inline."]}


def test_camel_case_rule_names_become_snake_case() -> None:
    factory = Factory()
    factory.extend("IsUpper", lambda attribute, value: str(value).isupper())
    assert factory.make({"a": "X"}, {"a": "is_upper"}).passes()


def test_bad_extension_is_refused() -> None:
    with pytest.raises(
        TypeError, match=r"Validation extension \[x\] must be a callable"
    ):
        Factory().extend("x", 42)  # type: ignore[arg-type]


def test_unknown_rule_still_fails_clearly() -> None:
    with pytest.raises(Exception, match=r"Validation rule \[nope\] does not exist"):
        Factory().make({"a": 1}, {"a": "nope"})


def test_resolver_builds_the_validator() -> None:
    class Custom(Validator):
        pass

    factory = Factory()
    factory.resolver(
        lambda data, rules, messages, attributes: Custom(
            data, rules, messages, attributes
        )
    )
    assert isinstance(factory.make({}, {}), Custom)


def test_services_are_handed_to_validators() -> None:
    class Lines:
        def has(self, key: str) -> bool:
            return key == "validation.required"

        def get(self, key: str, *args: t.Any) -> str:
            return "Fill in :attribute, please."

    verifier = object()
    factory = Factory(Lines())
    factory.set_presence_verifier(verifier)
    validator = factory.make({}, {"name": "required"})
    assert validator.errors().messages() == {"name": ["Fill in name, please."]}
    assert factory.get_presence_verifier() is verifier
    assert validator.get_presence_verifier() is verifier
