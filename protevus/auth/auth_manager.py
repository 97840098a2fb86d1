"""Build the guards named in ``auth.guards`` and forward calls to the default one.

Laravel: ``Illuminate\\Auth\\AuthManager`` (container key ``'auth'``, facade ``Auth``).
"""

from __future__ import annotations

import contextvars
import typing as t

from protevus.auth.creates_user_providers import CreatesUserProviders
from protevus.exceptions import InvalidArgumentError

_GuardCreator = t.Callable[[t.Any, str, dict[str, t.Any]], t.Any]
_ProviderCreator = t.Callable[[t.Any, dict[str, t.Any]], t.Any]


class _State:
    """Hold the guards of one request (or of one context outside requests)."""

    __slots__ = ("default", "guards")

    def __init__(self) -> None:
        self.guards: dict[str, t.Any] = {}
        self.default: str | None = None


def make_token_guard(
    name: str, provider: t.Any, request: t.Callable[[], t.Any], config: dict[str, t.Any]
) -> t.Any:
    """Build the ``token`` driver's guard (helper T's Sanctum-like guard).

    The guard reads the request itself, so ``request`` is not passed on.
    """
    from protevus.auth.token_guard import TokenGuard

    return TokenGuard(name, provider, config)


class AuthManager(CreatesUserProviders):
    """Serve ``'auth'``: ``Auth.guard('web')``, ``Auth.user()``, ``Auth.attempt(...)``.

    Guards keep per-request state (the user), so each request gets its own: they
    live on the request being handled (``request.__dict__``) and, outside a
    request (console, tests), in a :class:`contextvars.ContextVar`. A user never
    leaks to the next request a worker thread serves. :meth:`should_use` (what the
    ``auth:api`` middleware calls) also changes the default guard for the current
    request only.

    Drivers: ``session``, ``token``; add others with :meth:`extend` or
    :meth:`via_request`. Providers: ``eloquent``, ``database``; add others with
    :meth:`provider`. Unknown attributes reach the default guard.

    Laravel: ``Illuminate\\Auth\\AuthManager``.
    """

    def __init__(self, app: t.Any) -> None:
        self._app = app
        self._custom_creators: dict[str, _GuardCreator] = {}
        self._custom_provider_creators: dict[str, _ProviderCreator] = {}
        self._request_key = f"_protevus_auth_{id(self)}"
        self._outside: contextvars.ContextVar[_State | None] = contextvars.ContextVar(
            f"protevus_auth_{id(self)}", default=None
        )
        self._user_resolver: t.Callable[..., t.Any] = self._resolve_user

    # -- per-request state ---------------------------------------------------------

    def _state(self) -> _State:
        request = current_request()
        if request is not None:
            state = request.__dict__.get(self._request_key)
            if state is None:
                state = request.__dict__[self._request_key] = _State()
            return t.cast(_State, state)
        state = self._outside.get()
        if state is None:
            state = _State()
            self._outside.set(state)
        return state

    # -- guards ----------------------------------------------------------------------

    def guard(self, name: str | None = None) -> t.Any:
        """Get the guard ``name`` (the default one) of the current request.

        Laravel: ``AuthManager::guard()``.
        """
        name = name or self.get_default_driver()
        state = self._state()
        guard = state.guards.get(name)
        if guard is None:
            guard = state.guards[name] = self.resolve(name)
        return guard

    def resolve(self, name: str) -> t.Any:
        """Build the guard ``name`` from ``auth.guards.<name>``. Laravel: ``AuthManager::resolve()``."""
        config = self.get_config(name)
        if config is None:
            raise InvalidArgumentError(
                f"Auth guard [{name}] is not defined; add it to auth.guards in "
                "config/auth.py."
            )
        driver = str(config.get("driver"))
        if driver in self._custom_creators:
            return self.call_custom_creator(name, config)
        method = getattr(self, f"create_{driver}_driver", None)
        if driver.isidentifier() and callable(method):
            return method(name, config)
        raise InvalidArgumentError(
            f"Auth driver [{driver}] for guard [{name}] is not defined; use 'session' "
            "or 'token', or register it with Auth.extend(driver, callback)."
        )

    def call_custom_creator(self, name: str, config: dict[str, t.Any]) -> t.Any:
        """Build a guard with its ``extend()`` callback. Laravel: ``callCustomCreator()``."""
        return self._custom_creators[config["driver"]](self._app, name, config)

    def create_session_driver(self, name: str, config: dict[str, t.Any]) -> t.Any:
        """Build a :class:`~protevus.auth.session_guard.SessionGuard`.

        Laravel: ``AuthManager::createSessionDriver()``.
        """
        from protevus.auth.session_guard import TIMEBOX_MICROSECONDS
        from protevus.auth.session_guard import SessionGuard

        app = self._app
        settings = self._config()
        provider = self.create_user_provider(config.get("provider"))
        guard = SessionGuard(
            name,
            provider,
            session=lambda: app.make("session.store"),
            request=current_request,
            rehash_on_login=bool(settings.get("hashing.rehash_on_login", True)),
            timebox_duration=int(
                settings.get("auth.timebox_duration", TIMEBOX_MICROSECONDS)
            ),
        )
        if app.bound("cookie"):
            guard.set_cookie_jar(app.make("cookie"))
        if app.bound("events"):
            guard.set_dispatcher(app.make("events"))
        if config.get("remember"):
            guard.set_remember_duration(config["remember"])
        return guard

    def create_token_driver(self, name: str, config: dict[str, t.Any]) -> t.Any:
        """Build the ``token`` guard (hashed personal access tokens)."""
        provider = self.create_user_provider(config.get("provider"))
        return make_token_guard(name, provider, current_request, config)

    def get_config(self, name: str) -> dict[str, t.Any] | None:
        """Get ``auth.guards.<name>``. Laravel: ``AuthManager::getConfig()``."""
        guards = self._config().get("auth.guards") or {}
        config = guards.get(name)
        return dict(config) if isinstance(config, t.Mapping) else None

    def get_default_driver(self) -> str:
        """Get the default guard: the current request's :meth:`should_use`, else config.

        Laravel: ``AuthManager::getDefaultDriver()``.
        """
        state = self._state()
        if state.default:
            return state.default
        return str(self._config().get("auth.defaults.guard") or "web")

    def should_use(self, name: str | None) -> None:
        """Make ``name`` the default guard for the rest of this request.

        Laravel: ``AuthManager::shouldUse()`` (which changes the config; here only the
        current request's default changes, as other threads serve other requests).
        """
        name = name or self.get_default_driver()
        self._state().default = name

    def set_default_driver(self, name: str) -> None:
        """Set ``auth.defaults.guard`` for the whole application.

        Laravel: ``AuthManager::setDefaultDriver()``.
        """
        self._config().set("auth.defaults.guard", name)

    def via_request(self, driver: str, callback: t.Callable[..., t.Any]) -> AuthManager:
        """Add a driver whose user is ``callback(request, provider)``.

        Laravel: ``AuthManager::viaRequest()``.
        """

        def create(app: t.Any, name: str, config: dict[str, t.Any]) -> t.Any:
            from protevus.auth.request_guard import RequestGuard

            provider = self.create_user_provider(config.get("provider"))
            return RequestGuard(callback, current_request, provider)

        return self.extend(driver, create)

    def extend(self, driver: str, callback: _GuardCreator) -> AuthManager:
        """Add a guard driver: ``callback(app, name, config)`` returns the guard.

        Laravel: ``AuthManager::extend()``.
        """
        self._custom_creators[driver] = callback
        return self

    def provider(self, name: str, callback: _ProviderCreator) -> AuthManager:
        """Add a user provider driver: ``callback(app, config)`` returns the provider.

        Laravel: ``AuthManager::provider()``.
        """
        self._custom_provider_creators[name] = callback
        return self

    def has_resolved_guards(self) -> bool:
        """Tell whether the current request built a guard. Laravel: ``hasResolvedGuards()``."""
        return bool(self._state().guards)

    def forget_guards(self) -> AuthManager:
        """Drop the current request's (or context's) guards. Laravel: ``forgetGuards()``."""
        state = self._state()
        state.guards.clear()
        state.default = None
        return self

    def set_application(self, app: t.Any) -> AuthManager:
        """Use another application. Laravel: ``AuthManager::setApplication()``."""
        self._app = app
        return self

    # -- the user resolver --------------------------------------------------------------

    def _resolve_user(self, guard: str | None = None) -> t.Any:
        return self.guard(guard).user()

    def user_resolver(self) -> t.Callable[..., t.Any]:
        """Get the callable ``resolver(guard=None)`` giving the user. Laravel: ``userResolver()``."""
        return self._user_resolver

    def resolve_users_using(self, resolver: t.Callable[..., t.Any]) -> AuthManager:
        """Replace the user resolver. Laravel: ``AuthManager::resolveUsersUsing()``."""
        self._user_resolver = resolver
        return self

    def __getattr__(self, name: str) -> t.Any:
        if name.startswith("_") or "_custom_creators" not in self.__dict__:
            raise AttributeError(
                f"'{type(self).__name__}' object has no attribute '{name}'"
            )
        return getattr(self.guard(), name)


def current_request() -> t.Any:
    """Return the request being handled, or None outside a request."""
    import flask

    if not flask.has_request_context():
        return None
    return flask.request._get_current_object()  # type: ignore[attr-defined]
