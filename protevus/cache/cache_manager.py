"""Build the configured cache stores (``config/cache.py``) and reach the default one.

Laravel: ``Illuminate\\Cache\\CacheManager``.
"""

from __future__ import annotations

import inspect
import threading
import typing as t
from pathlib import Path

from protevus.cache.repository import Repository
from protevus.cache.store import Store
from protevus.exceptions import InvalidArgumentError
from protevus.support.manager import Manager

_Factory = t.Callable[..., t.Any]


class CacheManager(Manager):
    """Resolve ``cache.stores.<name>`` into a :class:`Repository`, once per process.

    Stores keep no per-request state, so one repository per store serves every
    thread. ``Cache.get('key')`` reaches the default store (``cache.default``);
    ``Cache.store('redis')`` another one. Drivers: ``array``, ``file``,
    ``database``, ``redis`` and ``null``; add others with
    ``extend('mongo', lambda app, config: MongoStore(...))``.

    Laravel: ``Illuminate\\Cache\\CacheManager``.
    """

    def __init__(self, container: t.Any) -> None:
        super().__init__(container)
        self._stores: dict[str, Repository] = {}
        self._build_lock = threading.RLock()

    # -- stores --------------------------------------------------------------------

    def store(self, name: str | None = None) -> Repository:
        """Return the named store's repository (the default one without a name).

        Laravel: ``CacheManager::store()``.
        """
        name = name or self.get_default_driver()
        repository = self._stores.get(name)
        if repository is None:
            with self._build_lock:
                repository = self._stores.get(name)
                if repository is None:
                    repository = self._stores[name] = self.resolve(name)
        return repository

    def driver(self, driver: str | None = None) -> Repository:
        """Return a store's repository (alias of :meth:`store`). Laravel: ``CacheManager::driver()``."""
        return self.store(driver)

    def resolve(self, name: str) -> Repository:
        """Build the store ``name`` from its config. Laravel: ``CacheManager::resolve()``.

        Raises InvalidArgumentError for an unknown store or driver.
        """
        config = self.get_config(name)
        if config is None:
            raise InvalidArgumentError(
                f"Cache store [{name}] is not defined. Add it under cache.stores "
                "in config/cache.py or set CACHE_STORE to a defined store."
            )
        config = {**config, "store": name}
        driver = str(config.get("driver") or "")
        if driver in self._custom_creators:
            return self._call_custom_creator(driver, config)
        method = getattr(self, f"create_{driver}_driver", None) if driver else None
        if method is None:
            supported = ", ".join(self.supported_drivers())
            raise InvalidArgumentError(
                f"Cache driver [{driver}] of store [{name}] is not supported. "
                f"Supported: {supported}; register others with Cache.extend()."
            )
        return t.cast(Repository, method(config))

    def _call_custom_creator(self, driver: str, config: dict[str, t.Any]) -> Repository:
        factory: _Factory = self._custom_creators[driver]
        try:
            takes_config = len(inspect.signature(factory).parameters) >= 2
        except (TypeError, ValueError):
            takes_config = False
        built = (
            factory(self._container, config)
            if takes_config
            else factory(self._container)
        )
        return (
            built if isinstance(built, Repository) else self.repository(built, config)
        )

    def extend(self, driver: str, callback: _Factory) -> CacheManager:
        """Register a driver: ``callback(app, config)`` returns a store or a repository.

        Laravel: ``CacheManager::extend()``.
        """
        self._custom_creators[driver] = t.cast("t.Callable[[t.Any], t.Any]", callback)
        return self

    def repository(
        self, store: Store, config: t.Mapping[str, t.Any] | None = None
    ) -> Repository:
        """Wrap a store in a repository. Laravel: ``CacheManager::repository()``."""
        return Repository(store, config)

    # -- drivers ---------------------------------------------------------------------

    def create_array_driver(self, config: t.Mapping[str, t.Any]) -> Repository:
        """Build an in-process store. Laravel: ``CacheManager::createArrayDriver()``."""
        from protevus.cache.array_store import ArrayStore

        return self.repository(ArrayStore(bool(config.get("serialize"))), config)

    def create_file_driver(self, config: t.Mapping[str, t.Any]) -> Repository:
        """Build a store of files in ``path``. Laravel: ``CacheManager::createFileDriver()``."""
        from protevus.cache.file_store import FileStore

        path = Path(str(config.get("path") or "storage/framework/cache/data"))
        if not path.is_absolute():
            base = getattr(self._container, "base_path", None)
            path = Path(base(str(path))) if callable(base) else path
        permission = config.get("permission")
        return self.repository(
            FileStore(path, int(permission) if permission is not None else None),
            config,
        )

    def create_database_driver(self, config: t.Mapping[str, t.Any]) -> Repository:
        """Build a store of rows in ``table``. Laravel: ``CacheManager::createDatabaseDriver()``."""
        from protevus.cache.database_store import DatabaseStore

        connection = self._container.make("db").connection(
            config.get("connection") or None
        )
        store = DatabaseStore(
            connection,
            str(config.get("table") or "cache"),
            self.get_prefix(config),
            str(config.get("lock_table") or "cache_locks"),
        )
        return self.repository(store, config)

    def create_redis_driver(self, config: t.Mapping[str, t.Any]) -> Repository:
        """Build a store in Redis. Laravel: ``CacheManager::createRedisDriver()``."""
        from protevus.cache.redis_store import RedisStore
        from protevus.support.redis_connector import make_redis_client

        name = str(config.get("connection") or "default")
        client = make_redis_client(
            name, self.config.get(f"database.redis.{name}"), "REDIS_CACHE_CONNECTION"
        )
        # Laravel's phpredis applies ``database.redis.options.prefix`` to every key.
        connection_prefix = str(self.config.get("database.redis.options.prefix") or "")
        store = RedisStore(client, connection_prefix + self.get_prefix(config))
        return self.repository(store, config)

    def create_null_driver(self, config: t.Mapping[str, t.Any]) -> Repository:
        """Build a store that keeps nothing. Laravel: ``CacheManager::createNullDriver()``."""
        from protevus.cache.null_store import NullStore

        return self.repository(NullStore(), config)

    def supported_drivers(self) -> list[str]:
        """Return the driver names this manager can build."""
        names = set(self._custom_creators)
        for attr in dir(type(self)):
            if attr.startswith("create_") and attr.endswith("_driver"):
                name = attr[len("create_") : -len("_driver")]
                if name:
                    names.add(name)
        return sorted(names)

    # -- configuration ------------------------------------------------------------------

    def get_config(self, name: str) -> dict[str, t.Any] | None:
        """Return ``cache.stores.<name>``, or None. Laravel: ``CacheManager::getConfig()``."""
        stores = self.config.get("cache.stores") or {}
        config = stores.get(name) if isinstance(stores, t.Mapping) else None
        return dict(config) if isinstance(config, t.Mapping) else None

    def get_prefix(self, config: t.Mapping[str, t.Any]) -> str:
        """Return the store's prefix, else ``cache.prefix``. Laravel: ``CacheManager::getPrefix()``."""
        prefix = config.get("prefix")
        if prefix is None:
            prefix = self.config.get("cache.prefix")
        return str(prefix or "")

    def get_default_driver(self) -> str:
        """Return ``cache.default``. Laravel: ``CacheManager::getDefaultDriver()``."""
        default = self.config.get("cache.default")
        if not default:
            raise InvalidArgumentError(
                "No default cache store: set cache.default (CACHE_STORE) in config/cache.py or .env."
            )
        return str(default)

    def set_default_driver(self, name: str) -> None:
        """Set ``cache.default``. Laravel: ``CacheManager::setDefaultDriver()``."""
        self.config.set("cache.default", name)

    def forget_driver(self, name: str | list[str] | None = None) -> CacheManager:
        """Drop built stores so the next call builds them again. Laravel: ``forgetDriver()``."""
        names = name if isinstance(name, list) else [name or self.get_default_driver()]
        with self._build_lock:
            for item in names:
                self._stores.pop(item, None)
        return self

    def purge(self, name: str | None = None) -> None:
        """Drop a built store. Laravel: ``CacheManager::purge()``."""
        self.forget_driver(name)

    def get_drivers(self) -> dict[str, t.Any]:
        """Return the stores built so far, by name."""
        return dict(self._stores)

    def forget_drivers(self) -> CacheManager:
        """Drop every built store."""
        with self._build_lock:
            self._stores.clear()
        return self

    def __getattr__(self, name: str) -> t.Any:
        state = self.__dict__
        if (
            name.startswith("_")
            or "_stores" not in state
            or state.get("_resolving_default")
        ):
            raise AttributeError(
                f"'{type(self).__name__}' object has no attribute '{name}'"
            )
        return getattr(self.store(), name)
