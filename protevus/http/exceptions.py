"""HTTP exceptions and the ``abort`` helpers.

Every HTTP error is both a Werkzeug ``HTTPException`` (so Flask and its extensions
understand it) and a :class:`~protevus.exceptions.ProtevusError`. The exception
handler turns them into error pages or JSON with their status and headers.

Laravel: ``Symfony\\Component\\HttpKernel\\Exception\\HttpException`` and friends,
``Illuminate\\Http\\Exceptions\\HttpResponseException``, ``abort()``.
"""

from __future__ import annotations

import typing as t

from werkzeug.exceptions import HTTPException as _WerkzeugHTTPException

from protevus.exceptions import ProtevusError
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from _typeshed.wsgi import WSGIEnvironment
    from werkzeug.sansio.response import Response as _SansioResponse


class HttpException(_WerkzeugHTTPException, ProtevusError, CamelAliases):
    """Stop the request with an HTTP status, a message and optional headers.

    ``HttpException(418, "I'm a teapot")``. ``str(exc)`` is the message; the
    status is ``status_code`` (and Werkzeug's ``code``).

    Laravel: ``Symfony\\...\\HttpException``.
    """

    def __init__(
        self,
        status_code: int,
        message: str = "",
        headers: t.Mapping[str, str] | None = None,
        previous: BaseException | None = None,
    ) -> None:
        _WerkzeugHTTPException.__init__(self, description=message or None)
        self.code = status_code
        self.status_code = status_code
        self.message = message
        self.headers: dict[str, str] = dict(headers or {})
        if previous is not None:
            self.__cause__ = previous
        self.args = (message,)

    def __str__(self) -> str:
        return self.message or f"{self.code} {self.name}"

    def get_status_code(self) -> int:
        """Return the HTTP status code. Laravel: ``HttpException::getStatusCode()``."""
        return self.status_code

    def get_message(self) -> str:
        """Return the message (may be empty). Laravel: ``getMessage()``."""
        return self.message

    def set_headers(self, headers: t.Mapping[str, str]) -> None:
        """Replace the response headers. Laravel: ``HttpException::setHeaders()``."""
        self.headers = dict(headers)

    def get_headers(
        self,
        environ: WSGIEnvironment | None = None,
        scope: dict[str, t.Any] | None = None,
    ) -> list[tuple[str, str]]:
        """Return the headers Werkzeug sends with its default error page."""
        return [
            *_WerkzeugHTTPException.get_headers(self, environ, scope),
            *self.headers.items(),
        ]


class _FixedStatusHttpException(HttpException):
    """Base of the exceptions for one status: ``status`` and ``default_message`` are class data."""

    status: t.ClassVar[int] = 500
    default_message: t.ClassVar[str] = ""

    def __init__(
        self, message: str | None = None, headers: t.Mapping[str, str] | None = None
    ) -> None:
        super().__init__(
            self.status, self.default_message if message is None else message, headers
        )


class BadRequestHttpException(_FixedStatusHttpException):
    """Answer 400 Bad Request. Laravel: ``BadRequestHttpException``."""

    status = 400


class UnauthorizedHttpException(HttpException):
    """Answer 401 with a ``WWW-Authenticate`` challenge. Laravel: ``UnauthorizedHttpException``."""

    def __init__(
        self,
        challenge: str = "",
        message: str = "",
        headers: t.Mapping[str, str] | None = None,
    ) -> None:
        merged = dict(headers or {})
        if challenge:
            merged["WWW-Authenticate"] = challenge
        super().__init__(401, message, merged)


class AccessDeniedHttpException(_FixedStatusHttpException):
    """Answer 403 Forbidden. Laravel: ``AccessDeniedHttpException``."""

    status = 403


class NotFoundHttpException(_FixedStatusHttpException):
    """Answer 404 Not Found. Laravel: ``NotFoundHttpException``."""

    status = 404


class MethodNotAllowedHttpException(HttpException):
    """Answer 405 with an ``Allow`` header listing ``allowed``. Laravel: ``MethodNotAllowedHttpException``."""

    def __init__(
        self,
        allowed: t.Iterable[str],
        message: str = "",
        headers: t.Mapping[str, str] | None = None,
    ) -> None:
        self.allowed = [m.upper() for m in allowed]
        merged = dict(headers or {})
        merged["Allow"] = ", ".join(self.allowed)
        super().__init__(405, message, merged)


class NotAcceptableHttpException(_FixedStatusHttpException):
    """Answer 406 Not Acceptable. Laravel: ``NotAcceptableHttpException``."""

    status = 406


