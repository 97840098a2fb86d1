"""Limit how often a client may call a route: ``throttle:api`` or ``throttle:60,1``.

Laravel: ``Illuminate\\Routing\\Middleware\\ThrottleRequests``.
"""

from __future__ import annotations

import hashlib
import typing as t
from dataclasses import dataclass

from protevus.cache.interacts_with_time import available_at
from protevus.cache.rate_limiter import RateLimiter
from protevus.cache.rate_limiting.unlimited import Unlimited
from protevus.exceptions import ProtevusError
from protevus.http.exceptions import HttpResponseException
from protevus.http.exceptions import TooManyRequestsHttpException
from protevus.support.aliases import CamelAliases

_Next = t.Callable[[t.Any], t.Any]


class ThrottleRequestsException(TooManyRequestsHttpException):
    """Answer 429 "Too Many Attempts." with the rate-limit headers.

    Laravel: ``Illuminate\\Http\\Exceptions\\ThrottleRequestsException``.
    """

    def __init__(
        self,
        message: str = "Too Many Attempts.",
        previous: BaseException | None = None,
        headers: t.Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(None, message, headers)
        if previous is not None:
            self.__cause__ = previous


class MissingRateLimiterException(ProtevusError):
    """Signal ``throttle:<name>`` naming a limiter nobody defined.

    Laravel: ``Illuminate\\Routing\\Exceptions\\MissingRateLimiterException``.
    """

    @classmethod
    def for_limiter(cls, limiter: str) -> MissingRateLimiterException:
        """Build the error for a limiter name. Laravel: ``forLimiter()``."""
        return cls(
            f"Rate limiter [{limiter}] is not defined. Define it in a service "
            f"provider's boot(): RateLimiter.for_('{limiter}', lambda request: "
            "Limit.per_minute(60).by(request.ip()))."
        )

    @classmethod
    def for_limiter_and_user(
        cls, limiter: str, user_class: str
    ) -> MissingRateLimiterException:
        """Build the error for a user attribute that does not exist. Laravel: ``forLimiterAndUser()``."""
        return cls(
            f"Rate limiter [{user_class}::{limiter}] is not defined. Define the "
            f"limiter with RateLimiter.for_('{limiter}', ...) or give the user a "
            f"[{limiter}] attribute."
        )


@dataclass
class _Limit:
    key: str
    max_attempts: int
    decay_seconds: int
    response_callback: t.Callable[[t.Any, dict[str, str]], t.Any] | None = None


class ThrottleRequests(CamelAliases):
    """Count each request against a limit and answer 429 once it is used up.

    ``throttle:api`` applies the named limiter ``RateLimiter.for_('api', ...)``;
    ``throttle:60,1`` allows 60 requests per 1 minute per user (their auth
    identifier) or, for guests, per ``sha1(domain|ip)``; a third parameter
    prefixes the key. ``throttle:10|60,1`` allows 10 for guests and 60 for
    users. Every response carries ``X-RateLimit-Limit`` and
    ``X-RateLimit-Remaining``; a 429 adds ``Retry-After`` and ``X-RateLimit-Reset``.

    Laravel: ``Illuminate\\Routing\\Middleware\\ThrottleRequests``.
    """

    #: hash the keys (sha1 / md5) like Laravel; turn off to read them in the store.
    _hash_keys: t.ClassVar[bool] = True

    def __init__(self, limiter: RateLimiter) -> None:
        self.limiter = limiter

    @classmethod
    def using(cls, name: str) -> str:
        """Return the middleware string for a named limiter. Laravel: ``ThrottleRequests::using()``."""
        return f"throttle:{name}"

    @classmethod
    def with_(
        cls, max_attempts: int = 60, decay_minutes: int = 1, prefix: str = ""
    ) -> str:
        """Return the middleware string for a plain limit. Laravel: ``ThrottleRequests::with()``."""
        params = f"{max_attempts},{decay_minutes}"
        return f"throttle:{params},{prefix}" if prefix else f"throttle:{params}"

    @classmethod
    def should_hash_keys(cls, should_hash_keys: bool = True) -> None:
        """Say whether cache keys are hashed. Laravel: ``ThrottleRequests::shouldHashKeys()``."""
        cls._hash_keys = should_hash_keys

    # -- handling ---------------------------------------------------------------------

    def handle(
        self,
        request: t.Any,
        next: _Next,
        max_attempts: t.Any = 60,
        decay_minutes: t.Any = None,
        prefix: t.Any = None,
    ) -> t.Any:
        """Throttle the request; pass it on while attempts remain.

        With one parameter naming a defined limiter (``throttle:api``) the limiter
        decides; otherwise the parameters are attempts, minutes and a key prefix.

        Laravel: ``ThrottleRequests::handle()``.
        """
        if isinstance(max_attempts, str) and decay_minutes is None and prefix is None:
            named = self.limiter.limiter(max_attempts)
            if named is not None:
                return self._handle_named(request, next, max_attempts, named)
        limit = _Limit(
            key=str(prefix or "") + self.resolve_request_signature(request),
            max_attempts=self.resolve_max_attempts(request, max_attempts),
            decay_seconds=_decay_seconds(1 if decay_minutes is None else decay_minutes),
        )
        return self.handle_request(request, next, [limit])

    def _handle_named(
        self, request: t.Any, next: _Next, name: str, limiter: t.Callable[..., t.Any]
    ) -> t.Any:
        """Apply what the named limiter returns. Laravel: ``handleRequestUsingNamedLimiter()``."""
        result = limiter(request)
        if isinstance(result, Unlimited):
            return next(request)
        if _is_response(result):
            return result
        limits = result if isinstance(result, list | tuple) else [result]
        prepared: list[_Limit] = []
        for limit in limits:
            if isinstance(limit, Unlimited):
                continue
            key = (
                hashlib.md5((name + limit.key).encode("utf-8")).hexdigest()
                if self._hash_keys
                else f"{name}:{limit.key}"
            )
            prepared.append(
                _Limit(
                    key,
                    limit.max_attempts,
                    limit.decay_seconds,
                    limit.response_callback,
                )
            )
        if not prepared:
            return next(request)
        return self.handle_request(request, next, prepared)

    def handle_request(
        self, request: t.Any, next: _Next, limits: list[_Limit]
    ) -> t.Any:
        """Check and count every limit, call the route, then add the headers.

        Laravel: ``ThrottleRequests::handleRequest()``.
        """
        for limit in limits:
            # Count first and decide on the store's atomic result: checking and
            # then counting (as Laravel does) lets concurrent requests all pass.
            if (
                self.limiter.too_many_attempts(limit.key, limit.max_attempts)
                or self.limiter.hit(limit.key, limit.decay_seconds) > limit.max_attempts
            ):
                raise self.build_exception(
                    request, limit.key, limit.max_attempts, limit.response_callback
                )
        response = _as_response(request, next(request))
        for limit in limits:
            remaining = self.calculate_remaining_attempts(limit.key, limit.max_attempts)
            self.add_headers(response, limit.max_attempts, remaining)
        return response

    # -- keys and limits ------------------------------------------------------------------

    def resolve_max_attempts(self, request: t.Any, max_attempts: t.Any) -> int:
        """Read the attempts parameter: a number, ``guest|user``, or a user attribute.

        Laravel: ``ThrottleRequests::resolveMaxAttempts()``.
        """
        value = max_attempts
        if isinstance(value, str) and "|" in value:
            value = value.split("|", 1)[1 if request.user() else 0]
        if not _is_numeric(value):
            user = request.user()
            if user is not None and _has_attribute(user, str(value)):
                value = _attribute(user, str(value))
        if not _is_numeric(value):
            user = request.user()
            if user is None:
                raise MissingRateLimiterException.for_limiter(str(value))
            cls = type(user)
            raise MissingRateLimiterException.for_limiter_and_user(
                str(value), f"{cls.__module__}.{cls.__qualname__}"
            )
        return int(float(value))

    def resolve_request_signature(self, request: t.Any) -> str:
        """Return the key of the caller: the user's identifier, else ``domain|ip``.

        Laravel: ``ThrottleRequests::resolveRequestSignature()``.
        """
        user = request.user()
        if user is not None:
            return self._format_identifier(_auth_identifier(user))
        route = request.route()
        if route is not None:
            domain = route.get_domain() or ""
            return self._format_identifier(f"{domain}|{request.ip() or ''}")
        raise RuntimeError(
            "Unable to generate the request signature. Route unavailable."
        )

    def _format_identifier(self, value: str) -> str:
        return (
            hashlib.sha1(value.encode("utf-8")).hexdigest()
            if self._hash_keys
            else value
        )

    # -- the 429 and the headers ------------------------------------------------------------

    def build_exception(
        self,
        request: t.Any,
        key: str,
        max_attempts: int,
        response_callback: t.Callable[[t.Any, dict[str, str]], t.Any] | None = None,
    ) -> Exception:
        """Build the 429 error (or the limiter's own response). Laravel: ``buildException()``."""
        retry_after = self.get_time_until_next_retry(key)
        headers = self.get_headers(
            max_attempts,
            self.calculate_remaining_attempts(key, max_attempts, retry_after),
            retry_after,
        )
        if callable(response_callback):
            return HttpResponseException(
                _as_response(request, response_callback(request, headers))
            )
        return ThrottleRequestsException("Too Many Attempts.", None, headers)

    def get_time_until_next_retry(self, key: str) -> int:
        """Return the seconds until the key may try again. Laravel: ``getTimeUntilNextRetry()``."""
        return self.limiter.available_in(key)

    def add_headers(
        self,
        response: t.Any,
        max_attempts: int,
        remaining_attempts: int,
        retry_after: int | None = None,
    ) -> t.Any:
        """Add the rate-limit headers to ``response``. Laravel: ``ThrottleRequests::addHeaders()``."""
        headers = self.get_headers(
            max_attempts, remaining_attempts, retry_after, response
        )
        for name, value in headers.items():
            response.headers[name] = value
        return response

    def get_headers(
        self,
        max_attempts: int,
        remaining_attempts: int,
        retry_after: int | None = None,
        response: t.Any = None,
    ) -> dict[str, str]:
        """Return the headers; a stricter limit already on ``response`` wins.

        Laravel: ``ThrottleRequests::getHeaders()``.
        """
        if response is not None:
            existing = response.headers.get("X-RateLimit-Remaining")
            if existing is not None and _is_numeric(existing):
                if int(float(existing)) <= remaining_attempts:
                    return {}
        headers = {
            "X-RateLimit-Limit": str(max_attempts),
            "X-RateLimit-Remaining": str(remaining_attempts),
        }
        if retry_after is not None:
            headers["Retry-After"] = str(retry_after)
            headers["X-RateLimit-Reset"] = str(available_at(retry_after))
        return headers

    def calculate_remaining_attempts(
        self, key: str, max_attempts: int, retry_after: int | None = None
    ) -> int:
        """Return the attempts left (0 once throttled). Laravel: ``calculateRemainingAttempts()``."""
        if retry_after is None:
            return self.limiter.retries_left(key, max_attempts)
        return 0


def _decay_seconds(decay_minutes: t.Any) -> int:
    if not _is_numeric(decay_minutes):
        raise ValueError(
            f"Throttle decay [{decay_minutes}] must be a number of minutes, as in throttle:60,1."
        )
    seconds = int(60 * float(decay_minutes))
    if seconds <= 0:
        # A window of no time keeps no count: the route would never be throttled.
        raise ValueError(
            f"Throttle decay [{decay_minutes}] must be at least one second; write "
            "minutes, as in throttle:60,1."
        )
    return seconds


def _is_numeric(value: t.Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    try:
        float(str(value).strip())
    except ValueError:
        return False
    return str(value).strip() != ""


def _has_attribute(user: t.Any, name: str) -> bool:
    has = getattr(user, "has_attribute", None)
    if callable(has):
        return bool(has(name))
    return not name.startswith("_") and hasattr(user, name)


def _attribute(user: t.Any, name: str) -> t.Any:
    return getattr(user, name)


def _auth_identifier(user: t.Any) -> str:
    identifier = getattr(user, "get_auth_identifier", None)
    if callable(identifier):
        return str(identifier())
    if isinstance(user, t.Mapping):
        return str(user.get("id"))
    return str(getattr(user, "id", user))


def _is_response(value: t.Any) -> bool:
    return hasattr(value, "status_code") and hasattr(value, "headers")


def _as_response(request: t.Any, value: t.Any) -> t.Any:
    """Turn what a route or callback returned into a response (the router's rules)."""
    if _is_response(value):
        return value
    from protevus.container.container import Container

    return Container.get_instance().make("router").to_response(request, value)
