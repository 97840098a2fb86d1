"""Build responses: plain, JSON, files, downloads, streams, redirects.

Laravel: ``Illuminate\\Routing\\ResponseFactory`` (the ``response()`` helper).
"""

from __future__ import annotations

import os
import typing as t

from protevus.routing.exceptions import RoutingError
from protevus.support.aliases import CamelAliases
from protevus.support.macroable import Macroable

if t.TYPE_CHECKING:
    from protevus.routing.redirector import Redirector

_Headers = t.Mapping[str, str] | None


class ResponseFactory(CamelAliases, Macroable):
    """Create responses of every kind.

    Laravel: ``Illuminate\\Routing\\ResponseFactory``.
    """

    def __init__(self, redirector: Redirector, app: t.Any = None) -> None:
        self.redirector = redirector
        self.app = app

    def make(
        self, content: t.Any = "", status: int = 200, headers: _Headers = None
    ) -> t.Any:
        """Build a response.

        Laravel: ``ResponseFactory::make()``.
        """
        from protevus.http.response import Response

        return Response(content, status, dict(headers or {}))

    def no_content(self, status: int = 204, headers: _Headers = None) -> t.Any:
        """Build an empty response (204).

        Laravel: ``ResponseFactory::noContent()``.
        """
        return self.make("", status, headers)

    def view(
        self,
        view: str,
        data: t.Mapping[str, t.Any] | None = None,
        status: int = 200,
        headers: _Headers = None,
    ) -> t.Any:
        """Build a response from a rendered view (needs the ``view`` service).

        Laravel: ``ResponseFactory::view()``.
        """
        if self.app is None or not self.app.bound("view"):
            raise RoutingError(
                f"response().view() cannot render [{view}]: no [view] service is bound. "
                "Register protevus.view.view_service_provider.ViewServiceProvider (the framework list has it)."
            )
        content = self.app.make("view").make(view, dict(data or {}))
        render = getattr(content, "render", None)
        return self.make(
            render() if callable(render) else str(content), status, headers
        )

    def json(
        self,
        data: t.Any = None,
        status: int = 200,
        headers: _Headers = None,
        options: int = 0,
    ) -> t.Any:
        """Build a JSON response.

        Laravel: ``ResponseFactory::json()``.
        """
        from protevus.http.response import JsonResponse

        if data is None:
            data = {}
        return JsonResponse(data, status, dict(headers or {}), options)

    def jsonp(
        self,
        callback: str,
        data: t.Any = None,
        status: int = 200,
        headers: _Headers = None,
        options: int = 0,
    ) -> t.Any:
        """Build a JSONP response.

        Laravel: ``ResponseFactory::jsonp()``.
        """
        return self.json(data, status, headers, options).with_callback(callback)

    def stream(
        self,
        callback: t.Callable[[], t.Iterable[t.Any]],
        status: int = 200,
        headers: _Headers = None,
    ) -> t.Any:
        """Build a response whose body ``callback`` produces while it is sent.

        Laravel: ``ResponseFactory::stream()``.
        """
        from protevus.http.response import StreamedResponse

        return StreamedResponse(callback, status, dict(headers or {}))

    def stream_download(
        self,
        callback: t.Callable[[], t.Iterable[t.Any]],
        name: str | None = None,
        headers: _Headers = None,
        disposition: str = "attachment",
    ) -> t.Any:
        """Stream a body as a file download.

        Laravel: ``ResponseFactory::streamDownload()``.
        """
        from protevus.http.header_utils import make_disposition

        response = self.stream(callback, 200, headers)
        if name:
            response.headers["Content-Disposition"] = make_disposition(
                disposition, name
            )
        return response

    def download(
        self,
        file: str | os.PathLike[str],
        name: str | None = None,
        headers: _Headers = None,
        disposition: str = "attachment",
    ) -> t.Any:
        """Send a file as a download (``Content-Disposition: attachment``).

        Laravel: ``ResponseFactory::download()``.
        """
        from protevus.http.response import BinaryFileResponse

        response = BinaryFileResponse(file, 200, dict(headers or {}))
        return response.set_content_disposition(disposition, name or "")

    def file(self, file: str | os.PathLike[str], headers: _Headers = None) -> t.Any:
        """Send a file to display in the browser (an image, a PDF).

        Laravel: ``ResponseFactory::file()``.
        """
        from protevus.http.response import BinaryFileResponse

        return BinaryFileResponse(file, 200, dict(headers or {}))

    def redirect_to(
        self,
        path: str,
        status: int = 302,
        headers: _Headers = None,
        secure: bool | None = None,
    ) -> t.Any:
        """Redirect to a path.

        Laravel: ``ResponseFactory::redirectTo()``.
        """
        return self.redirector.to(path, status, headers, secure)

    def redirect_to_route(
        self,
        route: str,
        parameters: t.Any = None,
        status: int = 302,
        headers: _Headers = None,
    ) -> t.Any:
        """Redirect to a named route.

        Laravel: ``ResponseFactory::redirectToRoute()``.
        """
        return self.redirector.route(route, parameters, status, headers)

    def redirect_to_action(
        self,
        action: t.Any,
        parameters: t.Any = None,
        status: int = 302,
        headers: _Headers = None,
    ) -> t.Any:
        """Redirect to a controller action.

        Laravel: ``ResponseFactory::redirectToAction()``.
        """
        return self.redirector.action(action, parameters, status, headers)

    def redirect_guest(
        self, path: str, status: int = 302, headers: _Headers = None
    ) -> t.Any:
        """Redirect to ``path``, remembering the intended URL.

        Laravel: ``ResponseFactory::redirectGuest()``.
        """
        return self.redirector.guest(path, status, headers)

    def redirect_to_intended(
        self, default: str = "/", status: int = 302, headers: _Headers = None
    ) -> t.Any:
        """Redirect to the intended URL, else ``default``.

        Laravel: ``ResponseFactory::redirectToIntended()``.
        """
        return self.redirector.intended(default, status, headers)
