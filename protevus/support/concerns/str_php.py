"""Reproduce the PHP string primitives that Laravel's ``Str`` is built on.

``Str`` promises Laravel's exact outputs, and those come from PHP functions whose
edge cases differ from Python's: ``mb_substr`` offsets, ``mb_strwidth``,
``mb_convert_case`` title case, ``ucwords``, ``wordwrap``, ``trim`` character
lists and PCRE patterns written with delimiters (``'/foo (.*)/i'``). Everything
here works on code points, as the ``mb_*`` functions do.
"""

from __future__ import annotations

import functools
import re
import typing as t
import unicodedata

from protevus.exceptions import InvalidArgumentError

# Laravel: Str::INVISIBLE_CHARACTERS, trimmed along with whitespace.
INVISIBLE_CHARACTERS = (
    "\u0009\u0020\u00a0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b"
    "\u200c\u200d\u200e\u200f\u202f\u205f\u2060\u2061\u2062\u2063\u2064\u2065"
    "\u206a\u206b\u206c\u206d\u206e\u206f\u3000\u2800\u3164\ufeff\uffa0"
    "\U0001d159\U0001d173\U0001d174\U0001d175\U0001d176\U0001d177\U0001d178"
    "\U0001d179\U0001d17a\U000e0020"
)
_TRIM_CLASS = "[\\s" + re.escape(INVISIBLE_CHARACTERS) + "\x0b\x00]+"
TRIM_BOTH = re.compile(f"^{_TRIM_CLASS}|{_TRIM_CLASS}\\Z")
TRIM_LEFT = re.compile(f"^{_TRIM_CLASS}")
TRIM_RIGHT = re.compile(f"{_TRIM_CLASS}\\Z")

_PCRE_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}
_DELIMITED = re.compile(r"^([/#~!@%|+,;`])(.*)\1([imsxuADUJn]*)\Z", re.DOTALL)


@functools.lru_cache(maxsize=512)
def _compile(pattern: str) -> re.Pattern[str]:
    flags = 0
    body = pattern
    # PCRE's bracket delimiters ('(abc)', '[abc]') are not recognised: they are
    # ordinary Python regex syntax, and reading them as delimiters would silently
    # change what a Python pattern means.
    found = _DELIMITED.match(pattern)
    if found is not None:
        body, modifiers = found[2], found[3]
    else:
        modifiers = ""
    for modifier in modifiers:
        flags |= _PCRE_FLAGS.get(modifier, 0)
    # PCRE spellings Python's re names differently.
    body = re.sub(r"\(\?<(?=[A-Za-z_])", "(?P<", body)
    body = re.sub(r"(?<!\\)((?:\\\\)*)\\z", r"\1\\Z", body)
    try:
        return re.compile(body, flags)
    except re.error as error:
        raise InvalidArgumentError(
            f"Regular expression [{pattern}] is invalid: {error}. "
            "Use a Python pattern, optionally wrapped in PCRE delimiters like '/.../i'."
        ) from error


def compile_pattern(pattern: str | re.Pattern[str]) -> re.Pattern[str]:
    """Compile a Python pattern or a PCRE-style ``'/body/flags'`` pattern."""
    if isinstance(pattern, re.Pattern):
        return pattern
    return _compile(str(pattern))


def convert_replacement(replacement: str) -> str:
    """Turn PCRE ``$1``/``${1}`` back-references into Python's ``\\g<1>``."""
    return re.sub(r"\$\{(\d+)\}|\$(\d+)", lambda m: f"\\g<{m[1] or m[2]}>", replacement)


def needle_list(needles: t.Any) -> list[str]:
    """Return ``needles`` as a list of strings (one string is one needle)."""
    return [needles] if isinstance(needles, str) else [str(n) for n in needles]


def mb_substr(value: str, start: int, length: int | None = None) -> str:
    """Return part of ``value`` with PHP ``mb_substr()`` offset rules."""
    size = len(value)
    if start < 0:
        start = max(size + start, 0)
    if start > size:
        return ""
    if length is None:
        return value[start:]
    if length < 0:
        end = size + length
        return value[start:end] if end > start else ""
    return value[start : start + length]


def char_width(char: str) -> int:
    """Return the display width of one character (2 for East Asian wide ones)."""
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def strwidth(value: str) -> int:
    """Return the display width of ``value`` (PHP ``mb_strwidth()``)."""
    return sum(char_width(char) for char in value)


def strimwidth(value: str, width: int) -> str:
    """Cut ``value`` to at most ``width`` columns (PHP ``mb_strimwidth()``)."""
    used = 0
    for index, char in enumerate(value):
        used += char_width(char)
        if used > width:
            return value[:index]
    return value


def _case_ignorable(char: str) -> bool:
    return char in "'.:^`\u00b7\u2018\u2019\u2024\u2027" or unicodedata.category(
        char
    ) in ("Mn", "Me", "Cf", "Lm", "Sk")


