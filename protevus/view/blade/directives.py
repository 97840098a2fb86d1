"""The built-in Blade directives, each a function returning the Jinja source for one directive.

Laravel: ``Illuminate\\View\\Compilers\\Concerns\\Compiles*``. Every function takes the
compilation, the text between the directive's parentheses (or ``None``) and the
directive's offset (for error messages).
"""

from __future__ import annotations

import re
import typing as t

from protevus.view.blade.compiler import _ATTRIBUTES
from protevus.view.blade.compiler import _CONDITIONALS
from protevus.view.blade.compiler import _ENDS
from protevus.view.blade.compiler import _LOOPS
from protevus.view.blade.compiler import _STRING
from protevus.view.blade.compiler import mask
from protevus.view.blade.compiler import split_top

if t.TYPE_CHECKING:
    from protevus.view.blade.compiler import _Compilation

Directive = t.Callable[["_Compilation", str | None, int], str]

DIRECTIVES: dict[str, Directive] = {}
TAKES_ARGS: set[str] = set()
#: Directive names without underscores → registered name (``endpushonce`` → ``end_push_once``).
SPELLINGS: dict[str, str] = {}


def _register(name: str, takes_args: bool = True) -> t.Callable[[Directive], Directive]:
    def decorate(function: Directive) -> Directive:
        DIRECTIVES[name] = function
        SPELLINGS[name.replace("_", "")] = name
        if takes_args:
            TAKES_ARGS.add(name)
        return function

    return decorate


def view_name(expr: str) -> str:
    """Return the Jinja template name expression for a Blade view name (``'layouts.app'`` → ``"layouts/app.blade.html"``)."""
    literal = _STRING.match(expr)
    if literal is None:
        return f"blade_view({expr.strip()})"
    name = literal.group(1) if literal.group(1) is not None else literal.group(2)
    return '"' + name.replace(".", "/") + '.blade.html"'


def section_name(comp: _Compilation, expr: str, start: int) -> str:
    """Return the Jinja block name for a literal section name (non-identifier characters become ``_``)."""
    literal = _STRING.match(expr)
    if literal is None:
        comp.fail(f"The section name [{expr.strip()}] must be a quoted string", start)
    name = literal.group(1) if literal.group(1) is not None else literal.group(2)
    block = re.sub(r"\W", "_", name)
    return block if re.match(r"[A-Za-z_]", block) else "_" + block


# -- conditionals ---------------------------------------------------------------


@_register("if")
def _if(comp: _Compilation, args: str | None, start: int) -> str:
    comp.push("if", start)
    return "{% if " + comp.require(args, "if", start) + " %}"


def else_branch(
    comp: _Compilation,
    kinds: t.Sequence[str],
    directive: str,
    start: int,
    tag: str,
) -> str:
    """Return ``tag`` (an ``elif``/``else``), closing the ``{% with %}`` an ``@error``/``@session`` block opened."""
    block = comp.top(kinds, directive, start)
    if block.scoped:
        block.scoped = False
        return "{% endwith %}" + tag
    return tag


@_register("elseif")
def _elseif(comp: _Compilation, args: str | None, start: int) -> str:
    test = comp.require(args, "elseif", start)
    return else_branch(comp, _CONDITIONALS, "@elseif", start, "{% elif " + test + " %}")


@_register("else", takes_args=False)
def _else(comp: _Compilation, args: str | None, start: int) -> str:
    return else_branch(comp, _CONDITIONALS, "@else", start, "{% else %}")


@_register("unless")
def _unless(comp: _Compilation, args: str | None, start: int) -> str:
    comp.push("unless", start)
    return "{% if not (" + comp.require(args, "unless", start) + ") %}"


@_register("isset")
def _isset(comp: _Compilation, args: str | None, start: int) -> str:
    comp.push("isset", start)
    tests = [
        f"({part.strip()}) is defined and ({part.strip()}) is not none"
        for part in split_top(comp.require(args, "isset", start))
    ]
    return "{% if " + " and ".join(tests) + " %}"


@_register("empty")
def _empty(comp: _Compilation, args: str | None, start: int) -> str:
    if args is None:
        block = comp.top(("forelse",), "@empty", start)
        block.kind = "forelse_empty"
        return "{% endwith %}{% else %}"
    comp.push("empty", start)
    return "{% if blade_empty(" + args + ") %}"


#: Compiled body text that may read the loop's ``loop``: the name itself, or a
#: template rendered with the current variables (Laravel passes ``$loop`` to includes).
_USES_LOOP = re.compile(r"\bloop\b|include|blade_each")


