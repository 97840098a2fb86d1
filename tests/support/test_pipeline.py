"""Pipeline: middleware-style stacks."""

from __future__ import annotations

import typing as t

import pytest

from protevus.support.pipeline import Pipeline
from protevus.support.pipeline import PipelineError


class Container:
    """A tiny stand-in container: make() builds bound factories or classes."""

    def __init__(self) -> None:
        self.bindings: dict[t.Any, t.Callable[[], t.Any]] = {}
        self.made: list[t.Any] = []

    def make(self, abstract: t.Any) -> t.Any:
        self.made.append(abstract)
        if abstract in self.bindings:
            return self.bindings[abstract]()
        if isinstance(abstract, type):
            return abstract()
        raise LookupError(abstract)


class AddOne:
    def handle(self, passable: list[str], next: t.Callable[[t.Any], t.Any]) -> t.Any:
        passable.append("one")
        return next(passable)


class CheckRole:
    def handle(
        self, passable: list[str], next: t.Callable[[t.Any], t.Any], *roles: str
    ) -> t.Any:
        passable.append("roles=" + "|".join(roles))
        return next(passable)


class Invokable:
    def __call__(self, passable: list[str], next: t.Callable[[t.Any], t.Any]) -> t.Any:
        passable.append("invoked")
        return next(passable)


def before(passable: list[str], next: t.Callable[[t.Any], t.Any]) -> t.Any:
    passable.append("before")
    return next(passable)


def after(passable: list[str], next: t.Callable[[t.Any], t.Any]) -> t.Any:
    result = next(passable)
    passable.append("after")
    return result


def test_pipes_run_in_order_around_the_destination() -> None:
    log: list[str] = []

    def destination(passable: list[str]) -> str:
        passable.append("destination")
        return "done"

    result = Pipeline().send(log).through([after, before]).then(destination)
    assert result == "done"
    assert log == ["before", "destination", "after"]


def test_through_accepts_varargs_and_pipe_appends() -> None:
    log: list[str] = []
    Pipeline().send(log).through(before).pipe(AddOne(), Invokable()).then_return()
    assert log == ["before", "one", "invoked"]


def test_then_return_returns_the_passable() -> None:
    assert Pipeline().send(1).through(lambda p, n: n(p + 1)).then_return() == 2
    assert Pipeline().send("x").then_return() == "x"


def test_a_pipe_can_short_circuit() -> None:
    log: list[str] = []
    result = (
        Pipeline()
        .send(log)
        .through([lambda p, n: "stopped", before])
        .then(lambda p: "never")
    )
    assert result == "stopped" and log == []


def test_string_pipes_with_parameters_resolve_through_the_container() -> None:
    container = Container()
    container.bindings["role"] = CheckRole
    log: list[str] = []
    Pipeline(container).send(log).through(["role:editor,admin", AddOne]).then_return()
    assert log == ["roles=editor|admin", "one"]
    assert container.made == ["role", AddOne]


def test_classes_are_built_without_a_container() -> None:
    log: list[str] = []
    Pipeline().send(log).through([AddOne, Invokable]).then_return()
    assert log == ["one", "invoked"]


def test_string_pipe_without_container_is_a_clear_error() -> None:
    with pytest.raises(PipelineError, match=r"Pipe \[auth:web\] is a name"):
        Pipeline().send(1).through("auth:web").then_return()
    with pytest.raises(PipelineError, match="container instance has not been passed"):
        Pipeline().get_container()


def test_via_changes_the_method() -> None:
    class Filter:
        def apply(self, passable: int, next: t.Callable[[t.Any], t.Any]) -> t.Any:
            return next(passable * 10)

    assert Pipeline().send(2).through([Filter()]).via("apply").then_return() == 20


def test_finally_runs_on_success_and_failure() -> None:
    seen: list[t.Any] = []
    Pipeline().send("a").through([]).finally_(seen.append).then_return()

    def boom(passable: t.Any, next: t.Any) -> t.Any:
        raise ValueError("boom")

    with pytest.raises(ValueError):
        Pipeline().send("b").through([boom]).finally_(seen.append).then_return()
    assert seen == ["a", "b"]


def test_unusable_pipes_raise() -> None:
    with pytest.raises(PipelineError, match=r"Pipe \[42\] is not callable"):
        Pipeline().send(1).through([42]).then_return()

    class NoHandle:
        pass

    with pytest.raises(PipelineError, match=r"\[.*NoHandle\] has no \[handle\] method"):
        Pipeline().send(1).through([NoHandle]).then_return()


def test_handle_carry_can_be_overridden() -> None:
    class Upper(Pipeline):
        def handle_carry(self, carry: t.Any) -> t.Any:
            return carry.upper() if isinstance(carry, str) else carry

    assert (
        Upper().send("x").through([lambda p, n: n(p)]).then(lambda p: p + "y") == "XY"
    )


def test_camel_case_aliases() -> None:
    assert Pipeline().send(3).thenReturn() == 3
    container = Container()
    assert Pipeline().setContainer(container).getContainer() is container
