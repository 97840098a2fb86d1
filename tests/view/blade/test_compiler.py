"""Golden tests: Blade source → Jinja source, per directive family (Laravel: BladeCompiler tests)."""

from __future__ import annotations

import pytest

from protevus.view.blade.compiler import TRANSLATOR_VERSION
from protevus.view.blade.compiler import BladeCompiler
from protevus.view.exceptions import BladeSyntaxError
from protevus.view.exceptions import ViewError


def compile_(source: str) -> str:
    return BladeCompiler().compile_string(source, "test.blade.html")


@pytest.mark.parametrize(
    ("blade", "jinja"),
    [
        ("Hello {{ name }}!", "Hello {{ (name)|blade_e }}!"),
        ("{{name}}", "{{ (name)|blade_e }}"),
        ("{{ a or b }}", "{{ (a or b)|blade_e }}"),
        ("{!! html !!}", "{{ (html)|blade_raw }}"),
        ("a{{-- note --}}b", "a{##}b"),
        ("@{{ name }}", "{% raw %}{{ name }}{% endraw %}"),
        ("@{!! name !!}", "{% raw %}{!! name !!}{% endraw %}"),
        (
            "@verbatim {{ a }} @if(x) @endverbatim",
            "{% raw %} {{ a }} @if(x) {% endraw %}",
        ),
        ("mail me@example.com", "mail me@example.com"),
        ("@@if(x)", "@if(x)"),
        ("@media screen", "@media screen"),
        (
            "{% if x %}{# c #}{{ y }}{% endif %}",
            "{% if x %}{# c #}{{ (y)|blade_e }}{% endif %}",
        ),
        ("{% raw %}@if(x){% endraw %}", "{% raw %}@if(x){% endraw %}"),
    ],
)
def test_echoes_comments_and_escapes(blade: str, jinja: str) -> None:
    assert compile_(blade) == jinja


@pytest.mark.parametrize(
    ("blade", "jinja"),
    [
        (
            "@if(a) 1 @elseif(b) 2 @else 3 @endif",
            "{% if a %} 1 {% elif b %} 2 {% else %} 3 {% endif %}",
        ),
        ("@if (a == (b + 1)) y @endif", "{% if a == (b + 1) %} y {% endif %}"),
        ("@unless(a or b) n @endunless", "{% if not (a or b) %} n {% endif %}"),
        (
            "@isset(user.name) y @endisset",
            "{% if (user.name) is defined and (user.name) is not none %} y {% endif %}",
        ),
        ("@empty(items) e @endempty", "{% if blade_empty(items) %} e {% endif %}"),
        (
            "@checked(a) @selected(b)",
            "{% if a %}checked{% endif %} {% if b %}selected{% endif %}",
        ),
        (
            "@disabled(a) @readonly(b) @required(c)",
            "{% if a %}disabled{% endif %} {% if b %}readonly{% endif %} {% if c %}required{% endif %}",
        ),
    ],
)
def test_conditionals(blade: str, jinja: str) -> None:
    assert compile_(blade) == jinja


def test_switch_with_stacked_cases_and_default() -> None:
    blade = "@switch(n)\n@case(1)\n@case(2)\nlow\n@break\n@case('x')\nx\n@break\n@default\nother\n@endswitch"
    assert compile_(blade) == (
        "{% set __blade_switch1 = (n) %}\n"
        "{% if __blade_switch1 == (1) or __blade_switch1 == (2) %}\n\nlow\n\n"
        "{% elif __blade_switch1 == ('x') %}\nx\n\n{% else %}\nother\n{% endif %}"
    )


