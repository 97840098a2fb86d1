"""Build redirect responses: to paths, routes, actions, back, intended.

Laravel: ``Illuminate\\Routing\\Redirector`` (the ``redirect()`` helper).
"""

from __future__ import annotations

import re
import typing as t

from protevus.support.aliases import CamelAliases
from protevus.support.macroable import Macroable

if t.TYPE_CHECKING:
    from protevus.routing.url_generator import UrlGenerator

_UNSAFE_TARGET = re.compile(r"[\r\n\0]")


class Redirector(CamelAliases, Macroable):
    """Create ``RedirectResponse`` objects wired to the current request's session.

    Laravel: ``Illuminate\\Routing\\Redirector``.
    """

    def __init__(self, url: UrlGenerator) -> None:
        self.url = url

    def to(
        self,
        path: str,
        status: int = 302,
        headers: t.Mapping[str, str] | None = None,
        secure: bool | None = None,
    ) -> t.Any:
        """Redirect to ``path`` (made absolute from the current request).

        Laravel: ``Redirector::to()``.
        """
        return self.create_redirect(self.url.to(path, None, secure), status, headers)

    def away(
        self, path: str, status: int = 302, headers: t.Mapping[str, str] | None = None
    ) -> t.Any:
        """Redirect to an external URL, untouched.

        Laravel: ``Redirector::away()``.
        """
        return self.create_redirect(path, status, headers)

    def secure(
        self, path: str, status: int = 302, headers: t.Mapping[str, str] | None = None
    ) -> t.Any:
        """Redirect to ``path`` over HTTPS.

        Laravel: ``Redirector::secure()``.
        """
        return self.to(path, status, headers, True)

    def route(
        self,
        route: str,
        parameters: t.Any = None,
        status: int = 302,
        headers: t.Mapping[str, str] | None = None,
    ) -> t.Any:
        """Redirect to a named route.

        Laravel: ``Redirector::route()``.
        """
        return self.to(self.url.route(route, parameters), status, headers)

    def action(
        self,
        action: t.Any,
        parameters: t.Any = None,
        status: int = 302,
        headers: t.Mapping[str, str] | None = None,
    ) -> t.Any:
        """Redirect to a controller action.

        Laravel: ``Redirector::action()``.
        """
        return self.to(self.url.action(action, parameters), status, headers)

    def back(
        self,
        status: int = 302,
        headers: t.Mapping[str, str] | None = None,
        fallback: str | bool = False,
    ) -> t.Any:
        """Redirect to the previous URL (the Referer or the session's, on this host only).

        A Referer on another host is ignored (see ``UrlGenerator.previous()``);
        ``fallback``, chosen by the developer, may go anywhere.

        Laravel: ``Redirector::back()``.
        """
        return self.create_redirect(self.url.previous(fallback), status, headers)

    def refresh(
        self, status: int = 302, headers: t.Mapping[str, str] | None = None
    ) -> t.Any:
        """Redirect to the current URL.

        Laravel: ``Redirector::refresh()``.
        """
        return self.to(self.url.full(), status, headers)

    def home(self, status: int = 302) -> t.Any:
        """Redirect to the route named ``home``.

        Laravel: ``Redirector::home()``.
        """
        return self.route("home", None, status)

    def guest(
        self, path: str, status: int = 302, headers: t.Mapping[str, str] | None = None
    ) -> t.Any:
        """Remember the current URL as intended, then redirect to ``path`` (a login page).

        Laravel: ``Redirector::guest()``.
        """
        session = self._session()
        request = self.url._request()
        if session is not None and request is not None and str(request.method) == "GET":
            session.put("url.intended", self.url.full())
        return self.to(path, status, headers)

    def intended(
        self,
        default: str = "/",
        status: int = 302,
        headers: t.Mapping[str, str] | None = None,
    ) -> t.Any:
        """Redirect to the URL stored by :meth:`guest`, else ``default``.

        A stored URL on another host is dropped for ``default`` (the session may
        hold a URL built from a spoofed ``Host`` header or set from user input):
        ``intended()`` never leaves the application. Laravel follows it as is.

        Laravel: ``Redirector::intended()``.
        """
        session = self._session()
        path = session.pull("url.intended", default) if session is not None else default
        if path is not default and not self.url.is_same_host(str(path)):
            path = default
        return self.to(str(path), status, headers)

    def set_intended_url(self, url: str) -> Redirector:
        """Store the intended URL in the session.

        Laravel: ``Redirector::setIntendedUrl()``.
        """
        session = self._session()
        if session is not None:
            session.put("url.intended", url)
        return self

    def get_url_generator(self) -> UrlGenerator:
        """Get the URL generator.

        Laravel: ``Redirector::getUrlGenerator()``.
        """
        return self.url

    def create_redirect(
        self, path: str, status: int = 302, headers: t.Mapping[str, str] | None = None
    ) -> t.Any:
        """Build the response, giving it the request and its session for flashing.

        A target holding a line break (or NUL) cannot go into the ``Location``
        header: it answers 400 rather than failing with a 500.

        Laravel: ``Redirector::createRedirect()``.
        """
        from protevus.http.response import RedirectResponse

        if _UNSAFE_TARGET.search(str(path)):
            from protevus.http.exceptions import BadRequestHttpException

            raise BadRequestHttpException(
                f"Cannot redirect to [{str(path)!r}]: the URL holds a line break or "
                "NUL; encode or remove it before redirecting."
            )

        redirect = RedirectResponse(path, status, dict(headers or {}))
        request = self.url._request()
        if request is not None:
            current = (
                request._get_current_object()
                if hasattr(request, "_get_current_object")
                else request
            )
            redirect.set_request(current)
            session = self._session()
            if session is not None:
                redirect.set_session(session)
        return redirect

    def _session(self) -> t.Any:
        request = self.url._request()
        has_session = (
            getattr(request, "has_session", None) if request is not None else None
        )
        if callable(has_session) and has_session():
            return request.session()
        return None
