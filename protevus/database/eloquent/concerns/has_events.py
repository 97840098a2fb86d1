"""Fire model events and register observers.

Every model class shares one event dispatcher (``Model.set_event_dispatcher()``; the
DatabaseServiceProvider and ``Capsule.boot_eloquent()`` set it). With none set, model
events are off. Events are named ``eloquent.<event>: <dotted class>`` and carry the
model, so ``Event.listen('eloquent.created: app.models.Post', fn)`` and
``Post.created(fn)`` register the same thing; ``-ing`` events are cancelled by a
listener returning ``False``.

Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasEvents``.
"""

from __future__ import annotations

import contextvars
import typing as t

from protevus.container._reflection import import_class
from protevus.exceptions import InvalidArgumentError
from protevus.support.aliases import CamelAliases
from protevus.support.str import Str

_T = t.TypeVar("_T")
_Callback = t.Callable[..., t.Any]

#: the events every model fires, in Laravel's order (``getObservableEvents()``).
MODEL_EVENTS: tuple[str, ...] = (
    "retrieved",
    "creating",
    "created",
    "updating",
    "updated",
    "saving",
    "saved",
    "restoring",
    "restored",
    "replicating",
    "trashed",
    "deleting",
    "deleted",
    "force_deleting",
    "force_deleted",
)


def model_event_name(model: t.Any, event: str) -> str:
    """Name a model event as the dispatcher sees it: ``eloquent.created: app.models.Post``."""
    cls = model if isinstance(model, type) else type(model)
    name = _EVENT_NAMES.get((cls, event))
    if name is None:
        name = _EVENT_NAMES[(cls, event)] = (
            f"eloquent.{event}: {cls.__module__}.{cls.__name__}"
        )
    return name


#: (model class, event) → its event name (built for every model a query returns).
_EVENT_NAMES: dict[tuple[type, str], str] = {}


