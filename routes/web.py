"""The showcase's web routes, loaded inside the ``web`` middleware group."""

from __future__ import annotations

from app.http.controllers.admin_controller import AdminController
from app.http.controllers.photo_controller import PhotoController
from app.http.controllers.user_controller import UserController
from app.http.controllers.welcome_controller import WelcomeController
from protevus.facades import Route
from protevus.helpers import e


def greet(name: str) -> str:
    """Greet ``name``: a closure route receives its parameters by name."""
    return f"<p>Hello, {e(name)}!</p>"


Route.get("/", WelcomeController).name("welcome")
Route.get("/greet/{name}", greet).where_alpha("name").name("greet")
Route.get("/users/{id}/{name?}", [UserController, "show"]).where_number("id").name(
    "users.show"
)
Route.resource("photos", PhotoController)
Route.redirect("/home", "/")
Route.permanent_redirect("/pictures", "/photos")

with Route.middleware("token:letmein").prefix("admin").name("admin.").group():
    Route.get("/dashboard", [AdminController, "dashboard"]).name("dashboard")
