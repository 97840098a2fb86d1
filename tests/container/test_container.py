"""Container behaviour, following Laravel's ContainerTest cases.

This module uses ``from __future__ import annotations``, so every constructor hint
below is a string that the container must resolve.
"""

from __future__ import annotations

import abc
import dataclasses
import datetime
import enum
import threading
import time
import typing as t

import pytest

from protevus.container.container import Container
from protevus.container.exceptions import BindingResolutionError
from protevus.container.exceptions import CircularDependencyError
from protevus.container.exceptions import ContainerError
from protevus.container.exceptions import EntryNotFoundError
from protevus.contracts.container import Container as ContainerContract
from protevus.exceptions import InvalidArgumentError
from protevus.exceptions import ProtevusError


class Stub:
    pass


class Dependent:
    def __init__(self, impl: IContract) -> None:
        self.impl = impl


class IContract(abc.ABC):
    @abc.abstractmethod
    def run(self) -> str: ...


class Implementation(IContract):
    def run(self) -> str:
        return "impl"


class OtherImplementation(IContract):
    def run(self) -> str:
        return "other"


class Repository(t.Protocol):
    def find(self) -> str: ...


class NeedsRepository:
    def __init__(self, repo: Repository) -> None:
        self.repo = repo


class Outer:
    def __init__(self, inner: NeedsRepository) -> None:
        self.inner = inner


class NestedDependent:
    def __init__(self, inner: Dependent) -> None:
        self.inner = inner


class WithPrimitive:
    def __init__(self, stub: Stub, name: str, count: int = 3) -> None:
        self.stub = stub
        self.name = name
        self.count = count


class WithDefaults:
    def __init__(self, first: str = "taylor", last: str = "otwell") -> None:
        self.first = first
        self.last = last


class OptionalDependency:
    def __init__(self, repo: Repository | None, stub: t.Optional[Stub]) -> None:  # noqa: UP045
        self.repo = repo
        self.stub = stub


class DefaultedDependency:
    def __init__(
        self, repo: Repository | None = None, label: str | None = None
    ) -> None:
        self.repo = repo
        self.label = label


class UnresolvableHint:
    def __init__(self, thing: DoesNotExist = "fallback") -> None:  # type: ignore[name-defined]  # noqa: F821
        self.thing = thing


class KeywordOnly:
    def __init__(self, stub: Stub, *, flag: bool = False, other: Stub) -> None:
        self.stub = stub
        self.flag = flag
        self.other = other


class CircularA:
    def __init__(self, b: CircularB) -> None:
        self.b = b


class CircularB:
    def __init__(self, c: CircularC) -> None:
        self.c = c


class CircularC:
    def __init__(self, a: CircularA) -> None:
        self.a = a


class SelfNeeding:
    def __init__(self, me: SelfNeeding) -> None:
        self.me = me


class Exploding:
    def __init__(self, stub: Stub) -> None:
        raise RuntimeError("boom in constructor")


class NeedsContainer:
    def __init__(self, app: Container, contract: ContainerContract) -> None:
        self.app = app
        self.contract = contract


class Counter:
    made = 0

    def __init__(self) -> None:
        Counter.made += 1


class SlowSingleton:
    made = 0

    def __init__(self) -> None:
        SlowSingleton.made += 1
        time.sleep(0.05)


class Level(enum.Enum):
    LOW = 1


DEFAULT_STUB = Stub()


class ValueDefaults:
    def __init__(
        self,
        stub: Stub = DEFAULT_STUB,
        timeout: datetime.timedelta = datetime.timedelta(seconds=5),
        level: Level = Level.LOW,
        when: datetime.datetime | None = None,
    ) -> None:
        self.stub = stub
        self.timeout = timeout
        self.level = level
        self.when = when


@dataclasses.dataclass
class Settings:
    stub: Stub
    tags: list[str] = dataclasses.field(default_factory=list)
    name: str = "app"


class AcceptsAnything:
    def __init__(self, *args: t.Any, **kwargs: t.Any) -> None:
        self.args = args
        self.kwargs = kwargs


@pytest.fixture
def c() -> Container:
    return Container()


# -- binding and making ---------------------------------------------------------


def test_closure_resolution(c: Container) -> None:
    c.bind("name", lambda: "Taylor")
    assert c.make("name") == "Taylor"


