"""Call a function or method, injecting its dependencies from the container.

Laravel: ``Illuminate\\Container\\BoundMethod``.
"""

from __future__ import annotations

import inspect
import types
import typing as t
import weakref

from protevus.container._reflection import EMPTY
from protevus.container._reflection import KEYWORD
from protevus.container._reflection import POSITIONAL
from protevus.container._reflection import VAR_KEYWORD
from protevus.container._reflection import VAR_POSITIONAL
from protevus.container._reflection import Plan
from protevus.container._reflection import callable_plan
from protevus.container._reflection import defines_call
from protevus.container._reflection import import_class
from protevus.container._reflection import qualified_name
from protevus.container.exceptions import BindingResolutionError
from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.container.container import Container

Parameters: t.TypeAlias = "t.Mapping[t.Any, t.Any] | t.Sequence[t.Any] | None"

# Plans keyed by the underlying function; weak so per-request lambdas are freed.
_BOUND_PLANS: weakref.WeakKeyDictionary[t.Any, Plan] = weakref.WeakKeyDictionary()
_PLAIN_PLANS: weakref.WeakKeyDictionary[t.Any, Plan] = weakref.WeakKeyDictionary()


class BoundMethod(CamelAliases):
    """Resolve a callback in any of Laravel's forms and call it with injection.

    Laravel: ``Illuminate\\Container\\BoundMethod``.
    """

    @staticmethod
    def call(
        container: Container,
        callback: t.Any,
        parameters: Parameters = None,
        default_method: str | None = None,
    ) -> t.Any:
        """Call ``callback``, its arguments taken from ``parameters`` and the container.

        ``callback`` is a callable, a bound method, ``[obj_or_class, 'method']``,
        ``'pkg.Class@method'``, a class (its ``default_method`` or ``__call__``) or a
        dotted path to a function. Parameters are matched by name first (or by class
        for mapping keys that are classes), class-hinted ones are resolved from the
        container, then positional leftovers fill untyped parameters in order, then
        defaults apply.

        Laravel: ``BoundMethod::call()``.
        """
        fn, owner = _callable_for(container, callback, default_method)
        plan = _plan_for(fn)
        stack = container._state.stack
        pushed = owner is not None and owner not in stack
        if pushed:
            stack.append(owner)
        try:
            args, kwargs = _arguments(container, fn, plan, parameters)
        finally:
            if pushed:
                stack.pop()
        return fn(*args, **kwargs)


def _callable_for(
    container: Container, callback: t.Any, default_method: str | None
) -> tuple[t.Callable[..., t.Any], type | None]:
    """Turn any supported callback form into a callable and the class that owns it."""
    if isinstance(callback, str):
        if "@" in callback:
            path, _, method = callback.partition("@")
            return _method(container.make(path), method)
        if default_method is not None:
            return _method(container.make(callback), default_method)
        target = import_class(callback)
        if isinstance(target, type):
            return _class_callable(container, target, None)
        if callable(target):
            return target, None
        raise InvalidArgumentError(
            f"Callback [{callback}] is not callable. Use 'pkg.module.Class@method' "
            "or pass the function itself."
        )
    if isinstance(callback, (list, tuple)):
        if len(callback) != 2 or not isinstance(callback[1], str):
            raise InvalidArgumentError(
                f"Callback [{callback!r}] must be [object_or_class, 'method']."
            )
        target, method = callback
        if isinstance(target, (type, str)):
            target = container.make(target)
        return _method(target, method)
    if isinstance(callback, type):
        return _class_callable(container, callback, default_method)
    if inspect.isroutine(callback):
        if not isinstance(callback, types.MethodType):
            return callback, None
        owner = callback.__self__
        return callback, owner if isinstance(owner, type) else type(owner)
    if default_method is not None:
        return _method(callback, default_method)
    if callable(callback):
        return callback, type(callback)
    raise InvalidArgumentError(f"Callback [{callback!r}] is not callable.")


def _class_callable(
    container: Container, cls: type, default_method: str | None
) -> tuple[t.Callable[..., t.Any], type | None]:
    if default_method is None:
        if not defines_call(cls):
            raise InvalidArgumentError(
                f"Method not provided for [{qualified_name(cls)}]. Give it a "
                "__call__ method, pass default_method=, or call [Class, 'method']."
            )
        default_method = "__call__"
    return _method(container.make(cls), default_method)


def _method(target: t.Any, method: str) -> tuple[t.Callable[..., t.Any], type | None]:
    fn = getattr(target, method, None)
    if fn is None or not callable(fn):
        raise InvalidArgumentError(
            f"Method [{qualified_name(type(target))}.{method}] does not exist."
        )
    return fn, type(target)


def _plan_for(fn: t.Callable[..., t.Any]) -> Plan:
    if isinstance(fn, types.MethodType):
        cache, key = _BOUND_PLANS, fn.__func__
    elif inspect.isroutine(fn):
        cache, key = _PLAIN_PLANS, fn
    else:
        cache, key = _BOUND_PLANS, type(fn).__call__
    try:
        return cache[key]
    except (KeyError, TypeError):
        pass
    plan = callable_plan(fn)
    try:
        cache[key] = plan
    except TypeError:  # not weak-referenceable (a builtin): analyse every call
        pass
    return plan


def _arguments(
    container: Container, fn: t.Any, plan: Plan, parameters: Parameters
) -> tuple[list[t.Any], dict[str, t.Any]]:
    named: dict[str, t.Any] = {}
    by_class: dict[t.Any, t.Any] = {}
    leftovers: list[t.Any] = []
    if isinstance(parameters, t.Mapping):
        for key, val in parameters.items():
            if isinstance(key, str):
                named[key] = val
            elif isinstance(key, int):
                leftovers.append(val)
            else:
                by_class[key] = val
    elif parameters is not None:
        if isinstance(parameters, (str, bytes)):
            raise TypeError(
                "call() parameters must be a mapping or a list, not a string."
            )
        leftovers = list(parameters)

    args: list[t.Any] = []
    kwargs: dict[str, t.Any] = {}
    accepts_kwargs = False
    for param in plan:
        name, kind, cls = param.name, param.kind, param.cls
        if kind == VAR_KEYWORD:
            accepts_kwargs = True
            continue
        if kind == VAR_POSITIONAL:
            args.extend(leftovers)
            leftovers = []
            continue
        if name in named:
            val = named.pop(name)
        elif cls is not None and cls in by_class:
            val = by_class[cls]
        elif cls is not None:
            val = container._resolve_class_param(param)
        elif leftovers:
            val = leftovers.pop(0)
        elif param.default is not EMPTY:
            val = param.default
        elif param.nullable:
            val = None
        else:
            raise BindingResolutionError(
                f"Unable to resolve dependency [{param.label}] in "
                f"[{qualified_name(fn)}].{param.note} "
                "Pass it in the parameters of call()."
            )
        if kind == POSITIONAL:
            args.append(val)
        elif kind == KEYWORD:
            kwargs[name] = val
    if accepts_kwargs:
        for name, val in named.items():
            kwargs.setdefault(name, val)
    return args, kwargs
