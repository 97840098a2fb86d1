"""The Flask application inside every Protevus application.

Flask parses the request, matches the URL against the rules the router compiled
and sends the response; Protevus's HTTP kernel does everything in between.

Laravel: the role of ``public/index.php`` + ``Illuminate\\Foundation\\Http\\Kernel``
(``handle()`` then ``terminate()`` after the response is sent).
"""

from __future__ import annotations

import sys
import typing as t

import flask
from flask.ctx import RequestContext
from flask.sessions import SecureCookieSessionInterface
from flask.signals import request_started
from werkzeug.exceptions import HTTPException

from protevus.http.request import Request

if t.TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse
    from _typeshed.wsgi import WSGIEnvironment

    from protevus.foundation.http.kernel import Kernel


class _SessionInterface(SecureCookieSessionInterface):
    """Flask's cookie session, with the signing serializer built once per secret key.

    Flask builds it on every request; with ``secret_key`` set that cost lands on
    every request even when nothing uses ``flask.session``. Requests without a
    ``Cookie`` header skip the cookie parsing, and untouched empty sessions skip
    the cookie settings Flask reads before deciding there is nothing to save.
    """

    _cached: tuple[t.Any, t.Any] | None = None

    def get_signing_serializer(self, app: flask.Flask) -> t.Any:
        """Return the serializer, rebuilt only when the keys change."""
        keys = (app.secret_key, app.config.get("SECRET_KEY_FALLBACKS"))
        cached = self._cached
        if cached is None or cached[0] != keys:
            serializer = super().get_signing_serializer(app)
            cached = self._cached = (keys, serializer)
        return cached[1]

    def open_session(self, app: flask.Flask, request: t.Any) -> t.Any:
        """Open the session; without a ``Cookie`` header it is a new empty one."""
        if "HTTP_COOKIE" not in request.environ and app.secret_key:
            return self.session_class()
        return super().open_session(app, request)

    def save_session(self, app: flask.Flask, session: t.Any, response: t.Any) -> None:
        """Save the session; an empty one nobody read or changed needs nothing."""
        if not session and not session.modified and not session.accessed:
            return
        super().save_session(app, session, response)


class _RequestContext(RequestContext):
    """Flask's request context, applying ``_method`` spoofing just before URL matching.

    The form holding ``_method`` is read here, with the app context pushed, so
    Flask's ``MAX_CONTENT_LENGTH``, ``MAX_FORM_MEMORY_SIZE`` and ``MAX_FORM_PARTS``
    bound it; a body they refuse becomes the request's routing error (413).
    """

    def match_request(self) -> None:
        """Spoof the method from the form (if any), then match the URL with it."""
        adapter = self.url_adapter
        # Bound to the environ before the context was pushed: a POST still.
        if adapter is not None and adapter.default_method == "POST":
            request: t.Any = self.request
            apply = getattr(request, "apply_method_override", None)
            if apply is not None:
                try:
                    method = apply()
                except HTTPException as error:
                    request.routing_exception = error
                    return
                adapter.default_method = method
        super().match_request()


