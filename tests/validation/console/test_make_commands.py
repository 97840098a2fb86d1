"""``make:request`` and ``make:rule`` write classes that work when imported."""

from __future__ import annotations

import importlib.util
import typing as t
from pathlib import Path

from protevus.validation.validation_service_provider import ValidationServiceProvider


def call(app: t.Any, command: str, parameters: dict[str, t.Any]) -> tuple[int, str]:
    kernel = app.make("artisan")
    code = kernel.call(command, parameters)
    return code, kernel.output()


def _load(path: Path) -> t.Any:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _app(make_app: t.Any) -> t.Any:
    return make_app(providers=[ValidationServiceProvider])


def test_commands_are_listed(make_app: t.Any) -> None:
    commands = _app(make_app).make("artisan").all()
    assert "make:request" in commands and "make:rule" in commands


def test_make_request(make_app: t.Any, tmp_path: Path) -> None:
    app = _app(make_app)
    code, out = call(app, "make:request", {"name": "StorePostRequest"})
    assert code == 0
    assert (
        "Request [app/http/requests/store_post_request.py] created successfully." in out
    )
    path = tmp_path / "app/http/requests/store_post_request.py"
    module = _load(path)
    from protevus.foundation.http.form_request import FormRequest

    assert issubclass(module.StorePostRequest, FormRequest)
    assert "def authorize(self) -> bool:" in path.read_text()
    code, out = call(app, "make:request", {"name": "StorePostRequest"})
    assert code == 1 and "Request already exists." in out
    code, _ = call(app, "make:request", {"name": "Admin/UpdateUserRequest"})
    assert code == 0
    assert (tmp_path / "app/http/requests/admin/update_user_request.py").is_file()


def test_make_rule_and_implicit_rule(make_app: t.Any, tmp_path: Path) -> None:
    app = _app(make_app)
    code, out = call(app, "make:rule", {"name": "Uppercase"})
    assert code == 0 and "Rule [app/rules/uppercase.py] created successfully." in out
    rule = _load(tmp_path / "app/rules/uppercase.py").Uppercase()
    assert not getattr(rule, "implicit", False)
    failures: list[str] = []
    rule.validate("name", "x", failures.append)
    assert failures == []

    call(app, "make:rule", {"name": "Present", "--implicit": True})
    implicit = _load(tmp_path / "app/rules/present.py").Present
    assert implicit.implicit is True


def test_bad_name_is_refused(make_app: t.Any) -> None:
    code, out = call(_app(make_app), "make:rule", {"name": "not-valid"})
    assert code == 1 and "is not a valid Python class name" in out