def test_factory_receives_container_and_parameters(c: Container) -> None:
    seen: list[t.Any] = []
    c.bind("one", lambda app: seen.append(app) or "one")
    c.bind("two", lambda app, params: dict(params))
    assert c.make("one") == "one"
    assert seen == [c]
    assert c.make("two", {"x": 1}) == {"x": 1}
    assert c.make("two") == {}


def test_bind_if_does_not_replace_existing_binding(c: Container) -> None:
    c.bind("name", lambda: "Taylor")
    c.bind_if("name", lambda: "Dayle")
    c.bind_if("surname", lambda: "Otwell")
    assert c.make("name") == "Taylor"
    assert c.make("surname") == "Otwell"


def test_singleton_if_does_not_replace_existing_binding(c: Container) -> None:
    c.singleton("class", lambda: Stub())
    first = c.make("class")
    c.singleton_if("class", lambda: "other")
    assert c.make("class") is first
    c.singleton_if("other", lambda: Stub())
    assert c.make("other") is c.make("other")


def test_shared_closure_resolution(c: Container) -> None:
    c.singleton("class", lambda: Stub())
    assert c.make("class") is c.make("class")


def test_non_shared_binding_builds_every_time(c: Container) -> None:
    c.bind("class", lambda: Stub())
    assert c.make("class") is not c.make("class")


def test_auto_concrete_resolution(c: Container) -> None:
    assert isinstance(c.make(Stub), Stub)


def test_shared_concrete_resolution(c: Container) -> None:
    c.singleton(Stub)
    assert c.make(Stub) is c.make(Stub)


def test_interface_binding_and_abstract_to_concrete(c: Container) -> None:
    c.bind(IContract, Implementation)
    dependent = c.make(Dependent)
    assert isinstance(dependent.impl, Implementation)


def test_nested_dependency_resolution(c: Container) -> None:
    c.bind(IContract, Implementation)
    nested = c.make(NestedDependent)
    assert isinstance(nested.inner.impl, Implementation)


def test_bind_to_class_path_string(c: Container) -> None:
    c.bind(IContract, f"{__name__}.OtherImplementation")
    assert c.make(IContract).run() == "other"


def test_unbound_dotted_path_is_imported_and_built(c: Container) -> None:
    made = c.make("protevus.container.container.Container")
    assert isinstance(made, Container)
    assert made is not c
    assert isinstance(c.make(f"{__name__}.Stub"), Stub)


def test_binding_a_value_that_is_not_a_class_or_factory_is_an_error(
    c: Container,
) -> None:
    with pytest.raises(TypeError, match=r"use instance\(\)"):
        c.bind("answer", 42)


def test_parameters_override_constructor_arguments(c: Container) -> None:
    made = c.make(WithPrimitive, {"name": "abigail"})
    assert made.name == "abigail"
    assert made.count == 3
    assert isinstance(made.stub, Stub)
    stub = Stub()
    assert (
        c.make_with(WithPrimitive, {"name": "x", "stub": stub, "count": 9}).stub is stub
    )


def test_parameters_bypass_a_shared_instance(c: Container) -> None:
    c.singleton(WithDefaults)
    shared = c.make(WithDefaults)
    custom = c.make(WithDefaults, {"first": "abigail"})
    assert custom is not shared
    assert custom.first == "abigail"
    assert c.make(WithDefaults) is shared


def test_defaults_are_used_for_primitives(c: Container) -> None:
    made = c.make(WithDefaults)
    assert (made.first, made.last) == ("taylor", "otwell")


def test_keyword_only_parameters_are_resolved(c: Container) -> None:
    made = c.make(KeywordOnly)
    assert isinstance(made.other, Stub)
    assert made.flag is False


def test_future_annotations_string_hints_are_resolved(c: Container) -> None:
    # `from __future__ import annotations` makes every hint in this module a string.
    assert isinstance(Dependent.__init__.__annotations__["impl"], str)
    c.bind(IContract, Implementation)
    assert isinstance(c.make(Dependent).impl, Implementation)


def test_unresolvable_hint_is_treated_as_untyped(c: Container) -> None:
    assert c.make(UnresolvableHint).thing == "fallback"


