"""Errors raised by the console: bad signatures, unknown commands, failed commands.

Laravel: Symfony's console exceptions and ``Illuminate\\Console\\ManuallyFailedException``.
"""

from __future__ import annotations

from protevus.exceptions import InvalidArgumentError
from protevus.exceptions import ProtevusError


class ConsoleError(ProtevusError):
    """Signal an error raised by the console layer."""


class InvalidSignatureError(ConsoleError, InvalidArgumentError):
    """Signal a command signature that cannot be parsed.

    Laravel: the ``InvalidArgumentException`` thrown by ``Illuminate\\Console\\Parser``.
    """


class CommandNotFoundError(ConsoleError, LookupError):
    """Signal a command name that no registered command answers to.

    Laravel: ``Symfony\\Component\\Console\\Exception\\CommandNotFoundException``.
    """

    def __init__(self, message: str, alternatives: list[str] | None = None) -> None:
        super().__init__(message)
        self.alternatives = alternatives or []


class CommandInputError(ConsoleError, InvalidArgumentError):
    """Signal arguments or options a command does not accept (``Artisan.call``).

    Laravel: Symfony's ``RuntimeException('Not enough arguments ...')`` and friends.
    """


class MissingInputError(ConsoleError):
    """Signal a question that needs an answer when no input is available.

    Laravel: ``Symfony\\Component\\Console\\Exception\\MissingInputException``.
    """


class ManuallyFailedError(ConsoleError):
    """Signal that a command gave up through ``self.fail()``: artisan exits with 1.

    Laravel: ``Illuminate\\Console\\ManuallyFailedException``.
    """
