"""Transliteration, slugs and Base64 for ``Str``.

Laravel: ``Str::ascii()``, ``transliterate()``, ``slug()``, ``toBase64()`` and
``fromBase64()``.
"""

from __future__ import annotations

import base64
import binascii
import re
import typing as t

from protevus.support.aliases import CamelAliases
from protevus.support.concerns.str_ascii import to_ascii


class EncodesText(CamelAliases):
    """Give ``Str`` its ASCII, slug and Base64 conversions.

    Laravel: the encoding methods of ``Illuminate\\Support\\Str``.
    """

    __slots__ = ()

    @staticmethod
    def ascii(value: str, language: str = "en") -> str:
        """Transliterate ``value`` to ASCII (``'û'`` → ``'u'``).

        ``language`` is accepted for compatibility and ignored. Laravel:
        ``Str::ascii()``.
        """
        return to_ascii(str(value))

    @staticmethod
    def transliterate(string: str, unknown: str = "?", strict: bool = False) -> str:
        """Spell ``string`` in ASCII, using ``unknown`` for the rest.

        Laravel: ``Str::transliterate()``.
        """
        return to_ascii(str(string), unknown)

    @staticmethod
    def slug(
        title: str,
        separator: str = "-",
        language: str | None = "en",
        dictionary: t.Mapping[str, str] | None = None,
    ) -> str:
        """Return a URL slug: ``'Laravel 5 Framework'`` → ``'laravel-5-framework'``.

        ``dictionary`` maps characters to words (default ``{'@': 'at'}``); with
        ``language=None`` non-ASCII letters are kept. Laravel: ``Str::slug()``.
        """
        if language:
            title = to_ascii(title)
        flip = "_" if separator == "-" else "-"
        title = re.sub(f"[{re.escape(flip)}]+", lambda _m: separator, title)
        for key, word in (
            dictionary if dictionary is not None else {"@": "at"}
        ).items():
            title = title.replace(key, separator + word + separator)
        keep = set(separator)
        title = "".join(
            c for c in title.lower() if c in keep or c.isalnum() or c.isspace()
        )
        title = re.sub(rf"[{re.escape(separator)}\s]+", lambda _m: separator, title)
        return title.strip(separator) if separator else title

    @staticmethod
    def to_base64(string: str) -> str:
        """Encode ``string`` (as UTF-8) in Base64; Laravel: ``Str::toBase64()``."""
        return base64.b64encode(string.encode()).decode("ascii")

    @staticmethod
    def from_base64(string: str, strict: bool = False) -> str | None:
        """Decode Base64 text, or return ``None`` when it is invalid.

        Without ``strict`` characters outside the alphabet are skipped, as PHP does.
        Laravel: ``Str::fromBase64()``.
        """
        try:
            if strict:
                raw = base64.b64decode(string, validate=True)
            else:
                cleaned = re.sub(r"[^A-Za-z0-9+/]", "", string)
                raw = base64.b64decode(cleaned + "=" * (-len(cleaned) % 4))
        except (binascii.Error, ValueError):
            return None
        return raw.decode("utf-8", errors="replace")
