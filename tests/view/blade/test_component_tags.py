"""Golden tests: component tags and @props/@aware → Jinja (Laravel: ComponentTagCompiler tests)."""

from __future__ import annotations

import pytest

from protevus.view.blade.compiler import BladeCompiler
from protevus.view.blade.component_tag_compiler import compile_component_tags
from protevus.view.exceptions import BladeSyntaxError


def compile_(source: str) -> str:
    return BladeCompiler().compile_string(source, "page.blade.html")


@pytest.mark.parametrize(
    ("blade", "jinja"),
    [
        (
            '<x-alert type="error" :message="msg" class="mt-4" />',
            '{{ (blade_render_component("alert", {"type": "error", "message": (msg), "class": "mt-4"}, none, ("type", "class",)))|blade_e }}',
        ),
        ("<x-alert/>", '{{ (blade_render_component("alert", {}))|blade_e }}'),
        (
            "<x-input required disabled=false />",
            '{{ (blade_render_component("input", {"required": true, "disabled": "false"}, none, ("disabled",)))|blade_e }}',
        ),
        (
            '<x-button ::class="{ active: on }" @click="go" x-on:keyup.enter="go" />',
            '{{ (blade_render_component("button", {":class": "{ active: on }", "@click": "go", "x-on:keyup.enter": "go"}, none, ("@click", "x-on:keyup.enter",)))|blade_e }}',
        ),
        (
            "<x-link title='Say \"hi\" {{ name }}!' />",
            '{{ (blade_render_component("link", {"title": blade_authored("Say \\"hi\\" ", (name)|blade_e, "!")}))|blade_e }}',
        ),
        (
            '<x-raw html="{!! markup !!}" />',
            '{{ (blade_render_component("raw", {"html": blade_authored((markup)|blade_raw)}))|blade_e }}',
        ),
        (
            "<x-forms.input-field />",
            '{{ (blade_render_component("forms.input-field", {}))|blade_e }}',
        ),
        (
            "<x-ui::panel />",
            '{{ (blade_render_component("ui::panel", {}))|blade_e }}',
        ),
        (
            '<x-dynamic-component :component="kind" class="x" />',
            '{{ (blade_render_component((kind), {"class": "x"}, none, ("class",)))|blade_e }}',
        ),
        (
            '<x-dynamic-component component="alert" />',
            '{{ (blade_render_component("alert", {}))|blade_e }}',
        ),
        (
            "<x-button @class(['p-4', {'bold': on}]) {{ attributes }} />",
            '{{ (blade_render_component("button", {"class": blade_classes([\'p-4\', {\'bold\': on}]), "attributes": (attributes)}))|blade_e }}',
        ),
        (
            "<x-box @style(['color: red']) />",
            '{{ (blade_render_component("box", {"style": blade_styles([\'color: red\'])}))|blade_e }}',
        ),
        (
            "<x-card>Body {{ x }}</x-card>",
            '{% set __blade_x1 = blade_component("card", {}) %}{% set __blade_x1_slot %}Body {{ (x)|blade_e }}'
            "{% endset %}{{ (__blade_x1.render(__blade_x1_slot))|blade_e }}",
        ),
        (
            '<x-card><x-slot:title class="b">T</x-slot>B</x-card>',
            '{% set __blade_x1 = blade_component("card", {}) %}{% set __blade_x1_slot %}'
            '{% set __blade_x2_slot %}T{% endset %}{% set __blade_x2_slot = __blade_x1.slot("title", __blade_x2_slot, {"class": blade_authored("b")}) %}'
            "B{% endset %}{{ (__blade_x1.render(__blade_x1_slot))|blade_e }}",
        ),
        (
            '<x-card><x-slot name="card-footer">F</x-slot:card-footer><x-slot:aside/></x-card>',
            '{% set __blade_x1 = blade_component("card", {}) %}{% set __blade_x1_slot %}'
            '{% set __blade_x2_slot %}F{% endset %}{% set __blade_x2_slot = __blade_x1.slot("card_footer", __blade_x2_slot) %}'
            '{% set __blade_x3_slot = __blade_x1.slot("aside", "") %}'
            "{% endset %}{{ (__blade_x1.render(__blade_x1_slot))|blade_e }}",
        ),
        (
            "<x-menu><x-menu><x-item/></x-menu></x-menu>",
            '{% set __blade_x1 = blade_component("menu", {}) %}{% set __blade_x1_slot %}{% set __blade_x2 = blade_component("menu", {}, __blade_x1) %}{% set __blade_x2_slot %}{{ (blade_render_component("item", {}, __blade_x2))|blade_e }}{% endset %}{{ (__blade_x2.render(__blade_x2_slot))|blade_e }}{% endset %}{{ (__blade_x1.render(__blade_x1_slot))|blade_e }}',
        ),
    ],
)
def test_component_tags(blade: str, jinja: str) -> None:
    assert compile_(blade) == jinja


