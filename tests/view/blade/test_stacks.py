"""Render ``@push``/``@prepend``/``@stack``/``@once`` across layouts, includes and nested renders.

Laravel: ``ManagesStacks`` tests. Pushes from a child's sections, its top level,
includes and ``@each`` rows land in the layout's ``@stack`` even when the stack comes
first; ``@once`` bodies render once per render.
"""

from __future__ import annotations

import asyncio
import threading
import typing as t

import jinja2
import pytest

from protevus.view.blade.extension import BladeExtension
from protevus.view.blade.stacks import BladeTemplate
from protevus.view.blade.stacks import RenderState
from protevus.view.blade.stacks import current_state
from protevus.view.blade.stacks import finish_render
from protevus.view.blade.stacks import rendering

LAYOUT = (
    "<head>@stack('scripts')</head>@stack('styles', '<none>')\n"
    "<body>@yield('content')</body>\n"
    "@push('scripts')<layout-late>@endpush"
)
PAGE = (
    "@extends('layouts.app')\n"
    "@section('content')\n"
    "@include('widget')@include('widget', data)@each('row', [1, 2], 'n')"
    "@push('scripts')<section-{{ name }}>@endpush\n"
    "@endsection\n"
    "@prepend('scripts')<first>@endprepend\n"
    "@prepend('scripts')<very-first>@endprepend\n"
    "@push('scripts')\n<top>\n@endpush\n"
    "@pushIf(flag, 'scripts')<if-on>@endPushIf\n"
    "@pushIf(not flag, 'scripts')<if-off>@endPushIf\n"
)
TEMPLATES = {
    "layouts/app.blade.html": LAYOUT,
    "page.blade.html": PAGE,
    "widget.blade.html": (
        "[w]@pushOnce('scripts')<widget-js>@endPushOnce @once<once>@endonce "
        "@push('scripts', '<inline>')"
    ),
    "row.blade.html": "({{ n }})@push('scripts')<row{{ n }}>@endpush",
}


def make_env(templates: dict[str, str], **options: t.Any) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.DictLoader(templates),
        extensions=[BladeExtension],
        autoescape=True,
        **options,
    )


def test_pushes_from_child_includes_and_layout_reach_the_stack() -> None:
    env = make_env(TEMPLATES)
    html = env.get_template("page.blade.html").render(name="<x>", data={}, flag=True)
    head = html[html.index("<head>") + 6 : html.index("</head>")].replace("\n", "")
    assert head == (
        "<very-first><first><top><if-on><widget-js><inline><inline><row1><row2>"
        "<section-&lt;x&gt;><layout-late>"
    )
    assert "<none>" in html
    body = html[html.index("<body>") : html.index("</body>")]
    assert body.count("[w]") == 2
    assert body.count("<once>") == 1
    assert "(1)(2)" in body
    assert "__blade_stack" not in html


def test_stack_content_order_is_prepends_then_pushes() -> None:
    env = make_env(TEMPLATES)
    html = env.get_template("page.blade.html").render(name="n", data={}, flag=False)
    head = html[html.index("<head>") + 6 : html.index("</head>")].replace("\n", "")
    assert head == (
        "<very-first><first><top><if-off><widget-js><inline><inline><row1><row2>"
        "<section-n><layout-late>"
    )


def test_once_renders_once_per_render_not_per_process() -> None:
    env = make_env(
        {
            "a.blade.html": "@once('shared')A @endonce @include('b') @include('b')",
            "b.blade.html": "@once('shared')B @endonce @once b @endonce",
        }
    )
    template = env.get_template("a.blade.html")
    first = template.render()
    assert first.split() == ["A", "b"]
    assert template.render() == first


def test_stack_without_pushes_is_empty_and_state_is_cleared() -> None:
    env = make_env({"a.blade.html": "[@stack('js')]"})
    assert env.get_template("a.blade.html").render() == "[]"
    assert current_state() is None


def test_state_is_cleared_after_an_error() -> None:
    env = make_env({"a.blade.html": "@push('js')x @endpush {{ 1 // 0 }}"})
    with pytest.raises(ZeroDivisionError):
        env.get_template("a.blade.html").render()
    assert current_state() is None


def test_generate_and_stream_yield_finished_text() -> None:
    env = make_env({"a.blade.html": "@stack('js')|@push('js')J @endpush"})
    template = env.get_template("a.blade.html")
    assert "".join(template.generate()) == "J |"
    assert "".join(template.stream()) == "J |"


def test_async_render_finishes_stacks() -> None:
    env = make_env(
        {"a.blade.html": "@stack('js')|@push('js')J @endpush"}, enable_async=True
    )
    template = env.get_template("a.blade.html")
    assert template.render() == "J |"
    assert asyncio.run(template.render_async()) == "J |"


def test_a_nested_render_shares_the_outer_stacks() -> None:
    env = make_env(
        {
            "outer.blade.html": "@stack('js')|{{ inner() }}",
            "inner.blade.html": "@push('js')from-inner @endpush @stack('js')",
        }
    )

    def inner() -> str:
        from markupsafe import Markup

        return Markup(env.get_template("inner.blade.html").render())

    env.globals["inner"] = inner
    assert env.get_template("outer.blade.html").render() == "from-inner | from-inner "


def test_rendering_scope_for_callers_of_root_render_func() -> None:
    env = make_env({"a.blade.html": "@stack('js')@push('js')J @endpush"})
    template = env.get_template("a.blade.html")
    with rendering() as (state, outermost):
        assert outermost
        with rendering() as (inner, nested_outermost):
            assert inner is state and not nested_outermost
        text = env.concat(template.root_render_func(template.new_context()))  # type: ignore[attr-defined]
        assert text.startswith("__blade_stack_")
        assert finish_render(text) == "J "
    assert finish_render("plain") == "plain"


def test_render_state_directly() -> None:
    state = RenderState()
    state.push("js", "a")
    state.push("js", "b", prepend=True)
    state.push("js", "c", prepend=True)
    assert state.content("js") == "cba"
    assert state.content("css", "none") == "none"
    marker = state.placeholder("js")
    assert state.finish(f"<{marker}>") == "<cba>"
    assert state.once("k") and not state.once("k")


def test_concurrent_renders_keep_their_own_stacks() -> None:
    barrier = threading.Barrier(2, timeout=5)

    def wait() -> str:
        barrier.wait()
        return ""

    env = make_env(
        {"a.blade.html": "@stack('js')|@push('js'){{ who }}@endpush{{ wait() }}"}
    )
    env.globals["wait"] = wait
    results: dict[str, str] = {}

    def run(who: str) -> None:
        results[who] = env.get_template("a.blade.html").render(who=who)

    threads = [threading.Thread(target=run, args=(who,)) for who in ("one", "two")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {"one": "one|", "two": "two|"}


def test_a_custom_template_class_is_kept() -> None:
    class Custom(jinja2.Template):
        marker = True

    env = jinja2.Environment(loader=jinja2.DictLoader({"a.blade.html": "x"}))
    env.template_class = Custom
    env.add_extension(BladeExtension)
    template = env.get_template("a.blade.html")
    assert isinstance(template, BladeTemplate) and isinstance(template, Custom)
    assert make_env({}).template_class is BladeTemplate
