"""Render Blade components through a real Jinja environment (Laravel: component rendering tests)."""

from __future__ import annotations

import importlib
import pathlib
import sys
import textwrap
import traceback
import typing as t
import uuid

import jinja2
import pytest

from protevus.view.blade.component_runtime import ComponentRuntime
from protevus.view.blade.extension import BladeExtension
from protevus.view.component import Component
from protevus.view.exceptions import ViewError

Factory = t.Callable[..., jinja2.Environment]


@pytest.fixture
def make_env(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> t.Iterator[Factory]:
    package = f"blade_components_{uuid.uuid4().hex[:8]}"
    views = tmp_path / "views"
    code = tmp_path / "code"

    def factory(
        templates: dict[str, str], classes: dict[str, str] | None = None
    ) -> jinja2.Environment:
        for name, source in templates.items():
            path = views / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(source)
        for name, source in (classes or {}).items():
            path = code / package / "view" / "components" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(source))
        monkeypatch.syspath_prepend(str(code))
        importlib.invalidate_caches()
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(views)),
            extensions=[BladeExtension],
            autoescape=True,
        )
        env.blade_component_namespace = f"{package}.view.components"  # type: ignore[attr-defined]
        env.extend(test_views=views)
        return env

    yield factory
    for name in list(sys.modules):
        if name == package or name.startswith(package + "."):
            del sys.modules[name]


def render(env: jinja2.Environment, source: str, **data: t.Any) -> str:
    path = t.cast(pathlib.Path, env.test_views)  # type: ignore[attr-defined]
    path.mkdir(parents=True, exist_ok=True)
    (path / "page.blade.html").write_text(source)
    return env.get_template("page.blade.html").render(**data)


def squash(text: str) -> str:
    return " ".join(text.split())


ALERT = (
    "@props(['type' => 'info', 'message'])\n"
    "<div {{ attributes.merge({'class': 'alert alert-' ~ type}) }}>{{ message }}{{ slot }}</div>\n"
)


def test_anonymous_component_props_defaults_and_attribute_bag(
    make_env: Factory,
) -> None:
    env = make_env({"components/alert.blade.html": ALERT})
    html = render(
        env,
        '<x-alert type="error" :message="msg" class="mt-4" id="a" />\n<x-alert message="plain"/>',
        msg="Saved!",
    )
    assert squash(html) == (
        '<div class="alert alert-error mt-4" id="a">Saved!</div> '
        '<div class="alert alert-info">plain</div>'
    )


def test_attribute_values_are_escaped(make_env: Factory) -> None:
    env = make_env({"components/alert.blade.html": ALERT})
    evil = '"><script>alert(1)</script>'
    html = render(
        env,
        '<x-alert :message="evil" :title="evil" data-x="a {{ evil }} b" />',
        evil=evil,
    )
    assert "<script>" not in html
    assert (
        'title="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" '
        'data-x="a &#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt; b"'
    ) in html
    assert ">&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</div>" in html


def test_class_helper_boolean_attributes_and_kebab_props(make_env: Factory) -> None:
    env = make_env(
        {
            "components/input.blade.html": (
                "@props({'message_type': 'none', 'has_error': False})\n"
                "<input {{ attributes.class_({'input': True, 'is-invalid': has_error}) }} data-type=\"{{ message_type }}\">"
            )
        }
    )
    html = render(
        env,
        '<x-input required :disabled="False" :readonly="None" message-type="warn" :has-error="True" ::value="x" />',
    )
    assert (
        html.strip()
        == '<input class="input is-invalid" required :value="x" data-type="warn">'
    )


def test_default_and_named_slots_with_attributes(make_env: Factory) -> None:
    env = make_env(
        {
            "components/card.blade.html": (
                "<section>\n"
                "@if(title is defined)<h1 {{ title.attributes.merge({'class': 'title'}) }}>{{ title }}</h1>@endif\n"
                "<main>{{ slot }}</main>\n"
                "@if(footer is defined and footer.has_actual_content())<footer>{{ footer }}</footer>@endif\n"
                "{{ 'empty' if slot.is_empty() else 'full' }}\n"
                "</section>\n"
            )
        }
    )
    html = render(
        env,
        "<x-card>\n"
        '  <x-slot:title class="big">Hello {{ name }}</x-slot>\n'
        "  Body <b>{{ name }}</b>\n"
        '  <x-slot name="footer"> <!-- nothing --> </x-slot>\n'
        "</x-card>\n<x-card/>",
        name="<Ann>",
    )
    assert squash(html) == (
        '<section> <h1 class="title big">Hello &lt;Ann&gt;</h1> '
        "<main>Body <b>&lt;Ann&gt;</b></main> full </section> "
        "<section> <main></main> empty </section>"
    )


