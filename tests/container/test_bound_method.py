"""``Container.call()`` and ``wrap()`` (Laravel's ContainerCallTest)."""

from __future__ import annotations

import typing as t

import pytest

from protevus.container.bound_method import BoundMethod
from protevus.container.container import Container
from protevus.container.exceptions import BindingResolutionError
from protevus.exceptions import InvalidArgumentError


class Stub:
    pass


class Repository(t.Protocol):
    def all(self) -> list[t.Any]: ...


class Handler:
    def __init__(self, stub: Stub) -> None:
        self.stub = stub

    def handle(self, stub: Stub, name: str = "taylor") -> tuple[Stub, str]:
        return stub, name

    def other(self, first: str, second: str = "default") -> list[str]:
        return [first, second]


class Invokable:
    def __call__(self, stub: Stub, suffix: str = "!") -> str:
        return f"invoked{suffix}"


class NotInvokable:
    def run(self) -> str:
        return "ran"


def inject(stub: Stub, default: str = "taylor") -> tuple[Stub, str]:
    return stub, default


def positional(first: t.Any, second: t.Any, third: str = "default") -> list[t.Any]:
    return [first, second, third]


def mixed(
    stub: Stub, first: t.Any, *rest: t.Any, flag: bool = False
) -> dict[str, t.Any]:
    return {"stub": stub, "first": first, "rest": rest, "flag": flag}


def with_kwargs(stub: Stub, **extra: t.Any) -> dict[str, t.Any]:
    return extra


def optional_repo(repo: Repository | None, label: str | None) -> tuple[t.Any, t.Any]:
    return repo, label


def needs_name(name: str) -> str:
    return name


@pytest.fixture
def c() -> Container:
    return Container()


def test_call_injects_type_hinted_dependencies(c: Container) -> None:
    stub, default = c.call(inject)
    assert isinstance(stub, Stub)
    assert default == "taylor"


def test_call_uses_the_container_bindings(c: Container) -> None:
    c.singleton(Stub)
    stub, _ = c.call(inject)
    assert stub is c.make(Stub)


def test_call_with_named_parameters(c: Container) -> None:
    mine = Stub()
    assert c.call(inject, {"stub": mine, "default": "otwell"}) == (mine, "otwell")


def test_call_with_a_class_keyed_parameter(c: Container) -> None:
    mine = Stub()
    assert c.call(inject, {Stub: mine})[0] is mine


def test_call_with_positional_leftovers_for_untyped_parameters(c: Container) -> None:
    assert c.call(positional, ["a", "b"]) == ["a", "b", "default"]
    assert c.call(positional, ["a", "b", "c"]) == ["a", "b", "c"]
    assert c.call(positional, {"second": "B", 0: "A"}) == ["A", "B", "default"]


def test_extra_positional_values_go_to_star_args_or_are_dropped(c: Container) -> None:
    result = c.call(mixed, ["one", "two", "three"])
    assert isinstance(result["stub"], Stub)
    assert result["first"] == "one"
    assert result["rest"] == ("two", "three")
    assert result["flag"] is False
    assert c.call(positional, ["a", "b", "c", "d"]) == ["a", "b", "c"]


def test_keyword_only_parameters_by_name(c: Container) -> None:
    assert c.call(mixed, {"first": 1, "flag": True})["flag"] is True


def test_unmatched_named_parameters_go_to_star_star_kwargs(c: Container) -> None:
    assert c.call(with_kwargs, {"id": 5, "slug": "post"}) == {"id": 5, "slug": "post"}
    assert c.call(inject, {"unknown": 1})[1] == "taylor"


def test_optional_parameters_become_none(c: Container) -> None:
    assert c.call(optional_repo) == (None, None)


def test_unresolvable_parameter_error(c: Container) -> None:
    with pytest.raises(BindingResolutionError) as caught:
        c.call(needs_name)
    assert str(caught.value) == (
        f"Unable to resolve dependency [name: str] in [{__name__}.needs_name]. "
        "Pass it in the parameters of call()."
    )


def test_call_a_bound_method(c: Container) -> None:
    handler = Handler(Stub())
    stub, name = c.call(handler.handle, {"name": "abigail"})
    assert isinstance(stub, Stub)
    assert name == "abigail"


def test_call_object_and_method_list(c: Container) -> None:
    handler = Handler(Stub())
    assert c.call([handler, "other"], ["x"]) == ["x", "default"]
    assert c.call((handler, "other"), {"first": "y", "second": "z"}) == ["y", "z"]


def test_call_class_and_method_list_builds_the_class(c: Container) -> None:
    c.singleton(Handler)
    stub, _ = c.call([Handler, "handle"])
    assert isinstance(stub, Stub)
    assert c.call([Handler, "other"], ["q"]) == ["q", "default"]


def test_call_at_sign_string(c: Container) -> None:
    assert c.call(f"{__name__}.Handler@other", ["first"]) == ["first", "default"]


def test_call_class_with_default_method(c: Container) -> None:
    assert c.call(Handler, {"name": "n"}, default_method="handle")[1] == "n"
    assert c.call(f"{__name__}.Handler", ["a"], default_method="other") == [
        "a",
        "default",
    ]


def test_call_invokable_class_and_object(c: Container) -> None:
    assert c.call(Invokable) == "invoked!"
    assert c.call(f"{__name__}.Invokable", {"suffix": "?"}) == "invoked?"
    assert c.call(Invokable(), {"suffix": "."}) == "invoked."


def test_call_object_with_default_method(c: Container) -> None:
    assert c.call(NotInvokable(), default_method="run") == "ran"


def test_call_function_by_dotted_path(c: Container) -> None:
    assert c.call(f"{__name__}.positional", [1, 2]) == [1, 2, "default"]


def test_call_class_without_method_is_an_error(c: Container) -> None:
    with pytest.raises(
        InvalidArgumentError, match=r"Method not provided for \[.*NotInvokable\]"
    ):
        c.call(NotInvokable)


def test_call_missing_method_is_an_error(c: Container) -> None:
    with pytest.raises(
        InvalidArgumentError, match=r"Method \[.*Handler.missing\] does not exist"
    ):
        c.call([Handler, "missing"])


@pytest.mark.parametrize("callback", [42, [Handler], ["x", 1], "no.such.module.func"])
def test_call_rejects_what_is_not_a_callback(c: Container, callback: t.Any) -> None:
    with pytest.raises(InvalidArgumentError):
        c.call(callback)


def test_call_rejects_a_string_as_parameters(c: Container) -> None:
    with pytest.raises(TypeError):
        c.call(positional, "ab")


def test_call_builtin_and_lambda(c: Container) -> None:
    assert c.call(len, [[1, 2, 3]]) == 3
    assert c.call(lambda a, b=2: a + b, [1]) == 3


def test_errors_in_the_callback_propagate(c: Container) -> None:
    def broken(stub: Stub) -> None:
        raise KeyError("inside")

    with pytest.raises(KeyError, match="inside"):
        c.call(broken)
    assert isinstance(c.call(inject)[0], Stub)


def test_wrap_defers_the_call(c: Container) -> None:
    calls: list[t.Any] = []

    def record(stub: Stub, value: str) -> str:
        calls.append(stub)
        return value

    wrapped = c.wrap(record, {"value": "done"})
    assert calls == []
    assert wrapped() == "done"
    assert isinstance(calls[0], Stub)


def test_bound_method_class_is_usable_directly(c: Container) -> None:
    assert BoundMethod.call(c, positional, ["a", "b"]) == ["a", "b", "default"]
