"""The helper functions every template can call: ``route()``, ``old()``, ``csrf_field()``...

Laravel: the global helpers Blade templates call (``Illuminate/Foundation/helpers.php``)
and the ``$errors`` variable ``ShareErrorsFromSession`` shares. Each function looks
its service up in the container *per call*, so one environment built at boot serves
every request (and every thread) with that request's URL generator, session and
errors. The view layer sits below ``foundation``, so these are small copies of the
foundation helpers rather than imports of them.
"""

from __future__ import annotations

import contextlib
import contextvars
import typing as t

from markupsafe import Markup

from protevus.container.container import Container
from protevus.exceptions import ProtevusError
from protevus.support.view_error_bag import ViewErrorBag

#: Data shared with the views of the current request only (``ShareErrorsFromSession``).
_request_shared: contextvars.ContextVar[t.Mapping[str, t.Any] | None] = (
    contextvars.ContextVar("protevus_view_request_shared", default=None)
)


def request_shared() -> t.Mapping[str, t.Any]:
    """Return the data shared with views for the current request (or task)."""
    return _request_shared.get() or {}


@contextlib.contextmanager
def sharing_for_request(data: t.Mapping[str, t.Any]) -> t.Iterator[None]:
    """Share ``data`` with every view rendered inside the block, in this context only."""
    token = _request_shared.set({**request_shared(), **data})
    try:
        yield
    finally:
        _request_shared.reset(token)


def _app() -> Container:
    return Container.get_instance()


def _bound(key: str) -> t.Any:
    container = _app()
    return container.make(key) if container.bound(key) else None


def route(name: str, parameters: t.Any = None, absolute: bool = True) -> str:
    """Return the URL of a named route. Laravel: ``route()``."""
    return str(_app().make("url").route(name, parameters, absolute))


def url(
    path: str | None = None, parameters: t.Any = None, secure: bool | None = None
) -> t.Any:
    """Return an absolute URL for ``path``, or the URL generator. Laravel: ``url()``."""
    generator = _app().make("url")
    if path is None:
        return generator
    return generator.to(path, parameters, secure)


def asset(path: str, secure: bool | None = None) -> str:
    """Return the URL of a public asset. Laravel: ``asset()``."""
    return str(_app().make("url").asset(path, secure))


def request(key: t.Any = None, default: t.Any = None) -> t.Any:
    """Return the current request, or one (or several) input values. Laravel: ``request()``."""
    current = _app().make("request")
    if key is None:
        return current
    if isinstance(key, list | tuple):
        return current.only(*key)
    return current.input(key, default)


def old(key: str | None = None, default: t.Any = None) -> t.Any:
    """Return input flashed by the previous request (``default`` outside a request). Laravel: ``old()``."""
    try:
        current = _bound("request")
    except ProtevusError:  # no request is being handled (console, queue)
        return default
    if current is None:
        return default
    return current.old(key, default)


def config(key: t.Any = None, default: t.Any = None) -> t.Any:
    """Return a configuration value (``config('app.name')``), or the repository. Laravel: ``config()``."""
    repository = _app().make("config")
    if key is None:
        return repository
    return repository.get(key, default)


def session(key: t.Any = None, default: t.Any = None) -> t.Any:
    """Return a session value (``default`` without a session), or the session manager.

    Laravel: ``session()``.
    """
    manager = _bound("session")
    if key is None:
        if manager is None:
            raise RuntimeError(
                "Application session store not set. Register the session service provider."
            )
        return manager
    if manager is None:
        return default
    if isinstance(key, t.Mapping):
        manager.put(dict(key))
        return None
    return manager.get(key, default)


def csrf_token() -> str:
    """Return the session's CSRF token. Laravel: ``csrf_token()``."""
    manager = _bound("session")
    if manager is None:
        raise RuntimeError("Application session store not set.")
    return str(manager.token() or "")


