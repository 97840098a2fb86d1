"""Stack directives: ``@push``/``@prepend``/``@stack`` and the ``@once`` family.

Laravel: ``Illuminate\\View\\Compilers\\Concerns\\CompilesStacks`` and ``@once`` from
``CompilesHelpers``. A push captures its body with ``{% set %}`` (which runs even at the
top level of a child template, where Jinja drops output) and hands it to the
render's stack store; ``@stack`` prints a placeholder that
:mod:`protevus.view.blade.stacks` replaces once the whole page has rendered.
"""

from __future__ import annotations

import typing as t

from protevus.view.blade.compiler import split_top
from protevus.view.blade.directives import Directive
from protevus.view.blade.directives import _register

if t.TYPE_CHECKING:
    from protevus.view.blade.compiler import _Compilation


def _call(name: str, content: str, prepend: bool) -> str:
    return (
        "{% if blade_push("
        + name
        + ", "
        + content
        + (", True" if prepend else "")
        + ") %}{% endif %}"
    )


def _open_push(kind: str, prepend: bool) -> Directive:
    """Compile ``@push``/``@prepend`` (block or inline), ``@push_once``/``@prepend_once`` and ``@push_if``."""
    once = kind.endswith("_once")

    def compile_open(comp: _Compilation, args: str | None, start: int) -> str:
        parts = [part.strip() for part in split_top(comp.require(args, kind, start))]
        if not all(parts) or len(parts) > 2:
            comp.fail(f"The directive [@{kind}] takes {_USAGE[kind]}", start)
        guard = ""
        if kind == "push_if":
            if len(parts) != 2:
                comp.fail(f"The directive [@{kind}] takes {_USAGE[kind]}", start)
            guard = "{% if " + parts[0] + " %}"
            name = parts[1]
        elif once:
            name = parts[0]
            once_id = parts[1] if len(parts) == 2 else comp.once_id()
            guard = "{% if blade_once(" + once_id + ") %}"
        elif len(parts) == 2:
            # Laravel: @push('scripts', content) pushes at once and needs no @endpush.
            return _call(parts[0], parts[1], prepend)
        else:
            name = parts[0]
        var = comp.unique("push")
        block = comp.push(kind, start, var, label=kind)
        block.closing = (
            "{% endset %}"
            + _call(name, var, prepend)
            + ("{% endif %}" if guard else "")
        )
        return guard + "{% set " + var + " %}"

    return compile_open


_USAGE = {
    "push": "a stack name and optional content",
    "prepend": "a stack name and optional content",
    "push_once": "a stack name and an optional id",
    "prepend_once": "a stack name and an optional id",
    "push_if": "a condition and a stack name",
}


def _close_push(kind: str, directive: str) -> Directive:
    def compile_close(comp: _Compilation, args: str | None, start: int) -> str:
        return comp.pop((kind,), "@" + directive, start).closing

    return compile_close


for _kind, _end, _prepend in (
    ("push", "endpush", False),
    ("prepend", "endprepend", True),
    ("push_once", "end_push_once", False),
    ("prepend_once", "end_prepend_once", True),
    ("push_if", "end_push_if", False),
):
    _register(_kind)(_open_push(_kind, _prepend))
    _register(_end, takes_args=False)(_close_push(_kind, _end))


@_register("stack")
def _stack(comp: _Compilation, args: str | None, start: int) -> str:
    parts = [part.strip() for part in split_top(comp.require(args, "stack", start))]
    if not all(parts) or len(parts) > 2:
        comp.fail(
            "The directive [@stack] takes a stack name and an optional default", start
        )
    return "{{ blade_stack(" + ", ".join(parts) + ") }}"


@_register("once")
def _once(comp: _Compilation, args: str | None, start: int) -> str:
    once_id = args.strip() if args is not None and args.strip() else comp.once_id()
    comp.push("once", start)
    return "{% if blade_once(" + once_id + ") %}"
