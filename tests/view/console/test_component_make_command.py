"""``make:component`` (Laravel: ComponentMakeCommand)."""

from __future__ import annotations

import importlib
import sys
import typing as t
from pathlib import Path

import jinja2

from protevus.view.blade.extension import BladeExtension
from protevus.view.console.component_make_command import ComponentMakeCommand


def call(app: t.Any, parameters: dict[str, t.Any]) -> tuple[int, str]:
    kernel = app.make("artisan")
    kernel.register_command(ComponentMakeCommand)
    code = kernel.call("make:component", parameters)
    return code, kernel.output()


def test_creates_the_class_and_its_view(make_app: t.Any, tmp_path: Path) -> None:
    app = make_app()
    code, out = call(app, {"name": "Forms/InputField"})
    assert code == 0
    assert (
        "Component [app/view/components/forms/input_field.py] created successfully."
        in out
    )
    assert (
        "View [resources/views/components/forms/input-field.blade.html] created successfully."
        in out
    )
    source = (tmp_path / "app/view/components/forms/input_field.py").read_text()
    assert "class InputField(Component):" in source
    assert 'return "components.forms.input-field"' in source
    assert "<x-forms.input-field/>" in source
    view = (
        tmp_path / "resources/views/components/forms/input-field.blade.html"
    ).read_text()
    assert "{{ attributes }}" in view and "{{ slot }}" in view

    code, out = call(app, {"name": "Forms/InputField"})
    assert code == 1 and "Component already exists." in out
    code, out = call(app, {"name": "Forms/InputField", "--force": True})
    assert code == 0 and "View [resources" in out


def test_the_generated_component_renders(
    make_app: t.Any, tmp_path: Path, monkeypatch: t.Any
) -> None:
    for name in [n for n in sys.modules if n == "app" or n.startswith("app.")]:
        monkeypatch.delitem(sys.modules, name)
    app = make_app()
    call(app, {"name": "Alert"})
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    try:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(tmp_path / "resources/views")),
            extensions=[BladeExtension],
            autoescape=True,
        )
        (tmp_path / "resources/views/page.blade.html").write_text(
            '<x-alert class="a">Hi</x-alert>'
        )
        html = env.get_template("page.blade.html").render()
        assert " ".join(html.split()) == '<div class="a"> Hi </div>'
    finally:
        for name in [n for n in sys.modules if n == "app" or n.startswith("app.")]:
            del sys.modules[name]


def test_inline_and_view_only(make_app: t.Any, tmp_path: Path) -> None:
    app = make_app()
    code, out = call(app, {"name": "Badge", "--inline": True})
    assert code == 0 and "View [" not in out
    source = (tmp_path / "app/view/components/badge.py").read_text()
    assert "<div {{ attributes }}>" in source and "class Badge(Component):" in source
    assert not (tmp_path / "resources/views/components/badge.blade.html").exists()

    code, out = call(app, {"name": "ui.user-card", "--view": True})
    assert code == 0
    assert (
        "View [resources/views/components/ui/user-card.blade.html] created successfully."
        in out
    )
    assert not (tmp_path / "app/view/components/ui").exists()
    code, out = call(app, {"name": "ui.user-card", "--view": True})
    assert code == 1 and "View already exists." in out
    code, out = call(app, {"name": "bad name!", "--view": True})
    assert code == 1 and 'The name "bad name!" is not a valid component name.' in out
