"""Translate Blade source into Jinja source, one output line per input line.

Laravel: ``Illuminate\\View\\Compilers\\BladeCompiler``. Expressions inside Blade are
Jinja expressions (``@if(user.is_admin)``, ``@foreach(posts as post)``); this module
only rewrites the Blade syntax around them, so Jinja still parses, caches and
autoescapes. Every directive keeps the newlines it spans (they move inside the
emitted tag), so Jinja's error line numbers are the Blade file's line numbers.
"""

from __future__ import annotations

import hashlib
import re
import typing as t

from protevus.support.aliases import CamelAliases
from protevus.view.exceptions import BladeSyntaxError

#: Bump whenever the generated Jinja changes; compiled-template caches key on it.
TRANSLATOR_VERSION = "5"

DirectiveHandler = t.Callable[[str | None], str]

_TOKEN = re.compile(r"\{\{--|@?\{\{|@?\{!!|\{%|\{#|\B@@?\w+")
_STRING = re.compile(r"""^\s*(?:'([^'\\]*)'|"([^"\\]*)")\s*$""")
_IDENTIFIER = re.compile(r"^[A-Za-z_]\w*$")
_RAW_END = re.compile(r"\{%-?\s*endraw\s*-?%\}")
_CLOSERS = ("%}", "}}", "#}")

_LOOPS = ("foreach", "forelse", "for", "while")
_ENDS = {
    "endif": ("if", "isset", "empty", "unless"),
    "endunless": ("unless",),
    "endisset": ("isset",),
    "endempty": ("empty",),
    "endswitch": ("switch",),
    "endforeach": ("foreach", "for"),
    "endfor": ("for",),
    "endforelse": ("forelse_empty", "forelse"),
    "endwhile": ("while",),
    "endauth": ("auth",),
    "endguest": ("guest",),
    "endcan": ("can",),
    "endcannot": ("cannot",),
    "endcanany": ("canany",),
    "endenv": ("env",),
    "endproduction": ("production",),
    "enderror": ("error",),
    "endsession": ("session",),
    "endonce": ("once",),
}
#: Blocks that compile to ``{% if %}`` and so accept ``@else``/``@elseif``.
_CONDITIONALS = (
    "if",
    "unless",
    "isset",
    "empty",
    "auth",
    "guest",
    "can",
    "cannot",
    "canany",
    "env",
    "production",
    "error",
    "session",
)
_ATTRIBUTES = ("checked", "selected", "disabled", "readonly", "required")


def snake_directive(name: str) -> str:
    """Return the snake_case spelling of a directive name (``includeIf`` → ``include_if``)."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def mask(expr: str) -> str:
    """Blank out string literals and bracketed parts of an expression, keeping its length.

    Splitting the masked text on top-level tokens (``as``, ``=>``, ``,``) and
    slicing the original at the same offsets never cuts inside a string or a call.
    """
    out: list[str] = []
    depth = 0
    quote = ""
    i = 0
    while i < len(expr):
        char = expr[i]
        if quote:
            if char == "\\":
                out.append("__")
                i += 2
                continue
            if char == quote:
                quote = ""
            out.append("_")
        elif char in "'\"":
            quote = char
            out.append("_")
        elif char in "([{":
            depth += 1
            out.append(char if depth == 1 else "_")
        elif char in ")]}":
            out.append(char if depth == 1 else "_")
            depth -= 1
        else:
            out.append("_" if depth else char)
        i += 1
    return "".join(out)[: len(expr)]


def split_top(expr: str, separator: str = ",") -> list[str]:
    """Split an expression on a separator that sits outside strings and brackets."""
    masked = mask(expr)
    parts: list[str] = []
    start = 0
    for match in re.finditer(re.escape(separator), masked):
        parts.append(expr[start : match.start()])
        start = match.end()
    parts.append(expr[start:])
    return parts


class _Block:
    """One open directive on the compiler's stack."""

    __slots__ = (
        "kind",
        "line",
        "var",
        "cases",
        "opening",
        "open_case",
        "label",
        "scoped",
        "closing",
        "plain",
    )

    def __init__(
        self,
        kind: str,
        line: int,
        var: str = "",
        opening: int = -1,
        label: str | None = None,
    ) -> None:
        self.kind = kind
        self.line = line
        self.var = var
        self.cases = 0
        self.opening = opening
        self.open_case = False
        #: The directive named in error messages (``@push`` for a ``push_once`` block).
        self.label = label or kind.split("_")[0]
        #: True while a ``{% with %}`` opened by the block (``@error``'s ``message``) is open.
        self.scoped = False
        #: Jinja emitted by the block's end directive, when the opener decides it (``@endpush``).
        self.closing = ""
        #: A loop's plain ``{% for %}`` opener, used when its body never needs ``loop``.
        self.plain = ""


