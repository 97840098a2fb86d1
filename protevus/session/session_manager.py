"""Build session stores for the configured driver; reach the current request's store.

Laravel: ``Illuminate\\Session\\SessionManager``.
"""

from __future__ import annotations

import contextvars
import threading
import typing as t
from pathlib import Path

from protevus.session.store import Store
from protevus.support.manager import Manager

if t.TYPE_CHECKING:
    from protevus.session.session_handler import SessionHandler

_Stores = dict[str, Store]


class SessionManager(Manager):
    """Create a :class:`~protevus.session.store.Store` per request, for any driver.

    Laravel runs one request per process and keeps one store; Protevus serves
    requests on many threads, so the ``StartSession`` middleware builds a fresh
    store for each request (:meth:`make_store`) and makes it *current* for that
    request (:meth:`set_current`). ``driver()``, the ``Session`` facade, the
    ``session()`` helper and every attribute of the manager reach the current
    store: ``Session.get('cart')`` is ``request.session().get('cart')``. Outside
    a request (console, tests) each thread or context gets a store of its own.

    Drivers: ``database``, ``file``, ``cookie``, ``redis``, ``array`` and
    ``null``; add others with ``extend(name, lambda app: handler)``.

    Laravel: ``Illuminate\\Session\\SessionManager``.
    """

    def __init__(self, container: t.Any) -> None:
        super().__init__(container)
        self._current: contextvars.ContextVar[_Stores | None] = contextvars.ContextVar(
            f"protevus_session_{id(self)}", default=None
        )
        self._outside: contextvars.ContextVar[_Stores | None] = contextvars.ContextVar(
            f"protevus_session_outside_{id(self)}", default=None
        )
        self._shared: dict[str, t.Any] = {}
        self._lock = threading.Lock()

    # -- the current store --------------------------------------------------------

    def driver(self, driver: str | None = None) -> Store:
        """Return the current request's store of ``driver`` (the default one without a name).

        Laravel: ``Manager::driver()``.
        """
        name = driver or self._default_driver_name()
        if not name:
            from protevus.exceptions import InvalidArgumentError

            raise InvalidArgumentError(
                "Unable to resolve NULL driver for [SessionManager]; set "
                "session.driver (SESSION_DRIVER) or pass a driver name."
            )
        stores = self._current.get()
        if stores is None:
            stores = self._fallback_stores()
        store = stores.get(name)
        if store is None:
            store = stores[name] = self.create_driver(name)
        return store

    def _fallback_stores(self) -> _Stores:
        """Return the stores used where no session middleware made one current.

        Inside a request (an ``api`` route) they live on the request object, so the
        next request on the same worker thread starts empty; a ContextVar would keep
        them for every later request the thread serves. Outside a request (console,
        queue jobs) they belong to the current context.
        """
        request = self._current_request()
        if request is not None:
            stores = request.__dict__.get("_protevus_session_stores")
            if stores is None:
                stores = request.__dict__["_protevus_session_stores"] = {}
            return t.cast(_Stores, stores)
        stores = self._outside.get()
        if stores is None:
            stores = {}
            self._outside.set(stores)
        return stores

    def _current_request(self) -> t.Any:
        container = self._container
        if container is None or not container.bound("request"):
            return None
        try:
            request = container.make("request")
        except Exception:  # no request is being handled
            return None
        return request if hasattr(request, "__dict__") else None

    def make_store(self, driver: str | None = None) -> Store:
        """Build a new, unstarted store of ``driver`` (the default one without a name).

        The session middleware calls it once per request.
        """
        name = driver or self._default_driver_name()
        if not name:
            return self.driver(name)
        return t.cast(Store, self.create_driver(name))

    def set_current(
        self, store: Store, driver: str | None = None
    ) -> contextvars.Token[_Stores | None]:
        """Make ``store`` the current one for this request; return a token for :meth:`forget_current`."""
        name = driver or self._default_driver_name() or ""
        return self._current.set({name: store})

    def forget_current(
        self, token: contextvars.Token[_Stores | None] | None = None
    ) -> None:
        """Stop using the current request's store (after the response)."""
        if token is not None:
            self._current.reset(token)
        else:
            self._current.set(None)

    def get_drivers(self) -> dict[str, t.Any]:
        """Return the stores of the current request or context, by driver name.

        Laravel: ``Manager::getDrivers()``.
        """
        stores = self._current.get()
        return dict(self._fallback_stores() if stores is None else stores)

    def forget_drivers(self) -> SessionManager:
        """Drop the current context's stores. Laravel: ``Manager::forgetDrivers()``."""
        self._current.set(None)
        self._outside.set(None)
        request = self._current_request()
        if request is not None:
            request.__dict__.pop("_protevus_session_stores", None)
        return self

    # -- configuration --------------------------------------------------------------

    def get_session_config(self) -> dict[str, t.Any]:
        """Return the ``session`` configuration. Laravel: ``SessionManager::getSessionConfig()``."""
        return dict(self.config.get("session") or {})

    def get_default_driver(self) -> str | None:
        """Return ``session.driver``. Laravel: ``SessionManager::getDefaultDriver()``."""
        driver = self.config.get("session.driver")
        return str(driver) if driver else None

    def set_default_driver(self, name: str) -> None:
        """Set ``session.driver``. Laravel: ``SessionManager::setDefaultDriver()``."""
        self.config.set("session.driver", name)

    def should_block(self) -> bool:
        """Tell whether requests should wait for a session lock (not supported: False).

        Laravel: ``SessionManager::shouldBlock()``.
        """
        return False

    def _minutes(self) -> int | float:
        return t.cast("int | float", self.config.get("session.lifetime", 120) or 0)

    # -- building -----------------------------------------------------------------

    def create_driver(self, driver: str) -> t.Any:
        """Build a store for ``driver``; a custom creator returns the handler.

        Laravel: ``SessionManager::callCustomCreator()`` + ``buildSession()``.
        """
        if driver in self._custom_creators:
            return self.build_session(self._custom_creators[driver](self._container))
        return super().create_driver(driver)

    def build_session(self, handler: SessionHandler) -> Store:
        """Wrap ``handler`` in a store (encrypted when ``session.encrypt`` is true).

        Laravel: ``SessionManager::buildSession()``.
        """
        name = str(self.config.get("session.cookie") or "protevus-session")
        if self.config.get("session.encrypt"):
            from protevus.session.encrypted_store import EncryptedStore

            return EncryptedStore(name, handler, self._container.make("encrypter"))
        return Store(name, handler)

    def create_array_driver(self) -> Store:
        """Build a store kept in memory (one handler per application). Laravel: ``createArrayDriver()``."""
        from protevus.session.array_session_handler import ArraySessionHandler

        handler = self._shared_handler(
            "array", lambda: ArraySessionHandler(self._minutes())
        )
        return self.build_session(handler)

    def create_null_driver(self) -> Store:
        """Build a store that keeps nothing. Laravel: ``createNullDriver()``."""
        from protevus.session.null_session_handler import NullSessionHandler

        return self.build_session(NullSessionHandler())

    def create_file_driver(self) -> Store:
        """Build a store of files in ``session.files``. Laravel: ``createFileDriver()``."""
        from protevus.session.file_session_handler import FileSessionHandler

        path = Path(
            str(self.config.get("session.files") or "storage/framework/sessions")
        )
        if not path.is_absolute():
            base = getattr(self._container, "base_path", None)
            path = Path(base(str(path))) if callable(base) else path
        return self.build_session(FileSessionHandler(path, self._minutes()))

    def create_native_driver(self) -> Store:
        """Build a file store (Laravel's ``native`` driver name). Laravel: ``createNativeDriver()``."""
        return self.create_file_driver()

    def create_database_driver(self) -> Store:
        """Build a store of rows in ``session.table``. Laravel: ``createDatabaseDriver()``."""
        from protevus.session.database_session_handler import DatabaseSessionHandler

        connection = self._container.make("db").connection(
            self.config.get("session.connection") or None
        )
        table = str(self.config.get("session.table") or "sessions")
        return self.build_session(
            DatabaseSessionHandler(connection, table, self._minutes(), self._container)
        )

    def create_cookie_driver(self) -> Store:
        """Build a store kept in a cookie. Laravel: ``createCookieDriver()``."""
        from protevus.session.cookie_session_handler import CookieSessionHandler

        container = self._container
        return self.build_session(
            CookieSessionHandler(
                lambda: container.make("cookie"),
                self._minutes(),
                bool(self.config.get("session.expire_on_close")),
            )
        )

    def create_redis_driver(self) -> Store:
        """Build a store kept in Redis. Laravel: ``createRedisDriver()``."""
        from protevus.session.redis_session_handler import RedisSessionHandler

        name = str(self.config.get("session.connection") or "default")
        client = self._shared_handler(f"redis:{name}", lambda: self._redis_client(name))
        prefix = str(self.config.get("database.redis.options.prefix") or "")
        return self.build_session(RedisSessionHandler(client, self._minutes(), prefix))

    def _redis_client(self, name: str) -> t.Any:
        from protevus.support.redis_connector import make_redis_client

        config = self.config.get(f"database.redis.{name}")
        return make_redis_client(name, config, "SESSION_CONNECTION")

    def _shared_handler(self, key: str, build: t.Callable[[], t.Any]) -> t.Any:
        with self._lock:
            if key not in self._shared:
                self._shared[key] = build()
            return self._shared[key]
