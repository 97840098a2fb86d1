"""The Blade facade reaches the app's compiler: directives, conditions and components."""

from __future__ import annotations

import typing as t

import pytest


def test_blade_facade_registers_directives_conditions_and_components(
    view_app: t.Any,
) -> None:
    from protevus.facades import Blade
    from protevus.view.component import Component

    class Badge(Component):
        def __init__(self, label: str = "") -> None:
            self.label = label

        def render(self) -> str:
            return "<span class='badge'>{{ label }}</span>"

    app = view_app(
        {
            "page.blade.html": (
                "@upper('hi') @admin(user) yes @else no @endadmin "
                '<x-badge label="new"/> <x-pill/>'
            ),
            "widgets/pill.blade.html": "<i>pill</i>",
        }
    )
    Blade.directive("upper", lambda expression: "{{ (" + expression + ").upper() }}")
    Blade.if_("admin", lambda user: user == "root")
    Blade.component("badge", Badge)
    Blade.component("pill", "widgets.pill")
    out = str(app.make("view").make("page", {"user": "root"}).render())
    assert out == "HI  yes  <span class='badge'>new</span> <i>pill</i>"


def test_blade_component_needs_an_environment() -> None:
    from protevus.view.blade.compiler import BladeCompiler

    with pytest.raises(RuntimeError, match="add BladeExtension"):
        BladeCompiler().component("x", "y")
