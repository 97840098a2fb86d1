"""Register listeners and dispatch events to them.

``events.listen('user.login', handler)`` then ``events.dispatch('user.login', user)``
calls ``handler(user)``. Event objects dispatch by their class (listeners registered
for a base class hear its subclasses too), and ``*`` patterns such as ``eloquent.*``
register wildcard listeners, which receive ``(event_name, payload)``.

Laravel: ``Illuminate\\Events\\Dispatcher``.
"""

from __future__ import annotations

import inspect
import sys
import types
import typing as t

from protevus.container._reflection import import_class
from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases
from protevus.support.macroable import Macroable
from protevus.support.str import Str

if t.TYPE_CHECKING:
    from protevus.container.container import Container

#: a listener as registered: a callable, a class, ``'pkg.Class@method'``, ``[cls, 'method']``.
Listener: t.TypeAlias = t.Any
#: a listener ready to call with ``(event_name, payload_list)``.
_Prepared = t.Callable[[str, list[t.Any]], t.Any]


def event_name(event: t.Any) -> str:
    """Name an event: a string as given, a class (or instance) by its dotted path.

    ``OrderShipped`` defined in ``app.events.order_shipped`` is
    ``'app.events.order_shipped.OrderShipped'``.
    """
    if isinstance(event, str):
        return event
    cls = event if isinstance(event, type) else type(event)
    return f"{cls.__module__}.{cls.__qualname__}"


