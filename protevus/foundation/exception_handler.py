"""Report exceptions to the log and render them as HTTP responses.

Laravel: ``Illuminate\\Foundation\\Exceptions\\Handler``. Flask and Werkzeug are
imported only when a response is rendered, so the console never loads them.
"""

from __future__ import annotations

import functools
import inspect
import platform
import sys
import types
import typing as t
from collections.abc import Mapping

from protevus.foundation import exception_pages
from protevus.support.aliases import CamelAliases
from protevus.support.arr import Arr

_Callback = t.Callable[..., t.Any]


@functools.lru_cache(maxsize=512)
def _handled_type(callback: _Callback) -> tuple[type[BaseException], ...]:
    """Get the exception classes a callback's first parameter is annotated with.

    No annotation means every exception; ``KeyError | ValueError`` means either.
    An annotation that cannot be resolved is an error: guessing "every exception"
    would let a ``.stop()`` callback swallow unrelated errors.

    Laravel: ``ReportableHandler::handles()`` (``firstClosureParameterTypes``).
    """
    try:
        params = list(inspect.signature(callback).parameters.values())
    except (TypeError, ValueError):
        return (BaseException,)
    if not params or params[0].annotation is inspect.Parameter.empty:
        return (BaseException,)
    try:
        hint = t.get_type_hints(callback).get(params[0].name)
    except NameError as exc:
        raise TypeError(
            f"The exception callback [{getattr(callback, '__qualname__', callback)}] "
            f"is annotated with [{params[0].annotation}], which cannot be resolved "
            f"({exc}). Define the exception class at module level or import it "
            "outside TYPE_CHECKING."
        ) from exc
    members = (
        t.get_args(hint)
        if t.get_origin(hint) in (t.Union, types.UnionType)
        else (hint,)
    )
    found = tuple(
        m for m in members if isinstance(m, type) and issubclass(m, BaseException)
    )
    return found or (BaseException,)


class ReportableHandler(CamelAliases):
    """Wrap a report callback; ``stop()`` keeps the default logging from running.

    Laravel: ``Illuminate\\Foundation\\Exceptions\\ReportableHandler``.
    """

    def __init__(self, callback: _Callback) -> None:
        self.callback = callback
        self.should_stop = False
        self.handles = _handled_type(callback)

    def stop(self) -> ReportableHandler:
        """Stop the default logging after this callback runs."""
        self.should_stop = True
        return self

    def __call__(self, exc: BaseException) -> bool:
        """Run the callback; return False when reporting must stop here."""
        rv = self.callback(exc)
        return not (rv is False or self.should_stop)


