"""The base of notifications: the channels they go through.

Laravel: ``Illuminate\\Notifications\\Notification``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases


class Notification(CamelAliases):
    """Say which channels deliver the notification (``['mail']`` by default).

    Subclasses build the message of each channel: ``to_mail(notifiable)``.

    Laravel: ``Illuminate\\Notifications\\Notification``.
    """

    def via(self, notifiable: t.Any) -> list[str]:
        """Return the channels to deliver through. Laravel: ``Notification::via()``."""
        return ["mail"]


def lang(key: str, replace: t.Mapping[str, t.Any] | None = None) -> str:
    """Translate a sentence through ``'translator'`` when bound, else fill ``:name`` in.

    Laravel: ``Lang::get()`` as the auth notifications call it.
    """
    app = current_app()
    if app is not None and app.bound("translator"):
        return str(app.make("translator").get(key, replace or {}))
    line = key
    for name, val in (replace or {}).items():
        line = line.replace(f":{name}", str(val))
    return line


def current_app() -> t.Any:
    """Return the current application (the global container), or None."""
    from protevus.container.container import Container

    return Container.get_instance()


def config(key: str, default: t.Any = None) -> t.Any:
    """Read ``key`` from the current application's config, else ``default``."""
    app = current_app()
    if app is None or not app.bound("config"):
        return default
    found = app.make("config").get(key)
    return default if found is None else found
