"""One log channel: PSR-3 methods over an isolated :mod:`logging` logger.

Laravel: ``Illuminate\\Log\\Logger``, which wraps a Monolog logger. Here the
wrapped object is a :class:`logging.Logger`; the message's context travels on the
record as ``record.context`` and the channel name (the app environment by default)
as ``record.channel``, where :class:`~protevus.log.line_formatter.LineFormatter`
reads them.

Importing this module registers the PSR-3 levels missing from :mod:`logging`:
NOTICE (25, between INFO and WARNING), ALERT (60) and EMERGENCY (70).
"""

from __future__ import annotations

import contextvars
import logging
import pprint
import typing as t

from protevus.log.exceptions import InvalidLogLevelError
from protevus.support.aliases import CamelAliases

NOTICE = 25
ALERT = 60
EMERGENCY = 70

logging.addLevelName(NOTICE, "NOTICE")
logging.addLevelName(ALERT, "ALERT")
logging.addLevelName(EMERGENCY, "EMERGENCY")

#: PSR-3 level names (lowest first) → :mod:`logging` level numbers.
LEVELS: dict[str, int] = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "notice": NOTICE,
    "warning": logging.WARNING,
    "error": logging.ERROR,
    "critical": logging.CRITICAL,
    "alert": ALERT,
    "emergency": EMERGENCY,
}


def parse_level(level: str | int) -> int:
    """Return the :mod:`logging` number of a PSR-3 level name (or a number as is).

    Laravel: ``ParsesLogConfiguration::level()``.
    """
    if isinstance(level, int) and not isinstance(level, bool):
        return level
    if isinstance(level, str) and level.strip().lower() in LEVELS:
        return LEVELS[level.strip().lower()]
    raise InvalidLogLevelError(
        f"Log level [{level}] is not valid. Use one of: {', '.join(LEVELS)}."
    )


def format_message(message: t.Any) -> str:
    """Return ``message`` as text (dicts and lists pretty-printed, or ``to_json()``).

    Laravel: ``Logger::formatMessage()``.
    """
    if isinstance(message, str):
        return message
    if isinstance(message, dict | list | tuple):
        return pprint.pformat(message)
    for method in ("to_json", "to_array"):
        fn = getattr(message, method, None)
        if callable(fn):
            value = fn()
            return value if isinstance(value, str) else pprint.pformat(value)
    return str(message)


