"""Foundation helpers reach the current application."""

from __future__ import annotations

import os
import typing as t

import pytest

from protevus import helpers
from protevus.container.exceptions import BindingResolutionError


def test_app_and_resolve(make_app: t.Any) -> None:
    app = make_app()
    assert helpers.app() is app
    assert helpers.app("config") is app.make("config")
    assert helpers.resolve("app") is app


def test_config_get_and_set(make_app: t.Any) -> None:
    make_app()
    assert helpers.config("app.locale") == "en"
    assert helpers.config("missing.key", "fallback") == "fallback"
    helpers.config({"app.locale": "nl"})
    assert helpers.config("app.locale") == "nl"
    assert helpers.config() is helpers.app("config")


def test_path_helpers(make_app: t.Any, tmp_path: t.Any) -> None:
    make_app()
    assert helpers.base_path("x") == os.path.join(str(tmp_path), "x")
    assert helpers.storage_path("logs") == os.path.join(
        str(tmp_path), "storage", "logs"
    )
    assert helpers.database_path() == os.path.join(str(tmp_path), "database")
    assert helpers.config_path() == os.path.join(str(tmp_path), "config")
    assert helpers.resource_path() == os.path.join(str(tmp_path), "resources")
    assert helpers.public_path() == os.path.join(str(tmp_path), "public")


def test_env_helper_casts(make_app: t.Any) -> None:
    make_app(env="FEATURE=(true)\nNOTHING=null\n")
    assert helpers.env("FEATURE") is True
    assert helpers.env("NOTHING") is None
    assert helpers.env("MISSING", "d") == "d"


def test_logger_info_and_report_write_the_log(make_app: t.Any, tmp_path: t.Any) -> None:
    make_app(env="LOG_CHANNEL=single\n")
    helpers.logger("debug line {n}", {"n": 1})
    helpers.info("info line")
    helpers.report(ValueError("it broke"))
    helpers.report("plain message")
    text = (tmp_path / "storage" / "logs" / "protevus.log").read_text()
    assert "DEBUG: debug line 1" in text
    assert "INFO: info line" in text
    assert "ERROR: it broke" in text
    assert "ERROR: plain message" in text
    assert helpers.logger() is helpers.app("log")


def test_duplicates_are_reported_unless_told_otherwise(
    make_app: t.Any, tmp_path: t.Any
) -> None:
    make_app(env="LOG_CHANNEL=single\n")
    exc = ValueError("twice")
    helpers.report(exc)
    helpers.report(exc)
    log = tmp_path / "storage" / "logs" / "protevus.log"
    assert log.read_text().count("ERROR: twice") == 2


def test_dont_report_duplicates(make_app: t.Any, tmp_path: t.Any) -> None:
    make_app(
        env="LOG_CHANNEL=single\n",
        with_exceptions=lambda e: e.dont_report_duplicates(),
    )
    exc = ValueError("once")
    helpers.report(exc)
    helpers.report(exc)
    log = tmp_path / "storage" / "logs" / "protevus.log"
    assert log.read_text().count("ERROR: once") == 1


class SelfReporting(Exception):
    def __init__(self, message: str, returns: t.Any) -> None:
        super().__init__(message)
        self.returns = returns
        self.called = False

    def report(self) -> t.Any:
        self.called = True
        return self.returns

    def context(self) -> dict[str, t.Any]:
        return {"order": 42, "source": "exception"}


def test_an_exceptions_own_report_handles_it_unless_it_returns_false(
    make_app: t.Any, tmp_path: t.Any
) -> None:
    make_app(env="LOG_CHANNEL=single\n")
    silent = SelfReporting("silent-one", None)
    loud = SelfReporting("loud-one", False)
    helpers.report(silent)
    helpers.report(loud)
    assert silent.called and loud.called
    text = (tmp_path / "storage" / "logs" / "protevus.log").read_text()
    assert "silent-one" not in text
    assert "ERROR: loud-one" in text


def test_context_order_follows_laravel(make_app: t.Any, tmp_path: t.Any) -> None:
    make_app(
        env="LOG_CHANNEL=single\n",
        with_exceptions=lambda e: e.context(lambda exc: {"source": "callback"}),
    )
    helpers.report(SelfReporting("ctx", False))
    text = (tmp_path / "storage" / "logs" / "protevus.log").read_text()
    assert '"order":42' in text
    assert '"source":"callback"' in text


def test_union_annotations_and_unresolvable_ones(make_app: t.Any) -> None:
    seen: list[str] = []

    def either(exc: KeyError | ValueError) -> None:
        seen.append(type(exc).__name__)

    make_app(
        env="LOG_CHANNEL=null\n", with_exceptions=lambda e: e.report(either).stop()
    )
    helpers.report(KeyError("k"))
    helpers.report(ValueError("v"))
    helpers.report(ZeroDivisionError("z"))
    assert seen == ["KeyError", "ValueError"]

    class Local(Exception):
        pass

    def broken(exc: Local) -> None: ...

    from protevus.foundation.configuration.exceptions import Exceptions
    from protevus.foundation.exception_handler import ExceptionHandler

    with pytest.raises(TypeError, match=r"cannot be resolved"):
        Exceptions(ExceptionHandler(helpers.app())).report(broken)


class InvalidOrder(Exception):
    pass


def test_with_exceptions_callbacks(make_app: t.Any, tmp_path: t.Any) -> None:
    seen: list[str] = []

    def configure(e: t.Any) -> None:
        def on_invalid(exc: InvalidOrder) -> None:
            seen.append(f"invalid {exc}")

        e.report(on_invalid).stop()
        e.report(lambda exc: seen.append(f"any {exc}"))
        e.dont_report([KeyError])
        e.level(ZeroDivisionError, "critical")

    make_app(env="LOG_CHANNEL=single\n", with_exceptions=configure)
    helpers.report(InvalidOrder("A1"))
    helpers.report(KeyError("k"))
    helpers.report(ZeroDivisionError("zero"))
    assert seen == ["invalid A1", "any zero"]
    text = (tmp_path / "storage" / "logs" / "protevus.log").read_text()
    assert "A1" not in text  # stopped
    assert "'k'" not in text  # dont_report
    assert "CRITICAL: zero" in text


def test_now_and_today_use_the_app_timezone(make_app: t.Any) -> None:
    make_app(config={"app": "config = {'timezone': 'Europe/Paris'}"})
    now = helpers.now()
    assert now.timezone_name == "Europe/Paris"
    assert helpers.today().hour == 0


def test_helpers_without_an_app_raise_a_clear_error() -> None:
    with pytest.raises(BindingResolutionError, match=r"Target class \[config\]"):
        helpers.config("app.name")


def test_rescue_reports_through_the_exception_handler(
    make_app: t.Any, tmp_path: t.Any
) -> None:
    from protevus.helpers import rescue

    make_app(env="LOG_CHANNEL=single\n")

    def boom() -> int:
        raise LookupError("rescued failure")

    assert rescue(boom, 5) == 5
    text = (tmp_path / "storage" / "logs" / "protevus.log").read_text()
    assert "ERROR: rescued failure" in text


def test_invalid_timezone_in_config_is_a_clear_error(make_app: t.Any) -> None:
    from protevus.exceptions import InvalidArgumentError

    with pytest.raises(InvalidArgumentError, match=r"Timezone \[Mars/Olympus\]"):
        make_app(config={"app": "config = {'timezone': 'Mars/Olympus'}"})
