"""Errors of the authentication layer.

Laravel: ``Illuminate\\Auth\\AuthenticationException`` (rendered by
``Handler::unauthenticated()``).
"""

from __future__ import annotations

import typing as t

from protevus.exceptions import ProtevusError

_RedirectCallback = t.Callable[[t.Any], "str | None"]


class AuthError(ProtevusError):
    """Signal a misconfigured guard or provider (unknown driver, missing model...)."""


class AuthenticationException(ProtevusError):
    """Signal that the request is not authenticated; rendered as 401 JSON or a redirect.

    JSON requests get ``401 {"message": "Unauthenticated."}``. Other requests are
    redirected (remembering the intended URL) to :meth:`redirect_to`: the URL given
    to the constructor, else the callback of :meth:`redirect_using`, else the
    ``login`` route. Without a ``login`` route they get the 401 error page.

    Laravel: ``Illuminate\\Auth\\AuthenticationException``.
    """

    status_code: t.ClassVar[int] = 401
    _redirect_to_callback: t.ClassVar[_RedirectCallback | None] = None

    def __init__(
        self,
        message: str = "Unauthenticated.",
        guards: t.Iterable[str | None] | None = None,
        redirect_to: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self._guards = list(guards or [])
        self._redirect_to = redirect_to

    def guards(self) -> list[str | None]:
        """Get the guards that were checked. Laravel: ``AuthenticationException::guards()``."""
        return list(self._guards)

    def redirect_to(self, request: t.Any = None) -> str | None:
        """Get where a browser should go to log in (None: the ``login`` route).

        Laravel: ``AuthenticationException::redirectTo()``.
        """
        if self._redirect_to:
            return self._redirect_to
        callback = type(self)._redirect_to_callback
        if callback is not None:
            return callback(request)
        return None

    @classmethod
    def redirect_using(cls, callback: _RedirectCallback | str | None) -> None:
        """Set where unauthenticated browsers go: a URL, or ``callback(request)``.

        Laravel: ``AuthenticationException::redirectUsing()``.
        """
        if isinstance(callback, str):
            url = callback
            cls._redirect_to_callback = lambda request: url
        else:
            cls._redirect_to_callback = callback

    def render(self, request: t.Any) -> t.Any:
        """Render 401 JSON, a redirect to the login page, or the 401 page.

        Laravel: ``Handler::unauthenticated()``.
        """
        from protevus.container.container import Container

        container = Container.get_instance()
        if _wants_json(container, request, self):
            from protevus.http.response import JsonResponse

            return JsonResponse({"message": self.message}, 401)
        target = self.redirect_to(request) or _login_url(container)
        if target is not None and container.bound("redirect"):
            return container.make("redirect").guest(target)
        from protevus.http.exceptions import HttpException

        error = HttpException(401, self.message, previous=self)
        if container.bound("exceptions"):
            return container.make("exceptions").render(request, error)
        from protevus.http.response import Response

        return Response(self.message, 401)


def _wants_json(container: t.Any, request: t.Any, exc: BaseException) -> bool:
    if container.bound("exceptions"):
        decide = getattr(container.make("exceptions"), "should_return_json", None)
        if callable(decide):
            return bool(decide(request, exc))
    expects_json = getattr(request, "expects_json", None)
    return bool(expects_json()) if callable(expects_json) else False


def _login_url(container: t.Any) -> str | None:
    if not container.bound("router") or not container.make("router").has("login"):
        return None
    return str(container.make("url").route("login"))
