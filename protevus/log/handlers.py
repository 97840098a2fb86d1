"""The :mod:`logging` handlers behind Protevus's log drivers.

Laravel: the Monolog handlers ``LogManager`` builds — ``StreamHandler`` (single),
``RotatingFileHandler`` (daily), ``ErrorLogHandler``/``php://stderr`` (errorlog,
stderr) and ``WhatFailureGroupHandler`` (a stack's ``ignore_exceptions``).

File handlers open their file on the first record and reopen it after
:meth:`close`, so closing a channel (``LogManager.close()``) never breaks a logger
someone still holds. A write that fails raises :class:`LogStreamError`; a stack
with ``ignore_exceptions`` swallows it.
"""

from __future__ import annotations

import datetime as dt
import glob
import logging
import os
import sys
import typing as t

from protevus.log.exceptions import LogStreamError
from protevus.support.aliases import CamelAliases

_DATE_GLOBS = {
    "%Y": "[0-9]" * 4,
    "%y": "[0-9]" * 2,
    "%m": "[0-9]" * 2,
    "%d": "[0-9]" * 2,
}


class StreamFileHandler(CamelAliases, logging.Handler):
    """Append formatted records to one file, creating its directory if needed.

    ``permission`` (e.g. ``0o664``) is applied when the file is created.

    Laravel: ``Monolog\\Handler\\StreamHandler`` (the ``single`` driver).
    """

    terminator = "\n"

    def __init__(
        self,
        path: str | os.PathLike[str],
        level: int = logging.DEBUG,
        permission: int | None = None,
        encoding: str = "utf-8",
    ) -> None:
        super().__init__(level)
        self.url = os.fspath(path)
        self.permission = permission
        self.encoding = encoding
        self._stream: t.TextIO | None = None

    def emit(self, record: logging.LogRecord) -> None:
        """Write ``record`` to the file; errors propagate as :class:`LogStreamError`."""
        line = self.format(record) + self.terminator
        stream = self._open()
        try:
            stream.write(line)
            stream.flush()
        except OSError as exc:
            raise LogStreamError(
                f"The stream or file [{self.url}] could not be written: "
                f"{exc.strerror or exc}. Check the disk space and permissions."
            ) from exc

    def close(self) -> None:
        """Close the file (it reopens on the next record)."""
        self.acquire()
        try:
            if self._stream is not None:
                self._stream.close()
                self._stream = None
        finally:
            self.release()
        super().close()

    def __del__(self) -> None:
        # An app dropped without LogManager.close() must not leak its file (and
        # trigger a ResourceWarning); logging keeps no strong reference to us.
        stream = getattr(self, "_stream", None)
        if stream is not None:
            self._stream = None
            stream.close()

    def _open(self) -> t.TextIO:
        if self._stream is not None:
            return self._stream
        directory = os.path.dirname(self.url)
        if directory and not os.path.isdir(directory):
            try:
                os.makedirs(directory, exist_ok=True)
            except OSError as exc:
                raise LogStreamError(
                    f"There is no existing directory at [{directory}] and it could not "
                    f"be created: {exc.strerror or exc}. Create it or fix its parent's "
                    "permissions."
                ) from exc
        created = not os.path.exists(self.url)
        try:
            self._stream = open(self.url, "a", encoding=self.encoding)
        except OSError as exc:
            raise LogStreamError(
                f"The stream or file [{self.url}] could not be opened in append mode: "
                f"{exc.strerror or exc}. Check that its directory is writable."
            ) from exc
        if created and self.permission is not None:
            os.chmod(self.url, self.permission)
        return self._stream