def _needs_no_loop(body: list[str]) -> bool:
    return _USES_LOOP.search("".join(body)) is None


def _use_plain_opener(comp: _Compilation, block: t.Any) -> None:
    """Replace a loop's opener by a plain ``{% for %}``: no ``Loop`` object per iteration.

    The newlines the opener carried move inside the new tag, so line numbers stay.
    """
    previous = comp.out[block.opening]
    plain = block.plain
    missing = previous.count("\n") - plain.count("\n")
    if missing > 0:
        plain = plain[:-2] + "\n" * missing + "%}"
    comp.out[block.opening] = plain


def _end(name: str) -> Directive:
    def compile_end(comp: _Compilation, args: str | None, start: int) -> str:
        block = comp.pop(_ENDS[name], "@" + name, start)
        if block.kind == "while":
            return "{% endfor %}"
        if block.kind in ("foreach", "forelse", "for"):
            if block.plain and _needs_no_loop(comp.out[block.opening + 1 :]):
                _use_plain_opener(comp, block)
                return "{% endfor %}"
            return "{% endwith %}{% endfor %}"
        if block.kind == "forelse_empty":
            return "{% endfor %}"
        if block.kind == "switch" and block.cases == 0:
            return ""
        return ("{% endwith %}" if block.scoped else "") + "{% endif %}"

    return compile_end


for _name in _ENDS:
    _register(_name, takes_args=False)(_end(_name))


# -- switch -----------------------------------------------------------------------


@_register("switch")
def _switch(comp: _Compilation, args: str | None, start: int) -> str:
    var = comp.unique("switch")
    comp.push("switch", start, var)
    return "{% set " + var + " = (" + comp.require(args, "switch", start) + ") %}"


@_register("case")
def _case(comp: _Compilation, args: str | None, start: int) -> str:
    block = comp.top(("switch",), "@case", start)
    test = f"{block.var} == ({comp.require(args, 'case', start)})"
    if block.open_case and all(
        not chunk.strip() for chunk in comp.out[block.opening + 1 :]
    ):
        # Stacked @case lines with nothing between them share one body, as in PHP.
        previous = comp.out[block.opening]
        comp.out[block.opening] = (
            previous[: previous.rindex(" %}")] + " or " + test + " %}"
        )
        return ""
    block.cases += 1
    block.opening = len(comp.out)
    block.open_case = True
    return ("{% if " if block.cases == 1 else "{% elif ") + test + " %}"


@_register("default", takes_args=False)
def _default(comp: _Compilation, args: str | None, start: int) -> str:
    block = comp.top(("switch",), "@default", start)
    block.open_case = False
    block.cases += 1
    return "{% if true %}" if block.cases == 1 else "{% else %}"


def _loop_control(keyword: str) -> Directive:
    def compile_control(comp: _Compilation, args: str | None, start: int) -> str:
        block = comp.nearest(("switch", *_LOOPS, "forelse_empty"))
        if block is not None and block.kind == "switch" and keyword == "break":
            block.open_case = False
            return ""
        if block is None or block.kind not in _LOOPS:
            comp.fail(
                f"The directive [@{keyword}] must be inside [@foreach], [@forelse], [@for] or [@while]",
                start,
            )
        if args is not None and args.strip():
            return "{% if " + args + " %}{% " + keyword + " %}{% endif %}"
        return "{% " + keyword + " %}"

    return compile_control


_register("break")(_loop_control("break"))
_register("continue")(_loop_control("continue"))


# -- loops ------------------------------------------------------------------------


def _compile_loop(comp: _Compilation, kind: str, args: str | None, start: int) -> str:
    expr = comp.require(args, kind, start)
    masked = mask(expr)
    if kind == "for":
        found = list(re.finditer(r"\s+in\s+", masked))
        if ";" in masked or not found:
            comp.fail(
                "The directive [@for] takes [target in iterable] (Jinja has no C-style loop); use [@foreach(items as item)]",
                start,
            )
        target, items = expr[: found[0].start()], expr[found[0].end() :]
    else:
        found = list(re.finditer(r"\s+as\s+", masked))
        if not found:
            comp.fail(
                f"The directive [@{kind}] takes [items as item] or [items as key => value]",
                start,
            )
        items, target = expr[: found[-1].start()], expr[found[-1].end() :]
    var = comp.unique("loop")
    pairs = ""
    if "=>" in mask(target):
        key, value = split_top(target, "=>")
        target = f"({key.strip()}, {value.strip()})"
        pairs = ", True"
    else:
        target = target.strip()
    block = comp.push(kind, start)
    if not pairs and kind != "forelse":
        block.plain = "{% for " + target + " in blade_items(" + items.strip() + ") %}"
    return (
        "{% for "
        + var
        + ", "
        + target
        + " in blade_loop("
        + items.strip()
        + ", loop"
        + pairs
        + ") %}{% with loop = "
        + var
        + " %}"
    )


