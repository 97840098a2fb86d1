"""Manager: named drivers built once, extend(), forwarding."""

from __future__ import annotations

import typing as t

import pytest

from protevus.exceptions import InvalidArgumentError
from protevus.support.manager import Manager
from protevus.support.manager import driver_method_name


class Container:
    def __init__(self, config: dict[str, t.Any]) -> None:
        self.config = config
        self.made: list[str] = []

    def make(self, key: str) -> t.Any:
        self.made.append(key)
        if key == "config":
            return self.config
        raise LookupError(key)


class Store:
    def __init__(self, name: str) -> None:
        self.name = name

    def get(self, key: str) -> str:
        return f"{self.name}:{key}"


class CacheManager(Manager):
    def get_default_driver(self) -> str | None:
        return self.config["cache.default"]  # type: ignore[no-any-return]

    def create_array_driver(self) -> Store:
        return Store("array")

    def create_my_driver_driver(self) -> Store:
        return Store("mine")


def make(default: str | None = "array") -> tuple[CacheManager, Container]:
    container = Container({"cache.default": default})
    return CacheManager(container), container


def test_config_is_resolved_lazily() -> None:
    manager, container = make()
    assert container.made == []
    assert manager.config == {"cache.default": "array"}
    assert container.made == ["config"]


def test_default_driver_is_built_once_and_cached() -> None:
    manager, _ = make()
    store = manager.driver()
    assert store.name == "array"
    assert manager.driver() is store
    assert manager.driver("array") is store
    assert manager.get_drivers() == {"array": store}


def test_create_method_lookup_uses_snake_case_names() -> None:
    manager, _ = make()
    assert manager.driver("my-driver").name == "mine"
    assert driver_method_name("redis") == "create_redis_driver"
    assert driver_method_name("my-driver") == "create_my_driver_driver"
    assert driver_method_name("RedisCluster") == "create_redis_cluster_driver"


def test_extend_takes_precedence_and_receives_the_container() -> None:
    manager, container = make()
    seen: list[t.Any] = []

    def creator(app: t.Any) -> Store:
        seen.append(app)
        return Store("custom")

    assert manager.extend("array", creator) is manager
    assert manager.driver().name == "custom"
    assert seen == [container]
    manager.extend("redis", lambda app: Store("redis"))
    assert manager.driver("redis").name == "redis"


def test_unknown_driver_is_a_clear_error() -> None:
    manager, _ = make()
    manager.extend("memcached", lambda app: Store("m"))
    with pytest.raises(InvalidArgumentError) as info:
        manager.driver("mongo")
    assert str(info.value) == (
        "Driver [mongo] not supported by [CacheManager]. "
        "Supported: array, memcached, my_driver; register others with extend()."
    )


def test_null_default_driver_is_an_error() -> None:
    manager, _ = make(default=None)
    with pytest.raises(InvalidArgumentError, match=r"NULL driver for \[CacheManager\]"):
        manager.driver()


def test_forget_drivers_rebuilds() -> None:
    manager, _ = make()
    first = manager.driver()
    assert manager.forget_drivers() is manager
    assert manager.get_drivers() == {}
    assert manager.driver() is not first


def test_unknown_attributes_forward_to_the_default_driver() -> None:
    manager, _ = make()
    assert manager.get("key") == "array:key"
    assert manager.name == "array"
    with pytest.raises(AttributeError):
        manager.not_on_the_store  # noqa: B018
    with pytest.raises(AttributeError):
        manager._private  # noqa: B018


def test_no_recursion_in_default_driver_or_half_built_manager() -> None:
    class Broken(Manager):
        def get_default_driver(self) -> str | None:
            return self.missing_setting  # type: ignore[no-any-return]

    broken = Broken(Container({}))
    with pytest.raises(AttributeError, match="missing_setting"):
        broken.driver()

    half = CacheManager.__new__(CacheManager)
    with pytest.raises(AttributeError):
        half.anything  # noqa: B018


def test_base_class_requires_a_default_driver() -> None:
    with pytest.raises(NotImplementedError, match=r"\[Manager\]"):
        Manager(Container({})).driver()


def test_container_accessors_and_aliases() -> None:
    manager, container = make()
    assert manager.get_container() is container
    other = Container({"cache.default": "array"})
    assert manager.set_container(other).getContainer() is other
    assert manager.getDrivers() == {}
