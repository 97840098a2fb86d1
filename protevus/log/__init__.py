"""Logging channels over Python's ``logging`` (Laravel's ``Illuminate\\Log``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.log.exceptions import InvalidLogLevelError as InvalidLogLevelError
    from protevus.log.exceptions import (
        LogChannelNotDefinedError as LogChannelNotDefinedError,
    )
    from protevus.log.exceptions import (
        LogDriverNotSupportedError as LogDriverNotSupportedError,
    )
    from protevus.log.exceptions import LogError as LogError
    from protevus.log.exceptions import LogStreamError as LogStreamError
    from protevus.log.line_formatter import LineFormatter as LineFormatter
    from protevus.log.log_manager import LogManager as LogManager
    from protevus.log.log_service_provider import (
        LogServiceProvider as LogServiceProvider,
    )
    from protevus.log.logger import LEVELS as LEVELS
    from protevus.log.logger import Logger as Logger

__getattr__ = lazy_exports(
    __name__,
    {
        "InvalidLogLevelError": "protevus.log.exceptions",
        "LogChannelNotDefinedError": "protevus.log.exceptions",
        "LogDriverNotSupportedError": "protevus.log.exceptions",
        "LogError": "protevus.log.exceptions",
        "LogStreamError": "protevus.log.exceptions",
        "LineFormatter": "protevus.log.line_formatter",
        "LogManager": "protevus.log.log_manager",
        "LogServiceProvider": "protevus.log.log_service_provider",
        "LEVELS": "protevus.log.logger",
        "Logger": "protevus.log.logger",
    },
)