def csrf_field() -> Markup:
    """Return the hidden ``_token`` input. Laravel: ``csrf_field()``."""
    return Markup(
        '<input type="hidden" name="_token" value="{}" autocomplete="off">'
    ).format(csrf_token())


def method_field(method: str) -> Markup:
    """Return the hidden ``_method`` input. Laravel: ``method_field()``."""
    return Markup('<input type="hidden" name="_method" value="{}">').format(method)


class Guest:
    """Stand in for the auth manager before authentication exists: nobody is logged in."""

    def check(self) -> bool:
        """Tell whether a user is logged in (never)."""
        return False

    def guest(self) -> bool:
        """Tell whether the visitor is a guest (always)."""
        return True

    def user(self) -> None:
        """Return the logged-in user (none)."""
        return None

    def id(self) -> None:
        """Return the logged-in user's id (none)."""
        return None

    def guard(self, name: str | None = None) -> Guest:
        """Return a guard: this same guest."""
        return self


def auth(guard: str | None = None) -> t.Any:
    """Return the auth manager (or one guard); a guest stand-in when auth is not bound.

    Laravel: ``auth()``.
    """
    manager = _bound("auth")
    if manager is None:
        return Guest()
    return manager if guard is None else manager.guard(guard)


def trans(
    key: str | None = None,
    replace: t.Mapping[str, t.Any] | None = None,
    locale: str | None = None,
) -> t.Any:
    """Translate ``key``; without a translator, the key with its placeholders replaced.

    Laravel: ``trans()``.
    """
    translator = _bound("translator")
    if key is None:
        return translator
    if translator is None:
        from protevus.translation.translator import make_replacements

        return make_replacements(key, replace)
    return translator.get(key, dict(replace or {}), locale)


def __(  # noqa: N802 - Laravel's name
    key: str | None = None,
    replace: t.Mapping[str, t.Any] | None = None,
    locale: str | None = None,
) -> t.Any:
    """Translate ``key`` (the key itself when there is no translation). Laravel: ``__()``."""
    if key is None:
        return None
    return trans(key, replace, locale)


def trans_choice(
    key: str,
    number: t.Any,
    replace: t.Mapping[str, t.Any] | None = None,
    locale: str | None = None,
) -> str:
    """Translate ``key`` choosing the plural form for ``number``. Laravel: ``trans_choice()``."""
    translator = _bound("translator")
    if translator is None:
        from protevus.translation.translator import make_replacements

        return make_replacements(key, {"count": number, **(replace or {})})
    return str(translator.choice(key, number, dict(replace or {}), locale))


def current_errors() -> ViewErrorBag:
    """Return the errors shared for this request, or an empty bag. Laravel: ``$errors``."""
    bag = request_shared().get("errors")
    return bag if isinstance(bag, ViewErrorBag) else ViewErrorBag()


class CurrentErrors(ViewErrorBag):
    """The ``errors`` template global: the current request's :class:`ViewErrorBag`.

    One object lives in the environment; every use reads the bag shared for the
    request being rendered, so templates rendered outside a view (components,
    error pages) see the same errors as the page.
    """

    def __init__(self) -> None:
        pass  # the bags belong to the current request, read on every use

    @property
    def _bags(self) -> dict[str, t.Any]:  # type: ignore[override]
        return current_errors()._bags

    def __getattr__(self, name: str) -> t.Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(current_errors(), name)

    def __repr__(self) -> str:
        return repr(current_errors())


def template_globals() -> dict[str, t.Any]:
    """Return the names installed on the Jinja environment for every template."""
    return {
        "route": route,
        "url": url,
        "asset": asset,
        "request": request,
        "old": old,
        "config": config,
        "session": session,
        "csrf_token": csrf_token,
        "csrf_field": csrf_field,
        "method_field": method_field,
        "auth": auth,
        "trans": trans,
        "__": __,
        "trans_choice": trans_choice,
        "errors": CurrentErrors(),
    }
