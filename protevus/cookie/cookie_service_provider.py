"""Register the cookie jar as the ``'cookie'`` service.

Laravel: ``Illuminate\\Cookie\\CookieServiceProvider``. The jar module (and so
Flask) is imported only when ``'cookie'`` is first resolved, keeping
``python artisan.py --help`` light.
"""

from __future__ import annotations

import typing as t

from protevus.support.service_provider import ServiceProvider

if t.TYPE_CHECKING:
    from protevus.cookie.cookie_jar import CookieJar


class CookieServiceProvider(ServiceProvider):
    """Bind one :class:`~protevus.cookie.cookie_jar.CookieJar` with the session's cookie defaults.

    The jar's path, domain, ``secure`` flag and SameSite come from
    ``session.path``, ``session.domain``, ``session.secure`` and
    ``session.same_site``.

    Laravel: ``Illuminate\\Cookie\\CookieServiceProvider``.
    """

    def register(self) -> None:
        """Register the ``'cookie'`` singleton.

        Laravel: ``CookieServiceProvider::register()``.
        """
        self.app.singleton("cookie", _make_jar)


def _make_jar(app: t.Any) -> CookieJar:
    from protevus.cookie.cookie_jar import CookieJar

    config = app.make("config")
    secure = config.get("session.secure")
    return CookieJar().set_default_path_and_domain(
        config.get("session.path") or "/",
        config.get("session.domain") or None,
        None if secure is None else bool(secure),
        config.get("session.same_site"),
    )