@pytest.mark.parametrize(
    ("blade", "jinja"),
    [
        (
            "@props(['type' => 'info', 'message'])",
            '{% set attributes, type, message = blade_props(("type", "message"), {"type": (\'info\')}) %}',
        ),
        (
            "@props({'type': 'info', 'message': None})",
            '{% set attributes, type, message = blade_props(("type", "message"), {"type": (\'info\'), "message": (None)}) %}',
        ),
        (
            "@props(['message-type'])",
            '{% set attributes, message_type = blade_props(("message_type",), {}) %}',
        ),
        (
            "@props(['items' => [1, 2], \"size\"])",
            '{% set attributes, items, size = blade_props(("items", "size"), {"items": ([1, 2])}) %}',
        ),
        ("@props([])", "{% set attributes = blade_props((), {})[0] %}"),
        (
            "@aware(['color' => 'gray', 'size'])",
            '{% set color = blade_aware("color", (\'gray\')) %}{% set size = blade_aware("size") %}',
        ),
    ],
)
def test_props_and_aware_directives(blade: str, jinja: str) -> None:
    assert compile_(blade) == jinja


def test_multi_line_tags_keep_every_newline_in_place() -> None:
    source = (
        '<p>\n<x-alert\n    type="a"\n    :items="[\n1]"\n/>\n<x-card\n  class="c">\n'
        '<x-slot:title\n class="t">T\n</x-slot>\nbody\n</x-card\n>\nend {{ x }}\n'
    )
    compiled = compile_(source)
    assert compiled.count("\n") == source.count("\n")
    assert compiled.splitlines()[-1] == "end {{ (x)|blade_e }}"
    assert compiled.splitlines()[0] == "<p>"
    assert compiled.splitlines()[source.splitlines().index("body")] == "body"


def test_tags_in_comments_verbatim_raw_and_echoes_are_left_alone() -> None:
    source = (
        "{{-- <x-a/> --}}@verbatim <x-b/> @endverbatim{% raw %}<x-c/>{% endraw %}"
        "{# <x-d/> #}{{ '<x-e/>' }}@{{ <x-f/> }}<xx-g/><x-/>"
    )
    assert compile_component_tags(source, "p") == source


def test_the_compiler_only_calls_the_tag_compiler_for_x_tags() -> None:
    assert compile_("<p>x</p>") == "<p>x</p>"


@pytest.mark.parametrize(
    ("blade", "message", "line"),
    [
        (
            "a\n<x-alert>\nb",
            "The component tag [<x-alert>] opened on line 2 is never closed with [</x-alert>]",
            3,
        ),
        (
            "<x-card>\n<x-slot:title>\n</x-card>",
            "The closing tag [</x-card>] has no matching opening tag inside [<x-slot>]",
            3,
        ),
        (
            "<x-a>\n</x-b>",
            "The closing tag [</x-b>] does not match [<x-a>] opened on line 1",
            2,
        ),
        ("\n</x-a>", "The closing tag [</x-a>] has no matching opening tag", 2),
        (
            "<x-slot:title>x</x-slot>",
            "The tag [<x-slot>] cannot be used outside a component",
            1,
        ),
        (
            "<x-a><x-slot:t><x-slot:u>x</x-slot></x-slot></x-a>",
            "The tag [<x-slot>] cannot be used inside another [<x-slot>]",
            1,
        ),
        ("<x-a>\n<x-slot>x</x-slot></x-a>", "The tag [<x-slot>] needs a name", 2),
        (
            "<x-a>\n\n</x-slot></x-a>",
            "The closing tag [</x-slot>] has no matching [<x-slot>]",
            3,
        ),
        (
            "<x-a><x-slot:t>x</x-a>",
            "The closing tag [</x-a>] has no matching opening tag inside [<x-slot>]",
            1,
        ),
        ('<x-a b="c', 'The value of the attribute [b] is never closed with ["]', 1),
        ("\n<x-a b", "The component tag [<x-a>] is never closed with [>]", 2),
        ("<x-a :b />", "The bound attribute [:b] needs an expression", 1),
        ('<x-a :b="" />', "The bound attribute [:b] needs an expression", 1),
        ("<x-a b= />", "The attribute [b] has no value after [=]", 1),
        ("<x-a ! />", "The component tag [<x-a>] has an unexpected character [!]", 1),
        ("</x-a b>", "The closing tag [</x-a>] cannot have attributes", 1),
        (
            '<x-dynamic-component class="x"/>',
            "The tag [<x-dynamic-component>] needs the component name",
            1,
        ),
        (
            '<x-a>\n<x-slot name="t.x">y</x-slot></x-a>',
            "The slot name [t.x] must be letters",
            2,
        ),
        ("<x-a @class(['x' />", "A directive's opening parenthesis is never closed", 1),
        (
            "<x-a {{ attributes />",
            "The [{{] in a component tag is never closed with [}}]",
            1,
        ),
    ],
)
def test_malformed_tags_name_the_template_and_line(
    blade: str, message: str, line: int
) -> None:
    with pytest.raises(BladeSyntaxError) as caught:
        compile_(blade)
    assert message in str(caught.value)
    assert f"(template [page.blade.html], line {line})" in str(caught.value)
    assert caught.value.lineno == line


@pytest.mark.parametrize(
    ("blade", "message"),
    [
        ("@props('type')", "The directive [@props] takes a list such as"),
        ("@props(['a'] + ['b'])", "The directive [@props] takes a list such as"),
        ("@props([type])", "The directive [@props] takes a list such as"),
        ("@props({'type'})", "The directive [@props] takes a list such as"),
        ("@props(['a b'])", "The name [a b] in [@props] must be letters"),
        ("@props", "The directive [@props] needs an expression in parentheses"),
        ("@aware([1 => 2])", "The directive [@aware] takes a list such as"),
    ],
)
def test_malformed_props(blade: str, message: str) -> None:
    with pytest.raises(BladeSyntaxError, match=None) as caught:
        compile_(blade)
    assert message in str(caught.value)
