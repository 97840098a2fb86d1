"""Render Blade templates through a real Jinja environment (Laravel: view rendering tests)."""

from __future__ import annotations

import pathlib
import traceback

import jinja2
import pytest
from markupsafe import Markup

from protevus.view.blade.compiler import TRANSLATOR_VERSION
from protevus.view.blade.extension import BladeExtension
from protevus.view.blade.loop import Loop
from protevus.view.blade.loop import blade_loop
from protevus.view.exceptions import BladeSyntaxError


def make_env(templates: dict[str, str], tmp_path: pathlib.Path) -> jinja2.Environment:
    for name, source in templates.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(tmp_path)),
        extensions=[BladeExtension],
        autoescape=True,
        trim_blocks=True,
    )


def render(env: jinja2.Environment, name: str, **data: object) -> str:
    return env.get_template(name).render(**data)


def squash(text: str) -> str:
    return " ".join(text.split())


def test_layout_with_sections_yield_default_and_parent(tmp_path: pathlib.Path) -> None:
    env = make_env(
        {
            "layouts/app.blade.html": (
                "<title>@yield('title', 'Site')</title>\n"
                "@section('sidebar')\nmain menu\n@show\n"
                "<main>@yield('content')</main>\n<footer>@yield('footer', 'foot & co')</footer>\n"
            ),
            "posts/show.blade.html": (
                "@extends('layouts.app')\n"
                "@section('title', title)\n"
                "@section('sidebar')\n@parent\npost menu\n@endsection\n"
                "@section('content')\n<h1>{{ title }}</h1>\n@stop\n"
            ),
        },
        tmp_path,
    )
    html = render(env, "posts/show.blade.html", title="<Hello>")
    assert squash(html) == (
        "<title>&lt;Hello&gt;</title> main menu post menu "
        "<main><h1>&lt;Hello&gt;</h1> </main> <footer>foot &amp; co</footer>"
    )


def test_include_with_data_sees_loop_variables(tmp_path: pathlib.Path) -> None:
    env = make_env(
        {
            "list.blade.html": (
                "@foreach(items as item)\n@include('partials.row', {'label': item|upper})\n@endforeach\n"
                "@include('partials.row', extra)\n@include_if('partials.missing')\n"
                "@include_when(show, 'partials.row', {'label': 'shown'})\n"
                "@include_unless(show, 'partials.row', {'label': 'hidden'})\n"
            ),
            "partials/row.blade.html": "[{{ label }} {{ item }} {{ loop.index if loop is defined }}]\n",
        },
        tmp_path,
    )
    html = render(
        env,
        "list.blade.html",
        items=["a", "b"],
        extra={"label": "x", "item": "y"},
        show=True,
    )
    assert squash(html) == "[A a 0][B b 1][x y ] [shown ]"


def test_include_of_missing_view_raises(tmp_path: pathlib.Path) -> None:
    env = make_env({"page.blade.html": "@include('nope')"}, tmp_path)
    with pytest.raises(jinja2.TemplateNotFound, match="nope.blade.html"):
        render(env, "page.blade.html")


def test_loop_object_follows_laravel(tmp_path: pathlib.Path) -> None:
    env = make_env(
        {
            "loop.blade.html": (
                "@foreach(rows as row)\n"
                "{{ loop.index }}|{{ loop.iteration }}|{{ loop.remaining }}|{{ loop.count }}|"
                "{{ loop.first }}|{{ loop.last }}|{{ loop.even }}|{{ loop.odd }}|{{ loop.depth }}\n"
                "@foreach(row as cell)\n"
                "  {{ cell }}:{{ loop.depth }}:{{ loop.parent.index }}:{{ loop.index }}\n"
                "@endforeach\n"
                "@endforeach\n"
            )
        },
        tmp_path,
    )
    lines = render(env, "loop.blade.html", rows=[["a"], ["b", "c"]]).splitlines()
    assert lines == [
        "0|1|1|2|True|False|False|True|1",
        "  a:2:0:0",
        "1|2|0|2|False|True|True|False|1",
        "  b:2:1:0",
        "  c:2:1:1",
    ]


