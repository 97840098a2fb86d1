"""Parse Laravel's command signature mini-language into Click parameters.

``'mail:send {user : The user id} {--Q|queue=default} {--force}'`` gives the name
``mail:send``, one required argument and two options. Every form Laravel knows:

============================  =====================================================
``{user}``                    required argument
``{user?}``                   optional argument (``None`` when missing)
``{user=taylor}``             optional argument with a default
``{user*}``                   required list argument (one value or more)
``{user?*}``                  optional list argument (``[]`` when missing)
``{user=*a,b}``               optional list argument with defaults
``{--queue}``                 flag (``True`` when given, else ``False``)
``{--queue=}``                option taking a value (``None`` when missing)
``{--queue=default}``         option with a default value
``{--Q|queue}``               ``-Q`` shortcut
``{--id=*}``                  option given several times (a list)
``{user : The user's id}``    description after `` : ``
============================  =====================================================

Laravel: ``Illuminate\\Console\\Parser``.
"""

from __future__ import annotations

import re
import typing as t

from protevus.console.exceptions import InvalidSignatureError
from protevus.support.aliases import camel_aliases

if t.TYPE_CHECKING:
    import click

_TOKEN = re.compile(r"\{\s*(.*?)\s*\}", re.S)
_DESCRIPTION = re.compile(r"\s+:\s+")
_ARGUMENT_NAME = re.compile(r"[A-Za-z_][\w-]*")
_OPTION_NAME = re.compile(r"[A-Za-z0-9_][\w-]*")
_SHORTCUT = re.compile(r"[A-Za-z0-9]+")
#: options every artisan command already has (Symfony's application definition).
RESERVED_OPTIONS = frozenset(
    {"help", "quiet", "verbose", "ansi", "no-ansi", "no-interaction"}
)
RESERVED_SHORTCUTS = frozenset({"h", "q", "v", "n"})


class InputArgument(t.NamedTuple):
    """Describe one positional argument of a command.

    Laravel: ``Symfony\\Component\\Console\\Input\\InputArgument``.
    """

    name: str
    required: bool = True
    array: bool = False
    default: t.Any = None
    description: str = ""


class InputOption(t.NamedTuple):
    """Describe one ``--option`` of a command.

    Laravel: ``Symfony\\Component\\Console\\Input\\InputOption``.
    """

    name: str
    shortcuts: tuple[str, ...] = ()
    accepts_value: bool = False
    array: bool = False
    default: t.Any = None
    description: str = ""


@camel_aliases
class Signature(t.NamedTuple):
    """Hold a parsed signature: the command name, its arguments and its options.

    Laravel: the ``[$name, $arguments, $options]`` triple of ``Parser::parse()``.
    """

    name: str
    arguments: tuple[InputArgument, ...] = ()
    options: tuple[InputOption, ...] = ()

    def to_click_params(self) -> list[click.Parameter]:
        """Build the Click arguments and options, named ``a0, a1...`` / ``o0, o1...``.

        Click lowercases and rewrites parameter names, so positions keep the
        mapping back to Laravel's names exact (see :meth:`collect`).
        """
        import click

        params: list[click.Parameter] = []
        for i, arg in enumerate(self.arguments):
            if arg.array:
                # Click counts any explicit default as satisfying a required
                # argument, so required ones get none.
                extra: dict[str, t.Any] = (
                    {} if arg.required else {"default": tuple(arg.default or ())}
                )
                params.append(
                    click.Argument(
                        [f"a{i}"],
                        nargs=-1,
                        required=arg.required,
                        metavar=arg.name,
                        **extra,
                    )
                )
            else:
                extra = {} if arg.required else {"default": arg.default}
                params.append(
                    click.Argument(
                        [f"a{i}"],
                        required=arg.required,
                        metavar=arg.name,
                        **extra,
                    )
                )
        for i, opt in enumerate(self.options):
            decls = [f"--{opt.name}", *(f"-{s}" for s in opt.shortcuts), f"o{i}"]
            if not opt.accepts_value:
                params.append(
                    click.Option(
                        decls, is_flag=True, default=False, help=opt.description
                    )
                )
            elif opt.array:
                params.append(
                    click.Option(
                        decls,
                        multiple=True,
                        default=tuple(opt.default or ()),
                        help=opt.description,
                    )
                )
            else:
                params.append(
                    click.Option(decls, default=opt.default, help=opt.description)
                )
        return params

    def collect(
        self, values: t.Mapping[str, t.Any]
    ) -> tuple[dict[str, t.Any], dict[str, t.Any]]:
        """Map Click's parsed values back to Laravel's argument and option names."""
        arguments: dict[str, t.Any] = {}
        for i, arg in enumerate(self.arguments):
            val = values.get(f"a{i}", arg.default)
            arguments[arg.name] = list(val or ()) if arg.array else val
        options: dict[str, t.Any] = {}
        for i, opt in enumerate(self.options):
            val = values.get(f"o{i}", opt.default)
            options[opt.name] = list(val or ()) if opt.array else val
        return arguments, options


_CACHE: dict[str, Signature] = {}


def parse(signature: str) -> Signature:
    """Parse a signature string (cached: each distinct string is parsed once).

    Raises :class:`InvalidSignatureError` naming the command when the signature is
    malformed.

    Laravel: ``Parser::parse()``.
    """
    try:
        return _CACHE[signature]
    except KeyError:
        pass
    parsed = _parse(signature)
    _CACHE[signature] = parsed
    return parsed


