"""Build the user providers named in ``auth.providers``.

Laravel: ``Illuminate\\Auth\\CreatesUserProviders``.
"""

from __future__ import annotations

import typing as t

from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases

_ProviderCreator = t.Callable[[t.Any, dict[str, t.Any]], t.Any]


class CreatesUserProviders(CamelAliases):
    """Make ``eloquent``, ``database`` and custom (``Auth.provider(...)``) providers.

    Laravel: ``Illuminate\\Auth\\CreatesUserProviders``.
    """

    _app: t.Any
    _custom_provider_creators: dict[str, _ProviderCreator]

    def _config(self) -> t.Any:
        return self._app.make("config")

    def create_user_provider(self, provider: str | None = None) -> t.Any:
        """Build the provider named ``provider`` (the default one without a name).

        Returns None when ``auth.providers`` has no such entry, as Laravel does.

        Laravel: ``CreatesUserProviders::createUserProvider()``.
        """
        config = self.get_provider_configuration(provider)
        if config is None:
            return None
        driver = config.get("driver")
        if driver in self._custom_provider_creators:
            return self._custom_provider_creators[driver](self._app, config)
        if driver == "eloquent":
            return self.create_eloquent_provider(config)
        if driver == "database":
            return self.create_database_provider(config)
        raise InvalidArgumentError(
            f"Authentication user provider [{driver}] is not defined; use 'eloquent' "
            "or 'database', or register it with Auth.provider(name, callback)."
        )

    def get_provider_configuration(
        self, provider: str | None
    ) -> dict[str, t.Any] | None:
        """Get ``auth.providers.<provider>``. Laravel: ``getProviderConfiguration()``."""
        name = provider or self.get_default_user_provider()
        if not name:
            return None
        providers = self._config().get("auth.providers") or {}
        config = providers.get(name)
        return dict(config) if isinstance(config, t.Mapping) else None

    def create_database_provider(self, config: t.Mapping[str, t.Any]) -> t.Any:
        """Build a ``database`` provider. Laravel: ``createDatabaseProvider()``."""
        from protevus.auth.database_user_provider import DatabaseUserProvider

        connection = self._app.make("db").connection(config.get("connection") or None)
        return DatabaseUserProvider(
            connection, self._app.make("hash"), str(config.get("table") or "users")
        )

    def create_eloquent_provider(self, config: t.Mapping[str, t.Any]) -> t.Any:
        """Build an ``eloquent`` provider. Laravel: ``createEloquentProvider()``."""
        from protevus.auth.eloquent_user_provider import EloquentUserProvider

        return EloquentUserProvider(self._app.make("hash"), config.get("model"))

    def get_default_user_provider(self) -> str | None:
        """Get ``auth.defaults.provider``. Laravel: ``getDefaultUserProvider()``."""
        name = self._config().get("auth.defaults.provider")
        return str(name) if name else None
