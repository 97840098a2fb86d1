"""Turn ``<x-alert ...>`` component tags into Jinja before the directives compile.

Laravel: ``Illuminate\\View\\Compilers\\ComponentTagCompiler``. A tag becomes calls of
the runtime's ``blade_component`` global (see ``component_runtime.py``)::

    <x-alert type="error" :message="msg"/>
    {% set __blade_x1 = blade_component("alert", {"type": "error", "message": (msg)}) %}{{ __blade_x1.render() }}

A paired tag captures its body in a ``{% set %}`` block (the default slot) and each
``<x-slot:name>`` inside it in another one, so slot content sees the variables of
the template around it. Every tag keeps the newlines it spans (they move inside the
emitted tag), so Jinja's error lines stay the Blade file's lines.
"""

from __future__ import annotations

import re
import typing as t

from protevus.view.exceptions import BladeSyntaxError

_SCAN = re.compile(
    r"\{\{--|@\{\{|@\{!!|\{\{|\{!!|\{#|\{%|(?<![\w@])@verbatim\b|</?x[-:](?=[\w])"
)
_SKIP_CLOSERS = {
    "{{--": "--}}",
    "@{{": "}}",
    "@{!!": "!!}",
    "{{": "}}",
    "{!!": "!!}",
    "{#": "#}",
}
_NAME = re.compile(r"[\w][\w\-:.]*")
_ATTRIBUTE = re.compile(r"[\w\-:.@%]+")
_UNQUOTED = re.compile(r"(?:[^\s\"'=<>`/]|/(?!>))+")
_ECHO = re.compile(r"\{\{(.*?)\}\}|\{!!(.*?)!!\}", re.S)
_RAW_OPEN = re.compile(r"\{%-?\s*raw\s*-?%\}")
_RAW_END = re.compile(r"\{%-?\s*endraw\s*-?%\}")
_VERBATIM_END = re.compile(r"(?<![\w@])@endverbatim\b")
_SLOT_NAME = re.compile(r"^[A-Za-z_][\w\-]*$")


def literal(text: str) -> str:
    """Return a Jinja string literal for ``text`` (newlines kept as they are)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


_AUTHORED = re.compile(r'blade_authored\(("(?:[^"\\]|\\.)*")\)', re.S)


def _static(expr: str) -> str | None:
    """Return the text of a static attribute's expression, None for a bound one."""
    match = _AUTHORED.fullmatch(expr)
    if match is None:
        return None
    return match.group(1)[1:-1].replace('\\"', '"').replace("\\\\", "\\")


