"""The component directives ``@props`` and ``@aware``, registered with the built-in directives.

Laravel: ``Illuminate\\View\\Compilers\\Concerns\\CompilesComponents``. Both take a
Laravel-style list (``['type' => 'info', 'message']``), a Python list of names
(``['type', 'message']``) or a Python dict (``{'type': 'info', 'message': None}``).
"""

from __future__ import annotations

import re
import typing as t

from protevus.view.blade.compiler import _STRING
from protevus.view.blade.compiler import mask
from protevus.view.blade.compiler import split_top
from protevus.view.blade.directives import _register

if t.TYPE_CHECKING:
    from protevus.view.blade.compiler import _Compilation

_NAME = re.compile(r"^[A-Za-z_][\w\-]*$")


def parse_props(
    comp: _Compilation, args: str | None, directive: str, start: int
) -> list[tuple[str, str | None]]:
    """Return ``[(name, default expression or None)]`` from the argument of ``@props``/``@aware``."""
    expr = comp.require(args, directive, start).strip()
    masked = mask(expr)
    usage = f"The directive [@{directive}] takes a list such as [['type' => 'info', 'message']] or a dict such as [{{'type': 'info'}}]"
    closer = "]" if expr[:1] == "[" else "}"
    if expr[:1] not in ("[", "{") or masked.find(closer) != len(expr) - 1:
        comp.fail(usage, start)
    is_dict = expr[0] == "{"
    props: list[tuple[str, str | None]] = []
    for entry in split_top(expr[1:-1]):
        if not entry.strip():
            continue
        entry_mask = mask(entry)
        separator = ":" if is_dict else "=>"
        at = entry_mask.find(separator)
        key, default = (
            (entry, None) if at < 0 else (entry[:at], entry[at + len(separator) :])
        )
        literal = _STRING.match(key)
        if literal is None or (is_dict and default is None):
            comp.fail(usage, start)
        name = literal.group(1) if literal.group(1) is not None else literal.group(2)
        if not _NAME.match(name):
            comp.fail(
                f"The name [{name}] in [@{directive}] must be letters, digits and underscores",
                start,
            )
        name = name.replace("-", "_")
        props.append((name, None if default is None else default.strip()))
    return props


@_register("props")
def _props(comp: _Compilation, args: str | None, start: int) -> str:
    props = parse_props(comp, args, "props", start)
    names = (
        "("
        + ", ".join(f'"{name}"' for name, _ in props)
        + ("," if len(props) == 1 else "")
        + ")"
    )
    defaults = (
        "{"
        + ", ".join(
            f'"{name}": ({default})' for name, default in props if default is not None
        )
        + "}"
    )
    call = f"blade_props({names}, {defaults})"
    if not props:
        return "{% set attributes = " + call + "[0] %}"
    targets = ", ".join(["attributes"] + [name for name, _ in props])
    return "{% set " + targets + " = " + call + " %}"


@_register("aware")
def _aware(comp: _Compilation, args: str | None, start: int) -> str:
    return "".join(
        "{% set "
        + name
        + ' = blade_aware("'
        + name
        + '"'
        + ("" if default is None else f", ({default})")
        + ") %}"
        for name, default in parse_props(comp, args, "aware", start)
    )