def test_key_value_loops_forelse_break_and_continue(tmp_path: pathlib.Path) -> None:
    env = make_env(
        {
            "kv.blade.html": (
                "@foreach(scores as name => score)\n{{ name }}={{ score }}\n@endforeach\n"
                "@foreach(letters as i => letter)\n{{ i }}{{ letter }}\n@endforeach\n"
                "@forelse(nums as n)\n@continue(n == 2)\n@break(n == 4)\nn{{ n }}\n@empty\nnone\n@endforelse\n"
                "@forelse([] as n)\nn{{ n }}\n@empty\nnone\n@endforelse\n"
                "@for(i in range(2))\ni{{ i }}{{ loop.last }}\n@endfor\n"
            )
        },
        tmp_path,
    )
    html = render(
        env,
        "kv.blade.html",
        scores={"ann": 3, "bob": 5},
        letters=["x", "y"],
        nums=[1, 2, 3, 4, 5],
    )
    assert html.split() == [
        "ann=3",
        "bob=5",
        "0x",
        "1y",
        "n1",
        "n3",
        "none",
        "i0False",
        "i1True",
    ]


def test_escaping_raw_comments_and_literals(tmp_path: pathlib.Path) -> None:
    env = make_env(
        {
            "esc.blade.html": (
                "{{ html }}|{!! html !!}|{{ nothing }}|{!! nothing !!}|{{-- hidden {{ html }} --}}|"
                "@{{ html }}|@verbatim{{ raw }} @if @endverbatim|{{ safe }}|{{ 1 + 2 }}"
            )
        },
        tmp_path,
    )
    html = render(
        env,
        "esc.blade.html",
        html="<b>&</b>",
        nothing=None,
        safe=Markup("<i>"),
    )
    assert (
        html == "&lt;b&gt;&amp;&lt;/b&gt;|<b>&</b>||||{{ html }}|{{ raw }} @if |<i>|3"
    )


def test_echo_escapes_even_without_autoescape() -> None:
    env = jinja2.Environment(
        loader=jinja2.DictLoader(
            {"a.blade.html": "{{ x }}{!! x !!}", "a.html": "{{ x }}@if(x)"}
        ),
        extensions=[BladeExtension],
    )
    assert env.get_template("a.blade.html").render(x="<p>") == "&lt;p&gt;<p>"
    assert env.get_template("a.html").render(x="<p>") == "<p>@if(x)"


def test_conditionals_switch_and_attribute_helpers(tmp_path: pathlib.Path) -> None:
    env = make_env(
        {
            "c.blade.html": (
                "@if(n > 5) big @elseif(n > 2) mid @else small @endif|"
                "@unless(n) zero @endunless|@isset(user) set @endisset|@isset(ghost) ghost @endisset|"
                "@empty(s) empty @endempty|"
                "@switch(n)\n@case(1)\n@case(3)\none-or-three\n@break\n@default\nother\n@endswitch\n"
                "<input @checked(n == 3) @disabled(false)>"
                "<p @class(['p-4', {'bold': n == 3, 'dim': false}]) @style({'color: red': true})></p>"
                "<script>var d = @json(data);</script>"
            )
        },
        tmp_path,
    )
    html = render(
        env,
        "c.blade.html",
        n=3,
        user="u",
        s="0",
        data={"a": "</script>", "q": 'it\'s "x"'},
    )
    assert squash(html) == (
        "mid || set || empty | one-or-three "
        '<input checked ><p class="p-4 bold" style="color: red;"></p>'
        '<script>var d = {"a":"\\u003C\\/script\\u003E","q":"it\\u0027s \\u0022x\\u0022"};</script>'
    )


def test_custom_directive_and_condition_at_render_time() -> None:
    env = jinja2.Environment(
        loader=jinja2.DictLoader(
            {"a.blade.html": "@shout(name) @admin(user) yes @else no @endadmin"}
        ),
        extensions=[BladeExtension],
        autoescape=True,
    )
    extension = env.extensions[BladeExtension.identifier]
    assert isinstance(extension, BladeExtension)
    extension.compiler.directive(
        "shout", lambda expr: "{{ (" + str(expr) + ")|upper }}"
    )
    extension.compiler.if_("admin", lambda user: user == "root")
    assert extension.version.startswith(TRANSLATOR_VERSION + "+")
    assert (
        env.get_template("a.blade.html").render(name="ann", user="root") == "ANN  yes "
    )


def test_malformed_directive_error_names_template_and_line(
    tmp_path: pathlib.Path,
) -> None:
    env = make_env(
        {"bad.blade.html": "<p>\n@foreach(xs as x)\n@if(x)\n@endforeach\n"}, tmp_path
    )
    with pytest.raises(BladeSyntaxError) as caught:
        env.get_template("bad.blade.html")
    assert caught.value.lineno == 4
    assert "[@endforeach] does not belong here inside [@if]" in str(caught.value)
    assert "template [bad.blade.html], line 4" in str(caught.value)


