"""``view:cache`` and ``view:clear`` (Laravel: ViewCacheCommand, ViewClearCommand)."""

from __future__ import annotations

import typing as t
from pathlib import Path

import pytest

from protevus.view.blade.compiler import BladeCompiler


def call(app: t.Any, command: str) -> tuple[int, str]:
    kernel = app.make("artisan")
    code = kernel.call(command, {})
    return code, kernel.output()


def compiled(tmp_path: Path) -> list[str]:
    directory = tmp_path / "storage/framework/views"
    return sorted(p.name for p in directory.iterdir()) if directory.exists() else []


VIEWS = {
    "layouts/app.blade.html": "<main>@yield('content')</main>",
    "posts/index.blade.html": "@extends('layouts.app')\n@section('content')\n{{ title }}\n@endsection\n",
    "plain.html": "{% if x %}{{ x }}{% endif %}",
    "notes.txt": "not a view",
}


def test_view_cache_compiles_every_template_and_the_next_render_reuses_it(
    view_app: t.Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mail = tmp_path / "mail"
    mail.mkdir()
    (mail / "welcome.blade.html").write_text("Hi {{ name }}")
    app = view_app(VIEWS)
    app.make("view").add_namespace("mail", str(mail))
    code, out = call(app, "view:cache")
    assert code == 0, out
    assert "Blade templates cached successfully (4 compiled)." in out
    assert len(compiled(tmp_path)) == 4

    seen: list[str | None] = []
    original = BladeCompiler.compile_string

    def counting(self: BladeCompiler, source: str, name: str | None = None) -> str:
        seen.append(name)
        return original(self, source, name)

    monkeypatch.setattr(BladeCompiler, "compile_string", counting)
    fresh = view_app()
    assert (
        fresh.make("view").make("posts.index", title="T").render().strip()
        == "<main>T\n</main>"
    )
    assert seen == []


def test_view_cache_names_the_broken_view_and_line(
    view_app: t.Any, tmp_path: Path
) -> None:
    app = view_app(
        {
            "good.blade.html": "fine",
            "posts/broken.blade.html": "<p>\n@if(x)\nopen\n",
            "bad_jinja.html": "line\n{% if %}",
        }
    )
    code, out = call(app, "view:cache")
    assert code == 1
    assert "View [posts.broken] could not be compiled" in out
    assert "line 2" in out
    assert "View [bad_jinja] could not be compiled, line 2:" in out
    assert "cached successfully" not in out


def test_view_cache_without_a_compiled_path_fails_clearly(view_app: t.Any) -> None:
    app = view_app(VIEWS, files={"config/view.py": "config = {'compiled': None}\n"})
    code, out = call(app, "view:cache")
    assert code == 1 and "set config('view.compiled')" in out


def test_view_clear_empties_the_compiled_directory_but_keeps_dotfiles(
    view_app: t.Any, tmp_path: Path
) -> None:
    app = view_app(VIEWS)
    assert call(app, "view:cache")[0] == 0
    directory = tmp_path / "storage/framework/views"
    (directory / ".gitignore").write_text("*\n")
    code, out = call(app, "view:clear")
    assert code == 0 and "Compiled views cleared successfully." in out
    assert compiled(tmp_path) == [".gitignore"]
    # The next render writes its compiled template again.
    app.make("view").make("plain", x=1).render()
    assert len(compiled(tmp_path)) == 2


def test_view_clear_without_a_compiled_path_fails_clearly(view_app: t.Any) -> None:
    app = view_app(files={"config/view.py": "config = {'compiled': ''}\n"})
    code, out = call(app, "view:clear")
    assert code == 1 and "View path not found." in out