def test_slot_content_sees_loop_variables_and_nested_same_name_components(
    make_env: Factory,
) -> None:
    env = make_env({"components/box.blade.html": "[{{ label }}:{{ slot }}]"})
    html = render(
        env,
        '@foreach(items as item)<x-box :label="loop.iteration"><x-box label="in">{{ item }}</x-box></x-box>@endforeach',
        items=["a", "b"],
    )
    assert html == "[1:[in:a]][2:[in:b]]"


def test_nested_dot_names_index_and_same_name_folder(make_env: Factory) -> None:
    env = make_env(
        {
            "components/forms/input.blade.html": "input:{{ name }}",
            "components/card/index.blade.html": "card-index",
            "components/accordion/accordion.blade.html": "accordion",
            "components/accordion/item.blade.html": "item",
        }
    )
    html = render(
        env,
        '<x-forms.input name="email"/> <x-card/> <x-accordion/> <x-accordion.item/>',
    )
    assert html == "input:email card-index accordion item"


def test_dynamic_component(make_env: Factory) -> None:
    env = make_env(
        {
            "components/alert.blade.html": ALERT,
            "components/badge.blade.html": "badge:{{ slot }}",
        }
    )
    html = render(
        env,
        '@foreach(kinds as kind)<x-dynamic-component :component="kind" message="m">s</x-dynamic-component>@endforeach',
        kinds=["alert", "badge"],
    )
    assert html == '\n<div class="alert alert-info">ms</div>badge:s'


def test_components_do_not_see_the_parent_templates_variables_but_see_globals(
    make_env: Factory,
) -> None:
    env = make_env(
        {
            "components/probe.blade.html": (
                "{{ secret if secret is defined else 'isolated' }} {{ site }} {{ component_name }}"
            )
        }
    )
    env.globals["site"] = "Shop"
    assert render(env, "<x-probe/>", secret="leak") == "isolated Shop probe"


def test_aware_reads_the_enclosing_components_attributes(make_env: Factory) -> None:
    env = make_env(
        {
            "components/menu.blade.html": "@props(['color' => 'gray'])<ul class=\"{{ color }}\">{{ slot }}</ul>",
            "components/menu/item.blade.html": "@aware(['color' => 'gray'])<li class=\"{{ color }}\">{{ slot }}</li>",
        }
    )
    html = render(
        env,
        '<x-menu color="purple"><x-menu.item>a</x-menu.item></x-menu><x-menu><x-menu.item>b</x-menu.item></x-menu><x-menu.item>c</x-menu.item>',
    )
    assert html == (
        '<ul class="purple"><li class="purple">a</li></ul>'
        '<ul class="gray"><li class="gray">b</li></ul><li class="gray">c</li>'
    )


def test_forwarding_attributes_and_class_directive_on_a_tag(make_env: Factory) -> None:
    env = make_env(
        {
            "components/button.blade.html": "<button {{ attributes.merge({'class': 'btn'}) }}>{{ slot }}</button>",
            "components/danger.blade.html": '<x-button class="danger" {{ attributes }}>{{ slot }}</x-button>',
        }
    )
    html = render(
        env,
        '<x-danger id="d" class="big">Go</x-danger><x-button @class(["a", {"b": on}])>x</x-button>',
        on=True,
    )
    assert html == (
        '<button class="btn danger big" id="d">Go</button><button class="btn a b">x</button>'
    )


ALERT_CLASS = """
from protevus.view.component import Component


class Alert(Component):
    def __init__(self, message, message_type="info", dismissible=False):
        self.message = message
        self.message_type = message_type
        self.dismissible = dismissible

    def css(self):
        return "alert-" + self.message_type

    def is_type(self, value):
        return value == self.message_type

    def render(self):
        return "components.alert"
"""


def test_class_component_with_arguments_methods_and_attributes(
    make_env: Factory,
) -> None:
    env = make_env(
        {
            "components/alert.blade.html": (
                "<div {{ attributes.merge({'class': css}) }}>{{ message }}|{{ css() }}|"
                "{{ is_type('error') }}|{{ dismissible }}|{{ component.message_type }}|{{ slot }}</div>"
            )
        },
        {"alert.py": ALERT_CLASS},
    )
    html = render(
        env,
        '<x-alert :message="msg" message-type="error" dismissible class="mt-4">S</x-alert>',
        msg="<hi>",
    )
    assert (
        html
        == '<div class="alert-error mt-4">&lt;hi&gt;|alert-error|True|True|error|S</div>'
    )


