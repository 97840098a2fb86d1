"""The framework's own service providers, in registration order.

Laravel: ``ServiceProvider::defaultProviders()``. Dotted paths keep this list cheap
to import; a provider whose module does not exist is skipped.
"""

from __future__ import annotations

FRAMEWORK_PROVIDERS: tuple[str, ...] = (
    "protevus.events.event_service_provider.EventServiceProvider",
    "protevus.log.log_service_provider.LogServiceProvider",
    "protevus.foundation.foundation_service_provider.FoundationServiceProvider",
    "protevus.encryption.encryption_service_provider.EncryptionServiceProvider",
    "protevus.hashing.hash_service_provider.HashServiceProvider",
    "protevus.cookie.cookie_service_provider.CookieServiceProvider",
    "protevus.routing.routing_service_provider.RoutingServiceProvider",
    "protevus.foundation.http.http_service_provider.HttpServiceProvider",
    "protevus.database.database_service_provider.DatabaseServiceProvider",
    "protevus.cache.cache_service_provider.CacheServiceProvider",
    "protevus.database.migration_service_provider.MigrationServiceProvider",
    "protevus.pagination.pagination_service_provider.PaginationServiceProvider",
    "protevus.session.session_service_provider.SessionServiceProvider",
    "protevus.database.eloquent.eloquent_service_provider.EloquentServiceProvider",
    "protevus.translation.translation_service_provider.TranslationServiceProvider",
    "protevus.validation.validation_service_provider.ValidationServiceProvider",
    "protevus.view.view_service_provider.ViewServiceProvider",
    "protevus.auth.auth_service_provider.AuthServiceProvider",
    "protevus.auth.access.access_service_provider.AccessServiceProvider",
    "protevus.auth.passwords.password_reset_service_provider.PasswordResetServiceProvider",
)
