"""Golden tests for the request, auth, stack and include directives: Blade source → Jinja source.

Laravel: ``BladeCompiler`` tests for ``CompilesStacks``, ``CompilesErrors``,
``CompilesAuthorizations``, ``CompilesIncludes`` and ``CompilesHelpers``.
"""

from __future__ import annotations

import pytest

from protevus.view.blade.compiler import TRANSLATOR_VERSION
from protevus.view.blade.compiler import BladeCompiler
from protevus.view.exceptions import BladeSyntaxError


def compile_(source: str) -> str:
    return BladeCompiler().compile_string(source, "t.blade.html")


def test_translator_version_was_bumped() -> None:
    assert TRANSLATOR_VERSION == "5"


@pytest.mark.parametrize(
    ("blade", "jinja"),
    [
        (
            "@include_first(['a.b', 'c'], {'x': 1})",
            '{% with x=(1) %}{% include ["a/b.blade.html", "c.blade.html"] %}{% endwith %}',
        ),
        ("@includeFirst(names)", "{% include blade_view(names) %}"),
        (
            "@includeFirst(['a', name], data)",
            "{{ blade_include(blade_view(['a', name]), data, False) }}",
        ),
        (
            "@includeWhen(ok, 'a', {'b': 1})",
            '{% if ok %}{% with b=(1) %}{% include "a.blade.html" %}{% endwith %}{% endif %}',
        ),
        (
            "@includeUnless(ok, 'a', data)",
            '{% if not (ok) %}{{ blade_include("a.blade.html", data, False) }}{% endif %}',
        ),
        (
            "@each('posts.row', posts, 'post')",
            "{{ blade_each('posts.row', posts, 'post') }}",
        ),
        (
            "@each('row', items, 'item', 'raw|<p>none</p>')",
            "{{ blade_each('row', items, 'item', 'raw|<p>none</p>') }}",
        ),
    ],
)
def test_includes(blade: str, jinja: str) -> None:
    assert compile_(blade) == jinja


@pytest.mark.parametrize(
    ("blade", "jinja"),
    [
        ("@csrf", "{{ csrf_field() }}"),
        (
            "<form>@csrf @method('PUT')",
            "<form>{{ csrf_field() }} {{ method_field('PUT') }}",
        ),
        ("@method(verb)", "{{ method_field(verb) }}"),
    ],
)
def test_form_helpers(blade: str, jinja: str) -> None:
    assert compile_(blade) == jinja


@pytest.mark.parametrize(
    ("blade", "jinja"),
    [
        (
            "@error('title') {{ message }} @enderror",
            "{% set __blade_error1 = blade_error(errors, 'title') %}"
            "{% if __blade_error1 is not none %}{% with message = __blade_error1 %}"
            " {{ (message)|blade_e }} {% endwith %}{% endif %}",
        ),
        (
            "@error('email', 'login') bad @else good @enderror",
            "{% set __blade_error1 = blade_error(errors, 'email', 'login') %}"
            "{% if __blade_error1 is not none %}{% with message = __blade_error1 %}"
            " bad {% endwith %}{% else %} good {% endif %}",
        ),
        (
            "@error('a') x @elseif(b) y @enderror",
            "{% set __blade_error1 = blade_error(errors, 'a') %}"
            "{% if __blade_error1 is not none %}{% with message = __blade_error1 %}"
            " x {% endwith %}{% elif b %} y {% endif %}",
        ),
        (
            "@session('status') {{ value }} @endsession",
            "{% set __blade_session1 = blade_session('status') %}"
            "{% if __blade_session1 is not none %}{% with value = __blade_session1 %}"
            " {{ (value)|blade_e }} {% endwith %}{% endif %}",
        ),
    ],
)
def test_error_and_session(blade: str, jinja: str) -> None:
    assert compile_(blade) == jinja


