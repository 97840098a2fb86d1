"""The header and cookie assertions of :class:`~protevus.testing.test_response.TestResponse`.

Laravel: ``assertHeader()``, ``assertCookie()``... of ``Illuminate\\Testing\\TestResponse``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases
from protevus.testing.cookies import ResponseCookie
from protevus.testing.cookies import parse_set_cookie

_Self = t.TypeVar("_Self", bound="AssertsHeaders")


class AssertsHeaders(CamelAliases):
    """Assert the response's headers and cookies; each assertion returns the response."""

    if t.TYPE_CHECKING:

        @property
        def headers(self) -> t.Any: ...

        def cookie(self, name: str) -> ResponseCookie | None: ...

        def fail(self, message: str) -> t.NoReturn: ...

    def assert_header(self: _Self, name: str, value: t.Any = None) -> _Self:
        """Assert the response has header ``name`` (with ``value`` when given).

        Laravel: ``TestResponse::assertHeader()``.
        """
        __tracebackhide__ = True
        if name not in self.headers:
            self.fail(f"Header [{name}] not present on response.")
        actual = self.headers.get(name)
        if value is not None and str(value) != actual:
            self.fail(
                f"Header [{name}] was found, but value [{actual}] does not match [{value}]."
            )
        return self

    def assert_header_missing(self: _Self, name: str) -> _Self:
        """Assert the response has no header ``name``.

        Laravel: ``TestResponse::assertHeaderMissing()``.
        """
        __tracebackhide__ = True
        if name in self.headers:
            self.fail(
                f"Unexpected header [{name}] is present on response "
                f"(value [{self.headers.get(name)}])."
            )
        return self

    def assert_cookie(
        self: _Self,
        name: str,
        value: t.Any = None,
        encrypted: bool = True,
        unserialize: bool = False,
    ) -> _Self:
        """Assert the response sets cookie ``name`` (with ``value`` when given).

        ``value`` is compared with the decrypted cookie when ``encrypted`` (the
        default, as ``EncryptCookies`` encrypts every cookie not excepted) and the
        app has an encrypter. Laravel: ``TestResponse::assertCookie()``.
        """
        __tracebackhide__ = True
        cookie = self.cookie(name)
        if cookie is None:
            self._fail_cookie(f"Cookie [{name}] not present on response.")
        if value is None:
            return self
        actual: t.Any = cookie.value
        app = getattr(self, "app", None)
        if encrypted and _has_encrypter(app):
            from protevus.testing.cookies import decrypt_cookie_value

            actual = decrypt_cookie_value(app, name, cookie.value, unserialize)
        if actual is None or str(actual) != str(value):
            self._fail_cookie(
                f"Cookie [{name}] was found, but value [{actual}] does not match [{value}]."
            )
        return self

    def assert_plain_cookie(self: _Self, name: str, value: t.Any = None) -> _Self:
        """Assert the response sets an unencrypted cookie. Laravel: ``assertPlainCookie()``."""
        __tracebackhide__ = True
        return self.assert_cookie(name, value, encrypted=False)

    def assert_cookie_missing(self: _Self, name: str) -> _Self:
        """Assert the response does not set cookie ``name``.

        Laravel: ``TestResponse::assertCookieMissing()``.
        """
        __tracebackhide__ = True
        if self.cookie(name) is not None:
            self._fail_cookie(f"Cookie [{name}] is present on response.")
        return self

    def assert_cookie_expired(self: _Self, name: str) -> _Self:
        """Assert the response sets cookie ``name`` already expired (a deletion).

        Laravel: ``TestResponse::assertCookieExpired()``.
        """
        __tracebackhide__ = True
        cookie = self.cookie(name)
        if cookie is None:
            self._fail_cookie(f"Cookie [{name}] not present on response.")
        if not cookie.is_expired():
            self._fail_cookie(
                f"Cookie [{name}] is not expired, it expires at [{cookie.expires}]."
            )
        return self

    def assert_cookie_not_expired(self: _Self, name: str) -> _Self:
        """Assert the response sets cookie ``name`` and it has not expired.

        Laravel: ``TestResponse::assertCookieNotExpired()``.
        """
        __tracebackhide__ = True
        cookie = self.cookie(name)
        if cookie is None:
            self._fail_cookie(f"Cookie [{name}] not present on response.")
        if cookie.is_expired():
            self._fail_cookie(
                f"Cookie [{name}] is expired, it expired at [{cookie.expires}]."
            )
        return self

    def _fail_cookie(self: _Self, message: str) -> t.NoReturn:
        __tracebackhide__ = True
        names = [
            c.name
            for c in map(parse_set_cookie, self.headers.getlist("Set-Cookie"))
            if c
        ]
        shown = ", ".join(names) if names else "none"
        self.fail(f"{message} Cookies set: [{shown}].")


def _has_encrypter(app: t.Any) -> bool:
    """Tell whether the app can encrypt cookies (an encrypter bound, with a key)."""
    if app is None or not app.bound("encrypter"):
        return False
    from protevus.encryption.exceptions import MissingAppKeyError

    try:
        app.make("encrypter")
    except MissingAppKeyError:
        return False  # without a key EncryptCookies cannot have run either
    return True
