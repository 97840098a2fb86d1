"""The answer of an authorization check: allowed or denied, with a message, a code and a status.

Laravel: ``Illuminate\\Auth\\Access\\Response``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.auth.access.exceptions import AuthorizationException


class Response(CamelAliases):
    """Carry a gate's verdict: ``Response.allow()``, ``Response.deny('You do not own this post.')``.

    A policy method or gate callback may return one instead of a bool to explain
    a denial; ``deny_as_not_found()`` / ``deny_with_status(404)`` make the
    rendered error a 404 (hide that the resource exists) instead of a 403.

    Laravel: ``Illuminate\\Auth\\Access\\Response``.
    """

    def __init__(
        self,
        allowed: bool,
        message: str | None = "",
        code: t.Any = None,
    ) -> None:
        self._allowed = bool(allowed)
        self._message = message
        self._code = code
        self._status: int | None = None

    # -- factories -------------------------------------------------------------------

    @classmethod
    def allow(cls, message: str | None = None, code: t.Any = None) -> Response:
        """Create an allowing response. Laravel: ``Response::allow()``."""
        return cls(True, message, code)

    @classmethod
    def deny(cls, message: str | None = None, code: t.Any = None) -> Response:
        """Create a denying response (403 when raised). Laravel: ``Response::deny()``."""
        return cls(False, message, code)

    @classmethod
    def deny_with_status(
        cls, status: int, message: str | None = None, code: t.Any = None
    ) -> Response:
        """Create a denying response rendered with HTTP ``status``. Laravel: ``Response::denyWithStatus()``."""
        return cls.deny(message, code).with_status(status)

    @classmethod
    def deny_as_not_found(
        cls, message: str | None = None, code: t.Any = None
    ) -> Response:
        """Create a denying response rendered as a 404. Laravel: ``Response::denyAsNotFound()``."""
        return cls.deny_with_status(404, message, code)

    # -- reading ---------------------------------------------------------------------

    def allowed(self) -> bool:
        """Tell whether the response allows the action. Laravel: ``Response::allowed()``."""
        return self._allowed

    def denied(self) -> bool:
        """Tell whether the response denies the action. Laravel: ``Response::denied()``."""
        return not self._allowed

    def message(self) -> str | None:
        """Get the message (None or '' when none was given). Laravel: ``Response::message()``."""
        return self._message

    def code(self) -> t.Any:
        """Get the application's code for the answer, if any. Laravel: ``Response::code()``."""
        return self._code

    def status(self) -> int | None:
        """Get the HTTP status a denial renders with (None: 403). Laravel: ``Response::status()``."""
        return self._status

    def with_status(self, status: int | None) -> Response:
        """Set the HTTP status a denial renders with. Laravel: ``Response::withStatus()``."""
        if status is not None and (
            isinstance(status, bool)
            or not isinstance(status, int)
            or not 100 <= status <= 599
        ):
            raise ValueError(
                f"The status [{status!r}] is not an HTTP status code; give an int "
                "between 100 and 599."
            )
        self._status = status
        return self

    def as_not_found(self) -> Response:
        """Render a denial as a 404. Laravel: ``Response::asNotFound()``."""
        return self.with_status(404)

    def authorize(self) -> Response:
        """Return the response when allowed; raise :class:`AuthorizationException` when denied.

        Laravel: ``Response::authorize()``.
        """
        if self.denied():
            raise self.to_exception()
        return self

    def to_exception(self) -> AuthorizationException:
        """Build the exception :meth:`authorize` raises for a denial."""
        from protevus.auth.access.exceptions import AuthorizationException

        exc = AuthorizationException(self._message, self._code)
        exc.set_gate_response(self)
        exc.with_status(self._status)
        return exc

    def to_array(self) -> dict[str, t.Any]:
        """Get the response as a dict. Laravel: ``Response::toArray()``."""
        return {
            "allowed": self.allowed(),
            "message": self.message(),
            "code": self.code(),
        }

    def __bool__(self) -> bool:
        return self._allowed

    def __str__(self) -> str:
        return self._message or ""

    def __repr__(self) -> str:
        verdict = "allow" if self._allowed else "deny"
        return f"<Response {verdict} message={self._message!r} status={self._status!r}>"