@pytest.mark.parametrize(
    ("blade", "jinja"),
    [
        (
            "@auth in @elseauth('admin') admin @else out @endauth",
            "{% if blade_auth_check() %} in {% elif blade_auth_check('admin') %} admin "
            "{% else %} out {% endif %}",
        ),
        (
            "@guest('web') g @endguest",
            "{% if not blade_auth_check('web') %} g {% endif %}",
        ),
        (
            "@guest g @elseguest('api') a @endguest",
            "{% if not blade_auth_check() %} g {% elif not blade_auth_check('api') %} a {% endif %}",
        ),
        (
            "@can('update', post) u @elsecan('view', post) v @else n @endcan",
            "{% if blade_can('update', post) %} u {% elif blade_can('view', post) %} v "
            "{% else %} n {% endif %}",
        ),
        (
            "@cannot('delete', post) no @elsecannot('x') @endcannot",
            "{% if not blade_can('delete', post) %} no {% elif not blade_can('x') %} {% endif %}",
        ),
        (
            "@canany(['edit', 'delete'], post) any @elsecanany(['view']) v @endcanany",
            "{% if blade_can(['edit', 'delete'], post, any_=True) %} any "
            "{% elif blade_can(['view'], any_=True) %} v {% endif %}",
        ),
        (
            "@env('local') l @else o @endenv",
            "{% if blade_env('local') %} l {% else %} o {% endif %}",
        ),
        (
            "@env(['local', 'staging']) l @endenv",
            "{% if blade_env(['local', 'staging']) %} l {% endif %}",
        ),
        (
            "@production p @endproduction",
            "{% if blade_env('production') %} p {% endif %}",
        ),
    ],
)
def test_auth_gates_and_environment(blade: str, jinja: str) -> None:
    assert compile_(blade) == jinja


@pytest.mark.parametrize(
    ("blade", "jinja"),
    [
        (
            "@push('scripts')\n<script>{{ a }}</script>\n@endpush",
            "{% set __blade_push1 %}\n<script>{{ (a)|blade_e }}</script>\n"
            "{% endset %}{% if blade_push('scripts', __blade_push1) %}{% endif %}",
        ),
        (
            "@prepend('scripts')x @endprepend",
            "{% set __blade_push1 %}x {% endset %}"
            "{% if blade_push('scripts', __blade_push1, True) %}{% endif %}",
        ),
        (
            "@push('scripts', '<b>')",
            "{% if blade_push('scripts', '<b>') %}{% endif %}",
        ),
        ("@stack('scripts')", "{{ blade_stack('scripts') }}"),
        ("@stack('styles', 'none')", "{{ blade_stack('styles', 'none') }}"),
        (
            "@pushOnce('js') x @endPushOnce @push_once('js', 'id') y @endpushonce",
            "{% if blade_once('t.blade.html#1') %}{% set __blade_push1 %} x {% endset %}"
            "{% if blade_push('js', __blade_push1) %}{% endif %}{% endif %} "
            "{% if blade_once('id') %}{% set __blade_push2 %} y {% endset %}"
            "{% if blade_push('js', __blade_push2) %}{% endif %}{% endif %}",
        ),
        (
            "@prependOnce('js') x @endPrependOnce",
            "{% if blade_once('t.blade.html#1') %}{% set __blade_push1 %} x {% endset %}"
            "{% if blade_push('js', __blade_push1, True) %}{% endif %}{% endif %}",
        ),
        (
            "@pushIf(ok, 'js') x @endPushIf",
            "{% if ok %}{% set __blade_push1 %} x {% endset %}"
            "{% if blade_push('js', __blade_push1) %}{% endif %}{% endif %}",
        ),
        (
            "@once a @endonce @once('key') b @endonce",
            "{% if blade_once('t.blade.html#1') %} a {% endif %} {% if blade_once('key') %} b {% endif %}",
        ),
    ],
)
def test_stacks_and_once(blade: str, jinja: str) -> None:
    assert compile_(blade) == jinja


def test_once_ids_of_unnamed_templates_differ_by_source() -> None:
    first = BladeCompiler().compile_string("@once a @endonce")
    second = BladeCompiler().compile_string("@once b @endonce")
    assert first.split("'")[1] != second.split("'")[1]
    assert first.split("'")[1].endswith("#1")


