"""Build log channels from ``config/logging.py``: the ``'log'`` service.

Laravel: ``Illuminate\\Log\\LogManager`` (with ``ParsesLogConfiguration``). Each
channel is a :class:`~protevus.log.logger.Logger` over its own :mod:`logging`
logger: unregistered, ``propagate = False`` and named
``protevus.log.<manager>.<channel>``, so two applications in one process never
share handlers and the root logger never sees Protevus's records.

Drivers: ``single``, ``daily``, ``stack``, ``stderr``, ``errorlog``, ``syslog``,
``null``, ``monolog`` (any :class:`logging.Handler` class), ``custom`` (``via``)
and those registered with :meth:`LogManager.extend`. A channel that cannot be
built (unknown name or driver, bad level, no syslog socket) falls back, as in
Laravel, to the emergency logger: the ``emergency`` channel's path (default
``storage/logs/protevus.log``) receives an EMERGENCY line whose context names the
problem, and the message is written there.

Lines are dated in ``app.timezone`` (UTC when unset or unknown).
"""

from __future__ import annotations

import datetime as dt
import importlib
import itertools
import logging
import os
import re
import threading
import typing as t
import zoneinfo

from protevus.exceptions import InvalidArgumentError
from protevus.log.exceptions import LogChannelNotDefinedError
from protevus.log.exceptions import LogDriverNotSupportedError
from protevus.log.exceptions import LogStreamError
from protevus.log.handlers import DailyFileHandler
from protevus.log.handlers import StderrHandler
from protevus.log.handlers import StreamFileHandler
from protevus.log.handlers import WhatFailureGroupHandler
from protevus.log.logger import Logger
from protevus.log.logger import parse_level
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.log.line_formatter import LineFormatter

_Factory = t.Callable[[t.Any, dict[str, t.Any]], t.Any]

_SERIAL = itertools.count(1)
_DEFAULT_FILE = "logs/protevus.log"
_SYSLOG_SOCKETS = ("/dev/log", "/var/run/syslog")
_BUILT_IN = "single daily stack stderr errorlog syslog null monolog custom".split()


def _import_string(path: str) -> t.Any:
    """Return the object named by ``pkg.module.Name`` (or ``pkg.module:Name``)."""
    module_name, sep, attr = path.partition(":")
    if not sep:
        module_name, _, attr = path.rpartition(".")
    if not module_name or not attr:
        raise InvalidArgumentError(
            f"Target [{path}] is not a dotted path. Write it as 'package.module.Name'."
        )
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise InvalidArgumentError(
            f"Target [{path}] could not be imported: {exc}. Check the dotted path."
        ) from exc
    try:
        return getattr(module, attr)
    except AttributeError:
        raise InvalidArgumentError(
            f"Target [{path}] does not exist: module [{module_name}] has no [{attr}]."
        ) from None


