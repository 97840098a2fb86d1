"""Build and cache named drivers (cache stores, session handlers, hashers...).

Laravel: ``Illuminate\\Support\\Manager``.
"""

from __future__ import annotations

import re
import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases

_Creator = t.Callable[[t.Any], t.Any]

_NOT_ALNUM = re.compile(r"[^0-9a-zA-Z]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_CREATOR = re.compile(r"^create_(\w+)_driver$")


def driver_method_name(driver: str) -> str:
    """Return the creator method name for a driver name.

    ``'redis'`` → ``create_redis_driver``, ``'my-driver'`` →
    ``create_my_driver_driver``.
    """
    snake = _NOT_ALNUM.sub("_", _CAMEL.sub("_", driver)).strip("_").lower()
    return f"create_{snake}_driver"


class Manager(CamelAliases):
    """Create drivers by name once, cache them, and forward calls to the default one.

    Subclasses implement :meth:`get_default_driver` and ``create_<name>_driver()``
    methods; applications add drivers with :meth:`extend`. Unknown attributes are
    looked up on the default driver, so ``cache.get('key')`` reaches the store.

    Laravel: ``Illuminate\\Support\\Manager``.
    """

    def __init__(self, container: t.Any) -> None:
        self._container = container
        self._config: t.Any = None
        self._custom_creators: dict[str, _Creator] = {}
        self._drivers: dict[str, t.Any] = {}
        self._resolving_default = False

    @property
    def config(self) -> t.Any:
        """Return the config repository, resolved from the container on first use."""
        if self._config is None:
            self._config = self._container.make("config")
        return self._config

    @config.setter
    def config(self, config: t.Any) -> None:
        self._config = config

    def get_default_driver(self) -> str | None:
        """Return the name of the default driver (subclasses read it from config).

        Laravel: ``Manager::getDefaultDriver()``.
        """
        raise NotImplementedError(
            f"Manager [{type(self).__name__}] must implement get_default_driver()."
        )

    def driver(self, driver: str | None = None) -> t.Any:
        """Return the named driver (the default one without a name), built once.

        Laravel: ``Manager::driver()``.
        """
        name = driver or self._default_driver_name()
        if name is None:
            raise InvalidArgumentError(
                f"Unable to resolve NULL driver for [{type(self).__name__}]; "
                "set a default driver in the config or pass a driver name."
            )
        if name not in self._drivers:
            self._drivers[name] = self.create_driver(name)
        return self._drivers[name]

    def create_driver(self, driver: str) -> t.Any:
        """Build a driver: a custom creator first, then ``create_<name>_driver()``.

        Laravel: ``Manager::createDriver()``.
        """
        if driver in self._custom_creators:
            return self._custom_creators[driver](self._container)
        method = getattr(self, driver_method_name(driver), None)
        if callable(method):
            return method()
        supported = ", ".join(self.supported_drivers()) or "none"
        raise InvalidArgumentError(
            f"Driver [{driver}] not supported by [{type(self).__name__}]. "
            f"Supported: {supported}; register others with extend()."
        )

    def supported_drivers(self) -> list[str]:
        """Return the driver names this manager can build (creators and methods)."""
        names = list(self._custom_creators)
        for attr in dir(type(self)):
            match = _CREATOR.match(attr)
            if match and match.group(1) not in names:
                names.append(match.group(1))
        return sorted(names)

    def extend(self, driver: str, callback: _Creator) -> Manager:
        """Register a creator ``callback(container)`` for the driver name.

        Laravel: ``Manager::extend()``.
        """
        self._custom_creators[driver] = callback
        return self

    def get_drivers(self) -> dict[str, t.Any]:
        """Return the drivers built so far, by name.

        Laravel: ``Manager::getDrivers()``.
        """
        return dict(self._drivers)

    def forget_drivers(self) -> Manager:
        """Drop every built driver so the next call builds it again.

        Laravel: ``Manager::forgetDrivers()``.
        """
        self._drivers.clear()
        return self

    def get_container(self) -> t.Any:
        """Return the container.

        Laravel: ``Manager::getContainer()``.
        """
        return self._container

    def set_container(self, container: t.Any) -> Manager:
        """Set the container used by creators.

        Laravel: ``Manager::setContainer()``.
        """
        self._container = container
        return self

    def _default_driver_name(self) -> str | None:
        self._resolving_default = True
        try:
            return self.get_default_driver()
        finally:
            self._resolving_default = False

    def __getattr__(self, name: str) -> t.Any:
        # Only reached for missing attributes. Private names, a half-built
        # manager and lookups made while finding the default driver must fail
        # normally, or they would recurse back into here.
        state = self.__dict__
        if (
            name.startswith("_")
            or "_drivers" not in state
            or state.get("_resolving_default")
        ):
            raise AttributeError(
                f"'{type(self).__name__}' object has no attribute '{name}'"
            )
        return getattr(self.driver(), name)
