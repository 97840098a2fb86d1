"""The showcase's home page: an invokable controller."""

from __future__ import annotations

from app.http.controllers.controller import Controller
from protevus.helpers import config
from protevus.helpers import e
from protevus.helpers import route

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{name}</title>
    <style>
        body {{ font: 15px/1.6 system-ui, sans-serif; max-width: 42rem; margin: 3rem auto; padding: 0 1rem; }}
        code {{ font-size: 13px; }}
    </style>
</head>
<body>
    <h1>{name}</h1>
    <p>The Protevus showcase: every route below is defined in <code>routes/web.py</code>
    or <code>routes/api.py</code>.</p>
    <ul>
{links}
    </ul>
</body>
</html>
"""

LINKS = [
    ("photos.index", {}, "A resource controller (index, create, show, edit...)"),
    ("users.show", {"id": 1, "name": "taylor"}, "Optional parameters and constraints"),
    ("greet", {"name": "World"}, "A closure route"),
    (
        "admin.dashboard",
        {"token": "letmein"},
        "A group with prefix, name and middleware",
    ),
    ("posts.index", {}, "An API resource under /api (JSON)"),
]


class WelcomeController(Controller):
    """Show the home page with a link to each feature.

    Laravel: an invokable (single action) controller with ``__invoke()``.
    """

    def __call__(self) -> str:
        """Render the page; the links come from named routes."""
        links = "\n".join(
            f'        <li><a href="{e(route(name, params, absolute=False))}">'
            f"{e(label)}</a></li>"
            for name, params, label in LINKS
        )
        return PAGE.format(name=e(config("app.name")), links=links)
