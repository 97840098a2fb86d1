"""Render the include, form, error, auth, environment and session directives through Jinja.

Laravel: view rendering tests for ``@includeFirst``, ``@each``, ``@csrf``, ``@error``,
``@auth``/``@can``, ``@env`` and ``@session``. ``'auth'``, ``'gate'`` and ``'session'``
are small stand-ins bound in a throwaway container: those services are built later
(auth/gate) or elsewhere (sessions); only their interface matters here.
"""

from __future__ import annotations

import typing as t

import jinja2
import pytest
from markupsafe import Markup

from protevus.container.container import Container
from protevus.support.message_bag import MessageBag
from protevus.support.view_error_bag import ViewErrorBag
from protevus.view.blade.extension import BladeExtension


def make_env(templates: dict[str, str], **globals_: t.Any) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.DictLoader(templates),
        extensions=[BladeExtension],
        autoescape=True,
    )
    env.globals.update(globals_)
    return env


def parts(html: str) -> list[str]:
    return [" ".join(part.split()) for part in html.split("|")]


def render(source: str, templates: dict[str, str] | None = None, **data: t.Any) -> str:
    env = make_env({"page.blade.html": source, **(templates or {})})
    return env.get_template("page.blade.html").render(**data)


# -- includes -------------------------------------------------------------------------


def test_include_first_renders_the_first_existing_view() -> None:
    templates = {"b.blade.html": "B{{ x }}{{ y }}", "c.blade.html": "C"}
    html = render(
        "@includeFirst(['a', 'b', 'c'], {'x': 1})|@include_first(names, {'y': 2})|"
        "@includeFirst(['a', 'c'], data)",
        templates,
        names=["missing", "b"],
        data={"x": 3},
        y="",
    )
    assert html == "B1|B2|C"


def test_include_first_without_any_view_raises() -> None:
    with pytest.raises(jinja2.TemplatesNotFound):
        render("@includeFirst(['a', 'b'])")


def test_include_when_and_unless() -> None:
    templates = {"p.blade.html": "[{{ v }}]"}
    html = render(
        "@includeWhen(on, 'p', {'v': 1})@includeWhen(not on, 'p', {'v': 2})"
        "@includeUnless(on, 'p', {'v': 3})@includeUnless(not on, 'p', {'v': 4})",
        templates,
        on=True,
    )
    assert html == "[1][4]"


def test_each_renders_a_view_per_item_with_key() -> None:
    templates = {
        "posts/row.blade.html": "<{{ key }}:{{ post }}{{ secret }}>",
        "posts/none.blade.html": "no posts{{ secret }}",
    }
    source = "@each('posts.row', items, 'post', 'posts.none')"
    assert render(source, templates, items=["a", "<b>"], secret="!") == (
        "<0:a><1:&lt;b&gt;>"
    )
    assert render(source, templates, items={"x": 1}, secret="") == "<x:1>"
    assert render(source, templates, items=[], secret="!") == "no posts"
    assert render("@each('posts.row', items, 'post')", templates, items=None) == ""
    assert (
        render("@each('posts.row', [], 'post', 'raw|<i>none</i>')", templates)
        == "<i>none</i>"
    )


def test_each_of_a_missing_view_raises() -> None:
    with pytest.raises(jinja2.TemplateNotFound, match="nope.blade.html"):
        render("@each('nope', [1], 'x')")


# -- forms -----------------------------------------------------------------------------


class FakeSession:
    """The session interface the directives use: ``has``/``get``/``token``."""

    def __init__(self, data: dict[str, t.Any]) -> None:
        self.data = data

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def get(self, key: str, default: t.Any = None) -> t.Any:
        return self.data.get(key, default)

    def token(self) -> str:
        return "tok<en>"