class Logger(CamelAliases):
    """Write messages with context to one channel.

    ``Log.channel('single').info('User {id} logged in', {'id': 3})``. Context given
    with :meth:`with_context` is merged into every message (the per-call context
    wins on equal keys).

    Laravel: ``Illuminate\\Log\\Logger``.
    """

    def __init__(
        self,
        logger: logging.Logger,
        name: str | None = None,
        owned_handlers: t.Iterable[logging.Handler] = (),
    ) -> None:
        self._logger = logger
        self._name = name or logger.name
        # Context shared by every request (share_context), and the per-request
        # context of with_context(), kept in a ContextVar so concurrent requests on
        # a threaded server never see each other's values.
        self._shared: dict[str, t.Any] = {}
        self._context_var: contextvars.ContextVar[dict[str, t.Any] | None] = (
            contextvars.ContextVar(f"protevus.log.context.{id(self)}", default=None)
        )
        # Handlers this channel created (a stack borrows its members' handlers).
        self._owned_handlers = list(owned_handlers)

    def emergency(
        self, message: t.Any, context: dict[str, t.Any] | None = None
    ) -> None:
        """Log that the system is unusable. Laravel: ``Logger::emergency()``."""
        self._write_log(EMERGENCY, message, context)

    def alert(self, message: t.Any, context: dict[str, t.Any] | None = None) -> None:
        """Log that action must be taken immediately. Laravel: ``Logger::alert()``."""
        self._write_log(ALERT, message, context)

    def critical(self, message: t.Any, context: dict[str, t.Any] | None = None) -> None:
        """Log a critical condition. Laravel: ``Logger::critical()``."""
        self._write_log(logging.CRITICAL, message, context)

    def error(self, message: t.Any, context: dict[str, t.Any] | None = None) -> None:
        """Log a runtime error. Laravel: ``Logger::error()``."""
        self._write_log(logging.ERROR, message, context)

    def warning(self, message: t.Any, context: dict[str, t.Any] | None = None) -> None:
        """Log an exceptional non-error. Laravel: ``Logger::warning()``."""
        self._write_log(logging.WARNING, message, context)

    def notice(self, message: t.Any, context: dict[str, t.Any] | None = None) -> None:
        """Log a normal but significant event. Laravel: ``Logger::notice()``."""
        self._write_log(NOTICE, message, context)

    def info(self, message: t.Any, context: dict[str, t.Any] | None = None) -> None:
        """Log an interesting event. Laravel: ``Logger::info()``."""
        self._write_log(logging.INFO, message, context)

    def debug(self, message: t.Any, context: dict[str, t.Any] | None = None) -> None:
        """Log detailed debug information. Laravel: ``Logger::debug()``."""
        self._write_log(logging.DEBUG, message, context)

    def log(
        self, level: str | int, message: t.Any, context: dict[str, t.Any] | None = None
    ) -> None:
        """Log at ``level`` (a PSR-3 name such as ``'notice'``, or a number).

        Laravel: ``Logger::log()``.
        """
        self._write_log(parse_level(level), message, context)

    def write(
        self, level: str | int, message: t.Any, context: dict[str, t.Any] | None = None
    ) -> None:
        """Log at ``level``; an alias of :meth:`log`. Laravel: ``Logger::write()``."""
        self._write_log(parse_level(level), message, context)

    def _write_log(
        self, level: int, message: t.Any, context: dict[str, t.Any] | None
    ) -> None:
        if context is not None and not isinstance(context, dict):
            raise TypeError(
                f"Log context must be a dict, [{type(context).__name__}] given. "
                "Pass it as {'key': value}."
            )
        merged = {**self._shared, **(self._context_var.get() or {}), **(context or {})}
        self._logger.log(
            level,
            format_message(message),
            extra={"context": merged, "channel": self._name},
        )

    def with_context(self, context: dict[str, t.Any] | None = None) -> Logger:
        """Add ``context`` to every future message of this channel in this request.

        The context belongs to the current thread or task (a ``ContextVar``); the
        HTTP kernel clears it when a request ends, as Laravel Octane does.

        Laravel: ``Logger::withContext()``.
        """
        self._context_var.set({**(self._context_var.get() or {}), **(context or {})})
        return self

    def share(self, context: dict[str, t.Any]) -> Logger:
        """Add ``context`` for every request (used by ``LogManager.share_context``)."""
        self._shared = {**self._shared, **context}
        return self

    def without_context(self, keys: t.Iterable[str] | None = None) -> Logger:
        """Forget the given context keys, or all the context when ``keys`` is None.

        Laravel: ``Logger::withoutContext()``.
        """
        if keys is None:
            self._shared = {}
            self._context_var.set(None)
        else:
            current = dict(self._context_var.get() or {})
            shared = dict(self._shared)
            for key in keys:
                current.pop(key, None)
                shared.pop(key, None)
            self._shared = shared
            self._context_var.set(current)
        return self

    def get_context(self) -> dict[str, t.Any]:
        """Get the shared context and this request's :meth:`with_context` values."""
        return {**self._shared, **(self._context_var.get() or {})}

    def get_name(self) -> str:
        """Get the channel name written in each line (the environment by default).

        Laravel: Monolog ``Logger::getName()``.
        """
        return self._name

    def get_logger(self) -> logging.Logger:
        """Get the wrapped :mod:`logging` logger. Laravel: ``Logger::getLogger()``."""
        return self._logger

    def get_handlers(self) -> list[logging.Handler]:
        """Get the channel's handlers. Laravel: Monolog ``Logger::getHandlers()``."""
        return list(self._logger.handlers)

    def get_processors(self) -> list[t.Any]:
        """Get the filters that rewrite records (e.g. placeholder replacement).

        Laravel: Monolog ``Logger::getProcessors()``.
        """
        return list(self._logger.filters)

    def push_handler(self, handler: logging.Handler) -> Logger:
        """Add ``handler``. Laravel: Monolog ``Logger::pushHandler()``."""
        self._logger.addHandler(handler)
        return self

    def push_processor(self, processor: t.Any) -> Logger:
        """Add a :class:`logging.Filter` (or callable) that sees every record first.

        Laravel: Monolog ``Logger::pushProcessor()``.
        """
        self._logger.addFilter(processor)
        return self

    def close(self) -> None:
        """Close the handlers this channel opened (files reopen if used again)."""
        for handler in self._owned_handlers:
            handler.close()

    def __repr__(self) -> str:
        count = len(self._logger.handlers)
        return f"<{type(self).__name__} {self._name!r} handlers={count}>"
