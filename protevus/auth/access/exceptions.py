"""The exception a failed authorization raises: a 403 (or the denial's status) when rendered.

Laravel: ``Illuminate\\Auth\\Access\\AuthorizationException`` (and the handler's
``prepareException()``, which turns it into an ``AccessDeniedHttpException`` or an
``HttpException`` with the denial's status).
"""

from __future__ import annotations

import typing as t

from protevus.http.exceptions import HttpException

if t.TYPE_CHECKING:
    from protevus.auth.access.response import Response

DEFAULT_MESSAGE = "This action is unauthorized."


class AuthorizationException(HttpException):
    """Signal that the user may not perform an action.

    It is an HTTP exception, so the exception handler renders it without help:
    403 with ``{"message": "This action is unauthorized."}`` (or the denial's
    message) for JSON requests and the 403 page for HTML; a denial with a status
    (``Response.deny_as_not_found()``) renders with that status and the response's
    message, or the status text (``Not Found``) when it has none, as Laravel does.

    ``str(exc)`` / ``get_message()`` is the authorization message; ``get_code()``
    is the application's code of the denial (Werkzeug's ``code`` attribute stays
    the HTTP status), ``gate_response()`` the denying
    :class:`~protevus.auth.access.response.Response`.

    Laravel: ``Illuminate\\Auth\\Access\\AuthorizationException``.
    """

    def __init__(
        self,
        message: str | None = None,
        code: t.Any = None,
        previous: BaseException | None = None,
    ) -> None:
        self._auth_message = message or DEFAULT_MESSAGE
        super().__init__(403, self._auth_message, previous=previous)
        self._auth_code = code
        self._response: Response | None = None
        self._status: int | None = None

    def __str__(self) -> str:
        return self._auth_message

    def get_message(self) -> str:
        """Get the authorization message. Laravel: ``getMessage()``."""
        return self._auth_message

    def get_code(self) -> t.Any:
        """Get the application's code of the denial, if any. Laravel: ``getCode()``."""
        return self._auth_code

    def gate_response(self) -> Response | None:
        """Get the gate response that caused the exception.

        Laravel: ``AuthorizationException::response()`` (renamed: Werkzeug's
        ``response`` attribute is the HTTP response to send).
        """
        return self._response

    def set_gate_response(self, response: Response) -> AuthorizationException:
        """Attach the gate response. Laravel: ``AuthorizationException::setResponse()``."""
        self._response = response
        self._sync_http()
        return self

    def with_status(self, status: int | None) -> AuthorizationException:
        """Render with HTTP ``status`` instead of 403. Laravel: ``AuthorizationException::withStatus()``."""
        self._status = status
        self._sync_http()
        return self

    def as_not_found(self) -> AuthorizationException:
        """Render as a 404. Laravel: ``AuthorizationException::asNotFound()``."""
        return self.with_status(404)

    def has_status(self) -> bool:
        """Tell whether a status other than the default 403 was set. Laravel: ``hasStatus()``."""
        return self._status is not None

    def status(self) -> int | None:
        """Get the status set with :meth:`with_status`. Laravel: ``AuthorizationException::status()``."""
        return self._status

    def to_gate_response(self) -> Response:
        """Turn the exception back into a denying gate response.

        Laravel: ``AuthorizationException::toResponse()`` (renamed: the exception
        handler calls an exception's ``to_response(request)`` to render it).
        """
        from protevus.auth.access.response import Response

        return Response(False, self._auth_message, self._auth_code).with_status(
            self._status
        )

    def _sync_http(self) -> None:
        # What the handler renders: Laravel's prepareException() uses the
        # response's message, or the status text, for a denial with a status.
        if self._status is None:
            self.code = self.status_code = 403
            self.message = self._auth_message
            return
        self.code = self.status_code = self._status
        shown = self._response.message() if self._response is not None else None
        if not shown:
            from werkzeug.http import HTTP_STATUS_CODES

            shown = HTTP_STATUS_CODES.get(self._status, "")
        self.message = shown
        self.description = shown
