"""Format log records as Laravel writes them, and replace ``{placeholders}``.

Laravel: the ``Monolog\\Formatter\\LineFormatter`` built by ``LogManager::formatter()``
(``new LineFormatter(null, 'Y-m-d H:i:s', true, true, true)``) and Monolog's
``PsrLogMessageProcessor``, pushed when a channel sets ``replace_placeholders``.

A line looks like Laravel's, byte for byte::

    [2026-11-28 17:48:50] local.INFO: User 3 logged in {"id":3}

Monolog's format is ``%message% %context% %extra%``; with empty context and extra
omitted, Laravel's lines keep the separating spaces (one after the context, two
after a bare message). Protevus keeps them too, so tools that parse Laravel logs
read Protevus logs unchanged. Pass ``format=`` to change the layout.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import enum
import json
import logging
import math
import pathlib
import re
import traceback
import typing as t
import uuid

from protevus.support.aliases import CamelAliases

#: Monolog's ``LineFormatter::SIMPLE_FORMAT`` without the newline (handlers add it).
SIMPLE_FORMAT = "[%datetime%] %channel%.%level_name%: %message% %context% %extra%"
#: Laravel's ``LogManager::$dateFormat`` (``Y-m-d H:i:s``) as a strftime pattern.
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"

_TOKEN = re.compile(r"%([A-Za-z_]+(?:\.[^%\s]+)?)%")
_ESCAPED_NEWLINE = re.compile(r"(?<!\\)\\[rn]")
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
_STRINGLIKE = (decimal.Decimal, uuid.UUID, pathlib.PurePath)


def class_name(obj: object) -> str:
    """Return the dotted class name of ``obj`` (builtins keep their bare name)."""
    cls = type(obj)
    if cls.__module__ == "builtins":
        return cls.__qualname__
    return f"{cls.__module__}.{cls.__qualname__}"


def _has_own_str(obj: object) -> bool:
    method: t.Any = type(obj).__str__
    return method is not object.__str__


def _json(data: t.Any) -> str:
    # Monolog encodes with JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)


class LineFormatter(CamelAliases, logging.Formatter):
    """Render a record as ``[datetime] channel.LEVEL: message context extra``.

    The record's ``context`` (a dict) is written as compact JSON; exceptions in it
    render as ``[object] (Class(code: 0): message at file:line)`` followed by the
    traceback. Records logged straight through :mod:`logging` work too: the
    logger's name stands in for the channel and ``exc_info`` becomes the
    ``exception`` context entry.

    The defaults are the ones Laravel passes: date ``Y-m-d H:i:s``, inline line
    breaks allowed, empty context and extra omitted, stack traces included.
    Datetimes are shown in ``timezone`` (the app timezone; UTC when None).

    Laravel: ``Monolog\\Formatter\\LineFormatter`` from ``LogManager::formatter()``.
    """

    max_normalize_depth: int = 9
    max_normalize_item_count: int = 1000

    def __init__(
        self,
        format: str | None = None,
        date_format: str | None = None,
        allow_inline_line_breaks: bool = True,
        ignore_empty_context_and_extra: bool = True,
        include_stacktraces: bool = True,
        timezone: dt.tzinfo | None = None,
    ) -> None:
        super().__init__()
        self.line_format = SIMPLE_FORMAT if format is None else format
        self.date_format = DATE_FORMAT if date_format is None else date_format
        self.allow_inline_line_breaks = allow_inline_line_breaks or include_stacktraces
        self.ignore_empty_context_and_extra = ignore_empty_context_and_extra
        self.include_stacktraces = include_stacktraces
        self.timezone = timezone or dt.UTC

    def format(self, record: logging.LogRecord) -> str:
        """Return the log line for ``record`` (without the trailing newline).

        Laravel: ``LineFormatter::format()``.
        """
        context = dict(getattr(record, "context", None) or {})
        if record.exc_info and record.exc_info[1] is not None:
            context.setdefault("exception", record.exc_info[1])
        values: dict[str, t.Any] = {
            "datetime": dt.datetime.fromtimestamp(
                record.created, self.timezone
            ).strftime(self.date_format),
            "channel": getattr(record, "channel", None) or record.name,
            "level_name": record.levelname,
            "message": record.getMessage(),
            "context": self.normalize(context),
            "extra": self.normalize(dict(getattr(record, "extra", None) or {})),
        }
        tokens = set(_TOKEN.findall(self.line_format))
        # Keys printed on their own (%context.user%) leave the JSON blob.
        picked: dict[str, str] = {}
        for token in tokens:
            group, _, key = token.partition(".")
            if key and group in ("context", "extra") and key in values[group]:
                picked[token] = self.stringify(values[group].pop(key))

        def replace(match: re.Match[str]) -> str:
            token = match.group(1)
            if token in picked:
                return picked[token]
            if "." in token:
                return (
                    ""
                    if token.split(".")[0] in ("context", "extra")
                    else match.group(0)
                )
            if token not in values:
                return match.group(0)
            if (
                token in ("context", "extra")
                and self.ignore_empty_context_and_extra
                and not values[token]
            ):
                return ""
            return self.stringify(values[token])

        return _TOKEN.sub(replace, self.line_format)

    def stringify(self, value: t.Any) -> str:
        """Return ``value`` as it appears in a line: scalars as text, the rest as JSON.

        Laravel: ``LineFormatter::stringify()``.
        """
        if value is None:
            text = "NULL"
        elif isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, str | int | float):
            text = str(value)
        else:
            text = _json(value)
        return self._replace_newlines(text)

    def _replace_newlines(self, text: str) -> str:
        if not self.allow_inline_line_breaks:
            return text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
        if text.startswith(("{", "[")):
            # Let JSON-escaped newlines (tracebacks) break the line, as Monolog does.
            return _ESCAPED_NEWLINE.sub("\n", text)
        return text

    def normalize(self, data: t.Any, depth: int = 0) -> t.Any:
        """Turn ``data`` into JSON-ready values (exceptions become their rendering).

        Laravel: ``NormalizerFormatter::normalize()``.
        """
        if depth > self.max_normalize_depth:
            return (
                f"Over {self.max_normalize_depth} levels deep, aborting normalization"
            )
        if data is None or isinstance(data, bool | int | str):
            return data
        if isinstance(data, float):
            if math.isnan(data):
                return "NaN"
            if math.isinf(data):
                return "INF" if data > 0 else "-INF"
            return data
        if isinstance(data, BaseException):
            return self.render_exception(data)
        if isinstance(data, dict):
            return self._normalize_items(list(data.items()), depth, as_dict=True)
        if isinstance(data, list | tuple | set | frozenset):
            return self._normalize_items(list(enumerate(data)), depth, as_dict=False)
        if isinstance(data, dt.datetime):
            return data.strftime(self.date_format)
        if isinstance(data, dt.date | dt.time):
            return data.isoformat()
        if isinstance(data, enum.Enum):
            return self.normalize(data.value, depth)
        if isinstance(data, bytes | bytearray):
            return bytes(data).decode("utf-8", "replace")
        if isinstance(data, _STRINGLIKE):
            return str(data)
        return {class_name(data): self.normalize(self._object_value(data), depth + 1)}

    def _normalize_items(
        self, items: list[tuple[t.Any, t.Any]], depth: int, as_dict: bool
    ) -> t.Any:
        limit = self.max_normalize_item_count
        out = {str(k): self.normalize(v, depth + 1) for k, v in items[:limit]}
        if len(items) > limit:
            out["..."] = (
                f"Over {limit} items ({len(items)} total), aborting normalization"
            )
        return out if as_dict else list(out.values())

    @staticmethod
    def _object_value(obj: t.Any) -> t.Any:
        # Monolog's order: JsonSerializable, then __toString, then public properties.
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            return dataclasses.asdict(obj)
        for method in ("to_array", "to_dict"):
            fn = getattr(obj, method, None)
            if callable(fn):
                return fn()
        if _has_own_str(obj):
            return str(obj)
        attrs = getattr(obj, "__dict__", None)
        if isinstance(attrs, dict):
            return {k: v for k, v in attrs.items() if not k.startswith("_")}
        return repr(obj)

    def render_exception(self, exc: BaseException) -> str:
        """Render ``exc`` and its causes the way Laravel logs an exception.

        ``[object] (ValueError(code: 0): boom at /app/x.py:3)`` then, when stack
        traces are included, ``[stacktrace]`` and the Python traceback; chained
        exceptions follow as ``[previous exception] ...``.

        Laravel: ``LineFormatter::normalizeException()``.
        """
        text = self._render_one(exc)
        seen = {id(exc)}
        previous = _previous(exc)
        depth = 0
        while previous is not None and id(previous) not in seen:
            depth += 1
            if depth > self.max_normalize_depth:
                text += (
                    f"\n[previous exception] Over {self.max_normalize_depth} levels "
                    "deep, aborting normalization"
                )
                break
            seen.add(id(previous))
            text += "\n[previous exception] " + self._render_one(previous)
            previous = _previous(previous)
        return text

    def _render_one(self, exc: BaseException) -> str:
        code = getattr(exc, "code", None)
        if not isinstance(code, int) or isinstance(code, bool):
            errno = getattr(exc, "errno", None)
            code = errno if isinstance(errno, int) else 0
        text = f"[object] ({class_name(exc)}(code: {code}): {exc}"
        tb = exc.__traceback__
        if tb is None:
            return text + ")"
        while tb.tb_next is not None:
            tb = tb.tb_next
        text += f" at {tb.tb_frame.f_code.co_filename}:{tb.tb_lineno})"
        if self.include_stacktraces:
            text += "\n[stacktrace]\n" + "".join(traceback.format_tb(exc.__traceback__))
        return text


def _previous(exc: BaseException) -> BaseException | None:
    if exc.__cause__ is not None:
        return exc.__cause__
    if exc.__suppress_context__:
        return None
    return exc.__context__


class PsrLogMessageProcessor(CamelAliases, logging.Filter):
    """Replace ``{key}`` in a record's message with ``context[key]``.

    ``Log.info('User {id} logged in', {'id': 3})`` writes ``User 3 logged in``; the
    context keeps ``id``. Unknown placeholders stay as written. Values render as
    text: None as nothing, booleans as ``true``/``false``, dates in ISO 8601,
    lists and dicts as ``array`` + JSON, other objects as ``[object Class]`` unless
    they define ``__str__``.

    Laravel: ``Monolog\\Processor\\PsrLogMessageProcessor`` (``replace_placeholders``).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the message of ``record`` and let it through."""
        context = getattr(record, "context", None)
        if context and isinstance(record.msg, str) and "{" in record.msg:

            def replace(match: re.Match[str]) -> str:
                key = match.group(1)
                if key not in context:
                    return match.group(0)
                return self.placeholder_value(context[key])

            record.msg = _PLACEHOLDER.sub(replace, record.msg)
        return True

    @staticmethod
    def placeholder_value(value: t.Any) -> str:
        """Return the text that replaces a placeholder for ``value``."""
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, str | int | float):
            return str(value)
        if isinstance(value, dt.date | dt.time):
            return value.isoformat()
        if isinstance(value, dict | list | tuple | set | frozenset):
            items = list(value) if isinstance(value, set | frozenset) else value
            return "array" + _json(items)
        if isinstance(value, BaseException) or _has_own_str(value):
            return str(value)
        return f"[object {class_name(value)}]"
