"""Tests for the provider that registers the ``'log'`` service."""

from __future__ import annotations

import os
import typing as t
from pathlib import Path

from protevus.log.log_manager import LogManager
from protevus.log.log_service_provider import LogServiceProvider
from protevus.support.service_provider import ServiceProvider


class Config:
    def __init__(self, items: dict[str, t.Any]) -> None:
        self.items = items

    def get(self, key: str, default: t.Any = None) -> t.Any:
        node: t.Any = self.items
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node


class Container:
    """A stand-in container with just ``singleton``, ``alias``/``alias_class`` and ``make``."""

    def __init__(self, base: Path, items: dict[str, t.Any]) -> None:
        self.base = base
        self.factories: dict[str, t.Callable[[t.Any], t.Any]] = {}
        self.instances: dict[str, t.Any] = {"config": Config(items)}

    def singleton(self, key: str, factory: t.Callable[[t.Any], t.Any]) -> None:
        self.factories[key] = factory

    def alias(self, abstract: str, alias: t.Any) -> None:
        self.aliases = {**getattr(self, "aliases", {}), alias: abstract}

    def alias_class(self, abstract: str, path: str) -> None:
        self.aliases = {**getattr(self, "aliases", {}), path: abstract}

    def make(self, key: str) -> t.Any:
        if key not in self.instances:
            self.instances[key] = self.factories[key](self)
        return self.instances[key]

    def base_path(self, path: str = "") -> str:
        return os.path.join(self.base, path)

    def storage_path(self, path: str = "") -> str:
        return os.path.join(self.base, "storage", path)

    def environment(self) -> str:
        return "local"


def make_app(tmp_path: Path) -> Container:
    return Container(
        tmp_path,
        {
            "logging": {
                "default": "single",
                "channels": {"single": {"driver": "single", "path": "logs/app.log"}},
            }
        },
    )


def test_provider_is_a_service_provider(tmp_path: Path) -> None:
    assert isinstance(LogServiceProvider(make_app(tmp_path)), ServiceProvider)


def test_provider_registers_the_log_manager_as_a_singleton(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    LogServiceProvider(app).register()
    assert "log" in app.factories
    log = app.make("log")
    try:
        assert isinstance(log, LogManager)
        assert app.make("log") is log
        assert log.app is app
        log.info("Registered")
        assert "local.INFO: Registered" in (tmp_path / "logs" / "app.log").read_text()
    finally:
        log.close()


def test_registering_does_not_build_the_manager(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    LogServiceProvider(app).register()
    assert "log" not in app.instances


def test_provider_works_with_the_real_container(tmp_path: Path) -> None:
    from protevus.container.container import Container as RealContainer

    class Application(RealContainer):
        def base_path(self, path: str = "") -> str:
            return os.path.join(tmp_path, path)

        def storage_path(self, path: str = "") -> str:
            return os.path.join(tmp_path, "storage", path)

        def environment(self) -> str:
            return "production"

    app = Application()
    app.instance("config", make_app(tmp_path).make("config"))
    LogServiceProvider(app).register()
    log = app.make("log")
    try:
        assert app.make("log") is log
        log.warning("Via the container")
        content = (tmp_path / "logs" / "app.log").read_text()
        assert "production.WARNING: Via the container" in content
    finally:
        log.close()


def test_log_manager_type_hint_resolves_the_log_service(make_app: t.Any) -> None:
    from protevus.log.log_manager import LogManager

    app = make_app()
    assert app.make(LogManager) is app.make("log")