class ConflictHttpException(_FixedStatusHttpException):
    """Answer 409 Conflict. Laravel: ``ConflictHttpException``."""

    status = 409


class GoneHttpException(_FixedStatusHttpException):
    """Answer 410 Gone. Laravel: ``GoneHttpException``."""

    status = 410


class PostTooLargeException(_FixedStatusHttpException):
    """Answer 413 when the request body is over the limit. Laravel: ``PostTooLargeException``."""

    status = 413
    default_message = "The POST data is too large."


class UnsupportedMediaTypeHttpException(_FixedStatusHttpException):
    """Answer 415 Unsupported Media Type. Laravel: ``UnsupportedMediaTypeHttpException``."""

    status = 415


class UnprocessableEntityHttpException(_FixedStatusHttpException):
    """Answer 422 Unprocessable Content. Laravel: ``UnprocessableEntityHttpException``."""

    status = 422


def _retry_headers(
    retry_after: int | str | None, headers: t.Mapping[str, str] | None
) -> dict[str, str]:
    merged = dict(headers or {})
    if retry_after is not None:
        merged["Retry-After"] = str(retry_after)
    return merged


class TooManyRequestsHttpException(HttpException):
    """Answer 429 with an optional ``Retry-After``. Laravel: ``TooManyRequestsHttpException``."""

    def __init__(
        self,
        retry_after: int | str | None = None,
        message: str = "",
        headers: t.Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(429, message, _retry_headers(retry_after, headers))


class ServiceUnavailableHttpException(HttpException):
    """Answer 503 with an optional ``Retry-After``. Laravel: ``ServiceUnavailableHttpException``."""

    def __init__(
        self,
        retry_after: int | str | None = None,
        message: str = "",
        headers: t.Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(503, message, _retry_headers(retry_after, headers))


class HttpResponseException(_WerkzeugHTTPException, ProtevusError, CamelAliases):
    """Stop the request and send ``response`` as it is.

    Flask sends it too (Werkzeug's ``HTTPException.response``), so it works even
    outside Protevus's kernel.

    Laravel: ``Illuminate\\Http\\Exceptions\\HttpResponseException``.
    """

    def __init__(self, response: _SansioResponse) -> None:
        _WerkzeugHTTPException.__init__(self, response=t.cast(t.Any, response))
        self.code = response.status_code
        self.args = (f"HTTP response exception with status [{response.status_code}].",)

    def __str__(self) -> str:
        return str(self.args[0])

    def get_response(
        self,
        environ: WSGIEnvironment | t.Any | None = None,
        scope: dict[str, t.Any] | None = None,
    ) -> t.Any:
        """Return the carried response. Laravel: ``HttpResponseException::getResponse()``."""
        return self.response


def abort(
    code: t.Any, message: str = "", headers: t.Mapping[str, str] | None = None
) -> t.NoReturn:
    """Stop the request with an HTTP error, or send a prepared response.

    ``abort(404)`` raises :class:`NotFoundHttpException`, other codes an
    :class:`HttpException`; a response object (or a Responsable with
    ``to_response(request)``) is sent as it is.

    Laravel: ``abort()``.
    """
    from werkzeug.sansio.response import Response as _SansioResponse

    if isinstance(code, _SansioResponse):
        raise HttpResponseException(code)
    to_response = getattr(code, "to_response", None)
    if callable(to_response):
        raise HttpResponseException(to_response(_current_request()))
    if not isinstance(code, int) or isinstance(code, bool):
        raise TypeError(
            f"abort() needs an HTTP status code or a response, [{code!r}] given."
        )
    if code == 404:
        raise NotFoundHttpException(message, headers)
    raise HttpException(code, message, headers)


def abort_if(
    condition: t.Any,
    code: t.Any,
    message: str = "",
    headers: t.Mapping[str, str] | None = None,
) -> None:
    """Call :func:`abort` when ``condition`` is truthy. Laravel: ``abort_if()``."""
    if condition:
        abort(code, message, headers)


def abort_unless(
    condition: t.Any,
    code: t.Any,
    message: str = "",
    headers: t.Mapping[str, str] | None = None,
) -> None:
    """Call :func:`abort` unless ``condition`` is truthy. Laravel: ``abort_unless()``."""
    if not condition:
        abort(code, message, headers)


def _current_request() -> t.Any:
    import flask

    if not flask.has_request_context():
        return None
    return flask.request._get_current_object()  # type: ignore[attr-defined]