def title_case(value: str) -> str:
    """Title-case ``value`` like PHP ``mb_convert_case(MB_CASE_TITLE)``.

    A letter is capitalized when it starts a word; apostrophes and other
    case-ignorable characters do not end a word (``they're`` → ``They're``).
    """
    out: list[str] = []
    in_word = False
    for char in value:
        if in_word:
            out.append(char.lower())
        else:
            out.append(char.title())
        if char.lower() != char.upper() or unicodedata.category(char) in (
            "Ll",
            "Lu",
            "Lt",
        ):
            in_word = True
        elif not _case_ignorable(char):
            in_word = False
    return "".join(out)


def ucwords(value: str) -> str:
    """Upper-case the first letter after each whitespace (PHP ``ucwords()``)."""
    return re.sub(r"(^|[ \t\r\n\f\v])([a-z])", lambda m: m[1] + m[2].upper(), value)


def is_lower_ascii(value: str) -> bool:
    """Determine if ``value`` is only a-z (PHP ``ctype_lower()``)."""
    return value != "" and value.isascii() and value.isalpha() and value.islower()


def expand_charlist(charlist: str) -> str:
    """Expand PHP ``trim()`` ranges such as ``'a..z'`` into the characters."""
    if ".." not in charlist:
        return charlist
    return re.sub(
        r"(.)\.\.(.)",
        lambda m: "".join(chr(c) for c in range(ord(m[1]), ord(m[2]) + 1)),
        charlist,
    )


def pad(value: str, length: int, padding: str, side: str) -> str:
    """Pad ``value`` to ``length`` characters (PHP ``mb_str_pad()``)."""
    if padding == "":
        raise InvalidArgumentError(
            "Padding string [] must not be empty; pass at least one character."
        )
    short = max(0, length - len(value))
    if side == "left":
        left, right = short, 0
    elif side == "right":
        left, right = 0, short
    else:
        left, right = short // 2, short - short // 2
    return (padding * left)[:left] + value + (padding * right)[:right]


def wordwrap(text: str, width: int, break_: str, cut: bool) -> str:
    """Wrap ``text`` at spaces to ``width`` columns (PHP ``wordwrap()``)."""
    if text == "":
        return ""
    if break_ == "":
        raise InvalidArgumentError("Break string [] must not be empty.")
    if width == 0 and cut:
        raise InvalidArgumentError(
            "Cannot force a cut [cut_long_words=True] when the width is [0]."
        )
    size, blen = len(text), len(break_)
    out: list[str] = []
    last_start = last_space = 0
    current = 0
    while current < size:
        char = text[current]
        if (
            char == break_[0]
            and current + blen < size
            and text[current : current + blen] == break_
        ):
            out.append(text[last_start : current + blen])
            current += blen - 1
            last_start = last_space = current + 1
        elif char == " ":
            if current - last_start >= width:
                out.append(text[last_start:current] + break_)
                last_start = current + 1
            last_space = current
        elif current - last_start >= width and cut and last_start >= last_space:
            out.append(text[last_start:current] + break_)
            last_start = last_space = current
        elif current - last_start >= width and last_start < last_space:
            out.append(text[last_start:last_space] + break_)
            last_start = last_space = last_space + 1
        current += 1
    if last_start != current:
        out.append(text[last_start:])
    return "".join(out)


def strip_tags(value: str, allowed: str | t.Iterable[str] | None = None) -> str:
    """Remove HTML and PHP tags, keeping the ``allowed`` ones (PHP ``strip_tags()``)."""
    keep: set[str] = set()
    if isinstance(allowed, str):
        keep = {name.lower() for name in re.findall(r"<\s*([\w-]+)", allowed)}
    elif allowed is not None:
        keep = {name.strip("<>/ ").lower() for name in allowed}

    def replace(match: re.Match[str]) -> str:
        name = match[1]
        return match[0] if name and name.lower() in keep else ""

    value = re.sub(r"<!--.*?-->|<\?.*?\?>", "", value, flags=re.DOTALL)
    return re.sub(r"</?\s*([\w-]*)[^>]*>", replace, value)


def intval(value: str, base: int = 10) -> int:
    """Parse the leading integer of ``value`` like PHP ``intval()`` (0 if none)."""
    text = value.lstrip(" \t\n\r\v\f")
    sign = -1 if text[:1] == "-" else 1
    if text[:1] in "+-" and text:
        text = text[1:]
    if base == 0:
        base, text = _detect_base(text)
    elif base == 16 and text[:2].lower() == "0x":
        text = text[2:]
    digits = ""
    for char in text:
        if not char.isascii() or not char.isalnum() or int(char, 36) >= base:
            break
        digits += char
    return sign * int(digits, base) if digits else 0


def _detect_base(text: str) -> tuple[int, str]:
    prefix = text[:2].lower()
    if prefix == "0x":
        return 16, text[2:]
    if prefix == "0b":
        return 2, text[2:]
    if prefix == "0o":
        return 8, text[2:]
    if text[:1] == "0" and len(text) > 1:
        return 8, text[1:]
    return 10, text


_FLOAT = re.compile(r"[ \t\n\r\v\f]*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)")


def floatval(value: str) -> float:
    """Parse the leading number of ``value`` like PHP ``floatval()`` (0.0 if none)."""
    found = _FLOAT.match(value)
    return float(found[1]) if found else 0.0
