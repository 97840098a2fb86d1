"""Fluent wrappers around ``Str`` for ``Stringable``: building and replacing.

Laravel: ``Illuminate\\Support\\Stringable``. Every method returns a new
Stringable; the original is never changed.
"""

from __future__ import annotations

import hashlib
import re
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.concerns.str_fluent import StringableBase
from protevus.support.concerns.str_php import strip_tags
from protevus.support.concerns.str_replace import Needles
from protevus.support.str import Str


class EditsStrings(StringableBase):
    """Give ``Stringable`` the ``Str`` methods that add, replace and trim text.

    Laravel: ``Illuminate\\Support\\Stringable``.
    """

    __slots__ = ()

    def append(self, *values: t.Any) -> t.Self:
        """Add ``values`` to the end; Laravel: ``append()``."""
        return self._new(self._value + "".join(str(v) for v in values))

    def prepend(self, *values: t.Any) -> t.Self:
        """Add ``values`` to the start; Laravel: ``prepend()``."""
        return self._new("".join(str(v) for v in values) + self._value)

    def new_line(self, count: int = 1) -> t.Self:
        """Append ``count`` line breaks; Laravel: ``newLine()``."""
        return self._new(self._value + "\n" * count)

    def finish(self, cap: str) -> t.Self:
        """End with exactly one ``cap``; Laravel: ``finish()``."""
        return self._new(Str.finish(self._value, cap))

    def start(self, prefix: str) -> t.Self:
        """Begin with exactly one ``prefix``; Laravel: ``start()``."""
        return self._new(Str.start(self._value, prefix))

    def wrap(self, before: str, after: str | None = None) -> t.Self:
        """Surround with ``before`` and ``after``; Laravel: ``wrap()``."""
        return self._new(Str.wrap(self._value, before, after))

    def unwrap(self, before: str, after: str | None = None) -> t.Self:
        """Remove ``before`` and ``after`` from the ends; Laravel: ``unwrap()``."""
        return self._new(Str.unwrap(self._value, before, after))

    def mask(self, character: str, index: int, length: int | None = None) -> t.Self:
        """Hide part of the string behind ``character``; Laravel: ``mask()``."""
        return self._new(Str.mask(self._value, character, index, length))

    def pad_both(self, length: int, pad_: str = " ") -> t.Self:
        """Pad both sides to ``length``; Laravel: ``padBoth()``."""
        return self._new(Str.pad_both(self._value, length, pad_))

    def pad_left(self, length: int, pad_: str = " ") -> t.Self:
        """Pad the left side to ``length``; Laravel: ``padLeft()``."""
        return self._new(Str.pad_left(self._value, length, pad_))

    def pad_right(self, length: int, pad_: str = " ") -> t.Self:
        """Pad the right side to ``length``; Laravel: ``padRight()``."""
        return self._new(Str.pad_right(self._value, length, pad_))

    def repeat(self, times: int) -> t.Self:
        """Repeat the string ``times`` times; Laravel: ``repeat()``."""
        return self._new(Str.repeat(self._value, times))

    def reverse(self) -> t.Self:
        """Reverse the characters; Laravel: ``reverse()``."""
        return self._new(self._value[::-1])

    def replace(
        self, search: t.Any, replace: t.Any, case_sensitive: bool = True
    ) -> t.Self:
        """Replace every ``search`` with ``replace``; Laravel: ``replace()``."""
        return self._new(Str.replace(search, replace, self._value, case_sensitive))

    def replace_array(self, search: str, replace: t.Iterable[t.Any]) -> t.Self:
        """Replace each ``search`` with the next replacement.

        Laravel: ``replaceArray()``.
        """
        return self._new(Str.replace_array(search, replace, self._value))

    def replace_first(self, search: str, replace: str) -> t.Self:
        """Replace the first ``search``; Laravel: ``replaceFirst()``."""
        return self._new(Str.replace_first(search, replace, self._value))

    def replace_last(self, search: str, replace: str) -> t.Self:
        """Replace the last ``search``; Laravel: ``replaceLast()``."""
        return self._new(Str.replace_last(search, replace, self._value))

    def replace_start(self, search: str, replace: str) -> t.Self:
        """Replace a leading ``search``; Laravel: ``replaceStart()``."""
        return self._new(Str.replace_start(search, replace, self._value))

    def replace_end(self, search: str, replace: str) -> t.Self:
        """Replace a trailing ``search``; Laravel: ``replaceEnd()``."""
        return self._new(Str.replace_end(search, replace, self._value))

    def replace_matches(
        self,
        pattern: str | re.Pattern[str],
        replace: str | t.Callable[[re.Match[str]], str],
        limit: int = -1,
    ) -> t.Self:
        """Replace what matches ``pattern``; Laravel: ``replaceMatches()``."""
        return self._new(Str.replace_matches(pattern, replace, self._value, limit))

    def remove(self, search: Needles, case_sensitive: bool = True) -> t.Self:
        """Remove every ``search``; Laravel: ``remove()``."""
        return self._new(Str.remove(search, self._value, case_sensitive))

    def substr_replace(
        self, replace: str, offset: int = 0, length: int | None = None
    ) -> t.Self:
        """Replace ``length`` characters at ``offset``; Laravel: ``substrReplace()``."""
        return self._new(Str.substr_replace(self._value, replace, offset, length))

    def swap(self, mapping: t.Mapping[str, str]) -> t.Self:
        """Replace several values at once; Laravel: ``swap()``."""
        return self._new(Str.swap(mapping, self._value))

    def deduplicate(self, character: str | t.Iterable[str] = " ") -> t.Self:
        """Collapse runs of ``character``; Laravel: ``deduplicate()``."""
        return self._new(Str.deduplicate(self._value, character))

    def squish(self) -> t.Self:
        """Trim and collapse inner whitespace; Laravel: ``squish()``."""
        return self._new(Str.squish(self._value))

    def trim(self, characters: str | None = None) -> t.Self:
        """Strip whitespace (or ``characters``) from both ends; Laravel: ``trim()``."""
        return self._new(Str.trim(self._value, characters))

    def ltrim(self, characters: str | None = None) -> t.Self:
        """Strip whitespace (or ``characters``) from the start; Laravel: ``ltrim()``."""
        return self._new(Str.ltrim(self._value, characters))

    def rtrim(self, characters: str | None = None) -> t.Self:
        """Strip whitespace (or ``characters``) from the end; Laravel: ``rtrim()``."""
        return self._new(Str.rtrim(self._value, characters))

    def strip_tags(self, allowed_tags: str | t.Iterable[str] | None = None) -> t.Self:
        """Remove HTML and PHP tags except ``allowed_tags``.

        Laravel: ``stripTags()``.
        """
        return self._new(strip_tags(self._value, allowed_tags))

    def numbers(self) -> t.Self:
        """Keep only the digits; Laravel: ``numbers()``."""
        return self._new(Str.numbers(self._value))

    def word_wrap(
        self, characters: int = 75, break_: str = "\n", cut_long_words: bool = False
    ) -> t.Self:
        """Wrap at spaces to ``characters`` columns; Laravel: ``wordWrap()``."""
        return self._new(Str.word_wrap(self._value, characters, break_, cut_long_words))

    def to_base64(self) -> t.Self:
        """Encode in Base64; Laravel: ``toBase64()``."""
        return self._new(Str.to_base64(self._value))

    def from_base64(self, strict: bool = False) -> t.Self:
        """Decode Base64 (invalid input gives ''); Laravel: ``fromBase64()``."""
        return self._new(Str.from_base64(self._value, strict) or "")

    def hash(self, algorithm: str) -> t.Self:
        """Hash with ``algorithm`` (e.g. 'sha256') as hex; Laravel: ``hash()``."""
        try:
            digest = hashlib.new(algorithm, self._value.encode())
        except ValueError as error:
            raise InvalidArgumentError(
                f"Hash algorithm [{algorithm}] is not available; try [sha256]."
            ) from error
        return self._new(digest.hexdigest())
