"""The status-code assertions of :class:`~protevus.testing.test_response.TestResponse`.

Laravel: ``assertStatus()``, ``assertOk()``... of ``Illuminate\\Testing\\TestResponse``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases

_Self = t.TypeVar("_Self", bound="AssertsStatus")


class AssertsStatus(CamelAliases):
    """Assert the response's status code; each assertion returns the response."""

    if t.TYPE_CHECKING:
        base_response: t.Any

        @property
        def status_code(self) -> int: ...

        def fail(self, message: str) -> t.NoReturn: ...

    def assert_status(self: _Self, status: int) -> _Self:
        """Assert the status code is ``status``.

        Laravel: ``TestResponse::assertStatus()``.
        """
        __tracebackhide__ = True
        if self.status_code != int(status):
            self.fail(
                f"Expected response status code [{int(status)}] but received "
                f"{self.status_code}."
            )
        return self

    def assert_ok(self: _Self) -> _Self:
        """Assert the status is 200 OK. Laravel: ``assertOk()``."""
        __tracebackhide__ = True
        return self.assert_status(200)

    def assert_created(self: _Self) -> _Self:
        """Assert the status is 201 Created. Laravel: ``assertCreated()``."""
        __tracebackhide__ = True
        return self.assert_status(201)

    def assert_accepted(self: _Self) -> _Self:
        """Assert the status is 202 Accepted. Laravel: ``assertAccepted()``."""
        __tracebackhide__ = True
        return self.assert_status(202)

    def assert_no_content(self: _Self, status: int = 204) -> _Self:
        """Assert the status (204 by default) and an empty body. Laravel: ``assertNoContent()``."""
        __tracebackhide__ = True
        self.assert_status(status)
        if self.base_response.get_data():
            self.fail("Response content is not empty.")
        return self

    def assert_moved_permanently(self: _Self) -> _Self:
        """Assert the status is 301. Laravel: ``assertMovedPermanently()``."""
        __tracebackhide__ = True
        return self.assert_status(301)

    def assert_found(self: _Self) -> _Self:
        """Assert the status is 302. Laravel: ``assertFound()``."""
        __tracebackhide__ = True
        return self.assert_status(302)

    def assert_bad_request(self: _Self) -> _Self:
        """Assert the status is 400. Laravel: ``assertBadRequest()``."""
        __tracebackhide__ = True
        return self.assert_status(400)

    def assert_unauthorized(self: _Self) -> _Self:
        """Assert the status is 401. Laravel: ``assertUnauthorized()``."""
        __tracebackhide__ = True
        return self.assert_status(401)

    def assert_payment_required(self: _Self) -> _Self:
        """Assert the status is 402. Laravel: ``assertPaymentRequired()``."""
        __tracebackhide__ = True
        return self.assert_status(402)

    def assert_forbidden(self: _Self) -> _Self:
        """Assert the status is 403. Laravel: ``assertForbidden()``."""
        __tracebackhide__ = True
        return self.assert_status(403)

    def assert_not_found(self: _Self) -> _Self:
        """Assert the status is 404. Laravel: ``assertNotFound()``."""
        __tracebackhide__ = True
        return self.assert_status(404)

    def assert_method_not_allowed(self: _Self) -> _Self:
        """Assert the status is 405. Laravel: ``assertMethodNotAllowed()``."""
        __tracebackhide__ = True
        return self.assert_status(405)

    def assert_conflict(self: _Self) -> _Self:
        """Assert the status is 409. Laravel: ``assertConflict()``."""
        __tracebackhide__ = True
        return self.assert_status(409)

    def assert_gone(self: _Self) -> _Self:
        """Assert the status is 410. Laravel: ``assertGone()``."""
        __tracebackhide__ = True
        return self.assert_status(410)

    def assert_unsupported_media_type(self: _Self) -> _Self:
        """Assert the status is 415. Laravel: ``assertUnsupportedMediaType()``."""
        __tracebackhide__ = True
        return self.assert_status(415)

    def assert_unprocessable(self: _Self) -> _Self:
        """Assert the status is 422. Laravel: ``assertUnprocessable()``."""
        __tracebackhide__ = True
        return self.assert_status(422)

    def assert_too_many_requests(self: _Self) -> _Self:
        """Assert the status is 429. Laravel: ``assertTooManyRequests()``."""
        __tracebackhide__ = True
        return self.assert_status(429)

    def assert_internal_server_error(self: _Self) -> _Self:
        """Assert the status is 500. Laravel: ``assertInternalServerError()``."""
        __tracebackhide__ = True
        return self.assert_status(500)

    def assert_service_unavailable(self: _Self) -> _Self:
        """Assert the status is 503. Laravel: ``assertServiceUnavailable()``."""
        __tracebackhide__ = True
        return self.assert_status(503)

    def assert_successful(self: _Self) -> _Self:
        """Assert a 2xx status. Laravel: ``assertSuccessful()``."""
        __tracebackhide__ = True
        if not 200 <= self.status_code < 300:
            self.fail(
                f"Response status code [{self.status_code}] is not a successful status code."
            )
        return self

    def assert_client_error(self: _Self) -> _Self:
        """Assert a 4xx status. Laravel: ``assertClientError()``."""
        __tracebackhide__ = True
        if not 400 <= self.status_code < 500:
            self.fail(
                f"Response status code [{self.status_code}] is not a client error status code."
            )
        return self

    def assert_server_error(self: _Self) -> _Self:
        """Assert a 5xx status. Laravel: ``assertServerError()``."""
        __tracebackhide__ = True
        if not 500 <= self.status_code < 600:
            self.fail(
                f"Response status code [{self.status_code}] is not a server error status code."
            )
        return self
