"""Case conversion for ``Str``: camel, studly, snake, kebab, title and friends.

Laravel: the case half of ``Illuminate\\Support\\Str``. ``camel``, ``studly`` and
``snake`` run for every table and column name, so their results are cached in
class-level dicts, as Laravel does.
"""

from __future__ import annotations

import re
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases
from protevus.support.concerns.str_php import is_lower_ascii
from protevus.support.concerns.str_php import title_case
from protevus.support.concerns.str_php import ucwords

_APA_MINOR = frozenset(
    "and as but for if nor or so yet a an the at by in of off on per to up via "
    "et ou un une la le les de du des par à".split()
)
_APA_END = (".", "!", "?", ":", "—", ",")


class ConvertsCase(CamelAliases):
    """Give ``Str`` its case conversions.

    Laravel: the case methods of ``Illuminate\\Support\\Str``.
    """

    __slots__ = ()

    _snake_cache: t.ClassVar[dict[tuple[str, str], str]] = {}
    _camel_cache: t.ClassVar[dict[str, str]] = {}
    _studly_cache: t.ClassVar[dict[str, str]] = {}

    @staticmethod
    def lower(value: str) -> str:
        """Return ``value`` in lower case; Laravel: ``Str::lower()``."""
        return value.lower()

    @staticmethod
    def upper(value: str) -> str:
        """Return ``value`` in upper case; Laravel: ``Str::upper()``."""
        return value.upper()

    @staticmethod
    def title(value: str) -> str:
        """Capitalize the first letter of every word; Laravel: ``Str::title()``."""
        return title_case(value)

    @staticmethod
    def ucfirst(string: str) -> str:
        """Upper-case the first character; Laravel: ``Str::ucfirst()``."""
        return string[:1].upper() + string[1:]

    @staticmethod
    def lcfirst(string: str) -> str:
        """Lower-case the first character; Laravel: ``Str::lcfirst()``."""
        return string[:1].lower() + string[1:]

    @staticmethod
    def ucwords(string: str) -> str:
        """Upper-case the first letter after each whitespace; PHP ``ucwords()``."""
        return ucwords(string)

    @staticmethod
    def ucsplit(string: str) -> list[str]:
        """Split ``string`` before each upper-case letter.

        Laravel: ``Str::ucsplit()``.
        """
        parts: list[str] = []
        for char in string:
            if not parts or char.isupper():
                parts.append(char)
            else:
                parts[-1] += char
        return parts

    @staticmethod
    def convert_case(string: str, mode: str | int = "fold") -> str:
        """Convert case by ``mode``: 'upper', 'lower', 'title' or 'fold' (PHP's 0-3).

        Laravel: ``Str::convertCase()``.
        """
        modes = {0: "upper", 1: "lower", 2: "title", 3: "fold"}
        name = modes.get(mode, mode) if isinstance(mode, int) else mode
        converters = {"upper": str.upper, "lower": str.lower, "fold": str.casefold}
        if name == "title":
            return title_case(string)
        if name not in converters:
            raise InvalidArgumentError(
                f"Case mode [{mode}] is unknown; use upper, lower, title or fold."
            )
        return converters[str(name)](string)

    @staticmethod
    def camel(value: str) -> str:
        """Convert ``value`` to camelCase (cached); Laravel: ``Str::camel()``."""
        cached = ConvertsCase._camel_cache.get(value)
        if cached is None:
            cached = ConvertsCase._camel_cache[value] = ConvertsCase.lcfirst(
                ConvertsCase.studly(value)
            )
        return cached

    @staticmethod
    def studly(value: str) -> str:
        """Convert ``value`` to StudlyCase (cached); Laravel: ``Str::studly()``."""
        cached = ConvertsCase._studly_cache.get(value)
        if cached is None:
            words = re.split(r"\s+", value.replace("-", " ").replace("_", " "))
            cached = ConvertsCase._studly_cache[value] = "".join(
                ConvertsCase.ucfirst(w) for w in words
            )
        return cached

    @staticmethod
    def pascal(value: str) -> str:
        """Convert ``value`` to PascalCase; Laravel: ``Str::pascal()``."""
        return ConvertsCase.studly(value)

    @staticmethod
    def snake(value: str, delimiter: str = "_") -> str:
        """Convert ``value`` to snake_case (cached); Laravel: ``Str::snake()``."""
        key = (value, delimiter)
        cached = ConvertsCase._snake_cache.get(key)
        if cached is None:
            cached = value
            if not is_lower_ascii(value):
                cached = re.sub(r"\s+", "", ucwords(value))
                cached = re.sub(r"(.)(?=[A-Z])", rf"\1{delimiter}", cached).lower()
            ConvertsCase._snake_cache[key] = cached
        return cached

    @staticmethod
    def kebab(value: str) -> str:
        """Convert ``value`` to kebab-case; Laravel: ``Str::kebab()``."""
        return ConvertsCase.snake(value, "-")

    @staticmethod
    def headline(value: str) -> str:
        """Turn cased, dashed or underscored words into a spaced Title Case headline.

        Laravel: ``Str::headline()``.
        """
        parts = re.split(r"\s+", value)
        if len(parts) <= 1:
            parts = ConvertsCase.ucsplit("_".join(parts))
        collapsed = re.sub(r"[-_ ]", "_", "_".join(title_case(p) for p in parts))
        return " ".join(word for word in collapsed.split("_") if word)

    @staticmethod
    def apa(value: str) -> str:
        """Title-case ``value`` following APA style; Laravel: ``Str::apa()``."""
        if value.strip() == "":
            return value
        words = re.split(r"\s+", value)
        for i, word in enumerate(words):
            lower = word.lower()
            if "-" in lower:
                words[i] = "-".join(
                    p if p in _APA_MINOR and len(p) <= 3 else ConvertsCase.ucfirst(p)
                    for p in lower.split("-")
                )
            elif (
                lower in _APA_MINOR
                and len(lower) <= 3
                and not (i == 0 or words[i - 1][-1:] in _APA_END)
            ):
                words[i] = lower
            else:
                words[i] = ConvertsCase.ucfirst(lower)
        return " ".join(words)

    @staticmethod
    def flush_cache() -> None:
        """Empty the snake, camel and studly caches; Laravel: ``Str::flushCache()``."""
        ConvertsCase._snake_cache.clear()
        ConvertsCase._camel_cache.clear()
        ConvertsCase._studly_cache.clear()
