"""The validation services in an application: factory, facade, helpers, lang overrides."""

from __future__ import annotations

import typing as t
from pathlib import Path

import pytest

from protevus.translation.translation_service_provider import TranslationServiceProvider
from protevus.validation.factory import Factory
from protevus.validation.validation_service_provider import ValidationServiceProvider


def test_validator_service_and_facade(make_app: t.Any) -> None:
    app = make_app(providers=[ValidationServiceProvider])
    factory = app.make("validator")
    assert isinstance(factory, Factory) and app.make("validator") is factory
    assert factory.get_container() is app

    from protevus.helpers import validator
    from protevus.support.facades.validator import Validator

    assert Validator.make({"a": ""}, {"a": "required"}).fails()
    assert validator() is factory
    assert validator({"a": 1}, {"a": "integer"}).passes()


def test_app_lang_file_overrides_framework_messages(
    make_app: t.Any, tmp_path: Path
) -> None:
    (tmp_path / "lang/en").mkdir(parents=True)
    (tmp_path / "lang/en/validation.py").write_text(
        "messages = {\n"
        "    'required': 'We need your :attribute.',\n"
        "    'custom': {'email': {'email': 'That email looks wrong.'}},\n"
        "    'attributes': {'dob': 'date of birth'},\n"
        "}\n"
    )
    app = make_app(providers=[TranslationServiceProvider, ValidationServiceProvider])
    validator = app.make("validator").make(
        {"email": "nope"}, {"name": "required", "email": "email", "dob": "required"}
    )
    messages = validator.errors().messages()
    assert messages["name"] == ["We need your name."]
    assert messages["email"] == ["That email looks wrong."]
    assert messages["dob"] == ["We need your date of birth."]


def test_presence_verifier_binding_follows_the_module(make_app: t.Any) -> None:
    import importlib.util

    app = make_app(providers=[ValidationServiceProvider])
    exists = importlib.util.find_spec("protevus.validation.database_presence_verifier")
    assert app.bound("validation.presence") is (exists is not None)


def test_request_validate_without_the_provider_explains(make_app: t.Any) -> None:
    from protevus.exceptions import ProtevusError
    from protevus.http.request import Request

    app = make_app()
    del app["validator"]  # an app built without the validation provider
    request = Request.from_values("/", method="POST", data={"a": "1"})
    with pytest.raises(ProtevusError, match=r"validator service \[validator\]"):
        request.validate({"a": "required"})
