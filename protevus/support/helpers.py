"""Small global helpers with no framework state.

Laravel: the functions in ``Illuminate/Support/helpers.php`` and
``Illuminate/Collections/helpers.php`` that need no application.
"""

from __future__ import annotations

import re
import time
import typing as t

_T = t.TypeVar("_T")

# Set by the foundation (``set_exception_reporter``) so ``rescue()`` can report.
_exception_reporter: t.Callable[[BaseException], t.Any] | None = None

_ENTITY = re.compile(r"&(?!(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);)")


def value(val: t.Any, *args: t.Any, **kwargs: t.Any) -> t.Any:
    """Return ``val``, calling it first (with ``args``) when it is callable.

    Laravel: ``value($value, ...$args)``. Classes are returned as they are, not
    instantiated.
    """
    if callable(val) and not isinstance(val, type):
        return val(*args, **kwargs)
    return val


class HigherOrderTapProxy:
    """Forward one method call to a target, then hand back the target itself.

    Laravel: ``Illuminate\\Support\\HigherOrderTapProxy`` (what ``tap($x)`` returns).
    """

    __slots__ = ("target",)

    def __init__(self, target: t.Any) -> None:
        self.target = target

    def __getattr__(self, name: str) -> t.Callable[..., t.Any]:
        method = getattr(self.target, name)

        def call(*args: t.Any, **kwargs: t.Any) -> t.Any:
            method(*args, **kwargs)
            return self.target

        return call


def tap(val: _T, callback: t.Callable[[_T], t.Any] | None = None) -> t.Any:
    """Call ``callback`` with ``val`` and return ``val``.

    Without a callback, return a proxy: the next method called on it runs on
    ``val`` and the call returns ``val`` (``tap(user).update(...)`` → ``user``).

    Laravel: ``tap($value, $callback)``.
    """
    if callback is None:
        return HigherOrderTapProxy(val)
    callback(val)
    return val


def blank(val: t.Any) -> bool:
    """Determine if a value is "blank".

    ``None``, strings that are empty or only whitespace, and empty containers
    (lists, dicts, tuples, sets, or objects with ``is_empty()`` or ``__len__``)
    are blank. Numbers and booleans (``0``, ``False``) are never blank.

    Laravel: ``blank($value)``.
    """
    if val is None:
        return True
    if isinstance(val, str):
        return val.strip() == ""
    if isinstance(val, bool | int | float | complex):
        return False
    is_empty = getattr(val, "is_empty", None)
    if callable(is_empty):
        return bool(is_empty())
    if hasattr(val, "__len__"):
        return len(val) == 0
    return False


def filled(val: t.Any) -> bool:
    """Determine if a value is "filled" (the opposite of :func:`blank`).

    Laravel: ``filled($value)``.
    """
    return not blank(val)


def retry(
    times: int | t.Sequence[int],
    callback: t.Callable[[int], _T],
    sleep_milliseconds: int | t.Callable[[int, BaseException], int] = 0,
    when: t.Callable[[BaseException], bool] | None = None,
) -> _T:
    """Call ``callback`` (with the attempt number, from 1) until it succeeds.

    ``times`` is the number of attempts, or a list of sleeps in milliseconds
    between attempts (``[100, 200]`` = three attempts). ``sleep_milliseconds``
    may be a callable ``(attempt, error) -> ms``. ``when(error)`` decides if an
    error may be retried. The last error is re-raised.

    Laravel: ``retry($times, $callback, $sleepMilliseconds, $when)``.
    """
    backoff: list[int] = []
    if not isinstance(times, int):
        backoff = list(times)
        times = len(backoff) + 1
    attempts = 0
    while True:
        attempts += 1
        try:
            return callback(attempts)
        except Exception as error:
            if attempts >= times or (when is not None and not when(error)):
                raise
            delay: t.Any = backoff[attempts - 1] if backoff else sleep_milliseconds
            if callable(delay):
                delay = delay(attempts, error)
            if delay:
                time.sleep(delay / 1000)


def e(val: t.Any, double_encode: bool = True) -> str:
    """Encode HTML special characters in a value, like PHP's ``htmlspecialchars``.

    ``& < > " '`` become ``&amp; &lt; &gt; &quot; &#039;``; ``None`` becomes ``''``;
    objects with ``__html__`` (already-safe HTML) are returned unescaped; enums
    give their value. With ``double_encode=False`` existing entities are kept.

    Laravel: ``e($value, $doubleEncode)``.
    """
    if val is None:
        return ""
    to_html = getattr(val, "__html__", None)
    if callable(to_html):
        return str(to_html())
    enum_value = getattr(val, "value", None) if _is_enum(val) else None
    text = str(enum_value if enum_value is not None else val)
    if double_encode:
        text = text.replace("&", "&amp;")
    else:
        text = _ENTITY.sub("&amp;", text)
    return (
        text.replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#039;")
    )


def _is_enum(val: t.Any) -> bool:
    import enum

    return isinstance(val, enum.Enum)


def with_(val: _T, callback: t.Callable[[_T], t.Any] | None = None) -> t.Any:
    """Return ``val``, or ``callback(val)`` when a callback is given.

    Laravel: ``with($value, $callback)``.
    """
    return val if callback is None else callback(val)


def head(array: t.Any) -> t.Any:
    """Return the first element of a list or dict (``None`` when empty).

    Laravel: ``head($array)`` (PHP returns ``false`` for an empty array).
    """
    if isinstance(array, t.Mapping):
        array = array.values()
    return next(iter(array), None)


