"""Errors raised by the log package.

Laravel: the ``InvalidArgumentException`` and ``UnexpectedValueException`` that
``LogManager`` and Monolog's handlers throw. ``LogManager.channel()`` catches the
channel errors and falls back to the emergency logger, writing the message there.
"""

from __future__ import annotations

from protevus.exceptions import InvalidArgumentError
from protevus.exceptions import ProtevusError


class LogError(ProtevusError):
    """Signal any error raised by the log package."""


class LogChannelNotDefinedError(LogError, InvalidArgumentError):
    """Signal a channel name missing from ``logging.channels``.

    Laravel: ``InvalidArgumentException('Log [name] is not defined.')``.
    """


class LogDriverNotSupportedError(LogError, InvalidArgumentError):
    """Signal a channel whose ``driver`` is neither built in nor registered.

    Laravel: ``InvalidArgumentException('Driver [name] is not supported.')``.
    """


class InvalidLogLevelError(LogError, InvalidArgumentError):
    """Signal a log level that is not one of the eight PSR-3 levels.

    Laravel: ``InvalidArgumentException('Invalid log level.')``.
    """


class LogStreamError(LogError, OSError):
    """Signal a log file or socket that cannot be opened or written.

    Laravel: Monolog's ``UnexpectedValueException('The stream or file ... could not
    be opened in append mode')``.
    """
