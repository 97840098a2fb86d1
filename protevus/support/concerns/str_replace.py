"""Search-and-replace for ``Str``.

Laravel: ``Str::replace()``, ``replaceArray()``, ``replaceFirst()``,
``replaceLast()``, ``replaceStart()``, ``replaceEnd()``, ``remove()``,
``substrReplace()`` and ``swap()``.
"""

from __future__ import annotations

import re
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases
from protevus.support.concerns.str_php import needle_list

Needles = str | t.Iterable[str]


class ReplacesText(CamelAliases):
    """Give ``Str`` its replacement methods.

    Laravel: the replacing methods of ``Illuminate\\Support\\Str``.
    """

    __slots__ = ()

    @staticmethod
    def replace(
        search: t.Any, replace: t.Any, subject: t.Any, case_sensitive: bool = True
    ) -> t.Any:
        """Replace every ``search`` with ``replace`` (both may be lists, as in PHP).

        A list ``subject`` gives back a list. Laravel: ``Str::replace()``.
        """
        searches = needle_list(search)
        if isinstance(replace, str):
            replaces = [replace] * len(searches)
        else:
            replaces = [str(r) for r in replace]
            replaces += [""] * (len(searches) - len(replaces))

        def apply(text: str) -> str:
            for needle, new in zip(searches, replaces, strict=False):
                if needle == "":
                    continue
                if case_sensitive:
                    text = text.replace(needle, new)
                else:
                    escaped = new.replace("\\", "\\\\")
                    text = re.sub(re.escape(needle), escaped, text, flags=re.I)
            return text

        if isinstance(subject, str):
            return apply(subject)
        return [apply(str(item)) for item in subject]

    @staticmethod
    def replace_array(search: str, replace: t.Iterable[t.Any], subject: str) -> str:
        """Replace each ``search`` in turn with the next item of ``replace``.

        Laravel: ``Str::replaceArray()``.
        """
        if search == "":
            raise InvalidArgumentError("Search [] must not be empty.")
        items = list(replace.values() if isinstance(replace, t.Mapping) else replace)
        first, *segments = subject.split(search)
        out = [first]
        for segment in segments:
            out.append((str(items.pop(0)) if items else search) + segment)
        return "".join(out)

    @staticmethod
    def replace_first(search: str, replace: str, subject: str) -> str:
        """Replace the first ``search``; Laravel: ``Str::replaceFirst()``."""
        return subject.replace(str(search), replace, 1) if search != "" else subject

    @staticmethod
    def replace_last(search: str, replace: str, subject: str) -> str:
        """Replace the last ``search``; Laravel: ``Str::replaceLast()``."""
        search = str(search)
        if search == "" or search not in subject:
            return subject
        head, _, tail = subject.rpartition(search)
        return head + replace + tail

    @staticmethod
    def replace_start(search: str, replace: str, subject: str) -> str:
        """Replace ``search`` only where it starts the string.

        Laravel: ``Str::replaceStart()``.
        """
        if search != "" and subject.startswith(search):
            return replace + subject[len(search) :]
        return subject

    @staticmethod
    def replace_end(search: str, replace: str, subject: str) -> str:
        """Replace ``search`` only where it ends the string.

        Laravel: ``Str::replaceEnd()``.
        """
        if search != "" and subject.endswith(search):
            return subject[: -len(search)] + replace
        return subject

    @staticmethod
    def remove(search: Needles, subject: str, case_sensitive: bool = True) -> str:
        """Remove every ``search`` (one or several); Laravel: ``Str::remove()``."""
        return t.cast(str, ReplacesText.replace(search, "", subject, case_sensitive))

    @staticmethod
    def substr_replace(
        string: str, replace: str, offset: int = 0, length: int | None = None
    ) -> str:
        """Replace ``length`` characters at ``offset`` (0 inserts).

        Laravel: ``Str::substrReplace()``.
        """
        size = len(string)
        offset = min(max(size + offset, 0) if offset < 0 else offset, size)
        if length is None:
            length = size
        end = max(size + length, offset) if length < 0 else min(offset + length, size)
        return string[:offset] + replace + string[end:]

    @staticmethod
    def swap(mapping: t.Mapping[str, str], subject: str) -> str:
        """Replace several values at once, longest first (PHP ``strtr``).

        Laravel: ``Str::swap()``.
        """
        keys = sorted((k for k in mapping if k != ""), key=len, reverse=True)
        if not keys:
            return subject
        regex = "|".join(re.escape(k) for k in keys)
        return re.sub(regex, lambda m: str(mapping[m[0]]), subject)