def test_local_class_hint_that_cannot_be_resolved_is_explained(c: Container) -> None:
    class Local:
        pass

    class Needs:
        def __init__(self, local: Local) -> None:
            self.local = local

    with pytest.raises(BindingResolutionError) as caught:
        c.make(Needs)
    assert "resolving [local: Local] in class" in str(caught.value)
    assert "The type hint [Local] could not be resolved" in str(caught.value)


def test_optional_class_resolves_when_buildable_else_none(c: Container) -> None:
    made = c.make(OptionalDependency)
    assert made.repo is None
    assert isinstance(made.stub, Stub)


def test_optional_class_with_default_uses_binding_when_bound(c: Container) -> None:
    assert c.make(DefaultedDependency).repo is None
    c.bind(Repository, Implementation)
    assert isinstance(c.make(DefaultedDependency).repo, Implementation)
    assert c.make(DefaultedDependency).label is None


def test_explicit_defaults_win_over_autowiring_unless_bound(c: Container) -> None:
    made = c.make(ValueDefaults)
    assert made.stub is DEFAULT_STUB
    assert made.timeout == datetime.timedelta(seconds=5)
    assert made.level is Level.LOW
    assert made.when is None
    c.singleton(Stub)
    assert c.make(ValueDefaults).stub is c.make(Stub)


def test_dataclasses_and_star_args(c: Container) -> None:
    settings = c.make(Settings)
    assert isinstance(settings.stub, Stub)
    assert settings.tags == []
    assert settings.name == "app"
    made = c.make(AcceptsAnything)
    assert (made.args, made.kwargs) == ((), {})


def test_container_resolves_itself(c: Container) -> None:
    made = c.make(NeedsContainer)
    assert made.app is c
    assert made.contract is c
    assert isinstance(c, ContainerContract)


# -- errors ---------------------------------------------------------------------


def test_missing_class_error_message(c: Container) -> None:
    with pytest.raises(BindingResolutionError) as caught:
        c.make("app.services.Foo")
    assert str(caught.value) == "Target class [app.services.Foo] does not exist."


def test_unbound_plain_string_key_error(c: Container) -> None:
    with pytest.raises(
        BindingResolutionError, match=r"Target class \[cache\] does not exist\."
    ):
        c.make("cache")


def test_dotted_path_to_a_function_is_not_a_class(c: Container) -> None:
    with pytest.raises(
        BindingResolutionError, match=r"\[os.path.join\] is not a class"
    ):
        c.make("os.path.join")


def test_not_instantiable_abstract_class(c: Container) -> None:
    with pytest.raises(BindingResolutionError) as caught:
        c.make(IContract)
    assert str(caught.value) == f"Target [{__name__}.IContract] is not instantiable."


def test_not_instantiable_protocol_names_the_build_stack(c: Container) -> None:
    with pytest.raises(BindingResolutionError) as caught:
        c.make(Outer)
    assert str(caught.value) == (
        f"Target [{__name__}.Repository] is not instantiable while building "
        f"[{__name__}.Outer, {__name__}.NeedsRepository]."
    )


def test_unresolvable_primitive_message(c: Container) -> None:
    with pytest.raises(BindingResolutionError) as caught:
        c.make(WithPrimitive)
    assert str(caught.value) == (
        "Unresolvable dependency resolving [name: str] in class "
        f"[{__name__}.WithPrimitive]. Give the parameter a default, pass it with "
        "make_with(), or bind it with when(WithPrimitive).needs('$name').give(...)."
    )


def test_circular_dependency_names_the_whole_chain(c: Container) -> None:
    with pytest.raises(CircularDependencyError) as caught:
        c.make(CircularA)
    m = __name__
    assert str(caught.value) == (
        "Circular dependency detected while resolving "
        f"[{m}.CircularA -> {m}.CircularB -> {m}.CircularC -> {m}.CircularA]."
    )
    assert isinstance(caught.value, BindingResolutionError)


def test_class_needing_itself_is_circular(c: Container) -> None:
    with pytest.raises(CircularDependencyError, match="SelfNeeding -> "):
        c.make(SelfNeeding)


def test_circular_factories_are_detected(c: Container) -> None:
    c.bind("a", lambda app: app.make("b"))
    c.bind("b", lambda app: app.make("a"))
    with pytest.raises(CircularDependencyError, match=r"\[a -> b -> a\]"):
        c.make("a")


