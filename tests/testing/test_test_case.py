"""The unittest-style TestCase: fresh app per test, client methods on ``self``."""

from __future__ import annotations

import os
import typing as t
from pathlib import Path

import flask
import pytest

from protevus.support.facades.facade import Facade
from protevus.testing import TestCase

REPO = Path(__file__).resolve().parents[2]


class ShowcaseTest(TestCase):
    base_path = str(REPO)

    def test_app_is_built_in_the_testing_environment(self) -> None:
        assert Path(self.app.base_path()) == REPO
        assert self.app.environment() == "testing"
        assert os.environ["QUEUE_CONNECTION"] == os.environ.get(
            "QUEUE_CONNECTION", "sync"
        )
        assert Facade._app is self.app

    def test_create_application_has_a_camel_case_twin(self) -> None:
        assert type(self).createApplication is type(self).create_application


class FlaskBackedTest(TestCase):
    def create_application(self) -> t.Any:
        web = flask.Flask("demo")
        web.add_url_rule("/", "home", lambda: "<h1>Hi</h1>")
        web.add_url_rule("/data", "data", lambda: {"id": 1}, methods=["POST"])
        return web

    def test_client_methods_work_on_self(self) -> None:
        self.get("/").assert_ok().assert_see("Hi")
        self.post_json("/data", {"x": 1}).assert_json({"id": 1})
        self.with_headers({"X-A": "1"}).get("/").assert_ok()
        self.getJson("/").assert_ok()

    def test_unknown_attributes_raise(self) -> None:
        with pytest.raises(AttributeError, match=r"has no attribute \[nothing_here\]"):
            self.nothing_here  # noqa: B018


def test_global_state_is_reset_after_a_test_case() -> None:
    assert Facade._app is None


def test_setup_failure_restores_the_environment(tmp_path: Path) -> None:
    class Broken(TestCase):
        base_path = str(tmp_path)

        def test_nothing(self) -> None:  # pragma: no cover - setUp fails first
            pass

    before = dict(os.environ)
    result = Broken("test_nothing").run()
    assert result is not None and len(result.errors) == 1
    assert "No application bootstrap file" in result.errors[0][1]
    assert dict(os.environ) == before
