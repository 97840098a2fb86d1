"""Fluent wrappers around ``Str`` for ``Stringable``: slicing, searching, case.

Laravel: ``Illuminate\\Support\\Stringable``. Each method passes the wrapped
string to the ``Str`` method of the same name and wraps a string result in a new
Stringable (the original is never changed); checks return plain values.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases
from protevus.support.concerns.str_replace import Needles
from protevus.support.str import Str


class StringableBase(CamelAliases):
    """Hold the wrapped string; Laravel: ``Stringable::$value``."""

    __slots__ = ("_value",)

    def __init__(self, value: t.Any = "") -> None:
        self._value = "" if value is None else str(value)

    def _new(self, value: str) -> t.Self:
        return type(self)(value)


class SlicesStrings(StringableBase):
    """Give ``Stringable`` the ``Str`` methods that slice, search and change case.

    Laravel: ``Illuminate\\Support\\Stringable``.
    """

    __slots__ = ()

    def after(self, search: str) -> t.Self:
        """Keep what follows the first ``search``; Laravel: ``after()``."""
        return self._new(Str.after(self._value, search))

    def after_last(self, search: str) -> t.Self:
        """Keep what follows the last ``search``; Laravel: ``afterLast()``."""
        return self._new(Str.after_last(self._value, search))

    def before(self, search: str) -> t.Self:
        """Keep what precedes the first ``search``; Laravel: ``before()``."""
        return self._new(Str.before(self._value, search))

    def before_last(self, search: str) -> t.Self:
        """Keep what precedes the last ``search``; Laravel: ``beforeLast()``."""
        return self._new(Str.before_last(self._value, search))

    def between(self, start: str, end: str) -> t.Self:
        """Keep the text between ``start`` and the last ``end``.

        Laravel: ``between()``.
        """
        return self._new(Str.between(self._value, start, end))

    def between_first(self, start: str, end: str) -> t.Self:
        """Keep the smallest text between ``start`` and ``end``.

        Laravel: ``betweenFirst()``.
        """
        return self._new(Str.between_first(self._value, start, end))

    def char_at(self, index: int) -> str | None:
        """Return the character at ``index`` or ``None``; Laravel: ``charAt()``."""
        return Str.char_at(self._value, index)

    def chop_start(self, needle: Needles) -> t.Self:
        """Remove a leading ``needle``; Laravel: ``chopStart()``."""
        return self._new(Str.chop_start(self._value, needle))

    def chop_end(self, needle: Needles) -> t.Self:
        """Remove a trailing ``needle``; Laravel: ``chopEnd()``."""
        return self._new(Str.chop_end(self._value, needle))

    def basename(self, suffix: str = "") -> t.Self:
        """Keep the last path component, minus ``suffix``; Laravel: ``basename()``."""
        name = self._value.rstrip("/").rpartition("/")[2]
        if suffix and name.endswith(suffix) and name != suffix:
            name = name[: -len(suffix)]
        return self._new(name)

    def dirname(self, levels: int = 1) -> t.Self:
        """Keep the parent directory, ``levels`` up; Laravel: ``dirname()``."""
        import posixpath

        path = self._value
        for _ in range(levels):
            path = posixpath.dirname(path.rstrip("/") or "/") or "."
        return self._new(path)

    def class_basename(self) -> t.Self:
        """Keep the class name without its namespace; Laravel: ``classBasename()``."""
        return self._new(self._value.replace("\\", ".").rpartition(".")[2])

    def excerpt(
        self,
        phrase: str = "",
        options: t.Mapping[str, t.Any] | None = None,
        *,
        radius: int | None = None,
        omission: str | None = None,
    ) -> str | None:
        """Return the text around ``phrase`` or ``None``; Laravel: ``excerpt()``."""
        return Str.excerpt(
            self._value, phrase, options, radius=radius, omission=omission
        )

    def substr(self, start: int, length: int | None = None) -> t.Self:
        """Keep ``length`` characters from ``start``; Laravel: ``substr()``."""
        return self._new(Str.substr(self._value, start, length))

    def take(self, limit: int) -> t.Self:
        """Keep the first (or, if negative, last) ``limit`` characters.

        Laravel: ``take()``.
        """
        return self._new(Str.take(self._value, limit))

    def limit(
        self, limit: int = 100, end: str = "...", preserve_words: bool = False
    ) -> t.Self:
        """Cut to ``limit`` columns and add ``end``; Laravel: ``limit()``."""
        return self._new(Str.limit(self._value, limit, end, preserve_words))

    def words(self, words: int = 100, end: str = "...") -> t.Self:
        """Keep the first ``words`` words and add ``end``; Laravel: ``words()``."""
        return self._new(Str.words(self._value, words, end))

    def contains(self, needles: Needles, ignore_case: bool = False) -> bool:
        """Determine if any of ``needles`` is inside; Laravel: ``contains()``."""
        return Str.contains(self._value, needles, ignore_case)

    def contains_all(self, needles: t.Iterable[str], ignore_case: bool = False) -> bool:
        """Determine if every needle is inside; Laravel: ``containsAll()``."""
        return Str.contains_all(self._value, needles, ignore_case)

    def doesnt_contain(self, needles: Needles, ignore_case: bool = False) -> bool:
        """Determine if none of ``needles`` is inside; Laravel: ``doesntContain()``."""
        return Str.doesnt_contain(self._value, needles, ignore_case)

    def starts_with(self, needles: Needles) -> bool:
        """Determine if the string starts with a needle; Laravel: ``startsWith()``."""
        return Str.starts_with(self._value, needles)

    def doesnt_start_with(self, needles: Needles) -> bool:
        """Determine if no needle starts the string; Laravel: ``doesntStartWith()``."""
        return Str.doesnt_start_with(self._value, needles)

    def ends_with(self, needles: Needles) -> bool:
        """Determine if the string ends with a needle; Laravel: ``endsWith()``."""
        return Str.ends_with(self._value, needles)

    def doesnt_end_with(self, needles: Needles) -> bool:
        """Determine if no needle ends the string; Laravel: ``doesntEndWith()``."""
        return Str.doesnt_end_with(self._value, needles)

    def is_(self, pattern: str | t.Iterable[str], ignore_case: bool = False) -> bool:
        """Determine if the string matches a ``*`` pattern; Laravel: ``is()``."""
        return Str.is_(pattern, self._value, ignore_case)

    def is_ascii(self) -> bool:
        """Determine if the string is 7-bit ASCII; Laravel: ``isAscii()``."""
        return Str.is_ascii(self._value)

    def is_json(self) -> bool:
        """Determine if the string is valid JSON; Laravel: ``isJson()``."""
        return Str.is_json(self._value)

    def is_url(self, protocols: t.Iterable[str] | None = None) -> bool:
        """Determine if the string is a URL; Laravel: ``isUrl()``."""
        return Str.is_url(self._value, protocols)

    def is_uuid(self, version: int | str | None = None) -> bool:
        """Determine if the string is a UUID; Laravel: ``isUuid()``."""
        return Str.is_uuid(self._value, version)

    def is_ulid(self) -> bool:
        """Determine if the string is a ULID; Laravel: ``isUlid()``."""
        return Str.is_ulid(self._value)

    def match(self, pattern: t.Any) -> t.Self:
        """Keep the first match of ``pattern`` (or its first group).

        Laravel: ``match()``.
        """
        return self._new(Str.match(pattern, self._value))

    def is_match(self, pattern: t.Any) -> bool:
        """Determine if ``pattern`` matches; Laravel: ``isMatch()``."""
        return Str.is_match(pattern, self._value)

    def test(self, pattern: t.Any) -> bool:
        """Determine if ``pattern`` matches; Laravel: ``test()``."""
        return Str.is_match(pattern, self._value)

    def match_all(self, pattern: t.Any) -> t.Any:
        """Return a Collection of every match; Laravel: ``matchAll()``."""
        return Str.match_all(pattern, self._value)

    def position(self, needle: str, offset: int = 0) -> int | None:
        """Return the index of ``needle`` or ``None``; Laravel: ``position()``."""
        return Str.position(self._value, needle, offset)

    def substr_count(
        self, needle: str, offset: int = 0, length: int | None = None
    ) -> int:
        """Count ``needle`` occurrences; Laravel: ``substrCount()``."""
        return Str.substr_count(self._value, needle, offset, length)

    def length(self) -> int:
        """Return the number of characters; Laravel: ``length()``."""
        return len(self._value)

    def word_count(self, characters: str | None = None) -> int:
        """Count the words; Laravel: ``wordCount()``."""
        return Str.word_count(self._value, characters)

    def lower(self) -> t.Self:
        """Lower-case the string; Laravel: ``lower()``."""
        return self._new(self._value.lower())

    def upper(self) -> t.Self:
        """Upper-case the string; Laravel: ``upper()``."""
        return self._new(self._value.upper())

    def title(self) -> t.Self:
        """Capitalize every word; Laravel: ``title()``."""
        return self._new(Str.title(self._value))

    def headline(self) -> t.Self:
        """Turn cased or delimited words into a spaced headline.

        Laravel: ``headline()``.
        """
        return self._new(Str.headline(self._value))

    def apa(self) -> t.Self:
        """Title-case in APA style; Laravel: ``apa()``."""
        return self._new(Str.apa(self._value))

    def ucfirst(self) -> t.Self:
        """Upper-case the first character; Laravel: ``ucfirst()``."""
        return self._new(Str.ucfirst(self._value))

    def lcfirst(self) -> t.Self:
        """Lower-case the first character; Laravel: ``lcfirst()``."""
        return self._new(Str.lcfirst(self._value))

    def ucwords(self) -> t.Self:
        """Upper-case the first letter of each word; Laravel: ``ucwords()``."""
        return self._new(Str.ucwords(self._value))

    def camel(self) -> t.Self:
        """Convert to camelCase; Laravel: ``camel()``."""
        return self._new(Str.camel(self._value))

    def studly(self) -> t.Self:
        """Convert to StudlyCase; Laravel: ``studly()``."""
        return self._new(Str.studly(self._value))

    def pascal(self) -> t.Self:
        """Convert to PascalCase; Laravel: ``pascal()``."""
        return self._new(Str.pascal(self._value))

    def snake(self, delimiter: str = "_") -> t.Self:
        """Convert to snake_case; Laravel: ``snake()``."""
        return self._new(Str.snake(self._value, delimiter))

    def kebab(self) -> t.Self:
        """Convert to kebab-case; Laravel: ``kebab()``."""
        return self._new(Str.kebab(self._value))

    def convert_case(self, mode: str | int = "fold") -> t.Self:
        """Convert the case by ``mode``; Laravel: ``convertCase()``."""
        return self._new(Str.convert_case(self._value, mode))

    def plural(self, count: t.Any = 2, prepend_count: bool = False) -> t.Self:
        """Pluralize the English word unless ``count`` is 1; Laravel: ``plural()``."""
        return self._new(Str.plural(self._value, count, prepend_count))

    def plural_studly(self, count: t.Any = 2) -> t.Self:
        """Pluralize the last StudlyCase word; Laravel: ``pluralStudly()``."""
        return self._new(Str.plural_studly(self._value, count))

    def plural_pascal(self, count: t.Any = 2) -> t.Self:
        """Pluralize the last PascalCase word; Laravel: ``pluralPascal()``."""
        return self._new(Str.plural_pascal(self._value, count))

    def singular(self) -> t.Self:
        """Singularize the English word; Laravel: ``singular()``."""
        return self._new(Str.singular(self._value))

    def ascii(self, language: str = "en") -> t.Self:
        """Transliterate to ASCII; Laravel: ``ascii()``."""
        return self._new(Str.ascii(self._value, language))

    def transliterate(self, unknown: str = "?", strict: bool = False) -> t.Self:
        """Spell in ASCII, using ``unknown`` for the rest.

        Laravel: ``transliterate()``.
        """
        return self._new(Str.transliterate(self._value, unknown, strict))

    def slug(
        self,
        separator: str = "-",
        language: str | None = "en",
        dictionary: t.Mapping[str, str] | None = None,
    ) -> t.Self:
        """Make a URL slug; Laravel: ``slug()``."""
        return self._new(Str.slug(self._value, separator, language, dictionary))
