"""The fluent builder behind ``Application.configure(...)...create()``.

Laravel: ``Illuminate\\Foundation\\Configuration\\ApplicationBuilder``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.foundation.application import Application
    from protevus.foundation.application import ProviderLike

_Callback = t.Callable[..., t.Any]


class ApplicationBuilder(CamelAliases):
    """Configure routing, middleware, exceptions and providers, then create the app.

    ``bootstrap/app.py``::

        app = (Application.configure(base_path=Path(__file__).parent.parent)
               .with_routing(web='routes/web.py', commands='routes/console.py', health='/up')
               .with_middleware(lambda m: m.alias({'role': EnsureRole}))
               .with_exceptions(lambda e: e.dont_report([InvalidOrder]))
               .create())

    Laravel: ``Illuminate\\Foundation\\Configuration\\ApplicationBuilder``.
    """

    def __init__(self, app: Application) -> None:
        self.app = app
        self._providers: list[ProviderLike] = []
        self._bootstrap_providers = True

    def with_routing(
        self,
        web: str | _Callback | None = None,
        api: str | _Callback | None = None,
        commands: str | None = None,
        health: str | None = None,
        channels: str | None = None,
        api_prefix: str = "api",
        then: _Callback | None = None,
        using: _Callback | None = None,
    ) -> ApplicationBuilder:
        """Name the route files: ``web`` (web group), ``api`` (api group under ``/api``), console ``commands``.

        Relative paths are relative to the base path. The router loads the route
        files when it boots; artisan loads ``commands``.

        Laravel: ``ApplicationBuilder::withRouting()``.
        """
        self.app.routing.update(
            {
                "web": web,
                "api": api,
                "commands": commands,
                "health": health,
                "channels": channels,
                "api_prefix": api_prefix,
                "then": then,
                "using": using,
            }
        )
        return self

    def with_middleware(self, callback: _Callback | None = None) -> ApplicationBuilder:
        """Configure global middleware, groups and aliases with ``callback(middleware)``.

        Laravel: ``ApplicationBuilder::withMiddleware()``.
        """
        if callback is not None:
            self.app.middleware_callbacks.append(callback)
        return self

    def with_exceptions(self, callback: _Callback | None = None) -> ApplicationBuilder:
        """Configure exception reporting and rendering with ``callback(exceptions)``.

        Laravel: ``ApplicationBuilder::withExceptions()``.
        """
        if callback is not None:
            self.app.exception_callbacks.append(callback)
        return self

    def with_providers(
        self,
        providers: t.Iterable[ProviderLike] = (),
        with_bootstrap_providers: bool = True,
    ) -> ApplicationBuilder:
        """Add service providers (classes or dotted paths) to register.

        ``bootstrap/providers.py`` (a list named ``providers``) is read too unless
        ``with_bootstrap_providers`` is false.

        Laravel: ``ApplicationBuilder::withProviders()``.
        """
        self._providers.extend(providers)
        self._bootstrap_providers = with_bootstrap_providers
        return self

    def with_commands(self, commands: t.Iterable[t.Any] = ()) -> ApplicationBuilder:
        """Register console commands (or directories of them) with artisan.

        Laravel: ``ApplicationBuilder::withCommands()``.
        """
        self.app.register_commands(commands)
        return self

    def with_singletons(
        self, singletons: t.Mapping[t.Any, t.Any]
    ) -> ApplicationBuilder:
        """Bind shared services before the providers register.

        Laravel: ``ApplicationBuilder::withSingletons()``.
        """
        for abstract, concrete in singletons.items():
            self.app.singleton(abstract, concrete)
        return self

    def with_bindings(self, bindings: t.Mapping[t.Any, t.Any]) -> ApplicationBuilder:
        """Bind services before the providers register.

        Laravel: ``ApplicationBuilder::withBindings()``.
        """
        for abstract, concrete in bindings.items():
            self.app.bind(abstract, concrete)
        return self

    def registered(self, callback: _Callback) -> ApplicationBuilder:
        """Run ``callback(app)`` right after the providers register, before boot."""
        self.app.booting(lambda: callback(self.app))
        return self

    def booting(self, callback: _Callback) -> ApplicationBuilder:
        """Run ``callback`` before the providers boot.

        Laravel: ``ApplicationBuilder::booting()``.
        """
        self.app.booting(callback)
        return self

    def booted(self, callback: _Callback) -> ApplicationBuilder:
        """Run ``callback`` after the providers boot.

        Laravel: ``ApplicationBuilder::booted()``.
        """
        self.app.booted(callback)
        return self

    def create(self) -> Application:
        """Bootstrap the application (environment, config, facades, providers, boot) and return it.

        The new application becomes the facade root and the global container,
        replacing any earlier one in the process.

        Laravel: ``ApplicationBuilder::create()`` followed by the kernel's bootstrap.
        """
        from protevus.foundation.bootstrap.boot_providers import BootProviders
        from protevus.foundation.bootstrap.load_configuration import LoadConfiguration
        from protevus.foundation.bootstrap.load_environment_variables import (
            LoadEnvironmentVariables,
        )
        from protevus.foundation.bootstrap.register_facades import RegisterFacades
        from protevus.foundation.bootstrap.register_providers import RegisterProviders

        self.app.bootstrap_with(
            [
                LoadEnvironmentVariables(),
                LoadConfiguration(),
                RegisterFacades(),
                RegisterProviders(self._providers, self._bootstrap_providers),
                BootProviders(),
            ]
        )
        return self.app
