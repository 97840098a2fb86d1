"""The Facade base: resolution, caching, swap, fakes, errors."""

from __future__ import annotations

import typing as t

import pytest

from protevus.container.container import Container
from protevus.support.facades.facade import Facade
from protevus.support.facades.facade import FacadeError


class Counter:
    def __init__(self) -> None:
        self.count = 0

    def increment_by(self, n: int = 1) -> int:
        self.count += n
        return self.count


class CounterFacade(Facade):
    accessor = "counter"


class Uncached(Facade):
    accessor = "counter"
    cached = False


class Nameless(Facade):
    pass


@pytest.fixture
def container() -> Container:
    c = Container()
    c.bind("counter", lambda app: Counter())
    Facade.set_facade_application(c)
    return c


def test_calls_are_forwarded_to_the_resolved_root(container: Container) -> None:
    assert CounterFacade.increment_by(2) == 2
    assert CounterFacade.increment_by() == 3  # root cached: same Counter


def test_camel_case_reaches_the_root_twin(container: Container) -> None:
    from protevus.support.aliases import add_camel_aliases

    add_camel_aliases(Counter)
    assert CounterFacade.incrementBy(5) == 5


def test_uncached_facade_resolves_every_time(container: Container) -> None:
    assert Uncached.increment_by() == 1
    assert Uncached.increment_by() == 1


def test_swap_replaces_the_root_and_the_binding(container: Container) -> None:
    fake = Counter()
    fake.count = 100
    CounterFacade.swap(fake)
    assert CounterFacade.increment_by() == 101
    assert container.make("counter") is fake


def test_clear_resolved_instances(container: Container) -> None:
    CounterFacade.increment_by()
    Facade.clear_resolved_instances()
    assert CounterFacade.increment_by() == 1


def test_fake_uses_the_registered_factory(container: Container) -> None:
    class FakeCounter(Counter):
        is_fake = True

        def __init__(self, real: t.Any, start: int = 0) -> None:
            super().__init__()
            self.real = real
            self.count = start

    Facade.register_fake("counter", FakeCounter)
    try:
        fake = CounterFacade.fake(start=10)
        assert isinstance(fake.real, Counter)
        assert CounterFacade.is_fake()
        assert CounterFacade.increment_by() == 11
    finally:
        Facade._fakes.pop("counter", None)


def test_fake_without_factory_is_a_clear_error(container: Container) -> None:
    with pytest.raises(FacadeError, match=r"has no fake: register one"):
        CounterFacade.fake()


def test_unbound_service_names_the_key(container: Container) -> None:
    class Missing(Facade):
        accessor = "nothing.here"

    with pytest.raises(FacadeError, match=r"cannot resolve \[nothing\.here\]"):
        Missing.anything()


def test_facade_without_accessor(container: Container) -> None:
    with pytest.raises(FacadeError, match=r"does not name a service"):
        Nameless.anything()


def test_private_names_are_not_forwarded(container: Container) -> None:
    with pytest.raises(AttributeError):
        CounterFacade._secret  # noqa: B018


def test_every_design_facade_names_its_key() -> None:
    import protevus.facades as facades

    expected = {
        "App": "app", "Artisan": "artisan", "Auth": "auth", "Blade": "blade.compiler",
        "Bus": "bus", "Cache": "cache", "Config": "config", "Cookie": "cookie",
        "Crypt": "encrypter", "DB": "db", "Event": "events", "Gate": "gate",
        "Hash": "hash", "Http": "http", "Log": "log", "Mail": "mail.manager",
        "Queue": "queue", "RateLimiter": "rate_limiter", "Redirect": "redirect",
        "Request": "request", "Response": "response", "Route": "router",
        "Schedule": "schedule", "Schema": "schema", "Session": "session",
        "Storage": "filesystem", "URL": "url", "Validator": "validator", "View": "view",
    }  # fmt: skip
    for name, key in expected.items():
        assert getattr(facades, name).accessor == key, name
