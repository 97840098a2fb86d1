"""Build HTTP header values: ``Content-Disposition`` for downloads.

Laravel: ``Symfony\\Component\\HttpFoundation\\HeaderUtils``.
"""

from __future__ import annotations

import re
import typing as t
from urllib.parse import quote

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_PRINTABLE_ASCII = re.compile(r"[\x20-\x7e]*")
#: Characters a computed fallback leaves out: non-printable or non-ASCII, and
#: ``%`` and ``"`` (clients may decode or mis-split them).
_NOT_FALLBACK = re.compile(r'[^\x20-\x7e]|[%"]')


class HeaderUtils(CamelAliases):
    """Build header values the way Symfony's ``HeaderUtils`` does.

    Laravel: ``Symfony\\Component\\HttpFoundation\\HeaderUtils``.
    """

    DISPOSITION_ATTACHMENT: t.ClassVar[str] = "attachment"
    DISPOSITION_INLINE: t.ClassVar[str] = "inline"

    @staticmethod
    def make_disposition(disposition: str, filename: str, fallback: str = "") -> str:
        """Build a ``Content-Disposition`` value for ``filename``.

        ``filename="<ASCII fallback>"`` always, plus ``filename*=utf-8''<name>``
        (RFC 6266/5987) when the name is not plain ASCII. Without ``fallback``
        one is made from the name: characters outside printable ASCII, ``%`` and
        ``"`` are left out (``résumé.pdf`` → ``rsum.pdf``).

        Raises :class:`InvalidArgumentError` for a disposition other than
        ``attachment``/``inline``, an empty name, and names holding ``/``, ``\\``
        or control characters.

        Laravel: ``HeaderUtils::makeDisposition()``.
        """
        if disposition not in ("attachment", "inline"):
            raise InvalidArgumentError(
                f"The disposition [{disposition}] is not valid; use "
                "[attachment] or [inline]."
            )
        _check_name(filename, "file name")
        if fallback:
            _check_name(fallback, "fallback file name")
            if not _PRINTABLE_ASCII.fullmatch(fallback) or "%" in fallback:
                raise InvalidArgumentError(
                    f"The fallback file name [{fallback}] must hold only printable "
                    "ASCII characters and no [%]; leave it empty to derive one."
                )
        else:
            fallback = HeaderUtils.disposition_fallback(filename)
        value = f"{disposition}; filename={_quoted(fallback)}"
        if fallback != filename:
            value += f"; filename*=utf-8''{quote(filename, safe='')}"
        return value

    @staticmethod
    def disposition_fallback(filename: str) -> str:
        """Derive the ASCII ``filename=`` of a ``Content-Disposition`` from ``filename``.

        Characters outside printable ASCII, ``%`` and ``"`` are left out; a name
        left with no stem becomes ``download`` (``報告.pdf`` → ``download.pdf``).

        Laravel: ``ResponseFactory::fallbackName()`` (which transliterates first).
        """
        fallback = _NOT_FALLBACK.sub("", filename).strip()
        if not fallback.strip("."):
            return "download"
        if fallback.startswith(".") and not filename.startswith("."):
            return "download" + fallback
        return fallback


def make_disposition(disposition: str, filename: str, fallback: str = "") -> str:
    """Build a ``Content-Disposition`` value (see :meth:`HeaderUtils.make_disposition`).

    Laravel: ``HeaderUtils::makeDisposition()``.
    """
    return HeaderUtils.make_disposition(disposition, filename, fallback)


def _check_name(name: str, what: str) -> None:
    if not name:
        raise InvalidArgumentError(
            f"The {what} of a Content-Disposition header must not be empty; "
            "give the download a name."
        )
    if "/" in name or "\\" in name or _CONTROL.search(name):
        shown = _CONTROL.sub(lambda found: repr(found.group())[1:-1], name)
        raise InvalidArgumentError(
            f"The {what} [{shown}] must not contain [/], [\\] or control "
            "characters; pass a bare file name such as [report.pdf]."
        )


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