def test_errors_inside_constructors_propagate_and_the_stack_recovers(
    c: Container,
) -> None:
    with pytest.raises(RuntimeError, match="boom in constructor"):
        c.make(Exploding)
    c.bind("fails", lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        c.make("fails")
    with pytest.raises(BindingResolutionError):
        c.make(Outer)
    # The build stack is clean: the next errors name no stale classes.
    with pytest.raises(BindingResolutionError) as caught:
        c.make(Repository)
    assert "while building" not in str(caught.value)
    assert isinstance(c.make(Stub), Stub)


def test_errors_derive_from_protevus_error() -> None:
    for error in (BindingResolutionError, CircularDependencyError, EntryNotFoundError):
        assert issubclass(error, ContainerError)
        assert issubclass(error, ProtevusError)


# -- aliases --------------------------------------------------------------------


def test_aliases(c: Container) -> None:
    c["foo"] = "bar"
    c.alias("foo", "baz")
    c.alias("baz", "bat")
    assert c.make("foo") == "bar"
    assert c.make("baz") == "bar"
    assert c.make("bat") == "bar"
    assert c.get_alias("bat") == "foo"
    assert c.is_alias("baz")
    assert not c.is_alias("foo")


def test_aliases_with_class_abstracts(c: Container) -> None:
    c.singleton(IContract, Implementation)
    c.alias(IContract, "contract")
    assert c.make("contract") is c.make(IContract)
    assert c.bound("contract")


def test_alias_to_itself_is_an_error(c: Container) -> None:
    with pytest.raises(InvalidArgumentError, match=r"\[name\] is aliased to itself"):
        c.alias("name", "name")
    c.alias("a", "b")
    with pytest.raises(InvalidArgumentError, match="aliased to itself"):
        c.alias("b", "a")


def test_binding_an_alias_name_replaces_the_alias(c: Container) -> None:
    c["foo"] = "bar"
    c.alias("foo", "baz")
    c.bind("baz", lambda: "own")
    assert c.make("baz") == "own"
    assert not c.is_alias("baz")


def test_instance_over_an_alias_removes_it(c: Container) -> None:
    c.instance("object", Stub())
    c.alias("object", "alias")
    replacement = Stub()
    c.instance("alias", replacement)
    assert c.make("alias") is replacement
    assert not c.is_alias("alias")


# -- instances, scoped, forgetting ----------------------------------------------


def test_instance_is_shared_and_returned(c: Container) -> None:
    stub = Stub()
    assert c.instance("stub", stub) is stub
    assert c.make("stub") is stub
    assert c.is_shared("stub")
    c.instance("nothing", None)
    assert c.make("nothing") is None


def test_scoped_is_shared_until_scoped_instances_are_forgotten(c: Container) -> None:
    c.scoped("scoped", lambda: Stub())
    c.singleton("single", lambda: Stub())
    first, single = c.make("scoped"), c.make("single")
    assert c.make("scoped") is first
    c.forget_scoped_instances()
    assert c.make("scoped") is not first
    assert c.make("single") is single


def test_scoped_if(c: Container) -> None:
    c.scoped_if("scoped", lambda: "first")
    c.scoped_if("scoped", lambda: "second")
    assert c.make("scoped") == "first"


def test_forget_instance_and_instances(c: Container) -> None:
    c.instance("a", Stub())
    c.instance("b", Stub())
    c.forget_instance("a")
    assert not c.bound("a")
    c.forget_instances()
    assert not c.bound("b")


def test_flush_removes_everything(c: Container) -> None:
    c.bind("a", lambda: 1)
    c.instance("b", 2)
    c.alias("a", "c")
    c.make("a")
    c.flush()
    assert not c.bound("a") and not c.bound("b") and not c.bound("c")
    assert not c.resolved("a")
    assert c.get_bindings() == {}


def test_get_bindings(c: Container) -> None:
    c.singleton(IContract, Implementation)
    c.bind("x")
    assert c.get_bindings()[IContract] == {"concrete": Implementation, "shared": True}
    assert c.get_bindings()["x"] == {"concrete": "x", "shared": False}


def test_bound_resolved_and_is_shared(c: Container) -> None:
    c.bind("a", lambda: Stub())
    c.singleton("b", lambda: Stub())
    c.alias("a", "alias")
    assert c.bound("a") and c.bound("alias") and not c.bound("nope")
    assert not c.resolved("a")
    c.make("alias")
    assert c.resolved("a") and c.resolved("alias")
    assert c.is_shared("b") and not c.is_shared("a")


# -- mapping access and PSR-11 ----------------------------------------------------


def test_mapping_access(c: Container) -> None:
    c["something"] = lambda: "foo"
    assert "something" in c
    assert c["something"] == "foo"
    c["value"] = "plain"
    c["klass"] = Stub
    assert c["value"] == "plain"
    assert c["klass"] is Stub
    del c["something"]
    assert "something" not in c


def test_psr_get_and_has(c: Container) -> None:
    c.bind("name", lambda: "Taylor")
    assert c.has("name") and c.get("name") == "Taylor"
    assert not c.has("nope")
    with pytest.raises(
        EntryNotFoundError, match=r"No entry was found .* for \[nope\]"
    ) as err:
        c.get("nope")
    assert isinstance(err.value.__cause__, BindingResolutionError)
    assert isinstance(err.value, LookupError)


def test_psr_get_keeps_circular_errors_and_errors_of_bound_entries(
    c: Container,
) -> None:
    with pytest.raises(CircularDependencyError):
        c.get(CircularA)
    c.bind("bad", WithPrimitive)
    with pytest.raises(BindingResolutionError) as caught:
        c.get("bad")
    assert not isinstance(caught.value, EntryNotFoundError)


def test_global_instance() -> None:
    previous = Container._instance
    try:
        Container.set_instance(None)
        first = Container.get_instance()
        assert Container.get_instance() is first
        mine = Container()
        assert Container.set_instance(mine) is mine
        assert Container.get_instance() is mine
        assert Container.getInstance() is mine
    finally:
        Container.set_instance(previous)


def test_camel_case_aliases(c: Container) -> None:
    c.singletonIf("x", lambda: Stub())
    assert c.makeWith("x", {}) is c.make("x")
    assert c.isShared("x")


# -- extend ---------------------------------------------------------------------


def test_extend_before_resolution_applies_to_later_resolutions(c: Container) -> None:
    c.bind("foo", lambda: "foo")
    c.extend("foo", lambda old, app: old + "bar")
    c.extend("foo", lambda old: old + "baz")
    assert c.make("foo") == "foobarbaz"


def test_extend_applies_to_existing_instance_immediately(c: Container) -> None:
    stub = Stub()
    c.instance("stub", stub)
    c.extend("stub", lambda obj, app: setattr(obj, "extended", True) or obj)
    assert c.make("stub") is stub
    assert stub.extended is True  # type: ignore[attr-defined]


def test_extend_resolved_singleton_replaces_it(c: Container) -> None:
    c.singleton("name", lambda: "taylor")
    assert c.make("name") == "taylor"
    c.extend("name", lambda old: old.upper())
    assert c.make("name") == "TAYLOR"


def test_extend_can_be_called_before_bind_and_survives_rebinding(c: Container) -> None:
    c.extend("foo", lambda old: old + "bar")
    c["foo"] = "foo"
    assert c.make("foo") == "foobar"
    c.bind("foo", lambda: "new")
    assert c.make("foo") == "newbar"
    assert len(c.get_extenders("foo")) == 1
    c.forget_extenders("foo")
    assert c.make("foo") == "new"


def test_extend_through_an_alias_and_on_shared_classes(c: Container) -> None:
    c.singleton(IContract, Implementation)
    c.alias(IContract, "contract")
    calls: list[t.Any] = []
    c.extend("contract", lambda obj: calls.append(obj) or obj)
    first = c.make(IContract)
    assert c.make("contract") is first
    assert calls == [first]


# -- tags -------------------------------------------------------------------------


def test_tags_are_resolved_lazily(c: Container) -> None:
    made: list[str] = []
    c.bind("a", lambda: made.append("a") or "A")
    c.bind("b", lambda: made.append("b") or "B")
    c.tag(["a", "b"], "letters", "all")
    c.tag("a", ["firsts"])
    letters = c.tagged("letters")
    assert made == []
    assert len(letters) == 2
    assert list(letters) == ["A", "B"]
    assert list(letters) == ["A", "B"]  # rewindable
    assert list(c.tagged("all")) == ["A", "B"]
    assert list(c.tagged("firsts")) == ["A"]
    assert list(c.tagged("unknown")) == []


def test_tagging_classes(c: Container) -> None:
    c.tag([Implementation, OtherImplementation], "reports")
    assert [r.run() for r in c.tagged("reports")] == ["impl", "other"]


# -- callbacks --------------------------------------------------------------------


def test_resolving_callbacks_order_and_targets(c: Container) -> None:
    order: list[str] = []
    c.before_resolving(lambda abstract, params, app: order.append("before-global"))
    c.before_resolving(IContract, lambda abstract: order.append("before-type"))
    c.resolving(lambda obj, app: order.append("global"))
    c.resolving(IContract, lambda obj: order.append("type"))
    c.after_resolving(lambda obj: order.append("after-global"))
    c.after_resolving(IContract, lambda obj, app: order.append("after-type"))
    c.bind(IContract, Implementation)
    c.make(IContract)
    assert order == [
        "before-global",
        "before-type",
        "global",
        "type",
        "after-global",
        "after-type",
    ]


def test_resolving_callbacks_match_by_instance_type(c: Container) -> None:
    seen: list[t.Any] = []
    c.resolving(IContract, seen.append)
    c.bind("impl", Implementation)
    c.make("impl")
    c.make(Stub)
    assert [type(obj) for obj in seen] == [Implementation]


def test_before_resolving_matches_subclasses(c: Container) -> None:
    seen: list[t.Any] = []
    c.before_resolving(
        IContract, lambda abstract, params: seen.append((abstract, params))
    )
    c.make(Implementation, {"x": 1})
    assert seen == [(Implementation, {"x": 1})]


def test_resolving_callbacks_fire_once_for_singletons(c: Container) -> None:
    calls: list[t.Any] = []
    c.singleton("s", lambda: Stub())
    c.resolving("s", calls.append)
    c.make("s")
    c.make("s")
    assert len(calls) == 1


def test_resolving_callbacks_through_aliases(c: Container) -> None:
    calls: list[t.Any] = []
    c.bind("abstract", lambda: Stub())
    c.alias("abstract", "alias")
    c.resolving("alias", calls.append)
    c.make("abstract")
    assert len(calls) == 1


def test_resolving_requires_a_callback(c: Container) -> None:
    with pytest.raises(TypeError):
        c.resolving("name")


def test_rebinding_fires_when_a_resolved_abstract_is_bound_again(c: Container) -> None:
    seen: list[t.Any] = []
    c.bind("foo", lambda: "one")
    assert c.rebinding("foo", lambda app, instance: seen.append(instance)) == "one"
    c.bind("foo", lambda: "two")
    c.instance("foo", "three")
    assert seen == ["two", "three"]


def test_rebinding_does_not_fire_for_unresolved_bindings(c: Container) -> None:
    seen: list[t.Any] = []
    assert c.rebinding("foo", lambda app, instance: seen.append(instance)) is None
    c.bind("foo", lambda: "one")
    assert seen == []


def test_extend_and_singleton_fire_rebinding_for_resolved_abstracts(
    c: Container,
) -> None:
    seen: list[t.Any] = []
    c.singleton("name", lambda: "taylor")
    c.rebinding("name", lambda app, instance: seen.append(instance))
    c.extend("name", lambda old: old.title())
    c.singleton("name", lambda: "abigail")
    # The extender applied to the existing instance only, as in Laravel.
    assert seen == ["Taylor", "abigail"]


def test_refresh_calls_a_method_on_rebinding(c: Container) -> None:
    class Holder:
        value: t.Any = None

        def set_value(self, value: t.Any) -> None:
            self.value = value

    holder = Holder()
    c.instance("config", "first")
    c.refresh("config", holder, "set_value")
    c.instance("config", "second")
    assert holder.value == "second"


def test_factory_returns_a_resolver(c: Container) -> None:
    c.bind("name", lambda: "Taylor")
    factory = c.factory("name")
    assert factory() == "Taylor"


# -- threads ----------------------------------------------------------------------


def test_singleton_is_built_once_under_a_race(c: Container) -> None:
    SlowSingleton.made = 0
    c.singleton(SlowSingleton)
    results: list[t.Any] = []
    threads = [
        threading.Thread(target=lambda: results.append(c.make(SlowSingleton)))
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert SlowSingleton.made == 1
    assert len({id(r) for r in results}) == 1


def test_build_stacks_are_per_thread(c: Container) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(200):
                c.make(NestedDependent)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    c.bind(IContract, Implementation)
    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
