"""Build Redis clients from the ``database.redis`` connection settings.

Laravel: ``Illuminate\\Redis\\Connectors\\PhpRedisConnector`` (what ``RedisManager``
uses). The cache store and the session handler both connect through here.
"""

from __future__ import annotations

import typing as t

from protevus.exceptions import InvalidArgumentError


def make_redis_client(name: str, config: t.Any, setting: str) -> t.Any:
    """Return a ``redis.Redis`` client for connection ``name`` (its ``database.redis.<name>`` dict).

    ``url`` wins; otherwise ``host``, ``port``, ``username``, ``password`` and
    ``database``. ``setting`` names what chose the connection (``SESSION_CONNECTION``)
    for the error when it is not configured.

    Laravel: ``PhpRedisConnector::connect()``.
    """
    if not isinstance(config, t.Mapping):
        raise InvalidArgumentError(
            f"Redis connection [{name}] is not configured; add it under "
            f"database.redis in config/database.py or set {setting}."
        )
    try:
        import redis
    except ImportError as exc:  # pragma: no cover - the test extra installs it
        raise InvalidArgumentError(
            "Redis needs the [redis] package; install it with `pip install redis` "
            "(or the protevus[redis] extra)."
        ) from exc
    database = int(config.get("database") or 0)
    url = config.get("url")
    if url:
        return redis.Redis.from_url(str(url), db=database)
    return redis.Redis(
        host=str(config.get("host") or "127.0.0.1"),
        port=int(config.get("port") or 6379),
        db=database,
        username=config.get("username") or None,
        password=config.get("password") or None,
    )
