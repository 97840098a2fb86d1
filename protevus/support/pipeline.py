"""Send a value through a stack of pipes (middleware), each calling the next.

Laravel: ``Illuminate\\Pipeline\\Pipeline``.
"""

from __future__ import annotations

import typing as t

from protevus.exceptions import ProtevusError
from protevus.support.aliases import CamelAliases

_Next = t.Callable[[t.Any], t.Any]


class PipelineError(ProtevusError):
    """Signal a pipe the pipeline cannot resolve or call."""


class Pipeline(CamelAliases):
    """Pass an object through pipes, like the HTTP kernel passes a request::

        Pipeline(app).send(request).through([TrimStrings, 'auth:web']).then(dispatch)

    A pipe is a callable ``(passable, next)``, an object with the ``via`` method
    (``handle(passable, next, *params)``), a class (built with
    ``container.make(cls)``, or ``cls()`` without a container) or a string
    ``'name:param1,param2'`` resolved with ``container.make('name')``. Classes and
    strings are resolved when their layer runs, so a pipe that answers early
    spares the ones after it.

    Laravel: ``Illuminate\\Pipeline\\Pipeline``.
    """

    def __init__(self, container: t.Any = None) -> None:
        self._container = container
        self._passable: t.Any = None
        self._pipes: list[t.Any] = []
        self._method = "handle"
        self._finally: t.Callable[[t.Any], t.Any] | None = None

    def send(self, passable: t.Any) -> Pipeline:
        """Set the object sent through the pipes.

        Laravel: ``Pipeline::send()``.
        """
        self._passable = passable
        return self

    def through(self, *pipes: t.Any) -> Pipeline:
        """Set the pipes (a list, or several arguments).

        Laravel: ``Pipeline::through()``.
        """
        self._pipes = _flatten(pipes)
        return self

    def pipe(self, *pipes: t.Any) -> Pipeline:
        """Append pipes to the stack.

        Laravel: ``Pipeline::pipe()``.
        """
        self._pipes.extend(_flatten(pipes))
        return self

    def via(self, method: str) -> Pipeline:
        """Set the method called on object pipes (``'handle'`` by default).

        Laravel: ``Pipeline::via()``.
        """
        self._method = method
        return self

    def finally_(self, callback: t.Callable[[t.Any], t.Any]) -> Pipeline:
        """Call ``callback(passable)`` after the pipeline runs, even when it fails.

        Laravel: ``Pipeline::finally()``.
        """
        self._finally = callback
        return self

    def then(self, destination: t.Callable[[t.Any], t.Any]) -> t.Any:
        """Run the pipeline around ``destination`` and return what it returns.

        Laravel: ``Pipeline::then()``.
        """
        stack: _Next = destination
        for pipe in reversed(self._pipes):
            stack = self._layer(pipe, stack)
        try:
            return stack(self._passable)
        finally:
            if self._finally is not None:
                self._finally(self._passable)

    def then_return(self) -> t.Any:
        """Run the pipeline and return the (possibly changed) passable.

        Laravel: ``Pipeline::thenReturn()``.
        """
        return self.then(lambda passable: passable)

    def get_container(self) -> t.Any:
        """Return the container, raising when none was given.

        Laravel: ``Pipeline::getContainer()``.
        """
        if self._container is None:
            raise PipelineError(
                "A container instance has not been passed to the Pipeline; "
                "use Pipeline(app) to resolve string and class pipes."
            )
        return self._container

    def set_container(self, container: t.Any) -> Pipeline:
        """Set the container used to resolve pipes.

        Laravel: ``Pipeline::setContainer()``.
        """
        self._container = container
        return self

    def handle_carry(self, carry: t.Any) -> t.Any:
        """Return what a pipe returned; subclasses may adapt it (e.g. to a Response).

        Laravel: ``Pipeline::handleCarry()``.
        """
        return carry

    # --- building the onion ------------------------------------------------------

    def _layer(self, pipe: t.Any, next_: _Next) -> _Next:
        """Wrap ``next_`` in one closure for ``pipe``, deciding its kind only once."""
        carry = self.handle_carry
        if isinstance(pipe, str):
            name, _, raw = pipe.partition(":")
            params = raw.split(",") if raw else []

            def by_name(passable: t.Any) -> t.Any:
                instance = self._resolve(name, pipe)
                return carry(self._call(instance, passable, next_, params))

            return by_name
        if isinstance(pipe, type):

            def by_class(passable: t.Any) -> t.Any:
                instance = self._resolve(pipe, pipe.__qualname__)
                return carry(self._call(instance, passable, next_, []))

            return by_class
        method = getattr(pipe, self._method, None)
        if callable(method):
            return lambda passable: carry(method(passable, next_))
        if callable(pipe):
            return lambda passable: carry(pipe(passable, next_))
        raise PipelineError(
            f"Pipe [{pipe!r}] is not callable and has no [{self._method}] method; "
            "pass a callable, a class or an object with that method."
        )

    def _resolve(self, abstract: t.Any, label: str) -> t.Any:
        if self._container is None:
            if isinstance(abstract, type):
                return abstract()
            raise PipelineError(
                f"Pipe [{label}] is a name and the Pipeline has no container to "
                "resolve it; use Pipeline(app) or pass the pipe itself."
            )
        return self._container.make(abstract)

    def _call(
        self, instance: t.Any, passable: t.Any, next_: _Next, params: list[str]
    ) -> t.Any:
        method = getattr(instance, self._method, None)
        if callable(method):
            return method(passable, next_, *params)
        if callable(instance):
            return instance(passable, next_, *params)
        raise PipelineError(
            f"Pipe [{type(instance).__qualname__}] has no [{self._method}] method; "
            "define it or make the pipe callable."
        )


def _flatten(pipes: tuple[t.Any, ...]) -> list[t.Any]:
    if len(pipes) == 1 and isinstance(pipes[0], list | tuple):
        return list(pipes[0])
    return list(pipes)
