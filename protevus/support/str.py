"""String helpers with Laravel's names and exact results.

Laravel: ``Illuminate\\Support\\Str``. Every method is static
(``Str.snake('FooBar')`` → ``'foo_bar'``); ``Str.of(value)`` starts a fluent
:class:`~protevus.support.stringable.Stringable`. Methods that PHP answers with
``false`` (``char_at``, ``position``, ``excerpt``) return ``None`` here.
"""

from __future__ import annotations

import re
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases
from protevus.support.concerns.str_case import ConvertsCase
from protevus.support.concerns.str_encoding import EncodesText
from protevus.support.concerns.str_identifiers import GeneratesIdentifiers
from protevus.support.concerns.str_patterns import MatchesPatterns
from protevus.support.concerns.str_php import TRIM_BOTH
from protevus.support.concerns.str_php import TRIM_LEFT
from protevus.support.concerns.str_php import TRIM_RIGHT
from protevus.support.concerns.str_php import expand_charlist
from protevus.support.concerns.str_php import mb_substr
from protevus.support.concerns.str_php import needle_list
from protevus.support.concerns.str_php import pad
from protevus.support.concerns.str_php import strimwidth
from protevus.support.concerns.str_php import strip_tags
from protevus.support.concerns.str_php import strwidth
from protevus.support.concerns.str_php import wordwrap
from protevus.support.concerns.str_replace import Needles
from protevus.support.concerns.str_replace import ReplacesText
from protevus.support.macroable import Macroable
from protevus.support.pluralizer import Pluralizer

if t.TYPE_CHECKING:
    from protevus.support.stringable import Stringable


