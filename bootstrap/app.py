"""Create the application: routing files, middleware, exceptions and providers."""

from pathlib import Path

from app.http.middleware.add_server_timing import AddServerTiming
from app.http.middleware.ensure_token_is_valid import EnsureTokenIsValid
from protevus.foundation import Application
from protevus.foundation.configuration.middleware import Middleware


def middleware(middleware: Middleware) -> None:
    """Alias route middleware and extend the ``web`` group."""
    middleware.alias({"token": EnsureTokenIsValid})
    middleware.web(append=[AddServerTiming])


app = (
    Application.configure(base_path=Path(__file__).resolve().parent.parent)
    .with_routing(
        web="routes/web.py",
        api="routes/api.py",
        commands="routes/console.py",
        health="/up",
    )
    .with_middleware(middleware)
    .with_exceptions(lambda exceptions: None)
    .create()
)