def test_class_component_render_variants_and_should_render(make_env: Factory) -> None:
    env = make_env(
        {"components/named.blade.html": "named {{ label }}"},
        {
            "inline.py": """
                from protevus.view.component import Component

                class Inline(Component):
                    label = "L"

                    def render(self):
                        return "<b>{{ label }}</b> @if(slot.is_not_empty()){{ slot }}@endif"
            """,
            "call.py": """
                from protevus.view.component import Component

                class Call(Component):
                    def render(self):
                        return lambda data: "components.named" if data["attributes"].has("named") else "<i>{{ component_name }}</i>"
            """,
            "hidden.py": """
                from protevus.view.component import Component

                class Hidden(Component):
                    def should_render(self):
                        return False

                    def render(self):
                        raise AssertionError("not rendered")
            """,
            "nested/deep_thing.py": """
                from protevus.view.component import Component

                class DeepThing(Component):
                    def __init__(self, label="deep"):
                        self.label = label

                    def render(self):
                        return "components.named"
            """,
        },
    )
    html = render(
        env,
        "<x-inline>s</x-inline>|<x-inline/>|<x-call/>|<x-call named label='x'/>|<x-hidden/>|<x-nested.deep-thing/>",
    )
    assert html == "<b>L</b> s|<b>L</b> |<i>call</i>|named ||named deep"


def test_class_component_errors(make_env: Factory) -> None:
    env = make_env(
        {},
        {
            "alert.py": ALERT_CLASS,
            "broken.py": "import missing_dependency_xyz\n",
            "plain.py": "class Plain:\n    pass\n",
            "lost.py": """
                from protevus.view.component import Component

                class Lost(Component):
                    def render(self):
                        return "components.nowhere"
            """,
            "odd.py": """
                from protevus.view.component import Component

                class Odd(Component):
                    def render(self):
                        return 42
            """,
        },
    )
    with pytest.raises(
        ViewError, match=r"The component \[alert\] needs the attribute \[message\]"
    ):
        render(env, "<x-alert/>")
    with pytest.raises(ModuleNotFoundError, match="missing_dependency_xyz"):
        render(env, "<x-broken/>")
    with pytest.raises(
        ViewError,
        match=r"of component \[plain\] must extend protevus.view.component.Component",
    ):
        render(env, "<x-plain/>")
    with pytest.raises(
        ViewError,
        match=r"The view \[components.nowhere\] returned by the render\(\) of component \[lost\] was not found",
    ):
        render(env, "<x-lost/>")
    with pytest.raises(ViewError, match=r"returned \[42\] from render\(\)"):
        render(env, "<x-odd/>")


def test_unknown_component_names_the_class_and_views_looked_for(
    make_env: Factory,
) -> None:
    env = make_env({})
    namespace = env.blade_component_namespace  # type: ignore[attr-defined]
    with pytest.raises(ViewError) as caught:
        render(env, "<x-forms.text-input/>")
    assert str(caught.value) == (
        "Unable to locate a class or view for component [forms.text-input]. Looked for "
        f"the class [{namespace}.forms.text_input.TextInput] and the views "
        "[components/forms/text-input.blade.html, components/forms/text-input/index.blade.html, "
        "components/forms/text-input/text-input.blade.html]."
    )
    with pytest.raises(ViewError, match=r"The component name \[\.\./x\] is not valid"):
        render(env, '<x-dynamic-component component="../x"/>')


def test_manual_registration_and_anonymous_paths(
    make_env: Factory, tmp_path: pathlib.Path
) -> None:
    env = make_env(
        {
            "components/alert.blade.html": ALERT,
            "vendor/ui/panel.blade.html": "panel {{ slot }}",
            "vendor/ui/plain.blade.html": "plain",
        }
    )
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "widget.blade.html").write_text("widget {{ size }}")

    class Fancy(Component):
        def __init__(self, level: str = "1") -> None:
            self.level = level

        def render(self) -> str:
            return "fancy {{ level }}"

    runtime = t.cast(ComponentRuntime, env.blade_components)  # type: ignore[attr-defined]
    runtime.component("fancy", Fancy)
    runtime.component(Fancy, "fancier")
    runtime.component("notice", "components.alert")
    runtime.anonymous_component_path("vendor/ui", "ui")
    runtime.anonymous_component_path("vendor/ui")
    runtime.anonymous_component_path(str(outside), "out")
    runtime.component_namespace(env.blade_component_namespace, "app")  # type: ignore[attr-defined]
    html = render(
        env,
        '<x-fancy level="2"/>|<x-fancier/>|<x-notice message="n"/>|<x-ui::panel>p</x-ui::panel>|'
        '<x-plain/>|<x-out::widget size="xl"/>',
    )
    assert html == (
        'fancy 2|fancy 1|\n<div class="alert alert-info">n</div>|panel p|plain|widget xl'
    )
    runtime.component(Fancy)
    assert render(env, "<x-fancy/>") == "fancy 1"
    runtime.component("missing", "components.none")
    with pytest.raises(
        ViewError,
        match=r"registered as the view \[components.none\], which was not found",
    ):
        render(env, "<x-missing/>")
    runtime.component("gone", "nowhere_pkg_xyz.Gone")
    with pytest.raises(
        ViewError,
        match=r"registered as \[nowhere_pkg_xyz.Gone\], which cannot be imported",
    ):
        render(env, "<x-gone/>")
    with pytest.raises(ValueError, match=r"The component \[x\] needs a class"):
        runtime.component(None, "x")
    with pytest.raises(ValueError, match="needs a tag name"):
        runtime.component(123)


