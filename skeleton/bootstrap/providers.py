"""The application's service providers, registered after the framework's."""

from app.providers.app_service_provider import AppServiceProvider

providers = [
    AppServiceProvider,
]
