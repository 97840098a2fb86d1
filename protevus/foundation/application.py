"""The application: a service container that knows its paths, providers and environment.

Laravel: ``Illuminate\\Foundation\\Application``.
"""

from __future__ import annotations

import fnmatch
import importlib
import inspect
import os
import typing as t

from protevus import __version__
from protevus.container.container import Container
from protevus.foundation.exceptions import ProviderError
from protevus.support.service_provider import ServiceProvider

if t.TYPE_CHECKING:
    from protevus.foundation.configuration.application_builder import ApplicationBuilder

_Callback = t.Callable[..., t.Any]
ProviderLike = type[ServiceProvider] | ServiceProvider | str


class Application(Container):
    """Hold every service of a Protevus application and run its providers.

    Build one with :meth:`configure` (the Laravel 11+ ``bootstrap/app.py`` form)::

        app = (Application.configure(base_path)
               .with_routing(web='routes/web.py', commands='routes/console.py')
               .with_providers([AppServiceProvider])
               .create())

    Laravel: ``Illuminate\\Foundation\\Application``.
    """

    VERSION = __version__

    def __init__(self, base_path: str | os.PathLike[str] | None = None) -> None:
        super().__init__()
        self._base_path = os.path.abspath(os.fspath(base_path or os.getcwd()))
        self._custom_paths: dict[str, str] = {}
        self._environment_file = ".env"
        self._booted = False
        self._has_been_bootstrapped = False
        self._booting_callbacks: list[_Callback] = []
        self._booted_callbacks: list[_Callback] = []
        self._terminating_callbacks: list[_Callback] = []
        self._service_providers: list[ServiceProvider] = []
        self._loaded_providers: dict[type[ServiceProvider], ServiceProvider] = {}
        self._deferred_services: dict[t.Any, type[ServiceProvider]] = {}
        #: services whose deferred provider is registering right now (other threads wait).
        self._deferred_loading: set[t.Any] = set()
        self._running_in_console: bool | None = None
        self._commands: list[t.Any] = []
        self.config_is_cached = False
        #: what ``with_routing()`` / ``with_middleware()`` / ``with_exceptions()`` gave.
        self.routing: dict[str, t.Any] = {}
        self.middleware_callbacks: list[_Callback] = []
        self.exception_callbacks: list[_Callback] = []
        self._register_base_bindings()

    # -- construction --------------------------------------------------------

    @classmethod
    def configure(
        cls, base_path: str | os.PathLike[str] | None = None
    ) -> ApplicationBuilder:
        """Begin configuring an application rooted at ``base_path``.

        Laravel: ``Application::configure(basePath: ...)``.
        """
        from protevus.foundation.configuration.application_builder import (
            ApplicationBuilder,
        )

        return ApplicationBuilder(cls(base_path))

    def _register_base_bindings(self) -> None:
        Container.set_instance(self)
        self.instance("app", self)
        self.instance(Container, self)
        self.instance(Application, self)
        if type(self) is not Application:
            self.instance(type(self), self)

    def version(self) -> str:
        """Get the version of Protevus.

        Laravel: ``Application::version()``.
        """
        return self.VERSION

    # -- paths ---------------------------------------------------------------

    def _path(self, name: str, default: str, path: str) -> str:
        root = self._custom_paths.get(name) or os.path.join(self._base_path, default)
        return os.path.join(root, path) if path else root

    def base_path(self, path: str = "") -> str:
        """Get the path to the application's root (``base_path('artisan.py')``).

        Laravel: ``base_path()``.
        """
        return os.path.join(self._base_path, path) if path else self._base_path

    def app_path(self, path: str = "") -> str:
        """Get the path to the ``app`` directory."""
        return self._path("app", "app", path)

    def bootstrap_path(self, path: str = "") -> str:
        """Get the path to the ``bootstrap`` directory."""
        return self._path("bootstrap", "bootstrap", path)

    def config_path(self, path: str = "") -> str:
        """Get the path to the ``config`` directory."""
        return self._path("config", "config", path)

    def database_path(self, path: str = "") -> str:
        """Get the path to the ``database`` directory."""
        return self._path("database", "database", path)

    def lang_path(self, path: str = "") -> str:
        """Get the path to the ``lang`` directory."""
        return self._path("lang", "lang", path)

    def public_path(self, path: str = "") -> str:
        """Get the path to the ``public`` directory."""
        return self._path("public", "public", path)

    def resource_path(self, path: str = "") -> str:
        """Get the path to the ``resources`` directory."""
        return self._path("resources", "resources", path)

    def storage_path(self, path: str = "") -> str:
        """Get the path to the ``storage`` directory (``PROTEVUS_STORAGE_PATH`` overrides).

        Laravel: ``storage_path()`` (``LARAVEL_STORAGE_PATH``).
        """
        if "storage" not in self._custom_paths and os.environ.get(
            "PROTEVUS_STORAGE_PATH"
        ):
            self._custom_paths["storage"] = os.environ["PROTEVUS_STORAGE_PATH"]
        return self._path("storage", "storage", path)

    def resolve_path(self, path: str | os.PathLike[str]) -> str:
        """Resolve a path from the configuration against the application.

        Absolute paths stay; ``storage/...`` follows :meth:`storage_path` (so a moved
        storage directory moves logs, sessions and caches with it); any other
        relative path is relative to the base path. The framework's config defaults
        use such relative paths where Laravel's call ``storage_path()``.
        """
        path = os.fspath(path)
        if os.path.isabs(path):
            return path
        head, _, rest = path.replace("\\", "/").partition("/")
        if head == "storage":
            return self.storage_path(rest)
        return self.base_path(path)

    def use_path(self, name: str, path: str) -> Application:
        """Point one of the named directories (``storage``, ``config``...) elsewhere.

        Laravel: ``useStoragePath()``, ``useConfigPath()``, ``useDatabasePath()``...
        """
        self._custom_paths[name] = os.path.abspath(path)
        return self

    def use_storage_path(self, path: str) -> Application:
        """Point the storage directory elsewhere.

        Laravel: ``Application::useStoragePath()``.
        """
        return self.use_path("storage", path)

    def environment_path(self) -> str:
        """Get the directory holding the ``.env`` file."""
        return self._custom_paths.get("environment", self._base_path)

    def environment_file(self) -> str:
        """Get the name of the environment file (``.env``)."""
        return self._environment_file

    def load_environment_from(self, file: str) -> Application:
        """Load the environment from another file than ``.env``.

        Laravel: ``Application::loadEnvironmentFrom()``.
        """
        self._environment_file = file
        return self

    def environment_file_path(self) -> str:
        """Get the full path of the environment file."""
        return os.path.join(self.environment_path(), self._environment_file)

    def get_cached_config_path(self) -> str:
        """Get the path of the configuration cache (``bootstrap/cache/config.json``)."""
        return os.environ.get("PROTEVUS_CONFIG_CACHE") or self.bootstrap_path(
            os.path.join("cache", "config.json")
        )

    def configuration_is_cached(self) -> bool:
        """Determine if the configuration is cached.

        Laravel: ``Application::configurationIsCached()``.
        """
        return os.path.isfile(self.get_cached_config_path())

    # -- environment ---------------------------------------------------------

    def environment(self, *environments: str | t.Iterable[str]) -> t.Any:
        """Get the environment name, or check it against patterns.

        ``app.environment()`` → ``'local'``; ``app.environment('local', 'staging')``
        or ``app.environment(['local', 'staging'])`` → ``True`` when one matches
        (``*`` wildcards allowed).

        Laravel: ``Application::environment()``.
        """
        current = str(self.make("env")) if self.bound("env") else "production"
        if not environments:
            return current
        patterns: list[str] = []
        for each in environments:
            if isinstance(each, str):
                patterns.append(each)
            else:
                patterns.extend(each)
        return any(fnmatch.fnmatchcase(current, pattern) for pattern in patterns)

    def detect_environment(self, name: str) -> str:
        """Set the environment name (normally from ``config('app.env')``)."""
        self.instance("env", name)
        return name

    def is_local(self) -> bool:
        """Determine if the application runs in the ``local`` environment."""
        return bool(self.environment() == "local")

    def is_production(self) -> bool:
        """Determine if the application runs in the ``production`` environment."""
        return bool(self.environment() == "production")

    def running_unit_tests(self) -> bool:
        """Determine if the application runs in the ``testing`` environment.

        Laravel: ``Application::runningUnitTests()``.
        """
        return bool(self.environment() == "testing")

    def running_in_console(self) -> bool:
        """Determine if the application runs an artisan command.

        Laravel: ``Application::runningInConsole()``; ``APP_RUNNING_IN_CONSOLE`` overrides.
        """
        if self._running_in_console is None:
            flag = os.environ.get("APP_RUNNING_IN_CONSOLE")
            self._running_in_console = flag is not None and flag.lower() == "true"
        return self._running_in_console

    def set_running_in_console(self, value: bool = True) -> None:
        """Mark the application as running a console command (artisan does this)."""
        self._running_in_console = value

    def has_debug_mode_enabled(self) -> bool:
        """Determine if ``app.debug`` is on.

        Laravel: ``Application::hasDebugModeEnabled()``.
        """
        return bool(self.bound("config") and self.make("config").get("app.debug"))

    def get_locale(self) -> str:
        """Get the current locale (``config('app.locale')``)."""
        return str(self.make("config").get("app.locale", "en"))

    def set_locale(self, locale: str) -> None:
        """Set the current locale.

        Laravel: ``App::setLocale()``.
        """
        self.make("config").set("app.locale", locale)
        if self.bound("translator"):
            self.make("translator").set_locale(locale)

    def is_locale(self, locale: str) -> bool:
        """Determine if the current locale is ``locale``."""
        return self.get_locale() == locale

    # -- bootstrapping -------------------------------------------------------

    def bootstrap_with(self, bootstrappers: t.Iterable[t.Any]) -> None:
        """Run each bootstrapper's ``bootstrap(app)`` in order.

        Laravel: ``Application::bootstrapWith()``.
        """
        self._has_been_bootstrapped = True
        for bootstrapper in bootstrappers:
            instance = (
                bootstrapper() if isinstance(bootstrapper, type) else bootstrapper
            )
            instance.bootstrap(self)

    def has_been_bootstrapped(self) -> bool:
        """Determine if the application has been bootstrapped."""
        return self._has_been_bootstrapped

    # -- providers -----------------------------------------------------------

    def register(self, provider: ProviderLike, force: bool = False) -> ServiceProvider:
        """Register a service provider (class, instance or dotted path) and return it.

        Registering twice returns the first instance unless ``force`` is true. A
        provider registered after boot is booted at once.

        Laravel: ``Application::register()``.
        """
        cls = _provider_class(provider)
        existing = self._loaded_providers.get(cls)
        if existing is not None and not force:
            return existing
        instance = provider if isinstance(provider, ServiceProvider) else cls(self)
        instance.register()
        for abstract, concrete in type(instance).bindings.items():
            self.bind(abstract, concrete)
        for abstract, concrete in type(instance).singletons.items():
            self.singleton(abstract, concrete)
        self._service_providers.append(instance)
        self._loaded_providers[cls] = instance
        if self._booted:
            self._boot_provider(instance)
        return instance

    def register_configured_providers(
        self, providers: t.Iterable[ProviderLike]
    ) -> None:
        """Register providers in order, deferring those marked deferrable.

        Laravel: ``Application::registerConfiguredProviders()``.
        """
        for provider in providers:
            cls = _provider_class(provider)
            if cls in self._loaded_providers:
                continue
            instance = provider if isinstance(provider, ServiceProvider) else cls(self)
            if instance.is_deferred():
                services = instance.provides()
                if not services:
                    raise ProviderError(
                        f"Deferred provider [{_qualname(cls)}] provides no services: "
                        "list them in provides(), or make it a normal provider."
                    )
                for service in services:
                    self._deferred_services[service] = cls
                events = instance.when()
                if events:
                    self._listen_for_deferred(cls, events)
                continue
            self.register(instance)

    def _listen_for_deferred(
        self, cls: type[ServiceProvider], events: list[str]
    ) -> None:
        # The events service may register after this provider: attach the listeners
        # when it is resolved, as Laravel's addDeferredServices + events do.
        def attach(dispatcher: t.Any, *_: t.Any) -> None:
            for event in events:
                dispatcher.listen(event, lambda *_a, **_k: self.register(cls))

        if self.resolved("events"):
            attach(self.make("events"))
        else:
            self.after_resolving("events", attach)

    def register_deferred_provider(
        self, provider: type[ServiceProvider] | str, service: t.Any = None
    ) -> None:
        """Register a deferred provider now (``service`` is forgotten from the deferred list).

        Laravel: ``Application::registerDeferredProvider()``.
        """
        if service is not None:
            self._deferred_services.pop(service, None)
        # register() boots it at once when the app has booted; otherwise boot()
        # boots it with the others.
        self.register(provider)

    def load_deferred_provider(self, service: t.Any) -> None:
        """Load the deferred provider that provides ``service``."""
        # Under the container's re-entrant lock, so a second thread asking for the
        # same service waits for the provider to register instead of missing it.
        with self._lock:
            cls = self._deferred_services.get(service)
            if cls is None:
                return  # loaded meanwhile, or we are inside its own register()
            keys = [k for k, v in self._deferred_services.items() if v is cls]
            for key in keys:
                del self._deferred_services[key]
            self._deferred_loading.update(keys)
            try:
                self.register_deferred_provider(cls)
            finally:
                self._deferred_loading.difference_update(keys)

    def load_deferred_providers(self) -> None:
        """Load every deferred provider (``config:cache`` and tests use this)."""
        for service in list(self._deferred_services):
            self.load_deferred_provider(service)

    def get_deferred_services(self) -> dict[t.Any, type[ServiceProvider]]:
        """Get the services whose providers are deferred."""
        return dict(self._deferred_services)

    def is_deferred_service(self, service: t.Any) -> bool:
        """Determine if ``service`` belongs to a provider not loaded yet."""
        return service in self._deferred_services

    def get_provider(self, provider: ProviderLike) -> ServiceProvider | None:
        """Get the registered instance of a provider class, if any."""
        return self._loaded_providers.get(_provider_class(provider))

    def get_providers(self, provider: ProviderLike) -> list[ServiceProvider]:
        """Get every registered provider that is an instance of ``provider``."""
        cls = _provider_class(provider)
        return [p for p in self._service_providers if isinstance(p, cls)]

    def get_loaded_providers(self) -> dict[str, bool]:
        """Get the dotted names of the loaded providers.

        Laravel: ``Application::getLoadedProviders()``.
        """
        return {_qualname(cls): True for cls in self._loaded_providers}

    def provider_is_loaded(self, provider: ProviderLike) -> bool:
        """Determine if a provider has been registered."""
        return _provider_class(provider) in self._loaded_providers

    # -- resolution (deferred providers) ---------------------------------------

    def resolve(
        self,
        abstract: t.Any,
        parameters: t.Mapping[str, t.Any] | None = None,
        raise_events: bool = True,
    ) -> t.Any:
        """Resolve ``abstract``, loading its deferred provider first if needed.

        ``make()``, autowired dependencies and ``bind(A, B)`` targets all come
        through here.

        Laravel: ``Application::resolve()``.
        """
        if self._deferred_services or self._deferred_loading:
            key = self.get_alias(abstract)
            if key in self._deferred_services or key in self._deferred_loading:
                self.load_deferred_provider(key)
        return super().resolve(abstract, parameters, raise_events)

    def bound(self, abstract: t.Any) -> bool:
        """Determine if ``abstract`` is bound, counting deferred services.

        Laravel: ``Application::bound()``.
        """
        return abstract in self._deferred_services or super().bound(abstract)

    # -- boot and terminate -------------------------------------------------

    def is_booted(self) -> bool:
        """Determine if the application has booted.

        Laravel: ``Application::isBooted()``.
        """
        return self._booted

    def boot(self) -> None:
        """Boot every registered provider, running booting/booted callbacks around it.

        Laravel: ``Application::boot()``.
        """
        if self._booted:
            return
        for callback in self._booting_callbacks:
            self._fire(callback)
        # Walk the live list: a provider registered (or a deferred one loaded)
        # while another boots is appended and booted in this same pass.
        i = 0
        while i < len(self._service_providers):
            self._boot_provider(self._service_providers[i])
            i += 1
        self._booted = True
        for callback in self._booted_callbacks:
            self._fire(callback)

    def _boot_provider(self, provider: ServiceProvider) -> None:
        provider.call_booting_callbacks()
        boot = getattr(provider, "boot", None)
        if boot is not None:
            self.call(boot)
        provider.call_booted_callbacks()

    def booting(self, callback: _Callback) -> None:
        """Register a callback to run before providers boot.

        Laravel: ``Application::booting()``.
        """
        self._booting_callbacks.append(callback)

    def booted(self, callback: _Callback) -> None:
        """Register a callback to run after providers boot (at once if already booted).

        Laravel: ``Application::booted()``.
        """
        self._booted_callbacks.append(callback)
        if self._booted:
            self._fire(callback)

    def terminating(self, callback: _Callback) -> Application:
        """Register a callback to run when the request or command ends.

        Laravel: ``Application::terminating()``.
        """
        self._terminating_callbacks.append(callback)
        return self

    def terminate(self) -> None:
        """Run the terminating callbacks, in registration order.

        Laravel: ``Application::terminate()``.
        """
        for callback in self._terminating_callbacks:
            self._fire(callback)

    def _fire(self, callback: _Callback) -> None:
        # Laravel hands app callbacks the application; Python callbacks often take
        # nothing, so pass the app only to callbacks that accept an argument, and let
        # the container inject type-hinted services otherwise.
        # The signature is read once per callback: terminating callbacks run after
        # every request.
        plans: dict[t.Any, str] = self.__dict__.setdefault("_fire_plans", {})
        plan = plans.get(callback)
        if plan is None:
            plan = plans[callback] = _call_plan(callback)
        if plan == "app":
            callback(self)
        elif plan == "bare":
            callback()
        else:
            self.call(callback)

    # -- http ----------------------------------------------------------------

    @property
    def flask(self) -> t.Any:
        """Get the application's ``flask.Flask`` (created on first use).

        Attach Flask extensions to it (``CORS(app.flask)``); its test client runs
        requests through the whole kernel (``app.flask.test_client()``).
        """
        flask_app = self.__dict__.get("_flask")
        if flask_app is None:
            from protevus.foundation.http.flask_app import create_flask_app

            flask_app = self.__dict__["_flask"] = create_flask_app(self)
        return flask_app

    @property
    def wsgi(self) -> t.Any:
        """Get the WSGI callable (``wsgi.py``: ``app = application.wsgi`` for gunicorn).

        Laravel: ``public/index.php``'s ``$app->handleRequest(Request::capture())``.
        """
        return self.flask

    # -- console -------------------------------------------------------------

    def register_commands(self, commands: t.Iterable[t.Any]) -> None:
        """Record console commands offered by providers (artisan lists them)."""
        for command in commands:
            if command not in self._commands:
                self._commands.append(command)

    def get_commands(self) -> list[t.Any]:
        """Get the console commands registered by providers."""
        return list(self._commands)

    def handle_command(self, argv: list[str] | None = None) -> int:
        """Run an artisan command line and return its exit code.

        Laravel: ``Application::handleCommand()`` (``artisan`` calls it).
        """
        if self.bound("artisan"):
            return int(self.make("artisan").handle(argv))
        from protevus.foundation.console.kernel import Kernel

        return Kernel(self).handle(argv)

    def flush(self) -> None:
        """Forget every binding, provider and callback.

        Laravel: ``Application::flush()``.
        """
        super().flush()
        self._booting_callbacks.clear()
        self._booted_callbacks.clear()
        self._terminating_callbacks.clear()
        self._service_providers.clear()
        self._loaded_providers.clear()
        self._deferred_services.clear()
        self._booted = False