class BladeCompiler(CamelAliases):
    """Compile Blade templates to Jinja source.

    Laravel: ``Illuminate\\View\\Compilers\\BladeCompiler`` (``compileString()``,
    ``directive()``, ``if()``).
    """

    def __init__(self) -> None:
        self._directives: dict[str, DirectiveHandler] = {}
        self.conditions: dict[str, t.Callable[..., t.Any]] = {}
        #: the environment's component registry (set by ``BladeExtension``).
        self.component_registry: t.Any = None
        #: True when the environment autoescapes Blade templates and prints ``None``
        #: as nothing (its ``finalize``): ``{{ x }}`` then compiles to a bare Jinja
        #: echo, which Jinja escapes itself, instead of a ``blade_e`` filter call.
        self.autoescaped = False

    @property
    def version(self) -> str:
        """Return the translator version plus the custom directives, for compiled-cache keys."""
        names = sorted(self._directives) + sorted(self.conditions)
        base = TRANSLATOR_VERSION + ("a" if self.autoescaped else "")
        if not names:
            return base
        return base + "+" + hashlib.sha1(",".join(names).encode()).hexdigest()[:10]

    def directive(self, name: str, handler: DirectiveHandler) -> None:
        """Register ``@name(expr)``: ``handler`` receives the text between the parentheses (or ``None``) and returns Jinja source.

        Laravel: ``Blade::directive()``. The handler may not add lines.
        """
        if not _IDENTIFIER.match(name):
            raise ValueError(
                f"The directive name [{name}] must contain only letters, digits and underscores."
            )
        self._directives[snake_directive(name)] = handler

    def if_(self, name: str, callback: t.Callable[..., t.Any]) -> None:
        """Register ``@name(args)``/``@elsename``/``@unlessname``/``@endname`` backed by ``callback(*args)``.

        Laravel: ``Blade::if()``.
        """
        if not _IDENTIFIER.match(name):
            raise ValueError(
                f"The condition name [{name}] must contain only letters, digits and underscores."
            )
        self.conditions[snake_directive(name)] = callback

    def component(self, name: t.Any, component: t.Any = None, prefix: str = "") -> None:
        """Register a class or view as ``<x-name>``. Laravel: ``Blade::component()``."""
        self._components().component(name, component, prefix)

    def anonymous_component_path(self, path: str, prefix: str | None = None) -> None:
        """Look for anonymous components in ``path`` (as ``<x-prefix::name>``).

        Laravel: ``Blade::anonymousComponentPath()``.
        """
        self._components().anonymous_component_path(path, prefix)

    def _components(self) -> t.Any:
        registry = self.component_registry
        if registry is None:
            raise RuntimeError(
                "Components are registered on a Jinja environment: add BladeExtension "
                "to one (the view factory does) before calling Blade.component()."
            )
        return registry

    def compile_string(self, source: str, name: str | None = None) -> str:
        """Return the Jinja source for a Blade template. Laravel: ``BladeCompiler::compileString()``."""
        if "<x-" in source or "</x-" in source:
            from protevus.view.blade.component_tag_compiler import (
                compile_component_tags,
            )

            source = compile_component_tags(source, name)
        return _Compilation(self, source, name).run()