class ExceptionHandler(CamelAliases):
    """Decide whether an exception is reported and log it.

    Laravel: ``Illuminate\\Foundation\\Exceptions\\Handler::report()``.
    """

    #: exceptions that are never reported. HTTP exceptions (Werkzeug's
    #: ``HTTPException`` and ours), ``HttpResponseException``, ``ValidationError``
    #: and ``TokenMismatchException`` are added by :meth:`should_report`.
    internal_dont_report: t.ClassVar[list[type[BaseException]]] = []
    #: input never flashed back to the form after a validation error.
    DONT_FLASH: t.ClassVar[tuple[str, ...]] = (
        "current_password",
        "password",
        "password_confirmation",
    )

    def __init__(self, app: t.Any) -> None:
        self.app = app
        self.reportables: list[ReportableHandler] = []
        self.renderables: list[_Callback] = []
        self.dont_report: list[type[BaseException]] = []
        self.levels: dict[type[BaseException], str] = {}
        self.context_callbacks: list[_Callback] = []
        self.exception_map: list[
            tuple[type[BaseException] | tuple[type[BaseException], ...], _Callback]
        ] = []
        self.response_callbacks: list[_Callback] = []
        self.should_render_json_callback: _Callback | None = None
        #: report an exception instance once only (``dont_report_duplicates()``).
        self.without_duplicates = False
        #: input keys left out of the old input flashed on a validation error.
        #: Laravel: ``Handler::$dontFlash``.
        self.dont_flash: list[str] = list(self.DONT_FLASH)

    def should_report(self, exc: BaseException) -> bool:
        """Determine if ``exc`` should be reported.

        Laravel: ``Handler::shouldReport()``.
        """
        if self.without_duplicates and getattr(exc, "_protevus_reported", False):
            return False
        ignored = (
            *self.internal_dont_report,
            *_http_exceptions(),
            *_framework_exceptions(),
            *self.dont_report,
        )
        return not isinstance(exc, ignored)

    def report(self, exc: BaseException) -> None:
        """Report ``exc``: its own ``report()``, the registered callbacks, then the log.

        Laravel: ``Handler::report()``.
        """
        exc = self.map_exception(exc)
        if not self.should_report(exc):
            return
        try:
            exc._protevus_reported = True  # type: ignore[attr-defined]
        except AttributeError:  # pragma: no cover - exceptions with __slots__
            pass
        # An exception's own report() handles it unless it returns False
        # (Laravel: `$this->container->call($reportCallable) !== false`).
        own = getattr(exc, "report", None)
        if callable(own) and self.app.call(own) is not False:
            return
        for handler in self.reportables:
            if isinstance(exc, handler.handles) and not handler(exc):
                return
        level = next(
            (lvl for cls, lvl in self.levels.items() if isinstance(exc, cls)), "error"
        )
        # Laravel's order: the exception's context(), the context callbacks, then
        # the exception itself.
        context: dict[str, t.Any] = {}
        exc_context = getattr(exc, "context", None)
        if callable(exc_context):
            context.update(exc_context() or {})
        for callback in self.context_callbacks:
            context.update(callback(exc) or {})
        context["exception"] = exc
        if self.app.bound("log"):
            self.app.make("log").log(level, str(exc) or type(exc).__name__, context)

    # -- configuring -------------------------------------------------------------

    def map(
        self,
        from_: type[BaseException] | _Callback,
        to: type[BaseException] | _Callback | None = None,
    ) -> ExceptionHandler:
        """Turn one exception into another before it is reported and rendered.

        ``map(PaymentFailed, BillingError)`` or ``map(lambda e: BillingError(...))``
        (the callback's annotation picks the type it handles).

        Laravel: ``Handler::map()``.
        """
        if to is None:
            if isinstance(from_, type):
                raise TypeError(
                    f"Exception map for [{from_.__qualname__}] needs a target: pass "
                    "map(From, To) or a single annotated callback."
                )
            self.exception_map.append((_handled_type(from_), from_))
            return self
        if not isinstance(from_, type):
            raise TypeError(
                f"Exception map source [{from_!r}] is not an exception class; pass a "
                "class, or a single annotated callback."
            )
        mapper = to
        if isinstance(to, type):

            def mapper(exc: BaseException) -> BaseException:
                mapped = to(str(exc))
                mapped.__cause__ = exc
                return mapped

        self.exception_map.append((from_, mapper))
        return self

    def map_exception(self, exc: BaseException) -> BaseException:
        """Apply the first matching :meth:`map` rule.

        Laravel: ``Handler::mapException()``.
        """
        for cls, mapper in self.exception_map:
            if isinstance(exc, cls):
                mapped = mapper(exc)
                return mapped if isinstance(mapped, BaseException) else exc
        return exc

    def should_render_json_when(self, callback: _Callback) -> ExceptionHandler:
        """Decide JSON rendering with ``callback(request, exc) -> bool``.

        Laravel: ``Handler::shouldRenderJsonWhen()``.
        """
        self.should_render_json_callback = callback
        return self

    def respond(self, callback: _Callback) -> ExceptionHandler:
        """Adjust every rendered error response: ``callback(response[, exc[, request]])``.

        Laravel: ``Handler::respondUsing()`` (``$exceptions->respond()``).
        """
        self.response_callbacks.append(callback)
        return self

    # -- rendering -----------------------------------------------------------------

    def render(self, request: t.Any, exc: BaseException) -> t.Any:
        """Render ``exc`` into a response for ``request``.

        In order: the exception's own ``render(request)`` or ``to_response(request)``,
        the ``with_exceptions`` render callbacks (matched by annotation),
        ``HttpResponseException``'s response, then an error page or JSON error.

        Laravel: ``Handler::render()``.
        """
        exc = self.map_exception(exc)
        response = self._render(request, exc)
        for callback in self.response_callbacks:
            args = (response, exc, request)[: _positional_count(callback)]
            response = callback(*args) or response
        try:
            response.exception = exc
        except AttributeError:  # pragma: no cover - responses with __slots__
            pass
        return response

    def _render(self, request: t.Any, exc: BaseException) -> t.Any:
        from werkzeug.exceptions import HTTPException
        from werkzeug.wrappers import Response as BaseResponse

        own = getattr(exc, "render", None)
        if callable(own) and not isinstance(exc, HTTPException):
            rv = own(request)
            if rv is not None:
                return self._to_response(request, rv)
        responsable = getattr(exc, "to_response", None)
        if callable(responsable):
            return self._to_response(request, responsable(request))
        exc = self.prepare_exception(exc)
        for callback in self.renderables:
            if isinstance(exc, _handled_type(callback)):
                rv = _call_render_callback(callback, exc, request)
                if rv is not None:
                    return self._to_response(request, rv)
        carried = getattr(exc, "response", None)
        if isinstance(carried, BaseResponse) and (
            isinstance(exc, HTTPException)
            or type(exc).__name__ == "HttpResponseException"
        ):
            return carried
        validation = _framework_class(
            "protevus.validation.exceptions", "ValidationError"
        )
        if validation is not None and isinstance(exc, validation):
            return self.convert_validation_exception_to_response(exc, request)
        return self.render_exception_response(request, exc)

    def prepare_exception(self, exc: BaseException) -> BaseException:
        """Turn framework exceptions into HTTP ones: a CSRF mismatch becomes a 419.

        Laravel: ``Handler::prepareException()``.
        """
        mismatch = _framework_class(
            "protevus.session.token_mismatch_exception", "TokenMismatchException"
        )
        if mismatch is not None and isinstance(exc, mismatch):
            from protevus.http.exceptions import HttpException

            return HttpException(419, str(exc) or "CSRF token mismatch.", previous=exc)
        return exc

    # -- validation errors -----------------------------------------------------------

    def convert_validation_exception_to_response(
        self, exc: t.Any, request: t.Any
    ) -> t.Any:
        """Answer a ``ValidationError``: its own response, a 422 JSON body, or a redirect back.

        A request without a session cannot carry errors through a redirect, so it
        gets the JSON answer too.

        Laravel: ``Handler::convertValidationExceptionToResponse()``.
        """
        if getattr(exc, "response", None) is not None:
            return self._to_response(request, exc.response)
        if self.should_return_json(request, exc) or not _has_session(request):
            return self.invalid_json(request, exc)
        return self.invalid(request, exc)

    def invalid(self, request: t.Any, exc: t.Any) -> t.Any:
        """Redirect back (or to ``exc.redirect_to``) with the errors and the old input flashed.

        Laravel: ``Handler::invalid()``.
        """
        redirector = self.app.make("redirect")
        target = exc.redirect_to or redirector.get_url_generator().previous()
        response = redirector.to(target)
        if getattr(response, "session", None) is None:
            response.set_session(request.session())
        data = request.input() if callable(getattr(request, "input", None)) else {}
        # Arr.except_ honours dot keys (``user.password``), as Laravel's $dontFlash does.
        flashed = Arr.except_(dict(data or {}), list(self.dont_flash))
        bag = exc.error_bag
        chosen = data.get("_error_bag") if isinstance(data, dict) else None
        if isinstance(chosen, str) and chosen:
            bag = chosen
        return response.with_input(flashed).with_errors(exc.errors(), bag)

    def invalid_json(self, request: t.Any, exc: t.Any) -> t.Any:
        """Answer ``{"message": ..., "errors": {field: [...]}}`` with ``exc.status`` (422).

        Laravel: ``Handler::invalidJson()``.
        """
        from protevus.http.response import JsonResponse

        return JsonResponse(
            {"message": str(exc), "errors": exc.errors()}, int(exc.status)
        )

    def _to_response(self, request: t.Any, rv: t.Any) -> t.Any:
        from werkzeug.wrappers import Response as BaseResponse

        if isinstance(rv, BaseResponse):
            return rv
        if self.app.bound("router"):
            return self.app.make("router").to_response(request, rv)
        from protevus.http.response import JsonResponse
        from protevus.http.response import Response

        if isinstance(rv, dict | list):
            return JsonResponse(rv)
        return Response(str(rv), 200, content_type="text/html; charset=utf-8")

    def should_return_json(self, request: t.Any, exc: BaseException) -> bool:
        """Determine if the error should be JSON (``request.expects_json()`` by default).

        Laravel: ``Handler::shouldReturnJson()``.
        """
        if self.should_render_json_callback is not None:
            return bool(self.should_render_json_callback(request, exc))
        expects_json = getattr(request, "expects_json", None)
        if callable(expects_json):
            return bool(expects_json())
        accept = request.headers.get("Accept", "") if request is not None else ""
        return "/json" in accept or "+json" in accept

    def render_exception_response(self, request: t.Any, exc: BaseException) -> t.Any:
        """Render the default error: JSON when expected, else an HTML page.

        Laravel: ``Handler::renderExceptionResponse()``.
        """
        if self.should_return_json(request, exc):
            return self.prepare_json_response(request, exc)
        return self.prepare_response(request, exc)

    def prepare_response(self, request: t.Any, exc: BaseException) -> t.Any:
        """Render the HTML error: the debug page for non-HTTP errors in debug mode, else a status page.

        Laravel: ``Handler::prepareResponse()``.
        """
        from protevus.http.response import Response

        http = _http_parts(exc)
        if http is None and self.app.has_debug_mode_enabled():
            page = exception_pages.render_debug_page(exc, request, self._app_facts())
            return Response(page, 500, content_type="text/html; charset=utf-8")
        status, headers, message = http or (500, {}, "")
        content = self._render_error_view(status, exc)
        if content is None:
            shown = message if status == 403 else None
            content = exception_pages.render_status_page(status, shown)
        response = Response(content, status, content_type="text/html; charset=utf-8")
        for name, value in headers.items():
            response.headers[name] = value
        return response

    def prepare_json_response(self, request: t.Any, exc: BaseException) -> t.Any:
        """Render the JSON error: ``{"message": ...}``, with the trace in debug mode.

        Laravel: ``Handler::prepareJsonResponse()`` / ``convertExceptionToArray()``.
        """
        from protevus.http.response import JsonResponse

        http = _http_parts(exc)
        status, headers, message = http or (500, {}, "")
        if self.app.has_debug_mode_enabled():
            file, line = exception_pages.exception_location(exc)
            cls = type(exc)
            data: dict[str, t.Any] = {
                "message": (message or exception_pages.status_title(status))
                if http
                else str(exc),
                "exception": f"{cls.__module__}.{cls.__qualname__}",
                "file": file,
                "line": line,
                "trace": exception_pages.exception_trace(exc),
            }
        elif http is not None:
            data = {"message": message or exception_pages.status_title(status)}
        else:
            data = {"message": "Server Error"}
        response = JsonResponse(data, status)
        for name, value in headers.items():
            response.headers[name] = value
        return response

    def _render_error_view(self, status: int, exc: BaseException) -> str | None:
        # The views issue provides 'view'; until then the built-in page is used.
        if not self.app.bound("view"):
            return None
        view = self.app.make("view")
        for name in (f"errors.{status}", f"errors.{status // 100}xx"):
            if view.exists(name):
                return str(view.make(name, {"exception": exc}).render())
        return None

    def _app_facts(self) -> list[tuple[str, t.Any]]:
        return [
            ("Protevus", self.app.version()),
            ("Python", platform.python_version()),
            ("Environment", self.app.environment()),
            ("Debug", "true"),
        ]