@_register("foreach")
def _foreach(comp: _Compilation, args: str | None, start: int) -> str:
    return _compile_loop(comp, "foreach", args, start)


@_register("forelse")
def _forelse(comp: _Compilation, args: str | None, start: int) -> str:
    return _compile_loop(comp, "forelse", args, start)


@_register("for")
def _for(comp: _Compilation, args: str | None, start: int) -> str:
    return _compile_loop(comp, "for", args, start)


@_register("while")
def _while(comp: _Compilation, args: str | None, start: int) -> str:
    # Jinja has no while: iterate blade_while() (capped) and break when the
    # condition fails. Jinja's {% set %} does not outlive one iteration, so the
    # condition must read state that changes: a namespace() or a method call.
    condition = comp.require(args, "while", start)
    var = comp.unique("while")
    comp.push("while", start)
    return (
        "{% for " + var + " in blade_while() %}{% if not (" + condition + ") %}"
        "{% break %}{% endif %}"
    )


# -- layouts ------------------------------------------------------------------------


@_register("extends")
def _extends(comp: _Compilation, args: str | None, start: int) -> str:
    return "{% extends " + view_name(comp.require(args, "extends", start)) + " %}"


@_register("section")
def _section(comp: _Compilation, args: str | None, start: int) -> str:
    parts = split_top(comp.require(args, "section", start))
    block = section_name(comp, parts[0], start)
    scoped = " scoped" if comp.nearest(_LOOPS) is not None else ""
    if len(parts) > 1:
        return (
            "{% block "
            + block
            + scoped
            + " %}{{ ("
            + ",".join(parts[1:]).strip()
            + ")|blade_e }}{% endblock %}"
        )
    comp.push("section", start)
    return "{% block " + block + scoped + " %}"


def _end_section(name: str) -> Directive:
    def compile_end(comp: _Compilation, args: str | None, start: int) -> str:
        comp.pop(("section",), "@" + name, start)
        return "{% endblock %}"

    return compile_end


for _name in ("endsection", "show", "stop", "append", "overwrite"):
    _register(_name, takes_args=False)(_end_section(_name))


@_register("yield")
def _yield(comp: _Compilation, args: str | None, start: int) -> str:
    parts = split_top(comp.require(args, "yield", start))
    block = section_name(comp, parts[0], start)
    default = (
        "{{ (" + ",".join(parts[1:]).strip() + ")|blade_e }}" if len(parts) > 1 else ""
    )
    return "{% block " + block + " %}" + default + "{% endblock %}"


@_register("parent", takes_args=False)
def _parent(comp: _Compilation, args: str | None, start: int) -> str:
    return "{{ super() }}"


def _section_check(name: str, negate: bool) -> Directive:
    def compile_check(comp: _Compilation, args: str | None, start: int) -> str:
        block = section_name(comp, comp.require(args, name, start), start)
        comp.push("if", start, label=name)
        call = f"blade_has_section({block!r}, {comp.name!r})"
        return "{% if " + ("not " if negate else "") + call + " %}"

    return compile_check


_register("has_section")(_section_check("has_section", negate=False))
_register("section_missing")(_section_check("section_missing", negate=True))


# -- includes -------------------------------------------------------------------------


def _include(comp: _Compilation, target: str, data: str | None, missing: bool) -> str:
    """Return the Jinja for including the template expression ``target`` with optional ``data``."""
    ignore = " ignore missing" if missing else ""
    if data is None or not data.strip():
        return "{% include " + target + ignore + " %}"
    stripped = data.strip()
    if (
        stripped.startswith("{")
        and stripped.endswith("}")
        and mask(stripped).count("{") == 1
    ):
        pairs = []
        for pair in split_top(stripped[1:-1]):
            if not pair.strip():
                continue
            key, _, value = pair.partition(":")
            literal = _STRING.match(key)
            if ":" not in mask(pair) or literal is None:
                break
            word = (
                literal.group(1) if literal.group(1) is not None else literal.group(2)
            )
            if not re.fullmatch(r"[A-Za-z_]\w*", word):
                break
            pairs.append(f"{word}=({pair[mask(pair).index(':') + 1 :].strip()})")
        else:
            if not pairs:
                return "{% include " + target + ignore + " %}"
            return (
                "{% with "
                + ", ".join(pairs)
                + " %}{% include "
                + target
                + ignore
                + " %}{% endwith %}"
            )
    return "{{ blade_include(" + target + ", " + stripped + ", " + str(missing) + ") }}"


