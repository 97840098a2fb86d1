"""The base class of every service provider.

Laravel: ``Illuminate\\Support\\ServiceProvider``. It lives in ``support`` (as in
Laravel) so that low layers such as ``log`` and ``database`` can ship their own
providers without importing ``foundation``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases

_Callback = t.Callable[..., t.Any]


class ServiceProvider(CamelAliases):
    """Register services into the container and boot them.

    ``register()`` only binds things into the container; ``boot()`` runs after
    every provider is registered, so it may use any service (its parameters are
    injected by the container)::

        class RiakServiceProvider(ServiceProvider):
            singletons = {Connection: RiakConnection}

            def register(self):
                self.app.singleton('riak', lambda app: Riak(app.make('config').get('riak')))

            def boot(self):
                ...

    ``bindings`` and ``singletons`` class attributes are registered automatically.

    Laravel: ``Illuminate\\Support\\ServiceProvider``.
    """

    #: abstract → concrete pairs bound with ``bind`` when the provider registers.
    bindings: t.ClassVar[dict[t.Any, t.Any]] = {}
    #: abstract → concrete pairs bound with ``singleton`` when the provider registers.
    singletons: t.ClassVar[dict[t.Any, t.Any]] = {}

    def __init__(self, app: t.Any) -> None:
        self.app = app
        self._booting_callbacks: list[_Callback] = []
        self._booted_callbacks: list[_Callback] = []
        self._commands: list[t.Any] = []

    def register(self) -> None:
        """Register services into the container (override in subclasses)."""

    # ``boot`` is optional: the application calls it through the container only when
    # a subclass defines it, so its parameters can be injected.

    def booting(self, callback: _Callback) -> None:
        """Register a callback to run just before ``boot()``.

        Laravel: ``ServiceProvider::booting()``.
        """
        self._booting_callbacks.append(callback)

    def booted(self, callback: _Callback) -> None:
        """Register a callback to run just after ``boot()``.

        Laravel: ``ServiceProvider::booted()``.
        """
        self._booted_callbacks.append(callback)

    def call_booting_callbacks(self) -> None:
        """Run the booting callbacks (called by the application)."""
        for callback in self._booting_callbacks:
            self.app.call(callback)

    def call_booted_callbacks(self) -> None:
        """Run the booted callbacks (called by the application)."""
        for callback in self._booted_callbacks:
            self.app.call(callback)

    def provides(self) -> list[t.Any]:
        """Get the services a deferred provider provides.

        Laravel: ``DeferrableProvider::provides()``.
        """
        return []

    def when(self) -> list[str]:
        """Get the events that load a deferred provider (none by default)."""
        return []

    def is_deferred(self) -> bool:
        """Determine if the provider is deferred (it mixes in :class:`DeferrableProvider`)."""
        return isinstance(self, DeferrableProvider)

    def commands(self, *commands: t.Any) -> None:
        """Register console commands that artisan should offer.

        Accepts command classes, click commands, or lists of them.

        Laravel: ``ServiceProvider::commands()``.
        """
        for command in commands:
            if isinstance(command, list | tuple):
                self._commands.extend(command)
            else:
                self._commands.append(command)
        registry = getattr(self.app, "register_commands", None)
        if registry is not None:
            registry(self._commands)

    def merge_config_from(self, path: str, key: str) -> None:
        """Merge a package's config file (a module defining ``config = {...}``) under ``key``.

        Values the application already set win, as in Laravel.

        Laravel: ``ServiceProvider::mergeConfigFrom()``.
        """
        import runpy

        loaded = runpy.run_path(path).get("config")
        if not isinstance(loaded, dict):
            raise TypeError(
                f"Config file [{path}] must define a dict named [config] to merge into [{key}]."
            )
        config = self.app.make("config")
        config.set(key, {**loaded, **(config.get(key) or {})})


class DeferrableProvider:
    """Mark a provider as deferred: it loads only when one of its services is needed.

    Combine with :class:`ServiceProvider` and list the services in ``provides()``::

        class RiakServiceProvider(DeferrableProvider, ServiceProvider):
            def provides(self):
                return ['riak']

    Laravel: ``Illuminate\\Contracts\\Support\\DeferrableProvider``.
    """
