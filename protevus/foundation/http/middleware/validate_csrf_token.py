"""Reject state-changing requests whose CSRF token does not match the session's.

Laravel: ``Illuminate\\Foundation\\Http\\Middleware\\ValidateCsrfToken`` (and
``VerifyCsrfToken``, its parent, here the same class).
"""

from __future__ import annotations

import hmac
import typing as t
import urllib.parse

from protevus.cookie.cookie_value_prefix import CookieValuePrefix
from protevus.cookie.middleware.encrypt_cookies import EncryptCookies
from protevus.encryption.exceptions import DecryptError
from protevus.foundation.application import Application
from protevus.session.token_mismatch_exception import TokenMismatchException
from protevus.support.aliases import CamelAliases
from protevus.support.except_list import ExceptList

if t.TYPE_CHECKING:
    from protevus.encryption.encrypter import Encrypter
    from protevus.http.response import Cookie

_Next = t.Callable[[t.Any], t.Any]
_READING = frozenset({"HEAD", "GET", "OPTIONS"})
XSRF_COOKIE = "XSRF-TOKEN"


class ValidateCsrfToken(CamelAliases):
    """Check the CSRF token of every POST/PUT/PATCH/DELETE and set the ``XSRF-TOKEN`` cookie.

    The token comes from the ``_token`` field (``@csrf``), else the
    ``X-CSRF-TOKEN`` header, else the ``X-XSRF-TOKEN`` header (the encrypted
    ``XSRF-TOKEN`` cookie echoed by axios and other SPA clients), and must equal
    ``request.session().token()``. A mismatch raises
    :class:`~protevus.session.token_mismatch_exception.TokenMismatchException`
    (rendered as 419). GET, HEAD and OPTIONS requests, requests while running
    the test suite (``APP_ENV=testing``) and excepted URIs pass unchecked.

    Except URIs (``'stripe/*'``, ``'https://example.com/hook'``) in ``except_``
    (in a subclass), with ``ValidateCsrfToken.except_([...])``, or with
    ``with_middleware(lambda m: m.validate_csrf_tokens(except_=[...]))``.

    Laravel: ``Illuminate\\Foundation\\Http\\Middleware\\ValidateCsrfToken``.
    """

    #: URIs (``*`` wildcards, paths or full URLs) excluded from the check.
    except_: t.ClassVar[list[str]] = ExceptList()
    #: whether to add the ``XSRF-TOKEN`` cookie to responses.
    add_http_cookie: t.ClassVar[bool] = True

    def __init__(self, app: Application) -> None:
        self.app = app

    @property
    def encrypter(self) -> Encrypter:
        """Get the application's encrypter (resolved when an ``X-XSRF-TOKEN`` arrives)."""
        return t.cast("Encrypter", self.app.make("encrypter"))

    def handle(self, request: t.Any, next: _Next) -> t.Any:
        """Let the request through when it reads, is excepted or carries the right token.

        Laravel: ``VerifyCsrfToken::handle()``.
        """
        if not _has_session(request):
            path = "/" + str(request.path).lstrip("/")
            raise RuntimeError(
                f"CSRF protection needs a session, but the request to [{path}] has none: "
                "run the route through StartSession (the 'web' group does) or take "
                "ValidateCsrfToken off it."
            )
        if (
            self.is_reading(request)
            or self.running_unit_tests()
            or self.in_except_array(request)
            or self.tokens_match(request)
        ):
            response = next(request)
            if self.should_add_xsrf_token_cookie():
                self.add_cookie_to_response(request, response)
            return response
        raise TokenMismatchException("CSRF token mismatch.")

    def is_reading(self, request: t.Any) -> bool:
        """Tell whether the request only reads (HEAD, GET, OPTIONS).

        Laravel: ``VerifyCsrfToken::isReading()``.
        """
        return str(request.method).upper() in _READING

    def running_unit_tests(self) -> bool:
        """Tell whether the application runs its tests (``APP_ENV=testing``).

        Laravel: ``VerifyCsrfToken::runningUnitTests()``.
        """
        return bool(self.app.running_unit_tests())

    def get_excluded_paths(self) -> list[str]:
        """Get every excepted URI: the class's, the registered ones and the registrar's.

        Laravel: ``VerifyCsrfToken::getExcludedPaths()``.
        """
        paths = [*self.except_, *ValidateCsrfToken.except_]
        from protevus.foundation.configuration.middleware import Middleware

        if self.app.bound(Middleware):
            paths.extend(self.app.make(Middleware).csrf_except)
        return paths

    def in_except_array(self, request: t.Any) -> bool:
        """Tell whether the request's path or full URL matches an excepted URI.

        Laravel: ``VerifyCsrfToken::inExceptArray()``.
        """
        for pattern in self.get_excluded_paths():
            pattern = str(pattern)
            if pattern != "/":
                pattern = pattern.strip("/")
            if request.full_url_is(pattern) or request.is_(pattern):
                return True
        return False

    def tokens_match(self, request: t.Any) -> bool:
        """Tell whether the request's token equals the session's (in constant time).

        Laravel: ``VerifyCsrfToken::tokensMatch()``.
        """
        expected = request.session().token()
        given = self.get_token_from_request(request)
        if not isinstance(expected, str) or not isinstance(given, str) or not given:
            return False
        return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))

    def get_token_from_request(self, request: t.Any) -> t.Any:
        """Get the token from ``_token``, ``X-CSRF-TOKEN`` or the decrypted ``X-XSRF-TOKEN``.

        Laravel: ``VerifyCsrfToken::getTokenFromRequest()``.
        """
        token = request.input("_token") or request.header("X-CSRF-TOKEN")
        header = request.header("X-XSRF-TOKEN")
        if not token and header:
            token = self._decrypt_xsrf_header(str(header))
        return token

    def _decrypt_xsrf_header(self, header: str) -> str:
        if "%" in header:
            # A client that copied the cookie without decoding it.
            header = urllib.parse.unquote(header)
        encrypter = self.encrypter
        try:
            value = encrypter.decrypt(header, self.serialized())
        except DecryptError:
            return ""
        if not isinstance(value, str):
            return ""
        plain = CookieValuePrefix.validate(XSRF_COOKIE, value, encrypter.get_all_keys())
        return plain or ""

    def should_add_xsrf_token_cookie(self) -> bool:
        """Tell whether responses get the ``XSRF-TOKEN`` cookie.

        Laravel: ``VerifyCsrfToken::shouldAddXsrfTokenCookie()``.
        """
        return bool(self.add_http_cookie)

    def add_cookie_to_response(self, request: t.Any, response: t.Any) -> t.Any:
        """Set the ``XSRF-TOKEN`` cookie (the session token; JavaScript may read it).

        Laravel: ``VerifyCsrfToken::addCookieToResponse()``.
        """
        self.new_cookie(request).apply_to(response)
        return response

    def new_cookie(self, request: t.Any) -> Cookie:
        """Build the ``XSRF-TOKEN`` cookie from the session settings.

        Laravel: ``VerifyCsrfToken::newCookie()``.
        """
        from protevus.http.response import Cookie

        config = self.app.make("config")
        secure = config.get("session.secure")
        return Cookie(
            XSRF_COOKIE,
            str(request.session().token()),
            minutes=int(config.get("session.lifetime") or 120),
            path=config.get("session.path") or "/",
            domain=config.get("session.domain") or None,
            secure=None if secure is None else bool(secure),
            http_only=False,
            same_site=config.get("session.same_site"),
        )

    @classmethod
    def serialized(cls) -> bool:
        """Tell whether the ``XSRF-TOKEN`` cookie is serialized before encryption.

        Laravel: ``VerifyCsrfToken::serialized()``.
        """
        return EncryptCookies.serialized(XSRF_COOKIE)

    @classmethod
    def flush_state(cls) -> None:
        """Forget the URIs added with ``ValidateCsrfToken.except_([...])``.

        Laravel: ``VerifyCsrfToken::flushState()``.
        """
        ValidateCsrfToken.except_ = ExceptList()


#: Laravel's name before version 11.
VerifyCsrfToken = ValidateCsrfToken


def _has_session(request: t.Any) -> bool:
    has_session = getattr(request, "has_session", None)
    return bool(has_session()) if callable(has_session) else False