class ProtevusFlask(flask.Flask):
    """A ``flask.Flask`` whose every request goes through the Protevus HTTP kernel.

    Flask's own features keep working: ``before_request``/``after_request`` hooks,
    signals, sessions, and extensions attached to ``app.flask`` (``CORS(app.flask)``).
    Flask's view functions and error handlers are not used: routes are registered
    with the router (``Route.get(...)``) and errors rendered by the exception handler.

    Laravel: ``Illuminate\\Foundation\\Http\\Kernel`` as driven by ``public/index.php``.
    """

    def __init__(self, protevus_app: t.Any, *args: t.Any, **kwargs: t.Any) -> None:
        super().__init__(*args, **kwargs)
        self.protevus_app = protevus_app
        self._kernel: Kernel | None = None
        self.session_interface = _SessionInterface()

    def request_context(self, environ: WSGIEnvironment) -> RequestContext:
        """Create the request context (one that applies ``_method`` spoofing before matching).

        Laravel: the method override of ``Request::getMethod()``, read before routing.
        """
        request_class = self.request_class
        if not issubclass(request_class, Request):
            return _RequestContext(self, environ)
        request = request_class(environ, defer_method_override=True)
        request.json_module = self.json
        return _RequestContext(self, environ, request)

    @property
    def kernel(self) -> Kernel:
        """Get the HTTP kernel (``app.make('http.kernel')``), resolved once."""
        kernel = self._kernel
        if kernel is None:
            kernel = self._kernel = self.protevus_app.make("http.kernel")
        return kernel

    def full_dispatch_request(self) -> flask.Response:
        """Run Flask's before-request hooks, then the kernel, then the after-request hooks.

        Errors anywhere in between are reported and rendered by the exception
        handler, so Flask never answers with its own error pages.
        """
        self._got_first_request = True
        kernel = self._kernel or self.kernel
        request = flask.request._get_current_object()  # type: ignore[attr-defined]
        try:
            request_started.send(self, _async_wrapper=self.ensure_sync)
            rv = self.preprocess_request()
            if rv is None:
                rv = kernel.handle(request)
        except Exception as exc:
            rv = kernel.render_exception(request, exc)
        try:
            return self.finalize_request(rv)
        except Exception as exc:
            rv = kernel.render_exception(request, exc)
            return self.finalize_request(rv, from_error_handler=True)

    def wsgi_app(
        self, environ: WSGIEnvironment, start_response: StartResponse
    ) -> t.Iterable[bytes]:
        """Answer one WSGI request, and terminate the kernel once the body is sent.

        Same as Flask's, with the response body wrapped so that closing it (the
        WSGI server does after sending) runs ``kernel.terminate(request, response)``.

        Laravel: ``$kernel->handle($request)->send(); $kernel->terminate(...)``.
        """
        # The kernel loads the routes into url_map: it must exist before matching.
        _ = self._kernel or self.kernel
        ctx = self.request_context(environ)
        error: BaseException | None = None
        try:
            try:
                ctx.push()
                response = self.full_dispatch_request()
            except Exception as exc:
                error = exc
                response = self.handle_exception(exc)
            except BaseException:
                error = sys.exc_info()[1]
                raise
            body = response(environ, start_response)
            return _TerminatingBody(body, self, ctx.request, response)
        finally:
            if "werkzeug.debug.preserve_context" in environ:
                environ["werkzeug.debug.preserve_context"](flask.globals._cv_app.get())
                environ["werkzeug.debug.preserve_context"](
                    flask.globals._cv_request.get()
                )
            if error is not None and self.should_ignore_error(error):
                error = None
            ctx.pop(error)

    def _terminate(self, request: t.Any, response: t.Any) -> None:
        # The request context is gone by now (the body may be closed long after
        # the view returned), so terminable middleware get the request as an
        # argument, as in Laravel.
        (self._kernel or self.kernel).terminate(request, response)


class _TerminatingBody:
    """The response body; closing it (the server does, once sent) terminates the kernel.

    Werkzeug's ``ClosingIterator`` does the same job with more bookkeeping per
    request; iteration here is the body's own.
    """

    __slots__ = ("_body", "_app", "_request", "_response")

    def __init__(
        self,
        body: t.Iterable[bytes],
        app: ProtevusFlask,
        request: t.Any,
        response: t.Any,
    ) -> None:
        self._body = body
        self._app = app
        self._request = request
        self._response = response

    def __iter__(self) -> t.Iterator[bytes]:
        return iter(self._body)

    def close(self) -> None:
        """Close the body, then run the kernel's terminate step."""
        close = getattr(self._body, "close", None)
        if close is not None:
            close()
        self._app._terminate(self._request, self._response)


def create_flask_app(app: t.Any) -> ProtevusFlask:
    """Build the Flask application of ``app`` (``app.flask`` calls this once).

    It uses Protevus's ``Request`` and ``Response`` classes, no static folder (the
    web server or ``serve`` sends ``public/``), and ``config('app.key')`` as its
    secret key.
    """
    from protevus.http.response import Response

    flask_app = ProtevusFlask(
        app, "protevus", root_path=app.base_path(), static_folder=None
    )
    flask_app.request_class = Request
    flask_app.response_class = Response
    if app.bound("config"):
        key = app.make("config").get("app.key")
        if key:
            flask_app.secret_key = key
    return flask_app