@pytest.mark.parametrize(
    ("blade", "jinja"),
    [
        (
            "@foreach(posts as post) {{ loop.index }} {{ post }} @endforeach",
            "{% for __blade_loop1, post in blade_loop(posts, loop) %}{% with loop = __blade_loop1 %}"
            " {{ (loop.index)|blade_e }} {{ (post)|blade_e }} {% endwith %}{% endfor %}",
        ),
        # a body that never reads `loop` gets a plain Jinja loop (no Loop object)
        (
            "@foreach(posts as post) {{ post }} @endforeach",
            "{% for post in blade_items(posts) %} {{ (post)|blade_e }} {% endfor %}",
        ),
        (
            "@foreach(posts as post)@include('row')@endforeach",
            "{% for __blade_loop1, post in blade_loop(posts, loop) %}{% with loop = __blade_loop1 %}"
            '{% include "row.blade.html" %}{% endwith %}{% endfor %}',
        ),
        (
            "@foreach(a as x)\n@foreach(x as y){{ loop.parent.index }}@endforeach\n@endforeach",
            "{% for __blade_loop1, x in blade_loop(a, loop) %}{% with loop = __blade_loop1 %}\n"
            "{% for __blade_loop2, y in blade_loop(x, loop) %}{% with loop = __blade_loop2 %}"
            "{{ (loop.parent.index)|blade_e }}{% endwith %}{% endfor %}\n{% endwith %}{% endfor %}",
        ),
        (
            "@foreach(data.items as key => value)@endforeach",
            "{% for __blade_loop1, (key, value) in blade_loop(data.items, loop, True) %}"
            "{% with loop = __blade_loop1 %}{% endwith %}{% endfor %}",
        ),
        (
            "@foreach(f('a as b') as x)@endforeach",
            "{% for x in blade_items(f('a as b')) %}{% endfor %}",
        ),
        (
            "@forelse(xs as x) y @empty none @endforelse",
            "{% for __blade_loop1, x in blade_loop(xs, loop) %}{% with loop = __blade_loop1 %}"
            " y {% endwith %}{% else %} none {% endfor %}",
        ),
        (
            "@for(i in range(3))@endfor",
            "{% for i in blade_items(range(3)) %}{% endfor %}",
        ),
        (
            "@foreach(xs as x) @break(x > 2) @continue @endforeach",
            "{% for x in blade_items(xs) %}"
            " {% if x > 2 %}{% break %}{% endif %} {% continue %} {% endfor %}",
        ),
    ],
)
def test_loops(blade: str, jinja: str) -> None:
    assert compile_(blade) == jinja


@pytest.mark.parametrize(
    ("blade", "jinja"),
    [
        ("@extends('layouts.app')", '{% extends "layouts/app.blade.html" %}'),
        ("@extends(layout)", "{% extends blade_view(layout) %}"),
        ("@section('content') x @endsection", "{% block content %} x {% endblock %}"),
        ("@section('side') x @show", "{% block side %} x {% endblock %}"),
        ("@section('a') @stop @section('b') @append @section('c') @overwrite", None),
        (
            "@section('title', 'Home')",
            "{% block title %}{{ ('Home')|blade_e }}{% endblock %}",
        ),
        (
            "@section('page-title', t)",
            "{% block page_title %}{{ (t)|blade_e }}{% endblock %}",
        ),
        ("@yield('content')", "{% block content %}{% endblock %}"),
        (
            "@yield('title', 'Default')",
            "{% block title %}{{ ('Default')|blade_e }}{% endblock %}",
        ),
        (
            "@section('x') @parent @endsection",
            "{% block x %} {{ super() }} {% endblock %}",
        ),
    ],
)
def test_layouts(blade: str, jinja: str | None) -> None:
    compiled = compile_(blade)
    if jinja is None:
        assert compiled.count("{% endblock %}") == 3
    else:
        assert compiled == jinja


@pytest.mark.parametrize(
    ("blade", "jinja"),
    [
        ("@include('shared.nav')", '{% include "shared/nav.blade.html" %}'),
        (
            "@include('row', {'item': x, \"n\": f(1, 2)})",
            '{% with item=(x), n=(f(1, 2)) %}{% include "row.blade.html" %}{% endwith %}',
        ),
        ("@include('row', data)", '{{ blade_include("row.blade.html", data, False) }}'),
        ("@include_if('maybe')", '{% include "maybe.blade.html" ignore missing %}'),
        ("@includeIf('maybe')", '{% include "maybe.blade.html" ignore missing %}'),
        (
            "@include_when(ok, 'a', {'b': 1})",
            '{% if ok %}{% with b=(1) %}{% include "a.blade.html" %}{% endwith %}{% endif %}',
        ),
        (
            "@include_unless(ok, 'a')",
            '{% if not (ok) %}{% include "a.blade.html" %}{% endif %}',
        ),
    ],
)
def test_includes(blade: str, jinja: str) -> None:
    assert compile_(blade) == jinja


@pytest.mark.parametrize(
    ("blade", "jinja"),
    [
        ("@json(data)", "{{ blade_json(data) }}"),
        (
            "<p @class(['a', {'b': on}])>",
            "<p class=\"{{ blade_classes(['a', {'b': on}]) }}\">",
        ),
        (
            "<p @style(['color: red'])>",
            "<p style=\"{{ blade_styles(['color: red']) }}\">",
        ),
    ],
)
def test_helpers(blade: str, jinja: str) -> None:
    assert compile_(blade) == jinja