def last(array: t.Any) -> t.Any:
    """Return the last element of a list or dict (``None`` when empty).

    Laravel: ``last($array)`` (PHP returns ``false`` for an empty array).
    """
    if isinstance(array, t.Mapping):
        array = list(array.values())
    items = array if isinstance(array, t.Sequence) else list(array)
    return items[-1] if items else None


def class_basename(class_: t.Any) -> str:
    """Return the class name without its module or namespace.

    Accepts a class, an object, ``'app.models.User'`` or ``'App\\\\Models\\\\User'``.

    Laravel: ``class_basename($class)``.
    """
    if isinstance(class_, str):
        name = class_
    elif isinstance(class_, type):
        name = class_.__qualname__
    else:
        name = type(class_).__qualname__
    return re.split(r"[\\/.]", name)[-1]


class Optional:
    """Wrap a value that may be ``None``; attribute and item access then give ``None``.

    Laravel: ``Illuminate\\Support\\Optional``.
    """

    __slots__ = ("_value",)

    def __init__(self, val: t.Any) -> None:
        self._value = val

    def __getattr__(self, name: str) -> t.Any:
        if self._value is None:
            return None
        if isinstance(self._value, t.Mapping) and name in self._value:
            return self._value[name]
        return getattr(self._value, name, None)

    def __getitem__(self, key: t.Any) -> t.Any:
        if self._value is None:
            return None
        try:
            return self._value[key]
        except (KeyError, IndexError, TypeError):
            return None

    def __contains__(self, key: t.Any) -> bool:
        try:
            return key in self._value
        except TypeError:
            return False

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return f"Optional({self._value!r})"


def optional(
    val: t.Any = None, callback: t.Callable[[t.Any], t.Any] | None = None
) -> t.Any:
    """Return a proxy that answers ``None`` for anything asked of an absent value.

    ``optional(user).address`` is ``None`` when ``user`` is ``None``. With a
    callback, return ``callback(val)`` unless ``val`` is ``None``. A method call
    on an absent value needs the callback form: ``optional(user, lambda u: u.name())``.

    Laravel: ``optional($value, $callback)``.
    """
    if callback is None:
        return Optional(val)
    return None if val is None else callback(val)


def _make_exception(exception: t.Any, params: tuple[t.Any, ...]) -> BaseException:
    if isinstance(exception, BaseException):
        return exception
    if isinstance(exception, type) and issubclass(exception, BaseException):
        return exception(*params)
    if isinstance(exception, str):
        return RuntimeError(exception)
    if callable(exception):
        made = exception(*params)
        if isinstance(made, BaseException):
            return made
    raise TypeError(
        f"Exception [{exception!r}] is not an exception class, instance or message; "
        "pass one of those."
    )


def throw_if(condition: _T, exception: t.Any = RuntimeError, *params: t.Any) -> _T:
    """Raise ``exception`` when ``condition`` is truthy; otherwise return it.

    ``exception`` may be an exception class (built with ``params``), an
    instance, a message (raised as ``RuntimeError``) or a callable returning one.

    Laravel: ``throw_if($condition, $exception, ...$parameters)``.
    """
    if value(condition) if callable(condition) else condition:
        raise _make_exception(exception, params)
    return condition


def throw_unless(condition: _T, exception: t.Any = RuntimeError, *params: t.Any) -> _T:
    """Raise ``exception`` unless ``condition`` is truthy; otherwise return it.

    Laravel: ``throw_unless($condition, $exception, ...$parameters)``.
    """
    if not (value(condition) if callable(condition) else condition):
        raise _make_exception(exception, params)
    return condition


def set_exception_reporter(
    reporter: t.Callable[[BaseException], t.Any] | None,
) -> None:
    """Set the function :func:`rescue` uses to report caught errors (``None`` = off).

    The foundation sets this to the exception handler's ``report``.
    """
    global _exception_reporter
    _exception_reporter = reporter


def rescue(
    callback: t.Callable[[], _T],
    rescue: t.Any = None,
    report: bool | t.Callable[[BaseException], bool] = True,
) -> t.Any:
    """Call ``callback``; on an error return ``rescue`` (called with the error).

    The error is reported through the reporter set with
    :func:`set_exception_reporter` when ``report`` is true (or returns true).

    Laravel: ``rescue($callback, $rescue, $report)``.
    """
    try:
        return callback()
    except Exception as error:
        should_report = report(error) if callable(report) else report
        if should_report and _exception_reporter is not None:
            _exception_reporter(error)
        return value(rescue, error)


def transform(
    val: t.Any, callback: t.Callable[[t.Any], _T], default: t.Any = None
) -> t.Any:
    """Return ``callback(val)`` when ``val`` is filled, else the default.

    A callable default is called with ``val``.

    Laravel: ``transform($value, $callback, $default)``.
    """
    if filled(val):
        return callback(val)
    if callable(default) and not isinstance(default, type):
        return default(val)
    return default


def object_get(obj: t.Any, key: str | None, default: t.Any = None) -> t.Any:
    """Get an attribute from an object using dot notation.

    Laravel: ``object_get($object, $key, $default)``.
    """
    if key is None or str(key).strip() == "":
        return obj
    for segment in str(key).split("."):
        if obj is None or segment.startswith("_") or not hasattr(obj, segment):
            return value(default)
        obj = getattr(obj, segment)
    return obj