def test_csrf_and_method_call_the_view_globals() -> None:
    from protevus.foundation.helpers import csrf_field
    from protevus.foundation.helpers import method_field

    container = Container()
    container.instance("session", FakeSession({}))
    Container.set_instance(container)
    env = make_env(
        {"form.blade.html": "<form>@csrf @method('PUT')</form>"},
        csrf_field=csrf_field,
        method_field=method_field,
    )
    assert env.get_template("form.blade.html").render() == (
        '<form><input type="hidden" name="_token" value="tok&lt;en&gt;" autocomplete="off"> '
        '<input type="hidden" name="_method" value="PUT"></form>'
    )


# -- @error --------------------------------------------------------------------------------


ERROR_PAGE = (
    "{{ message }}|@error('title')<{{ message }}>@else ok @enderror|{{ message }}|"
    "@error('email', 'login')[{{ message }}]@enderror"
)


def test_error_binds_the_first_message_and_restores_message() -> None:
    errors = ViewErrorBag(
        {
            "default": MessageBag({"title": ["Title is <required>.", "second"]}),
            "login": MessageBag({"email": ["Bad email."]}),
        }
    )
    html = render(ERROR_PAGE, errors=errors, message="outer")
    assert html == "outer|<Title is &lt;required&gt;.>|outer|[Bad email.]"


def test_error_else_branch_and_missing_errors() -> None:
    empty = ViewErrorBag()
    assert render(ERROR_PAGE, errors=empty) == "| ok ||"
    assert render(ERROR_PAGE) == "| ok ||"
    plain = MessageBag({"title": ["T"]})
    assert render(ERROR_PAGE, errors=plain) == "|<T>||"


def test_error_inside_a_loop_keeps_the_loop() -> None:
    errors = ViewErrorBag({"default": MessageBag({"items.1": ["Second is bad."]})})
    html = render(
        "@foreach(['a', 'b'] as item)"
        "@error('items.' ~ loop.index){{ loop.index }}={{ message }}@enderror @endforeach",
        errors=errors,
    )
    assert html == " 1=Second is bad. "


# -- @auth / @guest / @can ----------------------------------------------------------------


class FakeGuard:
    def __init__(self, logged_in: bool) -> None:
        self.logged_in = logged_in

    def check(self) -> bool:
        return self.logged_in


class FakeAuth:
    """The auth manager interface: ``guard(name).check()``."""

    def __init__(self, guards: dict[str | None, bool]) -> None:
        self.guards = guards

    def guard(self, name: str | None = None) -> FakeGuard:
        return FakeGuard(self.guards.get(name, False))


class FakeGate:
    """The gate interface: ``allows(ability, arguments)`` and ``any(abilities, arguments)``."""

    def __init__(self, allowed: set[str]) -> None:
        self.allowed = allowed
        self.calls: list[tuple[t.Any, list[t.Any]]] = []

    def allows(self, ability: str, arguments: list[t.Any]) -> bool:
        self.calls.append((ability, arguments))
        return ability in self.allowed and all(arg != "locked" for arg in arguments)

    def any(self, abilities: list[str], arguments: list[t.Any]) -> bool:
        return any(self.allows(ability, arguments) for ability in abilities)


AUTH_PAGE = (
    "@auth A @elseauth('admin') ADMIN @else - @endauth|"
    "@guest G @endguest|@guest('admin') g-admin @endguest"
)
CAN_PAGE = (
    "@can('update', post) U @elsecan('view', post) V @else - @endcan|"
    "@cannot('delete', post) nodel @endcannot|"
    "@canany(['delete', 'view'], post) any @endcanany|"
    "@can(['update', 'view']) both @endcan"
)


def bind(**services: t.Any) -> Container:
    container = Container()
    for key, service in services.items():
        container.instance(key, service)
    Container.set_instance(container)
    return container


def test_without_auth_service_everyone_is_a_guest() -> None:
    bind()
    assert parts(render(AUTH_PAGE)) == ["-", "G", "g-admin"]
    assert parts(render(CAN_PAGE, post="p")) == ["-", "nodel", "", ""]


