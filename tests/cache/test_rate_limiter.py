"""The rate limiter over real stores (Laravel: ``Illuminate\\Cache\\RateLimiter``, ``Limit``)."""

from __future__ import annotations

import enum
import threading
import typing as t

import pytest

from protevus.cache.array_store import ArrayStore
from protevus.cache.database_store import DatabaseStore
from protevus.cache.rate_limiter import RateLimiter
from protevus.cache.rate_limiting.global_limit import GlobalLimit
from protevus.cache.rate_limiting.limit import Limit
from protevus.cache.rate_limiting.unlimited import Unlimited
from protevus.cache.redis_store import RedisStore
from protevus.cache.repository import Repository


@pytest.fixture
def limiter() -> RateLimiter:
    return RateLimiter(Repository(ArrayStore()))


def test_hit_counts_and_too_many_attempts_stops(
    limiter: RateLimiter, clock: t.Any
) -> None:
    assert limiter.attempts("login") == 0
    assert [limiter.hit("login", 60) for _ in range(3)] == [1, 2, 3]
    assert limiter.attempts("login") == 3
    assert limiter.too_many_attempts("login", 4) is False
    assert limiter.too_many_attempts("login", 3) is True
    assert limiter.remaining("login", 5) == 2
    assert limiter.retries_left("login", 5) == 2
    assert limiter.available_in("login") == 60
    clock.advance(45)
    assert limiter.available_in("login") == 15


def test_the_window_ends_after_the_decay(limiter: RateLimiter, clock: t.Any) -> None:
    limiter.hit("key", 10)
    limiter.hit("key", 10)
    assert limiter.too_many_attempts("key", 2)
    clock.advance(10)
    assert limiter.too_many_attempts("key", 2) is False
    assert limiter.available_in("key") == 0
    assert limiter.hit("key", 10) == 1


def test_attempt_runs_the_callback_until_the_limit(limiter: RateLimiter) -> None:
    calls: list[int] = []
    assert limiter.attempt("send", 2, lambda: calls.append(1)) is True
    assert limiter.attempt("send", 2, lambda: "sent") == "sent"
    assert limiter.attempt("send", 2, lambda: calls.append(1)) is False
    assert calls == [1]


def test_clear_forgets_the_counter_and_the_timer(limiter: RateLimiter) -> None:
    limiter.hit("key")
    limiter.clear("key")
    assert limiter.attempts("key") == 0
    assert limiter.available_in("key") == 0
    assert limiter.get_cache().get("key:timer") is None
    limiter.hit("other")
    limiter.reset_attempts("other")
    assert limiter.attempts("other") == 0
    assert limiter.get_cache().has("other:timer")


def test_increment_and_decrement_by_amounts(limiter: RateLimiter) -> None:
    assert limiter.increment("uploads", 60, 5) == 5
    assert limiter.decrement("uploads", 60, 2) == 3
    assert limiter.remaining("uploads", 3) == 0


def test_keys_are_cleaned_like_laravel(limiter: RateLimiter) -> None:
    assert limiter.clean_rate_limiter_key("café") == "cafe"
    assert limiter.clean_rate_limiter_key("Ünïcode") == "Unicode"
    assert limiter.clean_rate_limiter_key("a&b <c>") == "aab lcg"
    assert limiter.clean_rate_limiter_key("plain:key|1.2.3.4") == "plain:key|1.2.3.4"
    limiter.hit("café")
    assert limiter.attempts("cafe") == 1


def test_counters_live_in_the_cache_like_laravel(clock: t.Any) -> None:
    cache = Repository(ArrayStore())
    limiter = RateLimiter(cache)
    limiter.hit("key", 30)
    assert cache.get("key") == 1
    assert cache.get("key:timer") == int(clock.now) + 30


class Plan(enum.Enum):
    UPLOADS = "uploads"


def test_named_limiters(limiter: RateLimiter) -> None:
    assert limiter.limiter("api") is None
    limiter.for_("api", lambda request: Limit.per_minute(60).by(request))
    limiter.for_(
        Plan.UPLOADS, lambda request: [Limit.per_minute(3), Limit.per_day(100)]
    )
    api = limiter.limiter("api")
    assert api is not None
    limit = api("1.2.3.4")
    assert (limit.key, limit.max_attempts, limit.decay_seconds) == ("1.2.3.4", 60, 60)
    uploads = limiter.limiter("uploads")
    assert uploads is not None
    minute, day = uploads(None)
    # two limits sharing a key get keys of their own
    assert (
        minute.key == "attempts:3:decay:60:" and day.key == "attempts:100:decay:86400:"
    )


