"""The cache manager, the provider, the Cache facade and ``cache:clear``.

Laravel: ``Illuminate\\Cache\\CacheManager``, ``CacheServiceProvider``, ``ClearCommand``.
"""

from __future__ import annotations

import typing as t
from pathlib import Path

import pytest

from protevus.cache.array_store import ArrayStore
from protevus.cache.cache_manager import CacheManager
from protevus.cache.cache_service_provider import CacheServiceProvider
from protevus.cache.file_store import FileStore
from protevus.cache.null_store import NullStore
from protevus.cache.rate_limiter import RateLimiter
from protevus.cache.redis_store import RedisStore
from protevus.cache.repository import Repository
from protevus.exceptions import InvalidArgumentError


@pytest.fixture
def cache_app(make_app: t.Any) -> t.Callable[..., t.Any]:
    def build(
        env: str = "CACHE_STORE=array\n", config: dict[str, str] | None = None
    ) -> t.Any:
        return make_app(
            env="LOG_CHANNEL=null\n" + env,
            config=config,
            providers=[CacheServiceProvider],
        )

    return build


def test_the_provider_binds_the_manager_the_store_and_the_rate_limiter(
    cache_app: t.Callable[..., t.Any],
) -> None:
    app = cache_app()
    manager = app.make("cache")
    assert isinstance(manager, CacheManager)
    assert app.make(CacheManager) is manager
    assert isinstance(app.make("cache.store"), Repository)
    assert app.make("cache.store") is manager.store()
    limiter = app.make("rate_limiter")
    assert isinstance(limiter, RateLimiter)
    assert app.make(RateLimiter) is limiter
    assert limiter.get_cache() is manager.store()


def test_stores_are_built_once_and_calls_reach_the_default_store(
    cache_app: t.Callable[..., t.Any],
) -> None:
    manager = cache_app().make("cache")
    assert manager.store() is manager.store("array") is manager.driver()
    assert isinstance(manager.store().get_store(), ArrayStore)
    manager.put("key", "value", 60)
    assert manager.get("key") == "value"
    assert manager.store("array").get("key") == "value"
    assert isinstance(manager.store("null").get_store(), NullStore)


def test_the_cache_facade(cache_app: t.Callable[..., t.Any]) -> None:
    from protevus.support.facades.cache import Cache

    cache_app()
    Cache.put("facade", [1, 2], 60)
    assert Cache.get("facade") == [1, 2]
    assert Cache.store("array").pull("facade") == [1, 2]
    assert Cache.missing("facade")


def test_the_file_store_lives_under_the_base_path(
    cache_app: t.Callable[..., t.Any], tmp_path: Path
) -> None:
    manager = cache_app("CACHE_STORE=file\n").make("cache")
    store = manager.store().get_store()
    assert isinstance(store, FileStore)
    assert store.get_directory() == tmp_path / "storage/framework/cache/data"
    manager.put("a", 1, 60)
    assert any((tmp_path / "storage/framework/cache/data").rglob("*"))


def test_the_prefix_comes_from_config(cache_app: t.Callable[..., t.Any]) -> None:
    manager = cache_app("CACHE_STORE=array\nCACHE_PREFIX=shop-\n").make("cache")
    assert manager.get_prefix({}) == "shop-"
    assert manager.get_prefix({"prefix": "own-"}) == "own-"


def test_unknown_stores_and_drivers_are_clear_errors(
    cache_app: t.Callable[..., t.Any],
) -> None:
    app = cache_app(
        config={"cache": "config = {'stores': {'weird': {'driver': 'mongo'}}}\n"}
    )
    manager = app.make("cache")
    with pytest.raises(
        InvalidArgumentError, match=r"Cache store \[missing\] is not defined"
    ):
        manager.store("missing")
    with pytest.raises(
        InvalidArgumentError, match=r"Cache driver \[mongo\] of store \[weird\]"
    ):
        manager.store("weird")


def test_extend_registers_a_driver(cache_app: t.Callable[..., t.Any]) -> None:
    app = cache_app(
        "CACHE_STORE=custom\n",
        config={
            "cache": "config = {'stores': {'custom': {'driver': 'memory', 'x': 1}}}\n"
        },
    )
    manager = app.make("cache")
    seen: list[t.Any] = []

    def factory(container: t.Any, config: dict[str, t.Any]) -> ArrayStore:
        seen.append((container, config["x"], config["store"]))
        return ArrayStore()

    manager.extend("memory", factory)
    manager.put("k", "v", 60)
    assert manager.get("k") == "v"
    assert seen == [(app, 1, "custom")]
    assert isinstance(manager.store().get_store(), ArrayStore)
    assert manager.store().get_name() == "custom"


def test_the_redis_store_uses_the_configured_connection(
    cache_app: t.Callable[..., t.Any],
    require_service: t.Callable[[str], tuple[str, int]],
    redis_client: t.Any,
    redis_prefix: str,
) -> None:
    host, port = require_service("redis")
    app = cache_app(
        f"CACHE_STORE=redis\nREDIS_HOST={host}\nREDIS_PORT={port}\nREDIS_CACHE_DB=13\n"
        f"REDIS_PREFIX={redis_prefix}\nCACHE_PREFIX=app-\n"
    )
    manager = app.make("cache")
    store = manager.store().get_store()
    assert isinstance(store, RedisStore)
    assert store.get_prefix() == redis_prefix + "app-"
    manager.put("hello", "world", 60)
    assert redis_client.get(redis_prefix + "app-hello") == b'"world"'


def test_the_redis_store_needs_a_configured_connection(
    cache_app: t.Callable[..., t.Any],
) -> None:
    app = cache_app(
        "CACHE_STORE=redis\n",
        config={
            "cache": "config = {'stores': {'redis': {'driver': 'redis', 'connection': 'nope'}}}\n"
        },
    )
    with pytest.raises(
        InvalidArgumentError, match=r"Redis connection \[nope\] is not configured"
    ):
        app.make("cache").store()


def test_cache_clear_flushes_the_default_store_or_a_named_one(
    cache_app: t.Callable[..., t.Any], tmp_path: Path
) -> None:
    app = cache_app()
    manager = app.make("cache")
    manager.put("a", 1, 60)
    manager.store("file").put("b", 2, 60)
    artisan = app.make("artisan")
    assert artisan.call("cache:clear", {}) == 0
    assert "Application cache cleared successfully." in artisan.output()
    assert manager.get("a") is None
    assert manager.store("file").get("b") == 2
    assert artisan.call("cache:clear", {"store": "file"}) == 0
    assert manager.store("file").get("b") is None
    assert artisan.call("cache:clear", {"store": "missing"}) == 1
    assert "Cache store [missing] is not defined" in artisan.output()
