"""Register and boot the application's own services."""

from protevus.foundation import ServiceProvider


class AppServiceProvider(ServiceProvider):
    """Bind application services and boot them."""

    def register(self) -> None:
        """Register application services."""

    def boot(self) -> None:
        """Bootstrap application services."""