def slot_variable(name: str) -> str:
    """Return the variable a named slot is given as (``card-title`` → ``card_title``)."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).replace("-", "_").lower()


class _Tag:
    """One component tag or ``<x-slot>`` read from the source."""

    __slots__ = ("name", "attributes", "start", "end", "closing", "self_closing")

    def __init__(self, name: str, start: int) -> None:
        self.name = name
        self.attributes: list[tuple[str, str]] = []  # (key, Jinja expression)
        self.start = start
        self.end = start
        self.closing = False
        self.self_closing = False


class _Open:
    """A paired tag waiting for its closing tag."""

    __slots__ = ("tag", "var", "slot_var", "line", "is_slot", "slot_name")

    def __init__(self, tag: _Tag, var: str, slot_var: str, line: int) -> None:
        self.tag = tag
        self.var = var
        self.slot_var = slot_var
        self.line = line
        self.is_slot = False
        self.slot_name = ""


class _ComponentTagCompilation:
    """Compile the component tags of one template.

    Laravel: ``ComponentTagCompiler::compile()``.
    """

    def __init__(self, source: str, name: str | None = None) -> None:
        self.source = source
        self.name = name
        self.out: list[str] = []
        self.stack: list[_Open] = []
        self.counter = 0

    # -- driving ---------------------------------------------------------------------

    def fail(self, message: str, pos: int) -> t.NoReturn:
        line = self.source.count("\n", 0, pos) + 1
        raise BladeSyntaxError(
            f"{message} (template [{self.name or '<string>'}], line {line}).",
            line,
            self.name,
        )

    def run(self) -> str:
        source = self.source
        pos = 0
        while True:
            match = _SCAN.search(source, pos)
            if match is None:
                self.out.append(source[pos:])
                break
            token = match.group(0)
            self.out.append(source[pos : match.start()])
            if token.startswith("<") or token.startswith("</"):
                pos = self.tag(match.start())
            else:
                end = self.skip(token, match.start(), match.end())
                self.out.append(source[match.start() : end])
                pos = end
        if self.stack:
            top = self.stack[-1]
            kind = "x-slot" if top.is_slot else "x-" + top.tag.name
            self.fail(
                f"The component tag [<{kind}>] opened on line {top.line} is never closed with [</{kind}>]",
                len(source),
            )
        return "".join(self.out)

    def skip(self, token: str, start: int, end: int) -> int:
        """Return the offset after a region component tags are not looked for in."""
        source = self.source
        if token in _SKIP_CLOSERS:
            close = source.find(_SKIP_CLOSERS[token], end)
            return len(source) if close < 0 else close + len(_SKIP_CLOSERS[token])
        if token == "{%":
            close = source.find("%}", end)
            if close < 0:
                return len(source)
            if _RAW_OPEN.fullmatch(source, start, close + 2):
                raw_end = _RAW_END.search(source, close)
                return len(source) if raw_end is None else raw_end.end()
            return close + 2
        verbatim_end = _VERBATIM_END.search(source, end)
        return len(source) if verbatim_end is None else verbatim_end.end()

    def emit(self, jinja: str, start: int, end: int) -> None:
        """Append ``jinja`` for the span ``start:end``, moving the span's newlines inside its last tag."""
        missing = self.source.count("\n", start, end) - jinja.count("\n")
        if missing > 0:
            cut = jinja.rfind("%}")
            jinja = jinja[:cut] + "\n" * missing + jinja[cut:]
        self.out.append(jinja)

    def unique(self) -> str:
        self.counter += 1
        return f"__blade_x{self.counter}"

    def line_at(self, pos: int) -> int:
        return self.source.count("\n", 0, pos) + 1

    # -- tags ------------------------------------------------------------------------------

    def tag(self, start: int) -> int:
        tag = self.read_tag(start)
        if tag.name == "slot" or tag.name.startswith("slot:"):
            self.slot(tag)
        elif tag.closing:
            self.close(tag)
        else:
            self.open(tag)
        return tag.end

    def read_tag(self, start: int) -> _Tag:
        source = self.source
        closing = source.startswith("</", start)
        name_at = start + (4 if closing else 3)
        match = _NAME.match(source, name_at)
        assert match is not None  # _SCAN only matches when a name character follows
        tag = _Tag(match.group(0).rstrip(".:-"), start)
        tag.closing = closing
        pos = name_at + len(tag.name)
        while True:
            while pos < len(source) and source[pos].isspace():
                pos += 1
            if pos >= len(source):
                self.fail(
                    f"The component tag [<{'/' if closing else ''}x-{tag.name}>] is never closed with [>]",
                    start,
                )
            if source.startswith("/>", pos) and not closing:
                tag.self_closing = True
                pos += 2
                break
            if source[pos] == ">":
                pos += 1
                break
            if closing:
                self.fail(
                    f"The closing tag [</x-{tag.name}>] cannot have attributes", start
                )
            pos = self.read_attribute(tag, pos)
        tag.end = pos
        return tag

    def read_attribute(self, tag: _Tag, pos: int) -> int:
        source = self.source
        if source.startswith("{{", pos):
            close = source.find("}}", pos + 2)
            if close < 0:
                self.fail("The [{{] in a component tag is never closed with [}}]", pos)
            tag.attributes.append(
                ("attributes", "(" + source[pos + 2 : close].strip() + ")")
            )
            return close + 2
        directive = re.match(r"@(class|style)\s*\(", source[pos:])
        if directive is not None:
            open_at = pos + directive.end() - 1
            close = self.balanced(open_at)
            helper = (
                "blade_classes" if directive.group(1) == "class" else "blade_styles"
            )
            tag.attributes.append(
                (directive.group(1), f"{helper}({source[open_at + 1 : close - 1]})")
            )
            return close
        match = _ATTRIBUTE.match(source, pos)
        if match is None:
            self.fail(
                f"The component tag [<x-{tag.name}>] has an unexpected character [{source[pos]}]",
                pos,
            )
        key = match.group(0)
        pos = match.end()
        value: str | None = None
        if pos < len(source) and source[pos] == "=":
            pos += 1
            if pos < len(source) and source[pos] in "\"'":
                quote = source[pos]
                close = source.find(quote, pos + 1)
                if close < 0:
                    self.fail(
                        f"The value of the attribute [{key}] is never closed with [{quote}]",
                        pos,
                    )
                value = source[pos + 1 : close]
                pos = close + 1
            else:
                unquoted = _UNQUOTED.match(source, pos)
                if unquoted is None:
                    self.fail(f"The attribute [{key}] has no value after [=]", pos)
                value = unquoted.group(0)
                pos = unquoted.end()
        if key.startswith("::"):
            key = key[1:]
            expr = "true" if value is None else literal(value)
        elif key.startswith(":"):
            key = key[1:]
            if value is None or not value.strip():
                self.fail(
                    f'The bound attribute [:{key}] needs an expression, as in [:{key}="value"]',
                    match.start(),
                )
            expr = "(" + value.strip() + ")"
        elif value is None:
            expr = "true"
        else:
            expr = self.interpolate(value)
        tag.attributes.append((key, expr))
        return pos

    def interpolate(self, value: str) -> str:
        """Return the Jinja expression for a static value, escaping its ``{{ }}`` parts (Laravel: ``compileAttributeEchos``)."""
        # The written text is kept as written (it is the template's own HTML); only
        # the {{ }} parts are escaped. blade_authored marks the result so the
        # attribute bag prints it without escaping it a second time.
        if "{{" not in value and "{!!" not in value:
            return "blade_authored(" + literal(value) + ")"
        parts: list[str] = []
        pos = 0
        for echo in _ECHO.finditer(value):
            if echo.start() > pos:
                parts.append(literal(value[pos : echo.start()]))
            if echo.group(1) is not None:
                parts.append("(" + echo.group(1).strip() + ")|blade_e")
            else:
                parts.append("(" + echo.group(2).strip() + ")|blade_raw")
            pos = echo.end()
        if pos < len(value):
            parts.append(literal(value[pos:]))
        return "blade_authored(" + ", ".join(parts) + ")"

    def balanced(self, start: int) -> int:
        depth = 0
        quote = ""
        source = self.source
        i = start
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

    @staticmethod
    def attributes_dict(attributes: t.Sequence[tuple[str, str]]) -> str:
        return "{" + ", ".join(f"{literal(k)}: {v}" for k, v in attributes) + "}"

    def open(self, tag: _Tag) -> None:
        attributes = tag.attributes
        if tag.name == "dynamic-component":
            found = [value for key, value in attributes if key == "component"]
            if not found:
                self.fail(
                    'The tag [<x-dynamic-component>] needs the component name, as in [:component="name"]',
                    tag.start,
                )
            static = _static(found[-1])
            name_expr = found[-1] if static is None else literal(static)
            attributes = [(k, v) for k, v in attributes if k != "component"]
        else:
            name_expr = literal(tag.name)
        var = self.unique()
        parent = next((o.var for o in reversed(self.stack) if not o.is_slot), None)
        # Written (static) values go in as plain literals, their keys listed once:
        # the runtime marks them, sparing a template call per attribute.
        authored = [k for k, v in attributes if _static(v) is not None]
        plain = [
            (k, literal(static) if (static := _static(v)) is not None else v)
            for k, v in attributes
        ]
        args = f"{name_expr}, {self.attributes_dict(plain)}"
        if authored:
            marks = ", ".join(literal(k) for k in authored)
            args += f", {parent or 'none'}, ({marks},)"
        elif parent:
            args += f", {parent}"
        if tag.self_closing:
            # One call builds and renders it: nothing else refers to the tag.
            self.emit("{{ blade_render_component(" + args + ") }}", tag.start, tag.end)
            return
        jinja = "{% set " + var + " = blade_component(" + args + ") %}"
        slot_var = var + "_slot"
        self.stack.append(_Open(tag, var, slot_var, self.line_at(tag.start)))
        self.emit(jinja + "{% set " + slot_var + " %}", tag.start, tag.end)

    def close(self, tag: _Tag) -> None:
        if not self.stack or self.stack[-1].is_slot:
            inside = " inside [<x-slot>]" if self.stack else ""
            self.fail(
                f"The closing tag [</x-{tag.name}>] has no matching opening tag{inside}",
                tag.start,
            )
        top = self.stack[-1]
        if top.tag.name != tag.name:
            self.fail(
                f"The closing tag [</x-{tag.name}>] does not match [<x-{top.tag.name}>] opened on line {top.line}",
                tag.start,
            )
        self.stack.pop()
        self.emit(
            "{% endset %}{{ " + top.var + ".render(" + top.slot_var + ") }}",
            tag.start,
            tag.end,
        )

    def slot(self, tag: _Tag) -> None:
        if tag.closing:
            if not self.stack or not self.stack[-1].is_slot:
                self.fail(
                    "The closing tag [</x-slot>] has no matching [<x-slot>]", tag.start
                )
            top = self.stack.pop()
            self.emit(
                "{% endset %}"
                + self.store_slot(top.var, top.slot_name, top.slot_var, top.tag),
                tag.start,
                tag.end,
            )
            return
        owner = self.stack[-1] if self.stack else None
        if owner is None or owner.is_slot:
            where = "inside another [<x-slot>]" if owner else "outside a component"
            self.fail(f"The tag [<x-slot>] cannot be used {where}", tag.start)
        name = tag.name[5:] if tag.name.startswith("slot:") else ""
        attributes = tag.attributes
        if not name:
            named = [_static(v) for k, v in attributes if k == "name"]
            if not named or named[-1] is None:
                self.fail(
                    'The tag [<x-slot>] needs a name, as in [<x-slot:title>] or [<x-slot name="title">]',
                    tag.start,
                )
            name = named[-1]
            attributes = [(k, v) for k, v in attributes if k != "name"]
        if not _SLOT_NAME.match(name):
            self.fail(
                f"The slot name [{name}] must be letters, digits, dashes and underscores",
                tag.start,
            )
        tag.attributes = attributes
        variable = slot_variable(name)
        if tag.self_closing:
            self.emit(
                self.store_slot(owner.var, variable, '""', tag), tag.start, tag.end
            )
            return
        slot_var = self.unique() + "_slot"
        pending = _Open(tag, owner.var, slot_var, self.line_at(tag.start))
        pending.is_slot = True
        pending.slot_name = variable
        self.stack.append(pending)
        self.emit("{% set " + slot_var + " %}", tag.start, tag.end)

    def store_slot(self, owner: str, name: str, content: str, tag: _Tag) -> str:
        args = f"{literal(name)}, {content}"
        if tag.attributes:
            args += ", " + self.attributes_dict(tag.attributes)
        target = content if content.startswith("__") else self.unique() + "_slot"
        return "{% set " + target + " = " + owner + ".slot(" + args + ") %}"


def compile_component_tags(source: str, name: str | None = None) -> str:
    """Return ``source`` with its component tags compiled (keeping every newline).

    Laravel: ``ComponentTagCompiler::compile()``.
    """
    return _ComponentTagCompilation(source, name).run()
