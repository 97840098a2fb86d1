"""Redis clients from the database.redis settings (used by the cache store and the session handler)."""

from __future__ import annotations

import typing as t

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.support.redis_connector import make_redis_client


def test_a_missing_connection_names_the_setting() -> None:
    with pytest.raises(
        InvalidArgumentError,
        match=r"Redis connection \[sessions\] is not configured; .* set SESSION_CONNECTION\.",
    ):
        make_redis_client("sessions", None, "SESSION_CONNECTION")


def test_clients_reach_the_server_by_host_or_url(
    require_service: t.Callable[[str], tuple[str, int]],
) -> None:
    host, port = require_service("redis")
    by_host = make_redis_client(
        "default", {"host": host, "port": port, "database": 12}, "X"
    )
    by_url = make_redis_client(
        "default", {"url": f"redis://{host}:{port}", "database": 12}, "X"
    )
    try:
        by_host.set("protevus_connector_probe", "1", ex=5)
        assert by_url.get("protevus_connector_probe") == b"1"
        assert by_url.connection_pool.connection_kwargs["db"] == 12
    finally:
        by_host.delete("protevus_connector_probe")
        by_host.close()
        by_url.close()