class _Compilation:
    """The state of one ``compile_string`` call."""

    def __init__(self, compiler: BladeCompiler, source: str, name: str | None) -> None:
        self.compiler = compiler
        self.source = source
        self.name = name
        self.out: list[str] = []
        self.stack: list[_Block] = []
        self.counter = 0
        self.onces = 0
        self.pos = 0

    # -- driving -------------------------------------------------------------

    def line_at(self, pos: int) -> int:
        return self.source.count("\n", 0, pos) + 1

    def fail(self, message: str, pos: int) -> t.NoReturn:
        line = self.line_at(pos)
        raise BladeSyntaxError(
            f"{message} (template [{self.name or '<string>'}], line {line}).",
            line,
            self.name,
        )

    def emit(self, jinja: str, start: int, end: int) -> None:
        """Append ``jinja`` for the source span ``start:end``, moving the span's newlines inside its last tag."""
        missing = self.source.count("\n", start, end) - jinja.count("\n")
        if missing > 0:
            cut = max(jinja.rfind(closer) for closer in _CLOSERS)
            if cut < 0:
                jinja, cut = jinja + "{##}", len(jinja) + 2
            jinja = jinja[:cut] + "\n" * missing + jinja[cut:]
        self.out.append(jinja)
        self.pos = end

    def run(self) -> str:
        source = self.source
        while True:
            match = _TOKEN.search(source, self.pos)
            if match is None:
                self.out.append(source[self.pos :])
                break
            self.out.append(source[self.pos : match.start()])
            self.pos = match.start()
            self.token(match.group(0), match.start(), match.end())
        if self.stack:
            block = self.stack[-1]
            self.fail(
                f"The directive [@{block.label}] opened on line {block.line} is never closed",
                len(source),
            )
        return "".join(self.out)

    def find(self, closer: str, start: int, what: str) -> int:
        index = self.source.find(closer, start)
        if index < 0:
            self.fail(f"The [{what}] is never closed with [{closer}]", start)
        return index

    def balanced(self, start: int) -> int:
        """Return the offset just after the parenthesis group opening at ``start``."""
        depth = 0
        quote = ""
        i = start
        source = self.source
        while i < len(source):
            char = source[i]
            if quote:
                if char == "\\":
                    i += 1
                elif char == quote:
                    quote = ""
            elif char in "'\"":
                quote = char
            elif char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        self.fail("A directive's opening parenthesis is never closed", start)

    def token(self, text: str, start: int, end: int) -> None:
        source = self.source
        if text == "{{--":
            close = self.find("--}}", end, "{{--")
            self.emit("{##}", start, close + 4)
        elif text in ("@{{", "@{!!"):
            closer = "}}" if text == "@{{" else "!!}"
            close = self.find(closer, end, text[1:]) + len(closer)
            self.emit(
                "{% raw %}" + source[start + 1 : close] + "{% endraw %}", start, close
            )
        elif text in ("{{", "{!!"):
            closer = "}}" if text == "{{" else "!!}"
            close = self.find(closer, end, text)
            expr = source[end:close].strip()
            if text == "{{" and self.compiler.autoescaped:
                self.emit("{{ (" + expr + ") }}", start, close + len(closer))
            else:
                helper = "blade_e" if text == "{{" else "blade_raw"
                self.emit(
                    "{{ (" + expr + ")|" + helper + " }}", start, close + len(closer)
                )
        elif text == "{#":
            close = self.find("#}", end, "{#") + 2
            self.out.append(source[start:close])
            self.pos = close
        elif text == "{%":
            close = self.find("%}", end, "{%") + 2
            self.out.append(source[start:close])
            self.pos = close
            if re.fullmatch(r"\{%-?\s*raw\s*-?%\}", source[start:close]):
                raw_end = _RAW_END.search(source, close)
                if raw_end is None:
                    self.fail(
                        "The [{% raw %}] block is never closed with [{% endraw %}]",
                        start,
                    )
                self.out.append(source[close : raw_end.end()])
                self.pos = raw_end.end()
        elif text.startswith("@@"):
            self.emit(text[1:], start, end)
        else:
            self.directive(text[1:], start, end)

    # -- directives ----------------------------------------------------------

    def directive(self, raw_name: str, start: int, end: int) -> None:
        name = snake_directive(raw_name)
        from protevus.view.blade.directives import DIRECTIVES
        from protevus.view.blade.directives import SPELLINGS
        from protevus.view.blade.directives import TAKES_ARGS

        custom = self.compiler._directives.get(name)
        condition = self.custom_condition(name)
        if custom is None and condition is None and name not in DIRECTIVES:
            # Laravel's built-in directives ignore case (PHP method names do), so
            # @endPushOnce, @endpushonce and @endpush_once are one directive.
            name = SPELLINGS.get(name.replace("_", ""), name)
        known = custom is not None or condition is not None or name in DIRECTIVES
        if not known:
            self.out.append(self.source[start:end])
            self.pos = end
            return
        args: str | None = None
        after = end
        if custom is not None or condition is not None or name in TAKES_ARGS:
            probe = end
            while probe < len(self.source) and self.source[probe] in " \t":
                probe += 1
            if probe < len(self.source) and self.source[probe] == "(":
                after = self.balanced(probe)
                args = self.source[probe + 1 : after - 1]
        if custom is not None:
            jinja = custom(args)
            if jinja.count("\n") > self.source.count("\n", start, after):
                self.fail(
                    f"The custom directive [@{raw_name}] returned more lines than it replaced",
                    start,
                )
            self.emit(jinja, start, after)
        elif condition is not None:
            self.emit(self.compile_condition(condition, args, start), start, after)
        elif name == "verbatim":
            close = re.compile(r"\B@endverbatim\b").search(self.source, after)
            if close is None:
                self.fail(
                    "The directive [@verbatim] is never closed with [@endverbatim]",
                    start,
                )
            body = self.source[after : close.start()]
            self.emit("{% raw %}" + body + "{% endraw %}", start, close.end())
        else:
            self.emit(DIRECTIVES[name](self, args, start), start, after)

    def custom_condition(self, name: str) -> tuple[str, str] | None:
        conditions = self.compiler.conditions
        if name in conditions:
            return ("open", name)
        for prefix, role in (("else", "else"), ("unless", "unless"), ("end", "end")):
            if name.startswith(prefix) and name[len(prefix) :] in conditions:
                return (role, name[len(prefix) :])
        return None

    def compile_condition(
        self, condition: tuple[str, str], args: str | None, start: int
    ) -> str:
        role, name = condition
        call = f"blade_condition({name!r}" + (
            f", {args})" if args and args.strip() else ")"
        )
        if role == "open":
            self.push("if", start)
            return "{% if " + call + " %}"
        if role == "unless":
            self.push("if", start)
            return "{% if not " + call + " %}"
        if role == "else":
            self.top(("if", "unless"), f"@else{name}", start)
            return "{% elif " + call + " %}"
        self.pop(("if", "unless"), f"@end{name}", start)
        return "{% endif %}"

    # -- stack helpers used by the directive table ---------------------------

    def push(
        self, kind: str, start: int, var: str = "", label: str | None = None
    ) -> _Block:
        block = _Block(kind, self.line_at(start), var, len(self.out), label)
        self.stack.append(block)
        return block

    def top(self, kinds: t.Sequence[str], directive: str, start: int) -> _Block:
        if not self.stack or self.stack[-1].kind not in kinds:
            opened = f" inside [@{self.stack[-1].label}]" if self.stack else ""
            self.fail(
                f"The directive [{directive}] does not belong here{opened}", start
            )
        return self.stack[-1]

    def pop(self, kinds: t.Sequence[str], directive: str, start: int) -> _Block:
        block = self.top(kinds, directive, start)
        self.stack.pop()
        return block

    def nearest(self, kinds: t.Sequence[str]) -> _Block | None:
        for block in reversed(self.stack):
            if block.kind in kinds:
                return block
        return None

    def unique(self, prefix: str) -> str:
        self.counter += 1
        return f"__blade_{prefix}{self.counter}"

    def once_id(self) -> str:
        """Return a compile-time id for ``@once``/``@push_once`` unique within this template."""
        self.onces += 1
        label = self.name or hashlib.sha1(self.source.encode()).hexdigest()[:12]
        return repr(f"{label}#{self.onces}")

    def require(self, args: str | None, directive: str, start: int) -> str:
        if args is None or not args.strip():
            self.fail(
                f"The directive [@{directive}] needs an expression in parentheses",
                start,
            )
        return args
