"""Read the clock the cache and the rate limiter share, and turn TTLs into seconds.

Laravel: ``Illuminate\\Support\\InteractsWithTime``.
"""

from __future__ import annotations

import datetime as _dt
import sys
import time

#: a time-to-live: seconds, a ``timedelta``, or the ``datetime`` it ends at.
Ttl = int | float | _dt.timedelta | _dt.datetime | None


def current_time() -> float:
    """Return the current UNIX time in seconds, or the frozen test time when set.

    ``Carbon.set_test_now(...)`` freezes it, so expiry can be tested without
    sleeping. Carbon is only consulted when something has imported it already.

    Laravel: ``InteractsWithTime::currentTime()`` (``Carbon::now()->getTimestamp()``).
    """
    carbon = sys.modules.get("protevus.support.carbon")
    if carbon is not None:
        frozen = carbon.Carbon.get_test_now()
        if frozen is not None:
            return float(frozen.timestamp())
    return time.time()


def seconds_until(ttl: Ttl, now: float | None = None) -> int | float | None:
    """Return how many seconds ``ttl`` lasts (None for no TTL); may be zero or negative.

    An ``int`` or ``float`` is seconds, a ``timedelta`` its length, a
    ``datetime`` the time left until it.

    Laravel: ``Repository::getSeconds()`` / ``InteractsWithTime::secondsUntil()``.
    """
    if ttl is None:
        return None
    if isinstance(ttl, bool):
        raise TypeError(
            f"Cache TTL [{ttl!r}] must be seconds, a timedelta or a datetime."
        )
    if isinstance(ttl, _dt.datetime):
        start = current_time() if now is None else now
        seconds: int | float = ttl.timestamp() - start
    elif isinstance(ttl, _dt.timedelta):
        seconds = ttl.total_seconds()
    elif isinstance(ttl, int | float):
        seconds = ttl
    else:
        raise TypeError(
            f"Cache TTL [{ttl!r}] must be seconds (int or float), a timedelta or a datetime."
        )
    if isinstance(seconds, float) and seconds.is_integer():
        return int(seconds)
    return seconds


def available_at(delay: Ttl = 0) -> int:
    """Return the UNIX timestamp (int) ``delay`` from now.

    Laravel: ``InteractsWithTime::availableAt()``.
    """
    if isinstance(delay, _dt.datetime):
        return int(delay.timestamp())
    seconds = seconds_until(delay) or 0
    return int(current_time() + seconds)