def _http_exceptions() -> tuple[type[BaseException], ...]:
    # An exception of a module nobody imported cannot be raised, so looking in
    # sys.modules spares the console from importing Werkzeug.
    found: list[type[BaseException]] = []
    werkzeug_exceptions = sys.modules.get("werkzeug.exceptions")
    if werkzeug_exceptions is not None:
        found.append(werkzeug_exceptions.HTTPException)
    ours = sys.modules.get("protevus.http.exceptions")
    carried = getattr(ours, "HttpResponseException", None)
    if isinstance(carried, type):
        found.append(carried)
    return tuple(found)


def _framework_class(module: str, name: str) -> type[BaseException] | None:
    # Only a loaded module can have raised its exception: look, never import.
    found = getattr(sys.modules.get(module), name, None)
    return found if isinstance(found, type) else None


def _framework_exceptions() -> tuple[type[BaseException], ...]:
    candidates = (
        _framework_class("protevus.validation.exceptions", "ValidationError"),
        _framework_class(
            "protevus.session.token_mismatch_exception", "TokenMismatchException"
        ),
        _framework_class("protevus.auth.exceptions", "AuthenticationException"),
    )
    return tuple(cls for cls in candidates if cls is not None)


def _has_session(request: t.Any) -> bool:
    has_session = getattr(request, "has_session", None)
    return bool(has_session()) if callable(has_session) else False


