"""Small casts the framework's default config files share.

Laravel: the ``(int)``/``(bool)`` casts, ``explode(',', ...)`` and ``Str::slug()``
calls inside the framework's ``config/*.php`` files.
"""

from __future__ import annotations

import importlib
import re
import typing as t
import unicodedata

from protevus.config.env import env
from protevus.config.exceptions import ConfigError

_NOT_ALLOWED = re.compile(r"[^\w\s-]", re.ASCII)
_RUNS = re.compile(r"[\s_-]+", re.ASCII)


def env_int(key: str, default: int | None) -> int | None:
    """Return environment variable ``key`` as an ``int`` (``default`` if unset/empty).

    Laravel: ``(int) env('KEY', default)``, but a non-numeric value is an error
    instead of silently becoming ``0``.
    """
    raw = env(key)
    if raw is None or raw == "":
        return default
    if isinstance(raw, bool):
        return int(raw)
    try:
        return int(str(raw).strip())
    except ValueError:
        raise ConfigError(
            f"Environment variable [{key}] must be an integer, [{raw}] given. "
            "Fix its value in .env or in the process environment."
        ) from None


def env_bool(key: str, default: bool) -> bool:
    """Return environment variable ``key`` as a ``bool`` with PHP's truthiness.

    ``true``/``false`` literals are already cast by ``env()``; of the other strings
    only ``''`` and ``'0'`` are false, as in PHP's ``(bool)`` cast.

    Laravel: ``(bool) env('KEY', default)``.
    """
    raw = env(key, default)
    if isinstance(raw, str):
        return raw not in ("", "0")
    return bool(raw)


def env_list(key: str, default: str = "") -> list[str]:
    """Return environment variable ``key`` split on commas, blanks dropped.

    Laravel: ``array_filter(explode(',', (string) env('KEY', '')))``.
    """
    raw = env(key, default)
    if raw is None or isinstance(raw, bool):
        return []
    return [part.strip() for part in str(raw).split(",") if part.strip()]


def slug(text: t.Any, separator: str = "-") -> str:
    """Return a URL-friendly slug of ``text`` (``'My App'`` → ``'my-app'``).

    Uses ``protevus.support.str.Str.slug`` when that module exists, else an
    equivalent local version.

    Laravel: ``Str::slug($title, $separator)``.
    """
    try:
        module = importlib.import_module("protevus.support.str")
    except ImportError:
        return _local_slug(str(text), separator)
    return str(module.Str.slug(str(text), separator))


def _local_slug(text: str, separator: str) -> str:
    ascii_text = (
        unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    )
    ascii_text = ascii_text.replace("@", f"{separator}at{separator}")
    cleaned = _NOT_ALLOWED.sub("", ascii_text.lower())
    return _RUNS.sub(separator, cleaned).strip(separator)