class DailyFileHandler(StreamFileHandler):
    """Write to one file per day and keep only the ``days`` newest files.

    ``storage/logs/protevus.log`` becomes ``storage/logs/protevus-2026-11-28.log``
    (the date in ``timezone``, UTC when None). When a new day's file is created,
    older matching files beyond ``days`` are deleted; ``days=0`` keeps them all.

    Laravel: ``Monolog\\Handler\\RotatingFileHandler`` (the ``daily`` driver).
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        days: int = 7,
        level: int = logging.DEBUG,
        permission: int | None = None,
        timezone: dt.tzinfo | None = None,
        date_format: str = "%Y-%m-%d",
        filename_format: str = "{filename}-{date}",
    ) -> None:
        super().__init__(path, level, permission)
        self.filename = os.fspath(path)
        self.days = int(days)
        self.timezone = timezone or dt.UTC
        self.date_format = date_format
        self.filename_format = filename_format
        self._must_rotate = False

    def timed_filename(self, when: dt.datetime | None = None) -> str:
        """Return the file a record made at ``when`` (default: now) goes to.

        Laravel: ``RotatingFileHandler::getTimedFilename()``.
        """
        when = when or dt.datetime.now(self.timezone)
        return self._with_date(when.strftime(self.date_format))

    def _with_date(self, date: str) -> str:
        directory, base = os.path.split(self.filename)
        stem, ext = os.path.splitext(base)
        name = self.filename_format.replace("{filename}", stem).replace("{date}", date)
        return os.path.join(directory, name + ext)

    def emit(self, record: logging.LogRecord) -> None:
        """Write ``record`` to its day's file; prune old files when that file is new."""
        path = self.timed_filename(
            dt.datetime.fromtimestamp(record.created, self.timezone)
        )
        if path != self.url or self._stream is None:
            if self._stream is not None:
                self._stream.close()
                self._stream = None
            self.url = path
            self._must_rotate = not os.path.exists(path)
        super().emit(record)
        if self._must_rotate:
            self._must_rotate = False
            self.rotate()

    def rotate(self) -> None:
        """Delete the matching log files beyond the ``days`` newest.

        Laravel: ``RotatingFileHandler::rotate()``.
        """
        if self.days <= 0:
            return
        date_glob = self.date_format
        for code, pattern in _DATE_GLOBS.items():
            date_glob = date_glob.replace(code, pattern)
        directory, base = os.path.split(self.filename)
        stem, ext = os.path.splitext(base)
        name = self.filename_format.replace("{filename}", glob.escape(stem))
        name = name.replace("{date}", date_glob) + glob.escape(ext)
        files = sorted(
            glob.glob(os.path.join(glob.escape(directory), name)), reverse=True
        )
        for old in files[self.days :]:
            try:
                os.unlink(old)
            except OSError:
                # Another process may have removed it first; rotation is best effort.
                continue


class StderrHandler(CamelAliases, logging.Handler):
    """Write formatted records to ``sys.stderr`` (or ``sys.stdout``).

    The stream is looked up on every record, so redirected streams (pytest's
    ``capsys``, a worker's log capture) receive the lines.

    Laravel: ``StreamHandler('php://stderr')`` and ``ErrorLogHandler`` (``errorlog``).
    """

    terminator = "\n"

    def __init__(self, level: int = logging.DEBUG, stream: str = "stderr") -> None:
        super().__init__(level)
        if stream not in ("stderr", "stdout"):
            raise ValueError(
                f"Log stream [{stream}] is not supported. Use 'stderr' or 'stdout'."
            )
        self.stream_name = stream

    def emit(self, record: logging.LogRecord) -> None:
        """Write ``record`` to the current stream."""
        stream = getattr(sys, self.stream_name)
        stream.write(self.format(record) + self.terminator)
        stream.flush()


class WhatFailureGroupHandler(CamelAliases, logging.Handler):
    """Pass each record to several handlers, ignoring any handler that fails.

    Used by stacks with ``'ignore_exceptions': True``; closing it leaves the inner
    handlers (owned by their channels) open.

    Laravel: ``Monolog\\Handler\\WhatFailureGroupHandler``.
    """

    def __init__(self, handlers: t.Iterable[logging.Handler]) -> None:
        super().__init__(logging.NOTSET)
        self.handlers = list(handlers)

    def handle(self, record: logging.LogRecord) -> bool:
        """Give ``record`` to every inner handler whose level allows it."""
        for handler in self.handlers:
            if record.levelno < handler.level:
                continue
            try:
                handler.handle(record)
            except Exception:  # swallowing failures is this handler's purpose
                continue
        return True

    def emit(self, record: logging.LogRecord) -> None:
        """Forward ``record`` to the inner handlers."""
        self.handle(record)