class Dispatcher(Macroable, CamelAliases):
    """Hold the listeners of each event and call them when it is dispatched.

    Laravel: ``Illuminate\\Events\\Dispatcher``.
    """

    def __init__(self, container: Container | None = None) -> None:
        self._container = container
        self._listeners: dict[str, list[Listener]] = {}
        self._wildcards: dict[str, list[Listener]] = {}
        self._wildcards_cache: dict[str, list[_Prepared]] = {}
        self._prepared_cache: dict[str, list[_Prepared]] = {}

    # -- registering -----------------------------------------------------------------

    def listen(self, events: t.Any, listener: Listener = None) -> None:
        """Register ``listener`` for one event, a list of events or a ``*`` pattern.

        With one argument, ``events`` is the listener and the events are read from
        the type hint of its first parameter (``def on(event: OrderShipped)``; a
        union hint listens for each class), or of its ``handle`` method for a class.

        Laravel: ``Dispatcher::listen()``.
        """
        if listener is None:
            if events is None:
                raise InvalidArgumentError(
                    "Cannot listen for [None]. Pass an event name or class, and a listener."
                )
            listener, events = events, self._hinted_events(events)
        names = events if isinstance(events, (list, tuple, set)) else [events]
        for each in names:
            name = event_name(each)
            if "*" in name:
                self._wildcards.setdefault(name, []).append(listener)
                self._wildcards_cache.clear()
            else:
                self._listeners.setdefault(name, []).append(listener)
            self._prepared_cache.clear()

    def _hinted_events(self, listener: t.Any) -> list[t.Any]:
        target = listener
        if isinstance(listener, type):
            target = getattr(listener, "handle", None) or next(
                (
                    vars(k)["__call__"]
                    for k in listener.__mro__
                    if "__call__" in vars(k)
                ),
                None,
            )
        try:
            parameters = [
                p
                for p in inspect.signature(target).parameters.values()
                if p.name not in ("self", "cls")
            ]
            hints = t.get_type_hints(target) if parameters else {}
        except (TypeError, ValueError, NameError):
            parameters, hints = [], {}
        hint = hints.get(parameters[0].name) if parameters else None
        members = t.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
        if t.get_origin(hint) is t.Union:
            members = t.get_args(hint)
        classes = [m for m in members if isinstance(m, type) and m is not type(None)]
        if not classes:
            raise InvalidArgumentError(
                f"Cannot tell which event listener [{_describe(listener)}] handles. "
                "Type-hint its first parameter with the event class, or call "
                "listen(event, listener)."
            )
        return classes

    def has_listeners(self, event: t.Any) -> bool:
        """Determine if an event has listeners (wildcards included).

        Laravel: ``Dispatcher::hasListeners()``.
        """
        name = event_name(event)
        return (
            bool(self._listeners.get(name))
            or bool(self._wildcards.get(name))
            or self.has_wildcard_listeners(name)
        )

    def has_wildcard_listeners(self, event: t.Any) -> bool:
        """Determine if a wildcard pattern matches the event.

        Laravel: ``Dispatcher::hasWildcardListeners()``.
        """
        name = event_name(event)
        return any(Str.is_(pattern, name) for pattern in self._wildcards)

    def push(self, event: str, payload: t.Any = None) -> None:
        """Queue an event to be dispatched when :meth:`flush` is called for it.

        Laravel: ``Dispatcher::push()``.
        """
        self.listen(f"{event}_pushed", lambda: self.dispatch(event, payload))

    def flush(self, event: str) -> None:
        """Dispatch the events pushed under ``event``. Laravel: ``Dispatcher::flush()``."""
        self.dispatch(f"{event}_pushed")

    def subscribe(self, subscriber: t.Any) -> None:
        """Let a subscriber register its listeners.

        ``subscriber`` is an instance, a class or a dotted path; its
        ``subscribe(events)`` method either calls ``events.listen(...)`` itself or
        returns ``{event: 'method_name' | listener | [listeners]}``.

        Laravel: ``Dispatcher::subscribe()``.
        """
        instance = self._resolve_subscriber(subscriber)
        registered = instance.subscribe(self)
        if not isinstance(registered, dict):
            return
        for event, listeners in registered.items():
            wrapped = listeners if isinstance(listeners, list) else [listeners]
            for listener in wrapped:
                if isinstance(listener, str) and callable(
                    getattr(instance, listener, None)
                ):
                    self.listen(event, getattr(instance, listener))
                else:
                    self.listen(event, listener)

    def _resolve_subscriber(self, subscriber: t.Any) -> t.Any:
        if isinstance(subscriber, str):
            resolved = import_class(subscriber)
            if resolved is None:
                raise InvalidArgumentError(
                    f"Event subscriber [{subscriber}] does not exist. Check the dotted "
                    "path of the class."
                )
            subscriber = resolved
        if isinstance(subscriber, type):
            return self._get_container().make(subscriber)
        return subscriber

    def forget(self, event: t.Any) -> None:
        """Remove every listener of an event (or of a wildcard pattern).

        Laravel: ``Dispatcher::forget()``.
        """
        name = event_name(event)
        if "*" in name:
            self._wildcards.pop(name, None)
        else:
            self._listeners.pop(name, None)
        self._wildcards_cache.clear()
        self._prepared_cache.clear()

    def forget_pushed(self) -> None:
        """Forget every pushed event. Laravel: ``Dispatcher::forgetPushed()``."""
        for name in [n for n in self._listeners if n.endswith("_pushed")]:
            self.forget(name)

    def get_raw_listeners(self) -> dict[str, list[Listener]]:
        """Get the registered listeners by event name. Laravel: ``getRawListeners()``."""
        return {name: list(each) for name, each in self._listeners.items()}

    # -- dispatching -----------------------------------------------------------------

    def dispatch(
        self, event: t.Any, payload: t.Any = None, halt: bool = False
    ) -> t.Any:
        """Call the listeners of an event; return their responses.

        An event object is passed as the only argument (``payload`` is ignored); a
        string event passes ``payload`` (a list or tuple spreads into arguments, a
        single value is one argument). A listener returning ``False`` stops the
        rest. With ``halt`` the first response that is not ``None`` is returned
        (``None`` when there is none); otherwise the list of responses.

        Laravel: ``Dispatcher::dispatch()``.
        """
        if isinstance(event, str):
            name = event
            arguments = _wrap(payload)
        else:
            name, arguments = event_name(event), [event]
        responses: list[t.Any] = []
        for listener in self.get_listeners(name):
            response = listener(name, arguments)
            if halt and response is not None:
                return response
            if response is False:
                break
            responses.append(response)
        return None if halt else responses

    def until(self, event: t.Any, payload: t.Any = None) -> t.Any:
        """Dispatch until a listener returns something other than ``None``.

        Laravel: ``Dispatcher::until()``.
        """
        return self.dispatch(event, payload, halt=True)

    def get_listeners(self, event: t.Any) -> list[_Prepared]:
        """Get the prepared listeners of an event: its own, matching wildcards, base classes.

        Laravel: ``Dispatcher::getListeners()``.
        """
        name = event_name(event)
        cached = self._prepared_cache.get(name)
        if cached is not None:
            return cached
        prepared = [self.make_listener(each) for each in self._listeners.get(name, ())]
        prepared.extend(self._get_wildcard_listeners(name))
        cls = event if isinstance(event, type) else None
        if cls is None and not isinstance(event, str):
            cls = type(event)
        if cls is None:
            cls = _class_named(name)
        if cls is not None:
            for base in cls.__mro__[1:]:
                if base is object:
                    continue
                for each in self._listeners.get(event_name(base), ()):
                    prepared.append(self.make_listener(each))
        self._prepared_cache[name] = prepared
        return prepared

    def _get_wildcard_listeners(self, name: str) -> list[_Prepared]:
        cached = self._wildcards_cache.get(name)
        if cached is not None:
            return cached
        found = [
            self.make_listener(listener, wildcard=True)
            for pattern, listeners in self._wildcards.items()
            if Str.is_(pattern, name)
            for listener in listeners
        ]
        self._wildcards_cache[name] = found
        return found

    def make_listener(self, listener: Listener, wildcard: bool = False) -> _Prepared:
        """Wrap a listener of any supported form so it is called as ``(name, payload)``.

        Classes and dotted paths are resolved through the container each time the
        event fires, as Laravel does.

        Laravel: ``Dispatcher::makeListener()``.
        """
        if isinstance(listener, (str, type, list, tuple)):
            return self.create_class_listener(listener, wildcard)
        if not callable(listener):
            raise InvalidArgumentError(
                f"Event listener [{listener!r}] is not callable. Pass a function, a "
                "class with handle(), 'pkg.Class@method' or [Class, 'method']."
            )
        if wildcard:
            return lambda name, payload: listener(name, payload)
        return lambda name, payload: listener(*payload)

    def create_class_listener(
        self, listener: Listener, wildcard: bool = False
    ) -> _Prepared:
        """Wrap a class-based listener. Laravel: ``Dispatcher::createClassListener()``."""

        def call(name: str, payload: list[t.Any]) -> t.Any:
            handler = self._create_class_callable(listener)
            return handler(name, payload) if wildcard else handler(*payload)

        return call

    def _create_class_callable(self, listener: Listener) -> t.Callable[..., t.Any]:
        if isinstance(listener, (list, tuple)):
            if len(listener) != 2 or not isinstance(listener[1], str):
                raise InvalidArgumentError(
                    f"Event listener [{listener!r}] must be [Class, 'method']."
                )
            target, method = listener
        elif isinstance(listener, str) and "@" in listener:
            target, _, method = listener.partition("@")
        else:
            target, method = listener, None
        if isinstance(target, str):
            resolved = import_class(target)
            if resolved is None:
                raise InvalidArgumentError(
                    f"Event listener [{target}] does not exist. Check the dotted path "
                    "of the class."
                )
            if not isinstance(resolved, type) and method is None:
                return t.cast("t.Callable[..., t.Any]", resolved)
            target = resolved
        instance = (
            self._get_container().make(target) if isinstance(target, type) else target
        )
        if method is None:
            method = "handle" if callable(getattr(instance, "handle", None)) else None
        handler = getattr(instance, method) if method else instance
        if not callable(handler):
            raise InvalidArgumentError(
                f"Event listener [{_describe(listener)}] has no method "
                f"[{method or 'handle'}]. Define it, or make the class callable."
            )
        return t.cast("t.Callable[..., t.Any]", handler)

    def _get_container(self) -> Container:
        if self._container is None:
            from protevus.container.container import Container

            self._container = Container()
        return self._container

    def set_container(self, container: Container) -> Dispatcher:
        """Set the container listeners are resolved from. Laravel: ``setContainer()``."""
        self._container = container
        return self


def _wrap(payload: t.Any) -> list[t.Any]:
    if payload is None:
        return []
    if isinstance(payload, (list, tuple)):
        return list(payload)
    return [payload]


def _class_named(name: str) -> type | None:
    # Only dotted names can be classes; "user.login"-style names never import.
    if "." not in name or " " in name or "*" in name:
        return None
    module_name, _, attr = name.rpartition(".")
    module = sys.modules.get(module_name)
    found = getattr(module, attr, None) if module is not None else None
    return found if isinstance(found, type) else None


def _describe(listener: t.Any) -> str:
    if isinstance(listener, (str, type)):
        return event_name(listener)
    return getattr(listener, "__qualname__", None) or repr(listener)
