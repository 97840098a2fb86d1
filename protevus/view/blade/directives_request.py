"""Directives that read the current request or application: forms, errors, auth, gates, env, session.

Laravel: ``Illuminate\\View\\Compilers\\Concerns\\CompilesHelpers`` (``@csrf``, ``@method``),
``CompilesErrors``, ``CompilesAuthorizations``, ``CompilesConditionals`` (``@auth``,
``@guest``, ``@env``, ``@production``, ``@session``). The compiled Jinja calls the
``blade_*`` globals of :mod:`protevus.view.blade.runtime` and the ``csrf_field`` /
``method_field`` / ``errors`` globals the view factory installs.
"""

from __future__ import annotations

import typing as t

from protevus.view.blade.compiler import split_top
from protevus.view.blade.directives import Directive
from protevus.view.blade.directives import _register
from protevus.view.blade.directives import else_branch

if t.TYPE_CHECKING:
    from protevus.view.blade.compiler import _Compilation


def _args(args: str | None) -> str:
    """Return the directive's arguments, or nothing when it has none (``@auth``)."""
    return args.strip() if args is not None and args.strip() else ""


# -- forms ------------------------------------------------------------------------------


@_register("csrf", takes_args=False)
def _csrf(comp: _Compilation, args: str | None, start: int) -> str:
    return "{{ csrf_field() }}"


@_register("method")
def _method(comp: _Compilation, args: str | None, start: int) -> str:
    return "{{ method_field(" + comp.require(args, "method", start).strip() + ") }}"


# -- @error / @session: a value bound inside the block -------------------------------


def _scoped(
    kind: str, variable: str, call: str, max_args: int, usage: str
) -> Directive:
    """Compile ``@error``/``@session``: bind ``variable`` inside the block, restored at its end.

    ``call`` is the helper call's beginning; the directive's arguments complete it.
    """

    def compile_open(comp: _Compilation, args: str | None, start: int) -> str:
        parts = [part.strip() for part in split_top(comp.require(args, kind, start))]
        if len(parts) > max_args or not all(parts):
            comp.fail(f"The directive [@{kind}] takes {usage}", start)
        var = comp.unique(kind)
        block = comp.push(kind, start, var)
        block.scoped = True
        value = call + ", ".join(parts) + ")"
        return (
            "{% set "
            + var
            + " = "
            + value
            + " %}{% if "
            + var
            + " is not none %}{% with "
            + variable
            + " = "
            + var
            + " %}"
        )

    return compile_open


_register("error")(
    _scoped(
        "error",
        "message",
        "blade_error(errors, ",
        2,
        "a field name and an optional error bag name",
    )
)
_register("session")(_scoped("session", "value", "blade_session(", 1, "a session key"))


# -- @auth / @guest ---------------------------------------------------------------------


def _auth(kind: str, negate: bool) -> Directive:
    def compile_open(comp: _Compilation, args: str | None, start: int) -> str:
        comp.push(kind, start)
        return (
            "{% if "
            + ("not " if negate else "")
            + f"blade_auth_check({_args(args)}) %}}"
        )

    return compile_open


def _else_auth(kind: str, negate: bool) -> Directive:
    def compile_else(comp: _Compilation, args: str | None, start: int) -> str:
        test = ("not " if negate else "") + f"blade_auth_check({_args(args)})"
        return else_branch(
            comp, ("auth", "guest"), "@else" + kind, start, "{% elif " + test + " %}"
        )

    return compile_else


_register("auth")(_auth("auth", negate=False))
_register("guest")(_auth("guest", negate=True))
_register("elseauth")(_else_auth("auth", negate=False))
_register("elseguest")(_else_auth("guest", negate=True))


# -- @can / @cannot / @canany -----------------------------------------------------------


def _can_call(comp: _Compilation, kind: str, args: str | None, start: int) -> str:
    expr = comp.require(args, kind, start).strip()
    if kind == "canany":
        return f"blade_can({expr}, any_=True)"
    return f"blade_can({expr})"


def _can(kind: str, negate: bool) -> Directive:
    def compile_open(comp: _Compilation, args: str | None, start: int) -> str:
        test = ("not " if negate else "") + _can_call(comp, kind, args, start)
        comp.push(kind, start)
        return "{% if " + test + " %}"

    return compile_open


def _else_can(kind: str, negate: bool) -> Directive:
    def compile_else(comp: _Compilation, args: str | None, start: int) -> str:
        test = ("not " if negate else "") + _can_call(comp, kind, args, start)
        return else_branch(
            comp,
            ("can", "cannot", "canany"),
            "@else" + kind,
            start,
            "{% elif " + test + " %}",
        )

    return compile_else


for _kind, _negate in (("can", False), ("cannot", True), ("canany", False)):
    _register(_kind)(_can(_kind, _negate))
    _register("else" + _kind)(_else_can(_kind, _negate))


# -- @env / @production -----------------------------------------------------------------


@_register("env")
def _env(comp: _Compilation, args: str | None, start: int) -> str:
    comp.push("env", start)
    return "{% if blade_env(" + comp.require(args, "env", start).strip() + ") %}"


@_register("production", takes_args=False)
def _production(comp: _Compilation, args: str | None, start: int) -> str:
    comp.push("production", start)
    return "{% if blade_env('production') %}"