def _parse(signature: str) -> Signature:
    if not isinstance(signature, str):
        raise InvalidSignatureError(
            f"A command signature must be a string, [{signature!r}] given."
        )
    text = signature.strip()
    head = re.match(r"[^\s{}]+", text)
    if head is None:
        raise InvalidSignatureError(
            f"Unable to determine command name from signature [{signature}]. Start it "
            "with the command name, as in 'mail:send {user}'."
        )
    name = head.group(0)

    def fail(problem: str) -> t.NoReturn:
        raise InvalidSignatureError(
            f"The signature of command [{name}] is malformed: {problem}"
        )

    rest = text[head.end() :]
    tokens: list[str] = []
    pos = 0
    for match in _TOKEN.finditer(rest):
        stray = rest[pos : match.start()].strip()
        if stray:
            fail(f"unexpected text [{stray}]. Wrap each argument or option in braces.")
        if "{" in match.group(1):
            fail(f"braces cannot nest, as in [{{{match.group(1)}}}].")
        tokens.append(match.group(1))
        pos = match.end()
    if rest[pos:].strip():
        fail(
            f"unexpected text [{rest[pos:].strip()}]. Wrap each argument or option "
            "in braces and close every brace."
        )

    arguments: list[InputArgument] = []
    options: list[InputOption] = []
    for token in tokens:
        if not token:
            fail("an empty {} holds no argument or option.")
        if token.startswith("--"):
            _add_option(options, _parse_option(token[2:], fail), fail)
        elif token.startswith("-"):
            fail(
                f"[{{{token}}}] starts with one dash. Options start with two: {{-{token}}}."
            )
        else:
            _add_argument(arguments, _parse_argument(token, fail), fail)
    return Signature(name, tuple(arguments), tuple(options))


def _split_description(token: str) -> tuple[str, str]:
    parts = _DESCRIPTION.split(token, maxsplit=1)
    return parts[0].strip(), (parts[1].strip() if len(parts) > 1 else "")


def _parse_argument(token: str, fail: t.Callable[[str], t.NoReturn]) -> InputArgument:
    token, description = _split_description(token)
    required, array = True, False
    default: t.Any = None
    if token.endswith("?*"):
        token, required, array, default = token[:-2], False, True, []
    elif token.endswith("*"):
        token, array, default = token[:-1], True, []
    elif token.endswith("?"):
        token, required = token[:-1], False
    elif "=" in token:
        token, _, raw = token.partition("=")
        required = False
        if raw.startswith("*"):
            array = True
            default = [v for v in re.split(r",\s?", raw[1:]) if v]
        else:
            default = raw or None
    if not _ARGUMENT_NAME.fullmatch(token):
        fail(
            f"[{token}] is not a valid argument name. Use letters, digits, '_' and "
            "'-', starting with a letter."
        )
    return InputArgument(token, required, array, default, description)


def _parse_option(token: str, fail: t.Callable[[str], t.NoReturn]) -> InputOption:
    token, description = _split_description(token)
    shortcuts: tuple[str, ...] = ()
    if "|" in token:
        *short, token = (part.strip() for part in token.split("|"))
        shortcuts = tuple(s.lstrip("-") for s in short)
        for shortcut in shortcuts:
            if not _SHORTCUT.fullmatch(shortcut):
                fail(
                    f"[{shortcut}] is not a valid option shortcut. Use letters or digits."
                )
    accepts_value, array = False, False
    default: t.Any = None
    if token.endswith("=*"):
        token, accepts_value, array, default = token[:-2], True, True, []
    elif "=" in token:
        token, _, raw = token.partition("=")
        accepts_value = True
        if raw.startswith("*"):
            array = True
            default = [v for v in re.split(r",\s?", raw[1:]) if v]
        else:
            default = raw or None
    if not _OPTION_NAME.fullmatch(token):
        fail(
            f"[--{token}] is not a valid option name. Use letters, digits, '_' and '-'."
        )
    return InputOption(token, shortcuts, accepts_value, array, default, description)


def _add_argument(
    arguments: list[InputArgument],
    arg: InputArgument,
    fail: t.Callable[[str], t.NoReturn],
) -> None:
    if any(a.name == arg.name for a in arguments):
        fail(f"an argument named [{arg.name}] already exists. Rename one of them.")
    if arguments and arguments[-1].array:
        fail(
            f"argument [{arg.name}] comes after the list argument "
            f"[{arguments[-1].name}]. A list argument must be the last one."
        )
    if arg.required and arguments and not arguments[-1].required:
        fail(
            f"the required argument [{arg.name}] comes after the optional argument "
            f"[{arguments[-1].name}]. Put required arguments first."
        )
    arguments.append(arg)


def _add_option(
    options: list[InputOption],
    opt: InputOption,
    fail: t.Callable[[str], t.NoReturn],
) -> None:
    if opt.name in RESERVED_OPTIONS:
        fail(
            f"[--{opt.name}] is an option every command already has. Choose another name."
        )
    if any(o.name == opt.name for o in options):
        fail(f"an option named [--{opt.name}] already exists. Rename one of them.")
    for shortcut in opt.shortcuts:
        if shortcut in RESERVED_SHORTCUTS:
            fail(
                f"the shortcut [-{shortcut}] of [--{opt.name}] is taken by an option "
                "every command has. Choose another letter."
            )
        if any(shortcut in o.shortcuts for o in options):
            fail(f"the shortcut [-{shortcut}] is used twice. Give each option its own.")
    options.append(opt)