def test_jinja_errors_point_at_the_blade_line(tmp_path: pathlib.Path) -> None:
    env = make_env(
        {
            "syntax.blade.html": "{{-- a\nb --}}\n@include('x', {\n 'a': 1})\n@if(x ==)\n@endif\n",
            "runtime.blade.html": "@foreach(xs as\n x)\n{{-- c\n --}}\n{{ 1 // x }}\n@endforeach\n",
        },
        tmp_path,
    )
    with pytest.raises(jinja2.TemplateSyntaxError) as caught:
        env.get_template("syntax.blade.html")
    assert caught.value.lineno == 5
    with pytest.raises(ZeroDivisionError) as runtime:
        render(env, "runtime.blade.html", xs=[0])
    frames = [
        f
        for f in traceback.extract_tb(runtime.value.__traceback__)
        if f.filename.endswith("runtime.blade.html")
    ]
    assert frames[-1].lineno == 5


def test_blade_loop_directly() -> None:
    pairs = [(loop.index, loop.last, item) for loop, item in blade_loop(iter("ab"))]
    assert pairs == [(0, False, "a"), (1, True, "b")]
    assert [item for _, item in blade_loop(None)] == []
    outer = Loop(1, None)
    inner = next(blade_loop([1], outer))[0]
    assert (inner.depth, inner.parent) == (2, outer)
    assert repr(inner) == "Loop(index=0, count=1, depth=2)"


def test_loops_without_loop_render_as_plain_jinja_loops(tmp_path: pathlib.Path) -> None:
    env = make_env(
        {
            "plain.blade.html": (
                "@foreach(\n  items\n  as item)[{{ item }}]@break(item == 3)@endforeach"
                "|@foreach(nothing as x){{ x }}@endforeach|"
            ),
            "err.blade.html": "@foreach(\n  items\n  as item){{ item }}@endforeach{{ missing.attr }}",
            "row.blade.html": "{{ loop.iteration }}",
            "included.blade.html": "@foreach(items as item)@include('row')@endforeach",
        },
        tmp_path,
    )
    assert render(env, "plain.blade.html", items=[1, 2, 3, 4], nothing=None) == (
        "[1][2][3]||"
    )
    assert "blade_loop" not in env.blade_compiler.compile_string(  # type: ignore[attr-defined]
        "@foreach(items as item){{ item }}@endforeach"
    )
    # an include inside the loop still sees Laravel's loop
    assert render(env, "included.blade.html", items="ab") == "12"
    # the opener's newlines moved inside the tag: errors keep the Blade line
    with pytest.raises(jinja2.UndefinedError) as info:
        render(env, "err.blade.html", items=[1])
    frames = [
        f
        for f in traceback.extract_tb(info.tb)
        if f.filename.endswith("err.blade.html")
    ]
    assert frames and frames[-1].lineno == 3


def test_json_encodes_collections_models_and_dates_like_php(
    tmp_path: pathlib.Path,
) -> None:
    import datetime

    from protevus.support.collection import Collection

    env = make_env(
        {
            "j.blade.html": "@json(c) @json(d) @json(p, 128)",
        },
        tmp_path,
    )
    out = render(
        env,
        "j.blade.html",
        c=Collection([1, {"a": "</b>"}]),
        d=datetime.date(2026, 11, 28),
        p={"a": 1},
    )
    assert out == '[1,{"a":"\\u003C\\/b\\u003E"}] "2026-11-28" {\n    "a": 1\n}'


def test_while_loops_on_state_that_changes_and_stops_a_runaway_loop(
    tmp_path: pathlib.Path,
) -> None:
    env = make_env(
        {
            "while.blade.html": (
                "{% set ns = namespace(i=0) %}"
                "@while(ns.i < 5){{ ns.i }}{% set ns.i = ns.i + 1 %}@break(ns.i == 3)"
                "@endwhile|@while(queue)[{{ queue.pop() }}]@endwhile"
            ),
            "forever.blade.html": "@while(true) x @endwhile",
        },
        tmp_path,
    )
    assert render(env, "while.blade.html", queue=[1, 2]) == "012|[2][1]"
    assert "blade_while()" in env.blade_compiler.compile_string("@while(a)@endwhile")  # type: ignore[attr-defined]
    with pytest.raises(RuntimeError, match="ran 100000 times"):
        render(env, "forever.blade.html")
