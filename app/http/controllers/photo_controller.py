"""A resource controller: ``Route.resource('photos', PhotoController)``."""

from __future__ import annotations

import typing as t

from app.http.controllers.controller import Controller
from protevus.helpers import abort
from protevus.helpers import e
from protevus.helpers import route
from protevus.helpers import to_route
from protevus.http import Request

#: A stand-in for a ``Photo`` model until the database arrives.
PHOTOS: dict[int, str] = {1: "Sunrise", 2: "Harbour"}


def find(photo: str) -> str:
    """Return the title of photo ``photo``, or answer 404."""
    if not photo.isdigit() or int(photo) not in PHOTOS:
        abort(404, f"Photo [{photo}] not found.")
    return PHOTOS[int(photo)]


class PhotoController(Controller):
    """Laravel's seven resource actions, answering HTML and redirects."""

    def index(self) -> str:
        """List the photos."""
        items = "".join(
            f'<li><a href="{e(route("photos.show", key, absolute=False))}">'
            f"{e(title)}</a></li>"
            for key, title in PHOTOS.items()
        )
        return f"<h1>Photos</h1><ul>{items}</ul>"

    def create(self) -> str:
        """Show the form for a new photo."""
        action = e(route("photos.store", absolute=False))
        return (
            f'<form method="post" action="{action}">'
            '<input name="title"><button>Save</button></form>'
        )

    def store(self, request: Request) -> t.Any:
        """Save a new photo and redirect to it."""
        title = request.string("title").trim().value() or "Untitled"
        key = max(PHOTOS, default=0) + 1
        PHOTOS[key] = title
        return to_route("photos.show", key)

    def show(self, photo: str) -> str:
        """Show one photo."""
        return f"<h1>{e(find(photo))}</h1>"

    def edit(self, photo: str) -> str:
        """Show the form that edits a photo (``_method=PUT`` spoofs the verb)."""
        action = e(route("photos.update", photo, absolute=False))
        return (
            f'<form method="post" action="{action}">'
            '<input type="hidden" name="_method" value="PUT">'
            f'<input name="title" value="{e(find(photo))}"><button>Save</button></form>'
        )

    def update(self, request: Request, photo: str) -> t.Any:
        """Rename a photo and redirect to it."""
        find(photo)
        PHOTOS[int(photo)] = request.string("title").trim().value() or "Untitled"
        return to_route("photos.show", photo)

    def destroy(self, photo: str) -> t.Any:
        """Delete a photo and go back to the list."""
        find(photo)
        del PHOTOS[int(photo)]
        return to_route("photos.index")
