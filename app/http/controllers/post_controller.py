"""An API resource controller: ``Route.api_resource('posts', PostController)``."""

from __future__ import annotations

import typing as t

from app.http.controllers.controller import Controller
from protevus.helpers import abort
from protevus.helpers import response
from protevus.http import Request
from protevus.routing import Middleware

#: A stand-in for a ``Post`` model until the database arrives.
POSTS: dict[int, dict[str, t.Any]] = {
    1: {
        "id": 1,
        "title": "Hello Protevus",
        "body": "Routing, middleware, controllers.",
    },
    2: {"id": 2, "title": "Artisan", "body": "Commands with Laravel's signatures."},
}


def find(post: str) -> dict[str, t.Any]:
    """Return post ``post``, or answer 404."""
    if not post.isdigit() or int(post) not in POSTS:
        abort(404, f"Post [{post}] not found.")
    return POSTS[int(post)]


def invalid(field: str) -> t.Any:
    """Answer 422 in Laravel's validation-error shape."""
    message = f"The {field} field is required."
    return response().json({"message": message, "errors": {field: [message]}}, 422)


class PostController(Controller):
    """The five API actions (no ``create``/``edit`` forms), answering JSON.

    Reading is public; writing needs the token (controller middleware).
    """

    middleware = [Middleware("token:letmein", only=["store", "update", "destroy"])]

    def index(self, request: Request) -> dict[str, t.Any]:
        """List the posts, filtered by ``?search=``."""
        search = request.string("search").lower().value()
        return {"data": [p for p in POSTS.values() if search in p["title"].lower()]}

    def store(self, request: Request) -> t.Any:
        """Create a post: 201 with the new post, 422 without a title."""
        if not request.filled("title"):
            return invalid("title")
        key = max(POSTS, default=0) + 1
        POSTS[key] = {
            "id": key,
            "title": request.input("title"),
            "body": request.input("body", ""),
        }
        return response().json({"data": POSTS[key]}, 201)

    def show(self, post: str) -> dict[str, t.Any]:
        """Show one post."""
        return {"data": find(post)}

    def update(self, request: Request, post: str) -> t.Any:
        """Change a post's title and body."""
        found = find(post)
        if request.has("title") and not request.filled("title"):
            return invalid("title")
        found.update(request.only(["title", "body"]))
        return {"data": found}

    def destroy(self, post: str) -> t.Any:
        """Delete a post: 204 No Content."""
        find(post)
        del POSTS[int(post)]
        return response().no_content()