class Str(
    ConvertsCase,
    EncodesText,
    GeneratesIdentifiers,
    MatchesPatterns,
    ReplacesText,
    CamelAliases,
    Macroable,
):
    """Manipulate strings the Laravel way: ``Str.slug('Hi there')`` → ``'hi-there'``.

    Laravel: ``Illuminate\\Support\\Str``.
    """

    __slots__ = ()

    @staticmethod
    def of(value: t.Any = "") -> Stringable:
        """Return a fluent Stringable for ``value`` (``None`` becomes '').

        Laravel: ``Str::of()``.
        """
        from protevus.support.stringable import Stringable

        return Stringable(value)

    # -- slicing around a value --------------------------------------------------

    @staticmethod
    def after(subject: str, search: str) -> str:
        """Return what follows the first ``search``; Laravel: ``Str::after()``."""
        return subject.partition(search)[2] if search and search in subject else subject

    @staticmethod
    def after_last(subject: str, search: str) -> str:
        """Return what follows the last ``search``; Laravel: ``Str::afterLast()``."""
        return (
            subject.rpartition(search)[2] if search and search in subject else subject
        )

    @staticmethod
    def before(subject: str, search: str) -> str:
        """Return what precedes the first ``search``; Laravel: ``Str::before()``."""
        return subject.partition(search)[0] if search else subject

    @staticmethod
    def before_last(subject: str, search: str) -> str:
        """Return what precedes the last ``search``; Laravel: ``Str::beforeLast()``."""
        return (
            subject.rpartition(search)[0] if search and search in subject else subject
        )

    @staticmethod
    def between(subject: str, start: str, end: str) -> str:
        """Return the text between the first ``start`` and the last ``end``.

        Laravel: ``Str::between()``.
        """
        if start == "" or end == "":
            return subject
        return Str.before_last(Str.after(subject, start), end)

    @staticmethod
    def between_first(subject: str, start: str, end: str) -> str:
        """Return the smallest text between ``start`` and ``end``.

        Laravel: ``Str::betweenFirst()``.
        """
        if start == "" or end == "":
            return subject
        return Str.before(Str.after(subject, start), end)

    @staticmethod
    def char_at(subject: str, index: int) -> str | None:
        """Return the character at ``index``, or ``None`` when out of range.

        Laravel: ``Str::charAt()`` (which returns ``false``).
        """
        if (index < -len(subject)) if index < 0 else (index > len(subject) - 1):
            return None
        return subject[index]

    @staticmethod
    def chop_start(subject: str, needle: Needles) -> str:
        """Remove the first of ``needle`` that starts the string.

        Laravel: ``Str::chopStart()``.
        """
        for each in needle_list(needle):
            if each and subject.startswith(each):
                return subject[len(each) :]
        return subject

    @staticmethod
    def chop_end(subject: str, needle: Needles) -> str:
        """Remove the first of ``needle`` that ends the string.

        Laravel: ``Str::chopEnd()``.
        """
        for each in needle_list(needle):
            if each and subject.endswith(each):
                return subject[: -len(each)]
        return subject

    @staticmethod
    def excerpt(
        text: str,
        phrase: str = "",
        options: t.Mapping[str, t.Any] | None = None,
        *,
        radius: int | None = None,
        omission: str | None = None,
    ) -> str | None:
        """Return the text around the first ``phrase``, or ``None`` if it is absent.

        ``radius`` (default 100) characters are kept on each side and cut sides get
        ``omission`` (default ``'...'``). Laravel: ``Str::excerpt()``.
        """
        options = dict(options or {})
        radius = radius if radius is not None else int(options.get("radius", 100))
        omission = omission if omission is not None else options.get("omission", "...")
        found = re.match(
            "^(.*?)(" + re.escape(str(phrase)) + ")(.*)$",
            str(text),
            re.IGNORECASE | re.DOTALL,
        )
        if found is None:
            return None
        start = found[1].lstrip()
        shown = mb_substr(start, max(len(start) - radius, 0), radius).lstrip()
        if shown != start:
            shown = f"{omission}{shown}"
        end = found[3].rstrip()
        tail = mb_substr(end, 0, radius).rstrip()
        if tail != end:
            tail = f"{tail}{omission}"
        return shown + found[2] + tail

    @staticmethod
    def substr(string: str, start: int, length: int | None = None) -> str:
        """Return ``length`` characters from ``start`` (negatives count from the end).

        Laravel: ``Str::substr()``.
        """
        return mb_substr(string, start, length)

    @staticmethod
    def take(string: str, limit: int) -> str:
        """Return the first ``limit`` characters (the last ones if negative).

        Laravel: ``Str::take()``.
        """
        return mb_substr(string, limit) if limit < 0 else mb_substr(string, 0, limit)

    # -- searching ---------------------------------------------------------------

    @staticmethod
    def contains(
        haystack: str | None, needles: Needles, ignore_case: bool = False
    ) -> bool:
        """Determine if ``haystack`` contains any of ``needles``.

        Laravel: ``Str::contains()``.
        """
        if haystack is None:
            return False
        if ignore_case:
            haystack = haystack.lower()
        for needle in needle_list(needles):
            if ignore_case:
                needle = needle.lower()
            if needle != "" and needle in haystack:
                return True
        return False

    @staticmethod
    def contains_all(
        haystack: str | None, needles: t.Iterable[str], ignore_case: bool = False
    ) -> bool:
        """Determine if ``haystack`` contains every needle.

        Laravel: ``Str::containsAll()``.
        """
        return all(Str.contains(haystack, n, ignore_case) for n in needle_list(needles))

    @staticmethod
    def doesnt_contain(
        haystack: str | None, needles: Needles, ignore_case: bool = False
    ) -> bool:
        """Determine if ``haystack`` contains none of ``needles``.

        Laravel: ``Str::doesntContain()``.
        """
        return not Str.contains(haystack, needles, ignore_case)

    @staticmethod
    def starts_with(haystack: str | None, needles: Needles) -> bool:
        """Determine if ``haystack`` starts with any of ``needles``.

        Laravel: ``Str::startsWith()``.
        """
        if haystack is None:
            return False
        return any(n != "" and haystack.startswith(n) for n in needle_list(needles))

    @staticmethod
    def doesnt_start_with(haystack: str | None, needles: Needles) -> bool:
        """Determine if ``haystack`` starts with none of ``needles``.

        Laravel: ``Str::doesntStartWith()``.
        """
        return not Str.starts_with(haystack, needles)

    @staticmethod
    def ends_with(haystack: str | None, needles: Needles) -> bool:
        """Determine if ``haystack`` ends with any of ``needles``.

        Laravel: ``Str::endsWith()``.
        """
        if haystack is None:
            return False
        return any(n != "" and haystack.endswith(n) for n in needle_list(needles))

    @staticmethod
    def doesnt_end_with(haystack: str | None, needles: Needles) -> bool:
        """Determine if ``haystack`` ends with none of ``needles``.

        Laravel: ``Str::doesntEndWith()``.
        """
        return not Str.ends_with(haystack, needles)

    @staticmethod
    def position(haystack: str, needle: str, offset: int = 0) -> int | None:
        """Return the index of the first ``needle`` at or after ``offset``, or ``None``.

        Laravel: ``Str::position()`` (which returns ``false``).
        """
        index = haystack.find(str(needle), offset)
        return None if index < 0 else index

    @staticmethod
    def substr_count(
        haystack: str, needle: str, offset: int = 0, length: int | None = None
    ) -> int:
        """Count the non-overlapping ``needle`` occurrences.

        Laravel: ``Str::substrCount()``.
        """
        if needle == "":
            raise InvalidArgumentError(
                "Needle [] must not be empty; pass the text to count."
            )
        return mb_substr(haystack, offset, length).count(needle)

    @staticmethod
    def length(value: str) -> int:
        """Return the number of characters; Laravel: ``Str::length()``."""
        return len(value)

    @staticmethod
    def word_count(string: str, characters: str | None = None) -> int:
        """Count the words (runs of letters, ``'`` and ``-``).

        Laravel: ``Str::wordCount()``.
        """
        extra = re.escape(characters or "")
        word = rf"(?:[^\W\d_]|[{extra}])" if extra else r"[^\W\d_]"
        return len(re.findall(rf"{word}(?:(?:{word}|['\-])*(?:{word}|'))?", string))

    # -- inflection --------------------------------------------------------------

    @staticmethod
    def plural(value: str, count: t.Any = 2, prepend_count: bool = False) -> str:
        """Return the plural of an English word unless ``count`` is 1.

        Laravel: ``Str::plural()``; ``prepend_count`` gives ``'1,000 cars'``.
        """
        plural = Pluralizer.plural(value, count)
        if not prepend_count:
            return plural
        number = len(count) if isinstance(count, t.Sized) else count
        return f"{round(number):,} {plural}"

    @staticmethod
    def plural_studly(value: str, count: t.Any = 2) -> str:
        """Pluralize the last word of a StudlyCase string.

        Laravel: ``Str::pluralStudly()``.
        """
        parts = re.split(r"(.)(?=[A-Z])", value)
        last = parts.pop()
        return "".join(parts) + Str.plural(last, count)

    @staticmethod
    def plural_pascal(value: str, count: t.Any = 2) -> str:
        """Pluralize the last word of a PascalCase string.

        Laravel: ``Str::pluralPascal()``.
        """
        return Str.plural_studly(value, count)

    @staticmethod
    def singular(value: str) -> str:
        """Return the singular of an English word; Laravel: ``Str::singular()``."""
        return Pluralizer.singular(value)

    # -- building and replacing ----------------------------------------------------

    @staticmethod
    def finish(value: str, cap: str) -> str:
        """End ``value`` with exactly one ``cap``; Laravel: ``Str::finish()``."""
        if cap == "":
            return value
        return re.sub("(?:" + re.escape(cap) + r")+\Z", "", value) + cap

    @staticmethod
    def start(value: str, prefix: str) -> str:
        """Begin ``value`` with exactly one ``prefix``; Laravel: ``Str::start()``."""
        if prefix == "":
            return value
        return prefix + re.sub("^(?:" + re.escape(prefix) + ")+", "", value)

    @staticmethod
    def wrap(value: str, before: str, after: str | None = None) -> str:
        """Surround ``value`` with ``before`` and ``after`` (default: ``before``).

        Laravel: ``Str::wrap()``.
        """
        return f"{before}{value}{before if after is None else after}"

    @staticmethod
    def unwrap(value: str, before: str, after: str | None = None) -> str:
        """Remove ``before`` from the start and ``after`` from the end.

        Laravel: ``Str::unwrap()``.
        """
        if Str.starts_with(value, before):
            value = value[len(before) :]
        after = before if after is None else after
        if Str.ends_with(value, after):
            value = value[: -len(after)]
        return value

    @staticmethod
    def limit(
        value: str, limit: int = 100, end: str = "...", preserve_words: bool = False
    ) -> str:
        """Cut ``value`` to ``limit`` columns and add ``end``.

        Laravel: ``Str::limit()``.
        """
        if strwidth(value) <= limit:
            return value
        if not preserve_words:
            return strimwidth(value, limit).rstrip() + end
        value = re.sub(r"[\n\r]+", " ", strip_tags(value)).strip()
        trimmed = strimwidth(value, limit).rstrip()
        if mb_substr(value, limit, 1) == " ":
            return trimmed + end
        return re.sub(r"(.*)\s.*", r"\1", trimmed) + end

    @staticmethod
    def words(value: str, words: int = 100, end: str = "...") -> str:
        """Keep the first ``words`` words and add ``end``; Laravel: ``Str::words()``."""
        if words < 1:
            return value
        found = re.match(r"^\s*+(?:\S++\s*+){1," + str(words) + "}", value)
        if found is None or len(found[0]) == len(value):
            return value
        return found[0].rstrip() + end

    @staticmethod
    def mask(string: str, character: str, index: int, length: int | None = None) -> str:
        """Hide part of ``string`` behind ``character``; Laravel: ``Str::mask()``.

        A negative ``index`` or ``length`` counts from the end.
        """
        if character == "":
            return string
        segment = mb_substr(string, index, length)
        if segment == "":
            return string
        size = len(string)
        start = index
        if index < 0:
            start = 0 if index < -size else size + index
        head = string[:start]
        tail = string[start + len(segment) :]
        return head + character[0] * len(segment) + tail

    @staticmethod
    def pad_both(value: str, length: int, pad_: str = " ") -> str:
        """Pad both sides of ``value`` to ``length``; Laravel: ``Str::padBoth()``."""
        return pad(value, length, pad_, "both")

    @staticmethod
    def pad_left(value: str, length: int, pad_: str = " ") -> str:
        """Pad the left side of ``value`` to ``length``; Laravel: ``Str::padLeft()``."""
        return pad(value, length, pad_, "left")

    @staticmethod
    def pad_right(value: str, length: int, pad_: str = " ") -> str:
        """Pad the right side of ``value`` to ``length``.

        Laravel: ``Str::padRight()``.
        """
        return pad(value, length, pad_, "right")

    @staticmethod
    def repeat(string: str, times: int) -> str:
        """Repeat ``string`` ``times`` times; Laravel: ``Str::repeat()``."""
        if times < 0:
            raise InvalidArgumentError(f"Repeat count [{times}] must be zero or more.")
        return string * times

    @staticmethod
    def reverse(value: str) -> str:
        """Reverse the characters of ``value``; Laravel: ``Str::reverse()``."""
        return value[::-1]

    @staticmethod
    def deduplicate(string: str, character: str | t.Iterable[str] = " ") -> str:
        """Collapse runs of ``character`` (or of each given one).

        Laravel: ``Str::deduplicate()``.
        """
        for char in needle_list(character):
            if char:
                escaped = char.replace("\\", "\\\\")
                string = re.sub("(?:" + re.escape(char) + ")+", escaped, string)
        return string

    @staticmethod
    def squish(value: str) -> str:
        """Trim and collapse all inner whitespace to single spaces.

        Laravel: ``Str::squish()``.
        """
        return re.sub(r"(?:\s|\u3164|\u1160)+", " ", Str.trim(value))

    @staticmethod
    def trim(value: str, charlist: str | None = None) -> str:
        """Strip whitespace, including Unicode and invisible characters, from both ends.

        With ``charlist`` only those characters (``'a..z'`` ranges allowed) are
        stripped. Laravel: ``Str::trim()``.
        """
        if charlist is None:
            return TRIM_BOTH.sub("", value)
        return value.strip(expand_charlist(charlist))

    @staticmethod
    def ltrim(value: str, charlist: str | None = None) -> str:
        """Strip whitespace (or ``charlist``) from the start.

        Laravel: ``Str::ltrim()``.
        """
        if charlist is None:
            return TRIM_LEFT.sub("", value)
        return value.lstrip(expand_charlist(charlist))

    @staticmethod
    def rtrim(value: str, charlist: str | None = None) -> str:
        """Strip whitespace (or ``charlist``) from the end.

        Laravel: ``Str::rtrim()``.
        """
        if charlist is None:
            return TRIM_RIGHT.sub("", value)
        return value.rstrip(expand_charlist(charlist))

    @staticmethod
    def word_wrap(
        string: str,
        characters: int = 75,
        break_: str = "\n",
        cut_long_words: bool = False,
    ) -> str:
        """Wrap ``string`` at spaces to ``characters`` columns.

        Laravel: ``Str::wordWrap()``.
        """
        return wordwrap(string, characters, break_, cut_long_words)
