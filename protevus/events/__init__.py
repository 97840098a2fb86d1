"""Events: the dispatcher and its provider (Laravel: ``Illuminate\\Events``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.events.dispatcher import Dispatcher as Dispatcher
    from protevus.events.event_service_provider import (
        EventServiceProvider as EventServiceProvider,
    )
    from protevus.events.null_dispatcher import NullDispatcher as NullDispatcher

__getattr__ = lazy_exports(
    __name__,
    {
        "Dispatcher": "protevus.events.dispatcher",
        "NullDispatcher": "protevus.events.null_dispatcher",
        "EventServiceProvider": "protevus.events.event_service_provider",
    },
)