def _rest(parts: list[str], first: int) -> str | None:
    return ",".join(parts[first:]) or None


@_register("include")
def _include_directive(comp: _Compilation, args: str | None, start: int) -> str:
    parts = split_top(comp.require(args, "include", start))
    return _include(comp, view_name(parts[0]), _rest(parts, 1), missing=False)


@_register("include_if")
def _include_if(comp: _Compilation, args: str | None, start: int) -> str:
    parts = split_top(comp.require(args, "include_if", start))
    return _include(comp, view_name(parts[0]), _rest(parts, 1), missing=True)


def _include_conditional(name: str, negate: bool) -> Directive:
    def compile_include(comp: _Compilation, args: str | None, start: int) -> str:
        parts = split_top(comp.require(args, name, start))
        if len(parts) < 2 or not parts[1].strip():
            comp.fail(
                f"The directive [@{name}] takes a condition and a view name", start
            )
        condition = f"not ({parts[0].strip()})" if negate else parts[0].strip()
        body = _include(comp, view_name(parts[1]), _rest(parts, 2), missing=False)
        return "{% if " + condition + " %}" + body + "{% endif %}"

    return compile_include


_register("include_when")(_include_conditional("include_when", negate=False))
_register("include_unless")(_include_conditional("include_unless", negate=True))


@_register("include_first")
def _include_first(comp: _Compilation, args: str | None, start: int) -> str:
    parts = split_top(comp.require(args, "include_first", start))
    names = parts[0].strip()
    if names.startswith("[") and names.endswith("]") and mask(names).count("[") == 1:
        items = [item for item in split_top(names[1:-1]) if item.strip()]
        if items and all(_STRING.match(item) for item in items):
            target = "[" + ", ".join(view_name(item) for item in items) + "]"
            return _include(comp, target, _rest(parts, 1), missing=False)
    return _include(comp, f"blade_view({names})", _rest(parts, 1), missing=False)


@_register("each")
def _each(comp: _Compilation, args: str | None, start: int) -> str:
    parts = split_top(comp.require(args, "each", start))
    if len(parts) not in (3, 4) or not all(part.strip() for part in parts):
        comp.fail(
            "The directive [@each] takes a view name, the items, the item's variable name "
            "and an optional view (or 'raw|text') for no items",
            start,
        )
    return "{{ blade_each(" + ", ".join(part.strip() for part in parts) + ") }}"


# -- helpers ----------------------------------------------------------------------------


@_register("json")
def _json(comp: _Compilation, args: str | None, start: int) -> str:
    # Laravel: @json(value, flags, depth); the depth has no Python counterpart.
    parts = [part.strip() for part in split_top(comp.require(args, "json", start))]
    return "{{ blade_json(" + ", ".join(parts[:2]) + ") }}"


@_register("class")
def _class(comp: _Compilation, args: str | None, start: int) -> str:
    return 'class="{{ blade_classes(' + comp.require(args, "class", start) + ') }}"'


@_register("style")
def _style(comp: _Compilation, args: str | None, start: int) -> str:
    return 'style="{{ blade_styles(' + comp.require(args, "style", start) + ') }}"'


def _attribute(name: str) -> Directive:
    def compile_attribute(comp: _Compilation, args: str | None, start: int) -> str:
        return "{% if " + comp.require(args, name, start) + " %}" + name + "{% endif %}"

    return compile_attribute


for _name in _ATTRIBUTES:
    _register(_name)(_attribute(_name))


@_register("verbatim", takes_args=False)
def _verbatim(comp: _Compilation, args: str | None, start: int) -> str:
    raise AssertionError("The compiler handles [@verbatim] itself.")  # pragma: no cover


@_register("endverbatim", takes_args=False)
def _endverbatim(comp: _Compilation, args: str | None, start: int) -> str:
    comp.fail("The directive [@endverbatim] has no matching [@verbatim]", start)


# The component, request and stack directives register themselves on import (kept in
# their own modules).
import protevus.view.blade.component_directives  # noqa: E402,F401
import protevus.view.blade.directives_request  # noqa: E402,F401
import protevus.view.blade.directives_stacks  # noqa: E402,F401
