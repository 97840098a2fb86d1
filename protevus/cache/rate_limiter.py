"""Count attempts per key in the cache, and keep the named limiters routes use.

Laravel: ``Illuminate\\Cache\\RateLimiter``.
"""

from __future__ import annotations

import enum
import html.entities
import re
import typing as t
from collections import Counter

from protevus.cache.interacts_with_time import available_at
from protevus.cache.interacts_with_time import current_time
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.cache.repository import Repository

_LimiterCallback = t.Callable[..., t.Any]
_ENTITY = re.compile(r"&([a-z])[a-z]+;", re.IGNORECASE)


class RateLimiter(CamelAliases):
    """Count hits per key in a cache store, so every worker sharing it agrees.

    Each key has two items: ``key`` (the hit counter) and ``key:timer`` (the
    UNIX time it resets). Both are created with ``add`` and counted with
    ``increment``, which the database and redis stores do atomically::

        if RateLimiter.too_many_attempts('send-message:' + str(user.id), 5):
            seconds = RateLimiter.available_in('send-message:' + str(user.id))
        RateLimiter.hit('send-message:' + str(user.id))

    Named limiters (``for_``) tell the ``throttle`` middleware what to count.

    Laravel: ``Illuminate\\Cache\\RateLimiter``.
    """

    def __init__(self, cache: Repository) -> None:
        self._cache = cache
        self._limiters: dict[str, _LimiterCallback] = {}

    # -- named limiters --------------------------------------------------------------

    def for_(self, name: t.Any, callback: _LimiterCallback) -> RateLimiter:
        """Register a named limiter: ``callback(request)`` returns a Limit, a list, or a response.

        Laravel: ``RateLimiter::for()``.
        """
        self._limiters[self._resolve_limiter_name(name)] = callback
        return self

    def limiter(self, name: t.Any) -> _LimiterCallback | None:
        """Return the named limiter, or None when it is not defined.

        Limits of one limiter that share a ``by()`` key get distinct keys, so a
        per-minute and a per-day limit do not count into one counter.

        Laravel: ``RateLimiter::limiter()``.
        """
        callback = self._limiters.get(self._resolve_limiter_name(name))
        if callback is None:
            return None

        def resolve(*args: t.Any, **kwargs: t.Any) -> t.Any:
            result = callback(*args, **kwargs)
            if not isinstance(result, list | tuple):
                return result
            counts = Counter(getattr(limit, "key", None) for limit in result)
            for limit in result:
                if counts[getattr(limit, "key", None)] > 1:
                    limit.key = limit.fallback_key()
            return list(result)

        return resolve

    @staticmethod
    def _resolve_limiter_name(name: t.Any) -> str:
        if isinstance(name, enum.Enum):
            raw = name.value
            return str(raw) if isinstance(raw, str | int) else name.name
        return str(name)

    # -- counting ----------------------------------------------------------------------

    def attempt(
        self,
        key: str,
        max_attempts: int,
        callback: t.Callable[[], t.Any],
        decay_seconds: int = 60,
    ) -> t.Any:
        """Run ``callback`` and count a hit, unless the key is out of attempts (then False).

        Returns the callback's result (True when it returns None). The hit is
        counted first and the decision taken on the store's atomic count, so
        concurrent calls (threads, workers) cannot all slip under the limit;
        Laravel checks first and counts after the callback.

        Laravel: ``RateLimiter::attempt()``.
        """
        if self.too_many_attempts(key, max_attempts):
            return False
        if self.hit(key, decay_seconds) > max_attempts:
            return False
        result = callback()
        return True if result is None else result

    def too_many_attempts(self, key: str, max_attempts: int) -> bool:
        """Tell whether the key has used its attempts and its window has not ended.

        Laravel: ``RateLimiter::tooManyAttempts()``.
        """
        if self.attempts(key) >= max_attempts:
            if self._cache.has(self.clean_rate_limiter_key(key) + ":timer"):
                return True
            self.reset_attempts(key)
        return False

    def hit(self, key: str, decay_seconds: int = 60) -> int:
        """Count one attempt; the window lasts ``decay_seconds``. Laravel: ``RateLimiter::hit()``."""
        return self.increment(key, decay_seconds)

    def increment(self, key: str, decay_seconds: int = 60, amount: int = 1) -> int:
        """Count ``amount`` attempts and return the total. Laravel: ``RateLimiter::increment()``."""
        key = self.clean_rate_limiter_key(key)
        self._cache.add(key + ":timer", available_at(decay_seconds), decay_seconds)
        added = self._cache.add(key, 0, decay_seconds)
        hits = self._cache.increment(key, amount)
        if hits is False:
            # The counter expired between add() and increment() on a store that
            # does not create missing items (database): open a new window.
            if self._cache.add(key, amount, decay_seconds):
                return int(amount)
            hits = self._cache.increment(key, amount)
            if hits is False:
                return int(amount)
        hits = int(hits)
        if not added and hits == amount:
            self._expire_created_counter(key, decay_seconds)
        return hits

    def _expire_created_counter(self, key: str, decay_seconds: int) -> None:
        """Give an expiry to a counter ``increment`` created without one.

        Laravel puts the counter back to 1 here, which can wipe another worker's
        hit made in between; the bundled stores only add the missing expiry.
        """
        store = self._cache.get_store()
        expire = getattr(store, "expire_if_persistent", None)
        if callable(expire):
            expire(key, decay_seconds)
        else:
            self._cache.put(key, 1, decay_seconds)

    def decrement(self, key: str, decay_seconds: int = 60, amount: int = 1) -> int:
        """Take back ``amount`` attempts. Laravel: ``RateLimiter::decrement()``."""
        return self.increment(key, decay_seconds, -amount)

    def attempts(self, key: str) -> int:
        """Return the number of attempts counted for the key. Laravel: ``RateLimiter::attempts()``."""
        found = self._cache.get(self.clean_rate_limiter_key(key), 0)
        try:
            return int(found)
        except (TypeError, ValueError):
            return 0

    def reset_attempts(self, key: str) -> bool:
        """Forget the key's counter. Laravel: ``RateLimiter::resetAttempts()``."""
        return self._cache.forget(self.clean_rate_limiter_key(key))

    def remaining(self, key: str, max_attempts: int) -> int:
        """Return how many attempts are left. Laravel: ``RateLimiter::remaining()``."""
        return max_attempts - self.attempts(key)

    def retries_left(self, key: str, max_attempts: int) -> int:
        """Return how many attempts are left. Laravel: ``RateLimiter::retriesLeft()``."""
        return self.remaining(key, max_attempts)

    def clear(self, key: str) -> None:
        """Forget the key's counter and its timer. Laravel: ``RateLimiter::clear()``."""
        key = self.clean_rate_limiter_key(key)
        self.reset_attempts(key)
        self._cache.forget(key + ":timer")

    def available_in(self, key: str) -> int:
        """Return the seconds until the key may try again (0 when it may now).

        Laravel: ``RateLimiter::availableIn()``.
        """
        timer = self._cache.get(self.clean_rate_limiter_key(key) + ":timer")
        try:
            reset_at = int(timer)
        except (TypeError, ValueError):
            return 0
        return max(0, reset_at - int(current_time()))

    def clean_rate_limiter_key(self, key: t.Any) -> str:
        """Turn accented letters into plain ones (``é`` → ``e``), as Laravel keys them.

        Laravel: ``RateLimiter::cleanRateLimiterKey()`` (``htmlentities`` then
        an entity-to-letter replacement).
        """
        text = str(key)
        if text.isascii() and "&" not in text and "<" not in text and ">" not in text:
            if '"' not in text and "'" not in text:
                return text
        return _ENTITY.sub(r"\1", _html_entities(text))

    def get_cache(self) -> Repository:
        """Return the cache repository holding the counters."""
        return self._cache


def _html_entities(text: str) -> str:
    """Encode ``text`` as PHP's ``htmlentities()`` does (ENT_QUOTES, HTML 4.01 names)."""
    names = html.entities.codepoint2name
    out: list[str] = []
    for char in text:
        if char == "'":
            out.append("&#039;")
            continue
        name = names.get(ord(char))
        out.append(f"&{name};" if name else char)
    return "".join(out)
