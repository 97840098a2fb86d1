"""Call gate callbacks the way PHP calls closures: extra arguments dropped, guests checked.

Laravel: the reflection half of ``Illuminate\\Auth\\Access\\Gate``
(``canBeCalledWithUser()``, ``callbackAllowsGuests()``, ``methodAllowsGuests()``,
``parameterAllowsGuests()``). PHP ignores extra arguments given to a closure; a
Python callable raises, so the gate passes only as many positional arguments as a
callback accepts (``lambda user: user.is_admin`` works for ``allows('admin', post)``).
"""

from __future__ import annotations

import functools
import importlib
import inspect
import re
import types
import typing as t

from protevus.exceptions import InvalidArgumentError

#: an annotation spelled as a string (``from __future__ import annotations``) that accepts None.
_NULLABLE_TEXT = re.compile(
    r"(^|[\[|,\s])(None|Optional|t\.Optional|typing\.Optional|Any|t\.Any|typing\.Any)\b"
)


class _Facts(t.NamedTuple):
    #: positional parameters accepted, None when ``*args`` takes any number.
    arity: int | None
    #: whether the first parameter accepts None (a guest).
    allows_guests: bool


def call(callback: t.Callable[..., t.Any], *arguments: t.Any) -> t.Any:
    """Call ``callback`` with the leading ``arguments`` it accepts."""
    arity = facts(callback).arity
    if arity is not None and len(arguments) > arity:
        arguments = arguments[:arity]
    return callback(*arguments)


def allows_guests(callback: t.Any) -> bool:
    """Tell whether ``callback``'s first parameter accepts None (``User | None``, ``= None``).

    Laravel: ``Gate::callbackAllowsGuests()`` / ``parameterAllowsGuests()``.
    """
    return facts(callback).allows_guests


def method_allows_guests(cls: type, method: str) -> bool:
    """Tell whether method ``method`` of class ``cls`` accepts a None user.

    Laravel: ``Gate::methodAllowsGuests()``.
    """
    attr = getattr(cls, method, None)
    if attr is None:
        return False
    if inspect.isfunction(attr):
        # Looked up on the class: the first parameter is still self.
        return _facts(attr, True).allows_guests
    return facts(attr).allows_guests


def facts(callback: t.Any) -> _Facts:
    """Get the arity and guest facts of ``callback`` (computed once per function)."""
    if inspect.ismethod(callback):
        return _facts(callback.__func__, True)
    if inspect.isfunction(callback) or inspect.isbuiltin(callback):
        return _facts(callback, False)
    if isinstance(callback, functools.partial):
        return _facts_uncached(callback, False)
    call_ = inspect.getattr_static(type(callback), "__call__", None)
    if call_ is not None and inspect.isfunction(call_):
        return _facts(call_, True)
    return _facts_uncached(callback, False)


@functools.lru_cache(maxsize=2048)
def _facts(function: t.Callable[..., t.Any], bound: bool) -> _Facts:
    return _facts_uncached(function, bound)


def _facts_uncached(function: t.Callable[..., t.Any], bound: bool) -> _Facts:
    try:
        parameters = list(inspect.signature(function).parameters.values())
    except (TypeError, ValueError):
        return _Facts(None, False)
    if bound and parameters:
        parameters = parameters[1:]
    positional = [
        p
        for p in parameters
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.VAR_POSITIONAL)
    ]
    arity: int | None = len(positional)
    if any(p.kind is p.VAR_POSITIONAL for p in positional):
        arity = None
    first = positional[0] if positional else None
    guests = first is not None and _parameter_allows_guests(first)
    return _Facts(arity, guests)


def _parameter_allows_guests(parameter: inspect.Parameter) -> bool:
    # Laravel: a nullable type (?User) or a null default; *args is not a promise.
    if parameter.kind is parameter.VAR_POSITIONAL:
        return False
    if parameter.default is None:
        return True
    annotation = parameter.annotation
    if annotation is parameter.empty:
        return False
    if isinstance(annotation, str):
        return bool(_NULLABLE_TEXT.search(annotation))
    if annotation is None or annotation is type(None) or annotation is t.Any:
        return True
    origin = t.get_origin(annotation)
    if origin is t.Union or origin is types.UnionType:
        return type(None) in t.get_args(annotation)
    return False


def load_class(target: t.Any, what: str = "class") -> type:
    """Return ``target`` if it is a class, else import the dotted path it names.

    ``'app.policies.post_policy.PostPolicy'`` → the class.
    """
    if isinstance(target, type):
        return target
    if not isinstance(target, str) or "." not in target:
        raise InvalidArgumentError(
            f"The {what} [{target!r}] is neither a class nor a dotted path; give the "
            "class or 'package.module.ClassName'."
        )
    module_name, _, name = target.rpartition(".")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        raise InvalidArgumentError(
            f"The {what} [{target}] does not exist: module [{module_name}] cannot be "
            "imported."
        ) from error
    found = getattr(module, name, None)
    if not isinstance(found, type):
        raise InvalidArgumentError(
            f"The {what} [{target}] does not exist: module [{module_name}] has no "
            f"class [{name}]."
        )
    return found


def find_class(path: str) -> type | None:
    """Import the class named by a dotted path, or None when its module or class is missing.

    Errors raised while a module that does exist is imported are not hidden.
    """
    module_name, _, name = path.rpartition(".")
    if not module_name:
        return None
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        missing = error.name or ""
        if missing and (
            module_name == missing or module_name.startswith(missing + ".")
        ):
            return None
        raise
    found = getattr(module, name, None)
    return found if isinstance(found, type) else None


def qualified_name(cls: type) -> str:
    """Get ``module.QualName`` of a class."""
    return f"{cls.__module__}.{cls.__qualname__}"
