"""The view provider's bindings, environment and compiled cache (Laravel: ViewServiceProvider)."""

from __future__ import annotations

import os
import typing as t
from pathlib import Path

import pytest

from protevus.view.blade.compiler import BladeCompiler
from protevus.view.factory import Factory
from protevus.view.file_view_finder import FileViewFinder


def compiled_files(tmp_path: Path) -> list[str]:
    directory = tmp_path / "storage/framework/views"
    return sorted(p.name for p in directory.iterdir()) if directory.exists() else []


def count_compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    original = BladeCompiler.compile_string

    def counting(self: BladeCompiler, source: str, name: str | None = None) -> str:
        seen.append(name or "")
        return original(self, source, name)

    monkeypatch.setattr(BladeCompiler, "compile_string", counting)
    return seen


def test_bindings_and_facades(view_app: t.Any, tmp_path: Path) -> None:
    from protevus.facades import Blade
    from protevus.facades import View

    app = view_app({"a.blade.html": "@shout(x)"})
    factory = app.make("view")
    assert isinstance(factory, Factory) and app.make("view") is factory
    assert isinstance(app.make("view.finder"), FileViewFinder)
    assert app.make("view.finder") is factory.get_finder()
    assert factory.get_finder().get_paths() == [str(tmp_path / "resources/views")]
    assert isinstance(app.make("blade.compiler"), BladeCompiler)
    assert app.make("blade.compiler") is factory.environment.blade_compiler  # type: ignore[attr-defined]
    Blade.directive("shout", lambda expression: "{{ (" + str(expression) + ")|upper }}")
    assert View.make("a", x="hey").render() == "HEY"
    assert View.exists("a") and not View.exists("b")


def test_environment_is_built_once_with_autoescape_and_trim_blocks(
    view_app: t.Any,
) -> None:
    factory = view_app({"a.blade.html": "", "mail.txt": ""}).make("view")
    environment = factory.environment
    assert factory.environment is environment
    assert environment.trim_blocks is True
    assert environment.auto_reload is False
    assert environment.autoescape("x.blade.html") and environment.autoescape("x.html")  # type: ignore[operator]
    assert not environment.autoescape("mail.txt")  # type: ignore[operator]


def test_compiled_templates_persist_and_are_reused_by_the_next_process(
    view_app: t.Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiles = count_compiles(monkeypatch)
    first = view_app({"a.blade.html": "@if(x)yes @endif"})
    assert first.make("view").make("a", x=True).render() == "yes "
    assert compiles == ["a.blade.html"]
    stored = compiled_files(tmp_path)
    assert len(stored) == 1 and stored[0].endswith(".jinja.cache")

    second = view_app()
    assert second.make("view").make("a", x=True).render() == "yes "
    assert compiles == ["a.blade.html"]  # loaded from storage/framework/views
    assert compiled_files(tmp_path) == stored


def test_a_new_translator_version_misses_the_cache(
    view_app: t.Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiles = count_compiles(monkeypatch)
    view_app({"a.blade.html": "{{ x }}"}).make("view").make("a", x=1).render()
    before = compiled_files(tmp_path)
    monkeypatch.setattr("protevus.view.blade.compiler.TRANSLATOR_VERSION", "999-test")
    assert view_app().make("view").make("a", x=2).render() == "2"
    assert len(compiles) == 2
    after = compiled_files(tmp_path)
    assert len(after) == 2 and set(before) < set(after)


def test_a_custom_directive_changes_the_cache_key(
    view_app: t.Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiles = count_compiles(monkeypatch)
    view_app({"a.blade.html": "{{ x }}"}).make("view").make("a", x=1).render()
    app = view_app()
    app.make("blade.compiler").directive("hello", lambda expression: "hello")
    app.make("view").make("a", x=1).render()
    assert len(compiles) == 2 and len(compiled_files(tmp_path)) == 2


def test_templates_reload_when_changed_only_in_debug(
    view_app: t.Any, tmp_path: Path
) -> None:
    for debug, expected in ((True, "two"), (False, "one")):
        path = tmp_path / "resources/views/page.blade.html"
        app = view_app({"page.blade.html": "one"}, debug=debug)
        factory = app.make("view")
        assert factory.environment.auto_reload is debug
        assert factory.make("page").render() == "one"
        path.write_text("two")
        stat = path.stat()
        os.utime(path, (stat.st_atime, stat.st_mtime + 5))
        assert factory.make("page").render() == expected


def test_an_unwritable_compiled_path_still_renders(
    view_app: t.Any, tmp_path: Path
) -> None:
    (tmp_path / "blocked").write_text("a file, not a directory")
    app = view_app(
        {"a.blade.html": "ok"},
        files={"config/view.py": "config = {'compiled': 'blocked/views'}\n"},
    )
    factory = app.make("view")
    assert factory.environment.bytecode_cache is None
    assert factory.make("a").render() == "ok"


def test_configured_paths_are_relative_to_the_base_path(view_app: t.Any) -> None:
    app = view_app(
        files={
            "config/view.py": "config = {'paths': ['templates', 'resources/views']}\n",
            "templates/first.html": "from templates",
            "resources/views/first.html": "from resources",
        }
    )
    assert app.make("view").make("first").render() == "from templates"


def test_commands_are_registered(view_app: t.Any) -> None:
    app = view_app()
    artisan = app.make("artisan").group()
    assert all(
        artisan.has(name) for name in ("view:cache", "view:clear", "make:component")
    )