class HasEvents(CamelAliases):
    """Fire model events and register observers.

    Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasEvents``.
    """

    #: event → event class dispatched instead of the string event (``$dispatchesEvents``).
    dispatches_events: t.ClassVar[dict[str, type]] = {}
    #: extra observable event names this model fires itself (``$observables``).
    observables: t.ClassVar[list[str]] = []
    #: observer classes registered when the class boots (``#[ObservedBy]``).
    observers: t.ClassVar[list[t.Any]] = []

    # The dispatcher is shared by every model (Laravel's static ``$dispatcher``), so it
    # always lives on HasEvents itself, never on a subclass.
    _event_dispatcher: t.ClassVar[t.Any] = None

    # -- boot ------------------------------------------------------------------------

    @classmethod
    def boot_has_events(cls) -> None:
        """Register the observers named in ``observers``. Laravel: ``bootHasEvents()``."""
        if cls.observers:
            cls.observe(cls.observers)

    # -- observers -------------------------------------------------------------------

    @classmethod
    def observe(cls, classes: t.Any) -> None:
        """Register one observer or a list of them (classes, instances or dotted paths).

        Each observer method named after a model event (``created``, ``saving``,
        ``force_deleted``...) becomes a listener. A class is resolved through the
        container when an event fires; an instance is used as it is.

        Laravel: ``HasEvents::observe()``.
        """
        wrapped = classes if isinstance(classes, (list, tuple)) else [classes]
        for observer in wrapped:
            cls._register_observer(observer)

    @classmethod
    def _register_observer(cls, observer: t.Any) -> None:
        if isinstance(observer, str):
            resolved = import_class(observer)
            if resolved is None:
                raise InvalidArgumentError(
                    f"Unable to find observer [{observer}]. Check the dotted path of "
                    "the observer class."
                )
            observer = resolved
        for event in cls._observable_events():
            method = getattr(observer, event, None)
            if not callable(method):
                continue
            if isinstance(observer, type):
                cls.register_model_event(event, [observer, event])
            else:
                cls.register_model_event(event, method)

    @classmethod
    def _observable_events(cls) -> list[str]:
        return [*MODEL_EVENTS, *cls.observables]

    def get_observable_events(self) -> list[str]:
        """Get the event names observers may listen for. Laravel: ``getObservableEvents()``."""
        return [*MODEL_EVENTS, *self.observables]

    def set_observable_events(self, observables: list[str]) -> t.Self:
        """Replace this model's extra observable events. Laravel: ``setObservableEvents()``."""
        self.__dict__["observables"] = list(observables)
        return self

    def add_observable_events(self, *observables: t.Any) -> None:
        """Add extra observable events. Laravel: ``addObservableEvents()``."""
        names = _flatten(observables)
        current = list(self.observables)
        self.__dict__["observables"] = current + [n for n in names if n not in current]

    def remove_observable_events(self, *observables: t.Any) -> None:
        """Remove extra observable events. Laravel: ``removeObservableEvents()``."""
        names = _flatten(observables)
        self.__dict__["observables"] = [n for n in self.observables if n not in names]

    # -- registering listeners -------------------------------------------------------

    @classmethod
    def register_model_event(cls, event: str, callback: t.Any) -> None:
        """Listen for ``event`` on this model class (ignored while no dispatcher is set).

        Laravel: ``HasEvents::registerModelEvent()``.
        """
        dispatcher = _dispatcher()
        if dispatcher is not None:
            dispatcher.listen(model_event_name(cls, event), callback)

    @classmethod
    def retrieved(cls, callback: _T) -> _T:
        """Listen for models loaded from the database. Laravel: ``Model::retrieved()``."""
        cls.register_model_event("retrieved", callback)
        return callback

    @classmethod
    def saving(cls, callback: _T) -> _T:
        """Listen before a save; ``False`` cancels it. Laravel: ``Model::saving()``."""
        cls.register_model_event("saving", callback)
        return callback

    @classmethod
    def saved(cls, callback: _T) -> _T:
        """Listen after a save. Laravel: ``Model::saved()``."""
        cls.register_model_event("saved", callback)
        return callback

    @classmethod
    def updating(cls, callback: _T) -> _T:
        """Listen before an update; ``False`` cancels it. Laravel: ``Model::updating()``."""
        cls.register_model_event("updating", callback)
        return callback

    @classmethod
    def updated(cls, callback: _T) -> _T:
        """Listen after an update. Laravel: ``Model::updated()``."""
        cls.register_model_event("updated", callback)
        return callback

    @classmethod
    def creating(cls, callback: _T) -> _T:
        """Listen before an insert; ``False`` cancels it. Laravel: ``Model::creating()``."""
        cls.register_model_event("creating", callback)
        return callback

    @classmethod
    def created(cls, callback: _T) -> _T:
        """Listen after an insert. Laravel: ``Model::created()``."""
        cls.register_model_event("created", callback)
        return callback

    @classmethod
    def replicating(cls, callback: _T) -> _T:
        """Listen when a model is replicated. Laravel: ``Model::replicating()``."""
        cls.register_model_event("replicating", callback)
        return callback

    @classmethod
    def deleting(cls, callback: _T) -> _T:
        """Listen before a delete; ``False`` cancels it. Laravel: ``Model::deleting()``."""
        cls.register_model_event("deleting", callback)
        return callback

    @classmethod
    def deleted(cls, callback: _T) -> _T:
        """Listen after a delete. Laravel: ``Model::deleted()``."""
        cls.register_model_event("deleted", callback)
        return callback

    @classmethod
    def restoring(cls, callback: _T) -> _T:
        """Listen before a soft-deleted model is restored. Laravel: ``SoftDeletes::restoring()``."""
        cls.register_model_event("restoring", callback)
        return callback

    @classmethod
    def restored(cls, callback: _T) -> _T:
        """Listen after a soft-deleted model is restored. Laravel: ``SoftDeletes::restored()``."""
        cls.register_model_event("restored", callback)
        return callback

    @classmethod
    def force_deleting(cls, callback: _T) -> _T:
        """Listen before a force delete. Laravel: ``SoftDeletes::forceDeleting()``."""
        cls.register_model_event("force_deleting", callback)
        return callback

    @classmethod
    def force_deleted(cls, callback: _T) -> _T:
        """Listen after a force delete. Laravel: ``SoftDeletes::forceDeleted()``."""
        cls.register_model_event("force_deleted", callback)
        return callback

    @classmethod
    def flush_event_listeners(cls) -> None:
        """Remove every listener of this model's events. Laravel: ``flushEventListeners()``."""
        dispatcher = _dispatcher()
        if dispatcher is None:
            return
        for event in cls._observable_events():
            dispatcher.forget(model_event_name(cls, event))
        for event_class in cls.dispatches_events.values():
            dispatcher.forget(event_class)

    # -- firing ----------------------------------------------------------------------

    def fire_model_event(self, event: str, halt: bool = True) -> t.Any:
        """Dispatch ``eloquent.<event>: <class>`` with this model.

        Returns ``False`` when a listener cancelled the event (``halt`` stops at the
        first answer, as ``-ing`` events do), else ``True`` or the listeners' answer.
        A class in ``dispatches_events`` for the event is dispatched first.

        Laravel: ``HasEvents::fireModelEvent()``.
        """
        dispatcher = _dispatcher()
        if dispatcher is None:
            return True
        if not event.islower():
            event = Str.snake(event)
        method = dispatcher.until if halt else dispatcher.dispatch
        result = self._fire_custom_model_event(event, method)
        if result is False:
            return False
        if not result:
            result = method(model_event_name(self, event), [self])
            if isinstance(result, list):
                result = [r for r in result if r is not None]
        if result is None or (isinstance(result, list) and not result):
            return True
        return result

    def _fire_custom_model_event(self, event: str, method: _Callback) -> t.Any:
        event_class = self.dispatches_events.get(event)
        if event_class is None:
            return None
        result = method(event_class(self))
        if isinstance(result, list):
            return [r for r in result if r is not None]
        return result

    # -- the dispatcher --------------------------------------------------------------

    @classmethod
    def get_event_dispatcher(cls) -> t.Any:
        """Get the dispatcher every model fires through. Laravel: ``getEventDispatcher()``."""
        return _dispatcher()

    @classmethod
    def set_event_dispatcher(cls, dispatcher: t.Any) -> None:
        """Set the dispatcher every model fires through. Laravel: ``setEventDispatcher()``."""
        HasEvents._event_dispatcher = dispatcher

    @classmethod
    def unset_event_dispatcher(cls) -> None:
        """Turn model events off. Laravel: ``unsetEventDispatcher()``."""
        HasEvents._event_dispatcher = None

    @classmethod
    def without_events(cls, callback: t.Callable[[], _T]) -> _T:
        """Run ``callback`` with model events muted (listeners may still register).

        Muting holds for the calling thread (and async task) only: a request saving
        quietly never silences another request's observers.

        Laravel: ``HasEvents::withoutEvents()``.
        """
        token = _MUTED.set(True)
        try:
            return callback()
        finally:
            _MUTED.reset(token)


#: whether model events are muted in this thread/task (``without_events``).
_MUTED: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "protevus.eloquent.events_muted", default=False
)


def _dispatcher() -> t.Any:
    """Return the dispatcher to fire through: a muting wrapper inside ``without_events``."""
    dispatcher = HasEvents._event_dispatcher
    if dispatcher is not None and _MUTED.get():
        from protevus.events.null_dispatcher import NullDispatcher

        return NullDispatcher(dispatcher)
    return dispatcher


def _flatten(values: t.Iterable[t.Any]) -> list[str]:
    names: list[str] = []
    for value in values:
        if isinstance(value, (list, tuple)):
            names.extend(str(v) for v in value)
        else:
            names.append(str(value))
    return names
