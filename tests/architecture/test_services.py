"""The real servers that driver tests use are reachable (skips locally, fails in CI)."""

import typing as t

import pytest


@pytest.mark.parametrize("service", ["pgsql", "mysql", "redis", "rabbitmq"])
def test_service_is_reachable(service: str, require_service: t.Any) -> None:
    host, port = require_service(service)
    assert host == "127.0.0.1" and port > 0