@pytest.mark.parametrize(
    ("blade", "jinja"),
    [
        (
            "@hasSection('nav') n @else m @endif",
            "{% if blade_has_section('nav', 't.blade.html') %} n {% else %} m {% endif %}",
        ),
        (
            "@sectionMissing('page-nav') m @endif",
            "{% if not blade_has_section('page_nav', 't.blade.html') %} m {% endif %}",
        ),
    ],
)
def test_section_checks(blade: str, jinja: str) -> None:
    assert compile_(blade) == jinja


@pytest.mark.parametrize(
    "spelling",
    ["@endPushOnce", "@endpushonce", "@endpush_once", "@end_push_once", "@ENDPUSHONCE"],
)
def test_builtin_directives_ignore_case_and_underscores(spelling: str) -> None:
    compiled = compile_("@pushOnce('js') x " + spelling)
    assert compiled.endswith("{% endif %}{% endif %}")


def test_line_numbers_are_kept() -> None:
    blade = (
        "@push('js',\n 'x')\n@error('a',\n 'b')\n@enderror\n@each('r',\n xs, 'x')\n"
        "@can('a',\n b)\n@endcan\nend"
    )
    compiled = compile_(blade)
    assert compiled.count("\n") == blade.count("\n")
    assert compiled.splitlines()[-1] == "end"


def test_unknown_words_stay_text() -> None:
    assert compile_("mail a@b.com @pushy @stacked") == "mail a@b.com @pushy @stacked"


@pytest.mark.parametrize(
    ("blade", "message", "line"),
    [
        ("a\n@enderror", r"\[@enderror\] does not belong here", 2),
        (
            "@if(a)\n@enderror\n@endif",
            r"\[@enderror\] does not belong here inside \[@if\]",
            2,
        ),
        ("@push('js')\nx\n", r"\[@push\] opened on line 1 is never closed", 3),
        ("\n@pushOnce('js')\n", r"\[@push_once\] opened on line 2 is never closed", 3),
        (
            "@push('js')\n@endprepend",
            r"\[@endprepend\] does not belong here inside \[@push\]",
            2,
        ),
        ("@endpush", r"\[@endpush\] does not belong here", 1),
        ("@push()", r"\[@push\] needs an expression", 1),
        ("@push('a', 'b', 'c')", r"\[@push\] takes a stack name", 1),
        (
            "@pushIf('js') @endPushIf",
            r"\[@push_if\] takes a condition and a stack name",
            1,
        ),
        ("@stack", r"\[@stack\] needs an expression", 1),
        ("@error", r"\[@error\] needs an expression", 1),
        ("@error('a', 'b', 'c')", r"\[@error\] takes a field name", 1),
        ("@session('a', 'b')", r"\[@session\] takes a session key", 1),
        ("@error('a')\nx", r"\[@error\] opened on line 1 is never closed", 2),
        ("@auth\n@endguest", r"\[@endguest\] does not belong here inside \[@auth\]", 2),
        ("@elsecan('x')", r"\[@elsecan\] does not belong here", 1),
        (
            "@auth @elsecan('a') @endauth",
            r"\[@elsecan\] does not belong here inside \[@auth\]",
            1,
        ),
        ("@can", r"\[@can\] needs an expression", 1),
        ("@env", r"\[@env\] needs an expression", 1),
        ("@method", r"\[@method\] needs an expression", 1),
        ("@each('a', items)", r"\[@each\] takes a view name", 1),
        ("@includeWhen(ok)", r"\[@include_when\] takes a condition and a view name", 1),
        ("@hasSection(name) @endif", r"\[name\] must be a quoted string", 1),
        ("@once\n", r"\[@once\] opened on line 1 is never closed", 2),
        ("@endonce", r"\[@endonce\] does not belong here", 1),
    ],
)
def test_malformed_directives_name_template_and_line(
    blade: str, message: str, line: int
) -> None:
    with pytest.raises(BladeSyntaxError, match=message) as caught:
        compile_(blade)
    assert caught.value.lineno == line
    assert f"template [t.blade.html], line {line}" in str(caught.value)
