"""The base class of the application's controllers."""

from protevus.routing import Controller as BaseController


class Controller(BaseController):
    """Share behaviour between the application's controllers."""
