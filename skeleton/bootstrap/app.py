"""Create the application: routing files, middleware, exceptions and providers."""

from pathlib import Path

from protevus.foundation import Application

app = (
    Application.configure(base_path=Path(__file__).resolve().parent.parent)
    .with_routing(
        web="routes/web.py",
        commands="routes/console.py",
        health="/up",
    )
    .with_middleware(lambda middleware: None)
    .with_exceptions(lambda exceptions: None)
    .create()
)
