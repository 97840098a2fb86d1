"""Pattern matching and format checks for ``Str``.

Laravel: ``Str::is()``, ``isAscii()``, ``isJson()``, ``isUrl()``, ``match()``,
``isMatch()``, ``matchAll()``, ``replaceMatches()`` and ``numbers()``. Regular
expressions may be written the Python way (``r'foo (.*)'``) or the PHP way with
delimiters and flags (``'/foo (.*)/i'``), so Laravel snippets paste unchanged.
"""

from __future__ import annotations

import functools
import json
import re
import typing as t

from protevus.support.aliases import CamelAliases
from protevus.support.concerns.str_php import compile_pattern
from protevus.support.concerns.str_php import convert_replacement

Pattern = str | re.Pattern[str]

_URL_PATTERN = r"""^(?P<scheme>[a-z][a-z0-9+.\-]*)://
    (?:(?:[\w.\-]|%[0-9a-f]{2})+(?::(?:[\w.\-]|%[0-9a-f]{2})*)?@)?   # user:pass@
    (?:
        [^\W_](?:[\w\-]*[^\W_])?(?:\.[^\W_](?:[\w\-]*[^\W_])?)*\.?  # domain name
      | \d{1,3}(?:\.\d{1,3}){3}                                   # IPv4
      | \[[0-9a-f:.]+\]                                           # IPv6
    )
    (?::\d+)?                                                     # port
    (?:/(?:[\w\-.~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*                  # path
    (?:\?(?:[\w\-.~!$&'\[\]()*+,;=:@/?]|%[0-9a-f]{2})*)?           # query
    (?:\#(?:[\w\-.~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?\Z             # fragment
    """


@functools.cache
def _url() -> re.Pattern[str]:
    return re.compile(_URL_PATTERN, re.IGNORECASE | re.VERBOSE)


def _reject_constant(name: str) -> t.Any:
    raise ValueError(name)


class MatchesPatterns(CamelAliases):
    """Give ``Str`` its wildcard, regular-expression and format checks.

    Laravel: the matching half of ``Illuminate\\Support\\Str``.
    """

    __slots__ = ()

    @staticmethod
    def is_(
        pattern: str | t.Iterable[str], value: t.Any, ignore_case: bool = False
    ) -> bool:
        """Determine if ``value`` matches a ``*`` wildcard pattern (or any of several).

        Laravel: ``Str::is()``.
        """
        value = str(value)
        patterns = [pattern] if isinstance(pattern, str) else pattern
        for each in patterns:
            each = str(each)
            if each in ("*", value):
                return True
            if ignore_case and each.lower() == value.lower():
                return True
            regex = re.escape(each).replace(r"\*", ".*")
            flags = re.DOTALL | (re.IGNORECASE if ignore_case else 0)
            if re.fullmatch(regex, value, flags):
                return True
        return False

    @staticmethod
    def is_ascii(value: t.Any) -> bool:
        """Determine if ``value`` is 7-bit ASCII; Laravel: ``Str::isAscii()``."""
        return str(value).isascii()

    @staticmethod
    def is_json(value: t.Any) -> bool:
        """Determine if ``value`` is a string holding valid JSON.

        Laravel: ``Str::isJson()``.
        """
        if not isinstance(value, str):
            return False
        try:
            json.loads(value, parse_constant=_reject_constant)
        except ValueError:
            return False
        return True

    @staticmethod
    def is_url(value: t.Any, protocols: t.Iterable[str] | None = None) -> bool:
        """Determine if ``value`` is a URL, optionally limited to ``protocols``.

        Any RFC 3986 scheme is accepted unless ``protocols`` is given. Laravel:
        ``Str::isUrl()``.
        """
        if not isinstance(value, str):
            return False
        found = _url().match(value)
        if found is None:
            return False
        if protocols is None:
            return True
        return found["scheme"].lower() in {p.lower() for p in protocols}

    @staticmethod
    def match(pattern: Pattern, subject: str) -> str:
        """Return the first match of ``pattern`` (its first group if it has one), or ''.

        Laravel: ``Str::match()``.
        """
        found = compile_pattern(pattern).search(subject)
        if found is None:
            return ""
        if found.re.groups and found.group(1) is not None:
            return found.group(1)
        return found.group(0)

    @staticmethod
    def is_match(pattern: Pattern | t.Iterable[Pattern], value: t.Any) -> bool:
        """Determine if ``value`` matches ``pattern`` (or any of several patterns).

        Laravel: ``Str::isMatch()``.
        """
        value = str(value)
        patterns = [pattern] if isinstance(pattern, str | re.Pattern) else pattern
        return any(compile_pattern(each).search(value) for each in patterns)

    @staticmethod
    def match_all(pattern: Pattern, subject: str) -> t.Any:
        """Return a Collection of every match (or of every first-group match).

        Laravel: ``Str::matchAll()``.
        """
        from protevus.support.collection import Collection

        regex = compile_pattern(pattern)
        group = 1 if regex.groups else 0
        return Collection([m.group(group) or "" for m in regex.finditer(subject)])

    @staticmethod
    def replace_matches(
        pattern: Pattern,
        replace: str | t.Callable[[re.Match[str]], str],
        subject: str,
        limit: int = -1,
    ) -> str:
        """Replace what matches ``pattern`` with a string or a callback's result.

        ``$1``-style references work in the replacement; the callback receives the
        :class:`re.Match` (``m[0]`` is the whole match).
        Laravel: ``Str::replaceMatches()``.
        """
        regex = compile_pattern(pattern)
        count = 0 if limit < 0 else limit
        if callable(replace):
            return regex.sub(replace, subject, count=count)
        return regex.sub(convert_replacement(replace), subject, count=count)

    @staticmethod
    def numbers(value: str) -> str:
        """Remove everything but the digits 0-9; Laravel: ``Str::numbers()``."""
        return re.sub(r"[^0-9]", "", value)