def test_limit_builders() -> None:
    assert vars(Limit.per_second(5)) == {
        "key": "",
        "max_attempts": 5,
        "decay_seconds": 1,
        "response_callback": None,
    }
    assert Limit.per_minute(10, 5).decay_seconds == 300
    assert Limit.per_minutes(5, 10).max_attempts == 10
    assert Limit.per_minutes(5, 10).decay_seconds == 300
    assert Limit.per_hour(1000, 2).decay_seconds == 7200
    assert Limit.per_day(1).decay_seconds == 86400
    assert Limit.per_minute(1).by(None).key == ""
    assert Limit.per_minute(1).by(42).key == "42"
    callback = lambda request, headers: "slow down"  # noqa: E731
    assert Limit.per_minute(1).response(callback).response_callback is callback
    assert isinstance(Limit.none(), Unlimited)
    assert GlobalLimit(5, 30).decay_seconds == 30
    assert Limit.perMinute(2).max_attempts == 2  # camelCase twin


def test_every_store_counts_hits_from_many_threads(cache: Repository) -> None:
    """Concurrent workers on one store: every hit counted once, in one window."""
    limiter = RateLimiter(cache)
    barrier = threading.Barrier(5)
    results: list[int] = []

    def worker() -> None:
        barrier.wait()
        for _ in range(4):
            results.append(limiter.hit("shared", 60))

    threads = [threading.Thread(target=worker) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == list(range(1, 21))
    assert limiter.attempts("shared") == 20
    assert limiter.too_many_attempts("shared", 20)


def test_attempt_lets_exactly_the_limit_through_when_called_at_once(
    cache: Repository,
) -> None:
    """A slow callback (a password check) must not let concurrent callers past the limit."""
    limiter = RateLimiter(cache)
    barrier = threading.Barrier(10)
    passed: list[bool] = []
    ran = threading.Event()

    def slow() -> bool:
        ran.wait(0.05)  # every caller is inside at once
        return True

    def worker() -> None:
        barrier.wait()
        passed.append(limiter.attempt("login", 5, slow) is True)

    threads = [threading.Thread(target=worker) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert passed.count(True) == 5


def test_a_counter_that_expired_mid_hit_gets_a_new_window(clock: t.Any) -> None:
    cache = Repository(ArrayStore())
    limiter = RateLimiter(cache)
    # what increment() leaves when the counter expired between add() and it
    cache.forever("key", 0)
    assert limiter.hit("key", 10) == 1
    clock.advance(10)
    assert limiter.attempts("key") == 0


def test_the_database_store_opens_a_window_when_the_counter_vanished(
    cache_connection: t.Any, clock: t.Any
) -> None:
    cache = Repository(DatabaseStore(cache_connection))
    limiter = RateLimiter(cache)
    assert limiter.hit("key", 10) == 1
    clock.advance(10)
    assert limiter.hit("key", 10) == 1
    assert limiter.available_in("key") == 10


def test_the_redis_store_counts_hits_with_an_expiry(
    redis_client: t.Any, redis_prefix: str
) -> None:
    limiter = RateLimiter(Repository(RedisStore(redis_client, redis_prefix)))
    assert [limiter.hit("ip", 30) for _ in range(3)] == [1, 2, 3]
    assert 0 < redis_client.ttl(redis_prefix + "ip") <= 30
    assert 0 < redis_client.ttl(redis_prefix + "ip:timer") <= 30
    assert limiter.too_many_attempts("ip", 3)
    assert 29 <= limiter.available_in("ip") <= 30
    limiter.clear("ip")
    assert limiter.attempts("ip") == 0
    # A counter INCRBY created without expiry gets one (Laravel's put(key, 1, decay)).
    redis_client.delete(redis_prefix + "ip")
    redis_client.set(redis_prefix + "lost", 0)
    assert limiter.hit("lost", 30) == 1
    assert redis_client.ttl(redis_prefix + "lost") > 0


def test_the_rate_limiter_facade(make_app: t.Any) -> None:
    from protevus.cache.cache_service_provider import CacheServiceProvider
    from protevus.support.facades.rate_limiter import RateLimiter as RateLimiterFacade

    make_app(
        env="CACHE_STORE=array\nLOG_CHANNEL=null\n", providers=[CacheServiceProvider]
    )
    assert RateLimiterFacade.attempt("facade", 1, lambda: "ok") == "ok"
    assert RateLimiterFacade.too_many_attempts("facade", 1) is True
    RateLimiterFacade.clear("facade")
    assert RateLimiterFacade.attempts("facade") == 0
