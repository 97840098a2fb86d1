"""Rule objects: Enum, conditional rules, implicit/data-aware/validator-aware objects, translator."""

from __future__ import annotations

import enum
import typing as t

import pytest

from protevus.container.container import Container
from protevus.exceptions import InvalidArgumentError
from protevus.validation.exceptions import ValidationServiceError
from protevus.validation.rule import In
from protevus.validation.rule import Rule
from protevus.validation.rules.enum import Enum
from protevus.validation.validator import Validator


class Status(enum.Enum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 2


@pytest.mark.parametrize(
    ("value", "passes"),
    [
        ("draft", True),
        (Status.PUBLISHED, True),
        ("deleted", False),
        ("", True),  # empty values skip non-implicit rules
        (["draft"], False),
        (None, False),
    ],
)
def test_enum_rule(value: t.Any, passes: bool) -> None:
    validator = Validator.make({"status": value}, {"status": [Rule.enum(Status)]})

    assert validator.passes() is passes
    if not passes:
        assert validator.errors().all() == ["The selected status is invalid."]
        assert validator.failed() == {"status": {"Enum": []}}


def test_enum_rule_converts_numeric_strings_for_int_enums() -> None:
    assert Validator.make({"l": "2"}, {"l": [Rule.enum(Level)]}).passes()
    assert Validator.make({"l": 2}, {"l": [Rule.enum(Level)]}).passes()
    assert Validator.make({"l": "3"}, {"l": [Rule.enum(Level)]}).fails()


def test_enum_only_and_except() -> None:
    only = Rule.enum(Status).only([Status.DRAFT])
    except_ = Rule.enum(Status).except_(Status.ARCHIVED)

    assert Validator.make({"s": "draft"}, {"s": [only]}).passes()
    assert Validator.make({"s": "published"}, {"s": [only]}).fails()
    assert Validator.make({"s": "published"}, {"s": [except_]}).passes()
    assert Validator.make({"s": "archived"}, {"s": [except_]}).fails()
    assert Validator.make(
        {"s": "archived"}, {"s": [Enum(Status).except_([Status.ARCHIVED])]}
    ).fails()


def test_enum_rule_rejects_a_non_enum_class() -> None:
    with pytest.raises(TypeError, match=r"Enum rule type \[<class 'str'>\]"):
        Rule.enum(str)  # type: ignore[arg-type]


def test_conditional_rule_objects() -> None:
    assert str(Rule.required_if(True)) == "required"
    assert str(Rule.required_if(lambda: False)) == ""
    assert Validator.make(
        {}, {"f": [Rule.required_if(lambda: True)]}
    ).errors().all() == ["The f field is required."]
    assert Validator.make({}, {"f": [Rule.required_if(False), "string"]}).passes()
    assert Validator.make(
        {"f": "x"}, {"f": [Rule.prohibited_if(True)]}
    ).errors().all() == ["The f field is prohibited."]
    excluded = Validator.make(
        {"f": "x", "g": "y"}, {"f": [Rule.exclude_if(True)], "g": "string"}
    )
    assert excluded.validated() == {"g": "y"}
    with pytest.raises(TypeError, match="must be a bool or a callable"):
        Rule.required_if("yes")  # type: ignore[arg-type]


def test_rule_in_still_builds_quoted_strings() -> None:
    assert isinstance(Rule.in_(["a,b", 'say "hi"']), In)
    assert str(Rule.in_(["a,b", 'say "hi"'])) == 'in:"a,b","say ""hi"""'
    assert str(Rule.not_in([Status.DRAFT, True])) == 'not_in:"draft","1"'


class Uppercase:
    def validate(
        self, attribute: str, value: t.Any, fail: t.Callable[[str], t.Any]
    ) -> None:
        if value != str(value).upper():
            fail("The :attribute must be uppercase.")


class RequiredWhenFlagged:
    implicit = True

    def __init__(self) -> None:
        self.data: dict[str, t.Any] = {}
        self.validator: t.Any = None

    def set_data(self, data: dict[str, t.Any]) -> None:
        self.data = data

    def set_validator(self, validator: t.Any) -> None:
        self.validator = validator

    def validate(
        self, attribute: str, value: t.Any, fail: t.Callable[[str], t.Any]
    ) -> None:
        assert isinstance(self.validator, Validator)
        if self.data.get("flag") and not value:
            fail("validation.required")


def test_validation_rule_objects_get_data_and_validator_and_run_implicitly() -> None:
    rule = RequiredWhenFlagged()
    validator = Validator.make({"flag": True}, {"note": [rule]})

    assert validator.errors().all() == ["The note field is required."]
    assert rule.data == {"flag": True}
    assert Validator.make({"flag": False}, {"note": [RequiredWhenFlagged()]}).passes()


def test_non_implicit_objects_skip_missing_values() -> None:
    assert Validator.make({}, {"code": [Uppercase()]}).passes()
    assert Validator.make({"code": "abc"}, {"code": [Uppercase()]}).errors().all() == [
        "The code must be uppercase."
    ]


class FakeTranslator:
    def __init__(self, lines: dict[str, t.Any]) -> None:
        self.lines = lines

    def has(self, key: str, locale: str | None = None) -> bool:
        return key in self.lines

    def get(self, key: str, replace: t.Any = None, locale: str | None = None) -> t.Any:
        return self.lines.get(key, key)


def test_translator_lines_win_over_the_built_in_catalogue() -> None:
    translator = FakeTranslator(
        {
            "validation.required": "Le champ :attribute est obligatoire.",
            "validation.min.string": ":attribute: au moins :min caractères.",
            "validation.custom.email.required": "Il nous faut votre courriel.",
            "validation.attributes.name": "nom",
            "validation.enum": "Valeur :attribute invalide.",
        }
    )
    validator = Validator.make(
        {"name": "ab", "status": "x"},
        {
            "name": "required|min:3",
            "email": "required",
            "title": "required",
            "status": [Rule.enum(Status)],
        },
        {"title.required": "Inline wins."},
    ).set_translator(translator)

    assert validator.errors().messages() == {
        "name": ["nom: au moins 3 caractères."],
        "email": ["Il nous faut votre courriel."],
        "title": ["Inline wins."],
        "status": ["Valeur status invalide."],
    }


def test_translator_from_the_container_and_fallback_to_english() -> None:
    # tests/conftest.py resets the global container after every test.
    container = Container.get_instance()
    container.instance(
        "translator", FakeTranslator({"validation.required": "Requis: :attribute"})
    )
    validator = Validator.make({"a": "x"}, {"b": "required", "a": "integer"})

    assert validator.errors().all() == ["Requis: b", "The a field must be an integer."]


def test_wildcard_custom_messages_still_win() -> None:
    validator = Validator.make(
        {"items": [{"qty": ""}]},
        {"items.*.qty": "required|multiple_of:2"},
        {"items.*.required": "Item :position needs a quantity."},
    )

    assert validator.errors().all() == ["Item 1 needs a quantity."]


def test_unknown_rule_and_missing_services_raise_clear_errors() -> None:
    with pytest.raises(InvalidArgumentError, match=r"\[unknown_rule\] does not exist"):
        Validator.make({}, {"f": "unknown_rule"})
    with pytest.raises(ValidationServiceError, match=r"\[validation.presence\]"):
        Validator.make({"f": "x"}, {"f": "unique:users"}).passes()
    with pytest.raises(ValidationServiceError, match=r"\[auth\] and \[hash\] services"):
        Validator.make({"f": "x"}, {"f": "current_password"}).passes()


class FakeUser:
    def get_auth_password(self) -> str:
        return "hashed:secret"


class FakeGuard:
    def __init__(self, user: t.Any) -> None:
        self._user = user

    def user(self) -> t.Any:
        return self._user


class FakeAuth:
    def __init__(self, user: t.Any) -> None:
        self.user = user
        self.guards: list[t.Any] = []

    def guard(self, name: t.Any = None) -> FakeGuard:
        self.guards.append(name)
        return FakeGuard(self.user)


class FakeHash:
    def check(self, value: str, hashed: str) -> bool:
        return hashed == f"hashed:{value}"


@pytest.mark.parametrize(
    ("user", "value", "passes"),
    [
        (FakeUser(), "secret", True),
        (FakeUser(), "wrong", False),
        (None, "secret", False),
    ],
)
def test_current_password_checks_the_guard_user(
    user: t.Any, value: str, passes: bool
) -> None:
    container = Container()
    auth = FakeAuth(user)
    container.instance("auth", auth)
    container.instance("hash", FakeHash())
    validator = Validator.make(
        {"pw": value}, {"pw": "current_password:web"}
    ).set_container(container)

    assert validator.passes() is passes
    assert auth.guards == ["web"]
    if not passes:
        assert validator.errors().all() == ["The password is incorrect."]


def test_active_url_without_network() -> None:
    assert Validator.make({"u": "http://localhost/x"}, {"u": "active_url"}).passes()
    for bad in ("not a url", "http://", 5, "http://[::1"):
        validator = Validator.make({"u": bad}, {"u": "active_url"})
        assert validator.errors().all() == ["The u field must be a valid URL."]