def _http_parts(exc: BaseException) -> tuple[int, dict[str, str], str] | None:
    """Get (status, headers, message) of an HTTP exception, None for other errors."""
    werkzeug_exceptions = sys.modules.get("werkzeug.exceptions")
    if werkzeug_exceptions is None or not isinstance(
        exc, werkzeug_exceptions.HTTPException
    ):
        return None
    status = int(getattr(exc, "status_code", None) or exc.code or 500)
    raw = getattr(exc, "headers", None)
    headers: dict[str, str] = {}
    if isinstance(raw, Mapping):
        headers = {str(k): str(v) for k, v in raw.items()}
    else:
        for name, value in exc.get_headers():
            if name.lower() != "content-type":
                headers[name] = value
    message = getattr(exc, "message", None)
    if not isinstance(message, str):
        description = exc.description or ""
        message = "" if description == type(exc).description else description
    return status, headers, message


@functools.cache
def _positional_count(callback: _Callback) -> int:
    try:
        params = inspect.signature(callback).parameters.values()
    except (TypeError, ValueError):
        return 2
    if any(p.kind is p.VAR_POSITIONAL for p in params):
        return 3
    return sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in params)


def _call_render_callback(
    callback: _Callback, exc: BaseException, request: t.Any
) -> t.Any:
    if _positional_count(callback) >= 2:
        return callback(exc, request)
    return callback(exc)