@pytest.mark.parametrize(
    ("guards", "expected"),
    [
        ({None: True}, "A | | g-admin"),
        ({"admin": True}, "ADMIN | G |"),
        ({}, "- | G | g-admin"),
    ],
)
def test_auth_and_guest_with_guards(
    guards: dict[str | None, bool], expected: str
) -> None:
    bind(auth=FakeAuth(guards))
    assert parts(render(AUTH_PAGE)) == parts(expected)


def test_can_cannot_and_canany_ask_the_gate() -> None:
    gate = FakeGate({"update", "view"})
    bind(gate=gate)
    assert parts(render(CAN_PAGE, post="p")) == ["U", "nodel", "any", "both"]
    assert gate.calls[0] == ("update", ["p"])
    assert parts(render(CAN_PAGE, post="locked")) == ["-", "nodel", "", "both"]
    gate.allowed = {"view"}
    assert parts(render(CAN_PAGE, post="p")) == ["V", "nodel", "any", ""]


def test_can_passes_a_list_of_arguments_as_it_is() -> None:
    gate = FakeGate({"edit"})
    bind(gate=gate)
    assert render("@can('edit', [a, b]) y @endcan", a=1, b=2) == " y "
    assert gate.calls == [("edit", [1, 2])]


def test_canany_falls_back_to_allows_without_an_any_method() -> None:
    class AllowsOnly:
        def allows(self, ability: str, arguments: list[t.Any]) -> bool:
            return ability == "b"

    bind(gate=AllowsOnly())
    assert render("@canany(['a', 'b']) y @endcanany") == " y "


# -- @env / @production / @session ------------------------------------------------------


ENV_PAGE = (
    "@env('local') L @endenv|@env(['staging', 'loc*']) S @endenv|"
    "@production P @else NP @endproduction"
)


def test_env_reads_the_application_environment(make_app: t.Any) -> None:
    make_app(env="APP_ENV=local\n")
    assert parts(render(ENV_PAGE)) == ["L", "S", "NP"]


def test_env_through_an_app_binding_or_without_an_application() -> None:
    class App:
        def environment(self, *names: t.Any) -> bool:
            flat = [
                n for name in names for n in ([name] if isinstance(name, str) else name)
            ]
            return "staging" in flat

    bind(app=App())
    assert parts(render(ENV_PAGE)) == ["", "S", "NP"]
    bind()
    assert parts(render(ENV_PAGE)) == ["", "", "P"]


def test_session_binds_value_and_restores_it() -> None:
    source = (
        "{{ value }}|@session('status')<{{ value }}>@else none @endsession|{{ value }}"
    )
    bind(session=FakeSession({"status": "Saved <ok>", "empty": None}))
    assert render(source, value="outer") == "outer|<Saved &lt;ok&gt;>|outer"
    assert render("@session('empty') x @else none @endsession") == " none "
    bind()
    assert render(source) == "| none |"


def test_safe_markup_in_session_value_is_kept() -> None:
    bind(session=FakeSession({"html": Markup("<b>hi</b>")}))
    assert render("@session('html'){{ value }}@endsession") == "<b>hi</b>"


# -- @hasSection / @sectionMissing -------------------------------------------------------


def test_has_section_sees_the_child_sections_not_the_layout_yields() -> None:
    templates = {
        "layouts/app.blade.html": (
            "@hasSection('nav')<nav>@yield('nav')</nav>@else no-nav @endif|"
            "@sectionMissing('side') no-side @endif|"
            "@hasSection('extra') extra @endif|@hasSection('ghost') ghost @endif"
        ),
        "with.blade.html": (
            "@extends('layouts.app')\n@section('nav')N @endsection\n@section('extra', 'E')"
        ),
        "without.blade.html": "@extends('layouts.app')",
    }
    env = make_env(templates)
    assert parts(env.get_template("with.blade.html").render()) == [
        "<nav>N </nav>",
        "no-side",
        "extra",
        "",
    ]
    assert parts(env.get_template("without.blade.html").render()) == [
        "no-nav",
        "no-side",
        "",
        "",
    ]