def test_names_are_resolved_once(
    make_env: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = make_env({"components/row.blade.html": "{{ n }}"})
    calls: list[str] = []
    lookup = ComponentRuntime._lookup

    def counting(self: ComponentRuntime, name: str) -> t.Any:
        calls.append(name)
        return lookup(self, name)

    monkeypatch.setattr(ComponentRuntime, "_lookup", counting)
    html = render(env, "@foreach(range(100) as n)<x-row :n='n'/>@endforeach")
    assert html == "".join(str(n) for n in range(100))
    assert calls == ["row"]
    t.cast(ComponentRuntime, env.blade_components).flush()  # type: ignore[attr-defined]
    render(env, "<x-row n='1'/>")
    assert calls == ["row", "row"]


def test_errors_inside_tags_point_at_the_blade_line(make_env: Factory) -> None:
    env = make_env({"components/box.blade.html": "{{ slot }}"})
    source = 'a\n<x-box\n   class="x">\n<x-box :n="1 // zero"/>\n</x-box>\n'
    with pytest.raises(ZeroDivisionError) as caught:
        render(env, source, zero=0)
    frames = [
        f
        for f in traceback.extract_tb(caught.value.__traceback__)
        if f.filename.endswith("page.blade.html")
    ]
    assert frames[-1].lineno == 4


def test_render_may_return_a_template_or_a_view_object(make_env: Factory) -> None:
    env = make_env(
        {
            "components/plain.blade.html": "@props(['size' => 'm']){{ size }}|{{ attributes }}"
        }
    )

    class FromTemplate(Component):
        def render(self) -> t.Any:
            return env.from_string("tpl {{ slot }}")

    class ViewLike:
        def __init__(self, data: dict[str, t.Any] | None = None) -> None:
            self.data = data or {}

        def with_(self, data: dict[str, t.Any]) -> ViewLike:
            return ViewLike({**self.data, **data})

        def render(self) -> str:
            return f"view {self.data['slot']}"

    class FromView(Component):
        def render(self) -> t.Any:
            return ViewLike()

    runtime = t.cast(ComponentRuntime, env.blade_components)  # type: ignore[attr-defined]
    runtime.components({"tpl": FromTemplate, "viewish": FromView})
    assert render(env, "<x-tpl>a</x-tpl>|<x-viewish>b</x-viewish>") == "tpl a|view b"
    # A component view rendered on its own still gets its prop defaults.
    assert env.get_template("components/plain.blade.html").render() == "m|"


def test_written_attribute_text_prints_once_and_bound_values_are_escaped(
    make_env: Factory,
) -> None:
    env = make_env(
        {
            "components/link.blade.html": "<a {{ attributes }}>{{ slot }}</a>",
            "components/titled.blade.html": "@props(['title'])<b>{{ title }}</b>",
            "page.blade.html": (
                '<x-link title="Tom &amp; Jerry" href="/s?a=1&amp;b=2" :label="bad"'
                ' data-x="a &amp; {{ bad }}">go</x-link>'
                '<x-titled title="Tom &amp; Jerry"/><x-titled :title="bad"/>'
            ),
        }
    )
    out = env.get_template("page.blade.html").render(bad='<script>"x"')
    assert (
        '<a title="Tom &amp; Jerry" href="/s?a=1&amp;b=2" '
        'label="&lt;script&gt;&#34;x&#34;" data-x="a &amp; &lt;script&gt;&#34;x&#34;">go</a>'
    ) in out
    # inside the component a prop is a string like any other: {{ }} escapes it
    assert "<b>Tom &amp;amp; Jerry</b>" in out
    assert "<b>&lt;script&gt;&#34;x&#34;</b>" in out