def _provider_class(provider: ProviderLike) -> type[ServiceProvider]:
    if isinstance(provider, ServiceProvider):
        return type(provider)
    if isinstance(provider, str):
        module_name, _, attr = provider.rpartition(".")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name is not None and module_name.startswith(exc.name):
                raise ProviderError(
                    f"Service provider [{provider}] cannot be imported: module "
                    f"[{exc.name}] does not exist. Check the dotted path in "
                    "bootstrap/providers.py or with_providers()."
                ) from exc
            raise ProviderError(
                f"Service provider [{provider}] cannot be imported: {exc}. Install the "
                "missing package or fix the provider's imports."
            ) from exc
        except (ImportError, ValueError) as exc:
            raise ProviderError(
                f"Service provider [{provider}] cannot be imported: {exc}."
            ) from exc
        loaded = getattr(module, attr, None)
        if loaded is None:
            raise ProviderError(
                f"Service provider [{provider}] cannot be imported: module "
                f"[{module_name}] has no [{attr}]. Check the class name."
            )
        provider = loaded
    if not (isinstance(provider, type) and issubclass(provider, ServiceProvider)):
        name = _qualname(provider) if isinstance(provider, type) else repr(provider)
        raise ProviderError(
            f"[{name}] is not a service provider: providers subclass "
            "protevus.foundation.ServiceProvider."
        )
    return provider


def _call_plan(callback: _Callback) -> str:
    """Say how to call an app callback: with the app, with nothing, or through the container."""
    if _takes_positional(callback):
        return "app"
    try:
        params = inspect.signature(callback).parameters.values()
    except (TypeError, ValueError):
        return "container"
    if not params:  # typed defaults still go through the container
        return "bare"
    return "container"


def _takes_positional(callback: _Callback) -> bool:
    try:
        params = inspect.signature(callback).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(
        p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.VAR_POSITIONAL)
        and p.default is p.empty
        and p.annotation is p.empty
        for p in params
    )


def _qualname(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"