class LogManager(CamelAliases):
    """Resolve, cache and forward to the configured log channels.

    ``Log.info('User {id} logged in', {'id': 3})`` writes to the default channel;
    ``Log.channel('daily')``, ``Log.stack(['single', 'stderr'])`` and
    ``Log.build({'driver': 'single', 'path': ...})`` pick others. Call
    :meth:`close` when the application shuts down to release open files.

    Laravel: ``Illuminate\\Log\\LogManager``.
    """

    def __init__(self, app: t.Any) -> None:
        self.app = app
        self._channels: dict[str, Logger] = {}
        self._shared_context: dict[str, t.Any] = {}
        self._lock = threading.RLock()
        self._custom_creators: dict[str, _Factory] = {}
        self._emergency: Logger | None = None
        self._serial = next(_SERIAL)

    # Channels -----------------------------------------------------------------

    def build(self, config: dict[str, t.Any]) -> Logger:
        """Build an on-demand channel from ``config`` (it replaces the previous one).

        Laravel: ``LogManager::build()``.
        """
        previous = self._channels.pop("ondemand", None)
        if previous is not None:
            previous.close()
        return self._get("ondemand", config)

    def stack(self, channels: list[t.Any] | str, channel: str | None = None) -> Logger:
        """Build an on-demand stack writing to every channel in ``channels``.

        ``channel`` names the stack in the lines (the environment by default).

        Laravel: ``LogManager::stack()``.
        """
        logger = self._create_stack_driver({"channels": channels, "name": channel})
        return logger.share(self._shared_context)

    def channel(self, channel: str | None = None) -> Logger:
        """Get a channel by name (the default channel when None).

        Laravel: ``LogManager::channel()``.
        """
        return self.driver(channel)

    def driver(self, driver: str | None = None) -> Logger:
        """Get a channel by name (the default channel when None).

        Laravel: ``LogManager::driver()``.
        """
        return self._get(self._parse_driver(driver))

    def _get(self, name: str | None, config: dict[str, t.Any] | None = None) -> Logger:
        channels = self._channels
        if name is not None and name in channels:
            return channels[name]
        # Build each channel once, even when the first requests race for it.
        with self._lock:
            if name is not None and name in self._channels:
                return self._channels[name]
            return self._build_channel(name, config)

    def _build_channel(
        self, name: str | None, config: dict[str, t.Any] | None
    ) -> Logger:
        try:
            logger = self._resolve(name, config)
            try:
                self._tap(name, logger)
            except BaseException:
                logger.close()
                raise
            logger.share(self._shared_context)
            if name is not None:
                self._channels[name] = logger
            return logger
        except Exception as exc:
            emergency = self._create_emergency_logger()
            emergency.emergency(
                "Unable to create configured logger. Using emergency logger.",
                {"exception": exc},
            )
            return emergency

    def _resolve(
        self, name: str | None, config: dict[str, t.Any] | None = None
    ) -> Logger:
        if config is None:
            config = self.configuration_for(name) if name is not None else None
        if config is None:
            if name is None:
                raise LogChannelNotDefinedError(
                    "No default log channel is set. Set [logging.default] (LOG_CHANNEL "
                    "in .env) to one of the channels in config/logging.py."
                )
            raise LogChannelNotDefinedError(
                f"Log [{name}] is not defined. Add it to the [channels] of "
                "config/logging.py or log to a defined channel."
            )
        driver = config.get("driver")
        if driver in self._custom_creators:
            return self._coerce(
                self._custom_creators[driver](self.app, config), config, driver
            )
        method = (
            getattr(self, f"_create_{driver}_driver", None)
            if isinstance(driver, str) and driver.isidentifier()
            else None
        )
        if method is None:
            raise LogDriverNotSupportedError(
                f"Driver [{driver}] is not supported (log channel [{name}]). Use one "
                f"of {', '.join(_BUILT_IN)}, or register it with "
                f"Log.extend('{driver}', factory)."
            )
        return t.cast(Logger, method(config))

    def _tap(self, name: str | None, logger: Logger) -> None:
        taps = (self.configuration_for(name) or {}).get("tap", []) if name else []
        for tap in taps:
            args: list[str] = []
            if isinstance(tap, str):
                # Laravel's 'Class:arg1,arg2' form; the path itself is dotted.
                path, _, arguments = tap.partition(":")
                args = arguments.split(",") if arguments else []
                tap = _import_string(path)
            if isinstance(tap, type):
                tap = self._instantiate(tap)
            tap(logger, *args)

    def _create_emergency_logger(self) -> Logger:
        if self._emergency is None:
            try:
                path = (self.configuration_for("emergency") or {}).get("path")
            except Exception:
                path = None
            handler = StreamFileHandler(
                self._path(path) if path else self._default_path()
            )
            handler.setFormatter(self._formatter())
            self._emergency = self._new_logger({"name": "protevus"}, [handler])
        return self._emergency

    # Drivers ------------------------------------------------------------------

    def _create_single_driver(self, config: dict[str, t.Any]) -> Logger:
        path, permission = self._file_path(config), config.get("permission")
        handler = StreamFileHandler(path, self._level(config), permission)
        return self._new_logger(config, [self._prepare_handler(handler, config)])

    def _create_daily_driver(self, config: dict[str, t.Any]) -> Logger:
        handler = DailyFileHandler(
            self._file_path(config),
            days=config.get("days", 7),
            level=self._level(config),
            permission=config.get("permission"),
            timezone=self._timezone(),
        )
        return self._new_logger(config, [self._prepare_handler(handler, config)])

    def _create_stack_driver(self, config: dict[str, t.Any]) -> Logger:
        channels = config.get("channels") or []
        if isinstance(channels, str):
            channels = [c.strip() for c in channels.split(",") if c.strip()]
        handlers: list[logging.Handler] = []
        processors: list[t.Any] = []
        for channel in channels:
            member = channel if isinstance(channel, Logger) else self.channel(channel)
            handlers += [h for h in member.get_handlers() if h not in handlers]
            processors += [p for p in member.get_processors() if p not in processors]
        if config.get("ignore_exceptions", False):
            group = WhatFailureGroupHandler(handlers)
            return self._new_logger(config, [group], processors, owned=[group])
        return self._new_logger(config, handlers, processors, owned=[])

    def _create_stderr_driver(self, config: dict[str, t.Any]) -> Logger:
        handler = StderrHandler(self._level(config), config.get("stream", "stderr"))
        return self._new_logger(config, [self._prepare_handler(handler, config)])

    def _create_errorlog_driver(self, config: dict[str, t.Any]) -> Logger:
        # PHP's error_log() goes to the server's error stream; in Python, stderr.
        handler = StderrHandler(self._level(config))
        return self._new_logger(config, [self._prepare_handler(handler, config)])

    def _create_null_driver(self, config: dict[str, t.Any]) -> Logger:
        return self._new_logger(config, [logging.NullHandler()])

    def _create_syslog_driver(self, config: dict[str, t.Any]) -> Logger:
        address = config.get("address")
        if address is None:
            address = next((s for s in _SYSLOG_SOCKETS if os.path.exists(s)), None)
        if address is None:
            raise LogStreamError(
                f"No syslog socket was found at [{', '.join(_SYSLOG_SOCKETS)}]. Run a "
                "syslog daemon, set the channel's [address] (a socket path or "
                "[host, port]), or use the [stderr] or [errorlog] channel instead."
            )
        import logging.handlers  # socket and pickle: only syslog channels pay for them

        facility = config.get("facility", "user")
        if isinstance(facility, str):
            facility_names = logging.handlers.SysLogHandler.facility_names
            if facility not in facility_names:
                raise InvalidArgumentError(
                    f"Syslog facility [{facility}] is not valid. Use one of: "
                    f"{', '.join(sorted(facility_names))}."
                )
            facility = facility_names[facility]
        target = tuple(address) if isinstance(address, list | tuple) else address
        try:
            handler = logging.handlers.SysLogHandler(address=target, facility=facility)
        except OSError as exc:
            raise LogStreamError(
                f"The syslog socket [{address}] could not be opened: "
                f"{exc.strerror or exc}. Check that a syslog daemon is listening there."
            ) from exc
        handler.setLevel(self._level(config))
        handler.ident = f"{self._syslog_ident()}: "
        return self._new_logger(config, [self._prepare_handler(handler, config)])

    def _create_monolog_driver(self, config: dict[str, t.Any]) -> Logger:
        target = config.get("handler")
        handler_class = _import_string(target) if isinstance(target, str) else target
        if not (
            isinstance(handler_class, type)
            and issubclass(handler_class, logging.Handler)
        ):
            raise InvalidArgumentError(
                f"Log handler [{target}] must be a logging.Handler subclass. Set the "
                "channel's [handler] to one, e.g. 'logging.StreamHandler'."
            )
        kwargs = {**(config.get("with") or {}), **(config.get("handler_with") or {})}
        handler = handler_class(**kwargs)
        handler.setLevel(self._level(config))
        processors = [
            self._instantiate(_import_string(p) if isinstance(p, str) else p)
            if isinstance(p, str | type)
            else p
            for p in config.get("processors", [])
        ]
        return self._new_logger(
            config,
            [self._prepare_handler(handler, config)],
            self._processors(config) + processors,
        )

    def _create_custom_driver(self, config: dict[str, t.Any]) -> Logger:
        via = config.get("via")
        if via is None:
            raise InvalidArgumentError(
                "A [custom] log channel needs a [via] entry: a callable (or its dotted "
                "path) that receives the channel config and returns a logging.Logger "
                "or Handler."
            )
        factory = _import_string(via) if isinstance(via, str) else via
        if isinstance(factory, type):
            factory = self._instantiate(factory)
        if not callable(factory):
            raise InvalidArgumentError(
                f"Log channel [via] target [{via}] is not callable. Point it at a "
                "function or a class with __call__(self, config)."
            )
        return self._coerce(factory(config), config, "custom")

    # Helpers ------------------------------------------------------------------

    def _coerce(self, result: t.Any, config: dict[str, t.Any], driver: str) -> Logger:
        """Wrap what a custom factory returned (Logger, logging.Logger or handlers)."""
        if isinstance(result, Logger):
            return result
        if isinstance(result, logging.Logger):
            return Logger(result, config.get("name") or result.name)
        if isinstance(result, logging.Handler):
            handlers = [result]
        elif isinstance(result, list | tuple) and all(
            isinstance(h, logging.Handler) for h in result
        ):
            handlers = list(result)
        else:
            raise InvalidArgumentError(
                f"The [{driver}] log driver returned [{type(result).__name__}]. Return "
                "a logging.Logger, a logging.Handler (or a list of them) or a Logger."
            )
        for handler in handlers:
            if "level" in config and handler.level == logging.NOTSET:
                handler.setLevel(self._level(config))
            if handler.formatter is None:
                self._prepare_handler(handler, config)
        return self._new_logger(config, handlers)

    def _new_logger(
        self,
        config: dict[str, t.Any],
        handlers: list[logging.Handler],
        processors: list[t.Any] | None = None,
        owned: list[logging.Handler] | None = None,
    ) -> Logger:
        name = self._parse_channel(config)
        std = logging.Logger(f"protevus.log.{self._serial}.{name}", logging.DEBUG)
        std.propagate = False
        for handler in handlers or [logging.NullHandler()]:
            std.addHandler(handler)
        if processors is None:
            processors = self._processors(config)
        for processor in processors:
            std.addFilter(processor)
        return Logger(std, name, handlers if owned is None else owned)

    def _prepare_handler(
        self, handler: logging.Handler, config: dict[str, t.Any]
    ) -> logging.Handler:
        formatter = config.get("formatter")
        if formatter is None:
            handler.setFormatter(self._formatter())
        elif formatter != "default":
            target = (
                _import_string(formatter) if isinstance(formatter, str) else formatter
            )
            handler.setFormatter(target(**(config.get("formatter_with") or {})))
        return handler

    def _processors(self, config: dict[str, t.Any]) -> list[t.Any]:
        if not config.get("replace_placeholders"):
            return []
        from protevus.log.line_formatter import PsrLogMessageProcessor

        return [PsrLogMessageProcessor()]

    def _formatter(self) -> LineFormatter:
        # Imported here: artisan starts (and lists commands) without formatting a line.
        from protevus.log.line_formatter import LineFormatter

        return LineFormatter(timezone=self._timezone())

    def _level(self, config: dict[str, t.Any]) -> int:
        return parse_level(config.get("level", "debug"))

    def _timezone(self) -> dt.tzinfo:
        try:
            name = self._config().get("app.timezone") or "UTC"
            return zoneinfo.ZoneInfo(str(name))
        except Exception:
            # A bad timezone must not stop logging; UTC is the documented fallback.
            return dt.UTC

    def _parse_channel(self, config: dict[str, t.Any]) -> str:
        return str(config.get("name") or self._fallback_channel_name())

    def _fallback_channel_name(self) -> str:
        environment = getattr(self.app, "environment", None)
        try:
            return str(environment()) if callable(environment) else "production"
        except Exception:
            return "production"

    def _parse_driver(self, driver: str | None) -> str | None:
        driver = driver if driver is not None else self.get_default_driver()
        if driver is None and self._fallback_channel_name() == "testing":
            driver = "null"
        return driver.strip() if isinstance(driver, str) else driver

    def _syslog_ident(self) -> str:
        name = str(self._config().get("app.name") or "protevus")
        name = re.sub(r"(?<=[a-z0-9])([A-Z])", r"-\1", name)
        return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "protevus"

    def _instantiate(self, cls: type) -> t.Any:
        make = getattr(self.app, "make", None)
        return make(cls) if callable(make) else cls()

    def _config(self) -> t.Any:
        return self.app.make("config")

    def _path(self, path: str) -> str:
        path = os.fspath(path)
        resolve = getattr(self.app, "resolve_path", None)
        if callable(resolve):
            return str(resolve(path))
        return path if os.path.isabs(path) else os.path.join(self.app.base_path(), path)

    def _file_path(self, config: dict[str, t.Any]) -> str:
        path = config.get("path")
        return self._path(path) if path else self._default_path()

    def _default_path(self) -> str:
        storage_path = getattr(self.app, "storage_path", None)
        if callable(storage_path):
            return str(storage_path(_DEFAULT_FILE))
        return os.path.join(self.app.base_path(), "storage", _DEFAULT_FILE)

    # Configuration and context ------------------------------------------------

    def configuration_for(self, name: str) -> dict[str, t.Any] | None:
        """Get the config of channel ``name`` from ``logging.channels``.

        Laravel: ``LogManager::configurationFor()``.
        """
        config = self._config().get(f"logging.channels.{name}")
        if config is not None and not isinstance(config, dict):
            raise InvalidArgumentError(
                f"Log channel [{name}] must be configured as a dict, "
                f"[{type(config).__name__}] given in config/logging.py."
            )
        return config

    def get_default_driver(self) -> str | None:
        """Get the default channel name (``logging.default``).

        Laravel: ``LogManager::getDefaultDriver()``.
        """
        default = self._config().get("logging.default")
        return None if default is None else str(default)

    def set_default_driver(self, name: str) -> None:
        """Set the default channel name in the config (``logging.default``).

        Laravel: ``LogManager::setDefaultDriver()``.
        """
        self._config().set("logging.default", name)

    def extend(self, driver: str, factory: _Factory) -> LogManager:
        """Register a driver; ``factory(app, config)`` returns a logger or handler(s).

        Laravel: ``LogManager::extend()``.
        """
        self._custom_creators[driver] = factory
        return self

    def forget_channel(self, driver: str | None = None) -> None:
        """Drop a resolved channel (the default when None) and close its files.

        Laravel: ``LogManager::forgetChannel()``.
        """
        name = self._parse_driver(driver)
        if name is not None and name in self._channels:
            self._channels.pop(name).close()

    def get_channels(self) -> dict[str, Logger]:
        """Get the resolved channels by name. Laravel: ``LogManager::getChannels()``."""
        return dict(self._channels)

    def share_context(self, context: dict[str, t.Any]) -> LogManager:
        """Add ``context`` to every channel, resolved now or later, and to stacks.

        Laravel: ``LogManager::shareContext()``.
        """
        for channel in self._channels.values():
            channel.share(context)
        self._shared_context.update(context)
        return self

    def shared_context(self) -> dict[str, t.Any]:
        """Get the context shared with every channel.

        Laravel: ``LogManager::sharedContext()``.
        """
        return dict(self._shared_context)

    def flush_shared_context(self) -> LogManager:
        """Forget the shared context (channels keep what they already received).

        Laravel: ``LogManager::flushSharedContext()``.
        """
        self._shared_context = {}
        return self

    def with_context(self, context: dict[str, t.Any] | None = None) -> Logger:
        """Add ``context`` to the default channel's future messages.

        Laravel: ``Log::withContext()`` (forwarded to the default channel).
        """
        return self.driver().with_context(context)

    def without_context(self, keys: t.Iterable[str] | None = None) -> LogManager:
        """Forget context keys (all when None) on every resolved channel.

        Laravel: ``LogManager::withoutContext()``.
        """
        keys = None if keys is None else list(keys)
        for channel in self._channels.values():
            channel.without_context(keys)
        return self

    def set_application(self, app: t.Any) -> LogManager:
        """Use ``app`` for config and paths.

        Laravel: ``LogManager::setApplication()``.
        """
        self.app = app
        return self

    def close(self) -> None:
        """Close every file and socket the manager's channels opened.

        Channels stay cached; file handlers reopen if they are written to again.
        """
        loggers = list(self._channels.values())
        if self._emergency is not None:
            loggers.append(self._emergency)
        for logger in loggers:
            logger.close()

    # PSR-3 methods on the default channel ---------------------------------------

    def emergency(
        self, message: t.Any, context: dict[str, t.Any] | None = None
    ) -> None:
        """Log that the system is unusable. Laravel: ``LogManager::emergency()``."""
        self.driver().emergency(message, context)

    def alert(self, message: t.Any, context: dict[str, t.Any] | None = None) -> None:
        """Log that action must be taken now. Laravel: ``LogManager::alert()``."""
        self.driver().alert(message, context)

    def critical(self, message: t.Any, context: dict[str, t.Any] | None = None) -> None:
        """Log a critical condition. Laravel: ``LogManager::critical()``."""
        self.driver().critical(message, context)

    def error(self, message: t.Any, context: dict[str, t.Any] | None = None) -> None:
        """Log a runtime error. Laravel: ``LogManager::error()``."""
        self.driver().error(message, context)

    def warning(self, message: t.Any, context: dict[str, t.Any] | None = None) -> None:
        """Log an exceptional non-error. Laravel: ``LogManager::warning()``."""
        self.driver().warning(message, context)

    def notice(self, message: t.Any, context: dict[str, t.Any] | None = None) -> None:
        """Log a normal but significant event. Laravel: ``LogManager::notice()``."""
        self.driver().notice(message, context)

    def info(self, message: t.Any, context: dict[str, t.Any] | None = None) -> None:
        """Log an interesting event. Laravel: ``LogManager::info()``."""
        self.driver().info(message, context)

    def debug(self, message: t.Any, context: dict[str, t.Any] | None = None) -> None:
        """Log detailed debug information. Laravel: ``LogManager::debug()``."""
        self.driver().debug(message, context)

    def log(
        self, level: str | int, message: t.Any, context: dict[str, t.Any] | None = None
    ) -> None:
        """Log at ``level`` on the default channel. Laravel: ``LogManager::log()``."""
        self.driver().log(level, message, context)
