"""The showcase's API routes: loaded inside the ``api`` group, under ``/api``."""

from __future__ import annotations

from app.http.controllers.post_controller import PostController
from protevus.facades import Route

Route.get("/hello", lambda: {"message": "Hello, World!"}).name("api.hello")
Route.api_resource("posts", PostController)
