"""Web routes, loaded inside the ``web`` middleware group."""

from pathlib import Path

from protevus.facades import Route
from protevus.helpers import resource_path


def welcome() -> str:
    """Show the welcome page."""
    return Path(resource_path("views/welcome.blade.html")).read_text(encoding="utf-8")


Route.get("/", welcome)