def test_every_output_line_matches_an_input_line() -> None:
    blade = (
        "@if(a and\n   b)\nx\n@endif\n{{-- one\ntwo\nthree --}}\n"
        "@include('row', {\n  'a': 1,\n})\n@foreach(xs as\n x)\n@endforeach\n{{ a\n }}\nend"
    )
    compiled = compile_(blade)
    assert compiled.count("\n") == blade.count("\n")
    assert compiled.splitlines()[-1] == "end"
    assert compiled.splitlines()[2] == "x"


def test_custom_directive_and_condition() -> None:
    compiler = BladeCompiler()
    compiler.directive("upper", lambda expr: "{{ (" + str(expr) + ")|upper }}")
    compiler.directive("hr", lambda expr: "<hr>")
    compiler.if_("admin", lambda user: user == "root")
    assert compiler.compile_string("@upper(name) @hr") == "{{ (name)|upper }} <hr>"
    assert compiler.compile_string("@admin(u) a @elseadmin(v) b @else c @endadmin") == (
        "{% if blade_condition('admin', u) %} a {% elif blade_condition('admin', v) %} b "
        "{% else %} c {% endif %}"
    )
    assert compiler.compile_string("@unlessadmin(u) no @endadmin") == (
        "{% if not blade_condition('admin', u) %} no {% endif %}"
    )
    assert compiler.version.startswith(TRANSLATOR_VERSION + "+")
    assert BladeCompiler().version == TRANSLATOR_VERSION


def test_custom_directive_may_not_add_lines() -> None:
    compiler = BladeCompiler()
    compiler.directive("two", lambda expr: "a\nb")
    with pytest.raises(BladeSyntaxError, match=r"\[@two\] returned more lines"):
        compiler.compile_string("@two")


def test_invalid_directive_name_is_rejected() -> None:
    with pytest.raises(ValueError, match=r"\[my-dir\]"):
        BladeCompiler().directive("my-dir", lambda expr: "")


def test_camel_case_alias() -> None:
    assert BladeCompiler().compileString("{{ a }}") == "{{ (a)|blade_e }}"


@pytest.mark.parametrize(
    ("blade", "message", "line"),
    [
        ("a\n@if(x)\nb\n", r"\[@if\] opened on line 2 is never closed", 4),
        ("a\nb\n@endif", r"\[@endif\] does not belong here", 3),
        (
            "@if(x)\n@endforeach\n@endif",
            r"\[@endforeach\] does not belong here inside \[@if\]",
            2,
        ),
        (
            "@foreach(xs as x)\n@endif",
            r"\[@endif\] does not belong here inside \[@foreach\]",
            2,
        ),
        ("\n@else", r"\[@else\] does not belong here", 2),
        ("@case(1)", r"\[@case\] does not belong here", 1),
        ("\n\n@if(x", r"parenthesis is never closed", 3),
        ("@if\n@endif", r"\[@if\] needs an expression", 1),
        ("@foreach(xs)@endforeach", r"items as item", 1),
        ("@for(i = 0; i < 3; i++)@endfor", r"no C-style loop", 1),
        ("\n@while\n@endwhile", r"The directive \[@while\] needs", 2),
        ("@break", r"\[@break\] must be inside", 1),
        ("@section(name)@endsection", r"\[name\] must be a quoted string", 1),
        ("{{ a", r"\[\{\{\] is never closed", 1),
        ("x\n{{-- a", r"never closed with \[--\}\}\]", 2),
        ("@verbatim a", r"\[@verbatim\] is never closed", 1),
        ("@endverbatim", r"\[@endverbatim\] has no matching", 1),
        ("@empty", r"\[@empty\] does not belong here", 1),
        (
            "@if(a)x@endif",
            r"\[@if\] opened on line 1",
            1,
        ),  # "x@endif" is text, as in Laravel
    ],
)
def test_malformed_templates_name_template_and_line(
    blade: str, message: str, line: int
) -> None:
    with pytest.raises(BladeSyntaxError, match=message) as caught:
        compile_(blade)
    error = caught.value
    assert isinstance(error, ViewError)
    assert error.lineno == line
    assert f"template [test.blade.html], line {line}" in str(error)
