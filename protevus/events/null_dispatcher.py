"""A dispatcher that registers listeners but dispatches nothing.

``Model.without_events()`` swaps it in so model events are muted while listeners
may still be registered on the real dispatcher behind it.

Laravel: ``Illuminate\\Events\\NullDispatcher``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases


class NullDispatcher(CamelAliases):
    """Mute dispatching; forward every other call to the wrapped dispatcher.

    Laravel: ``Illuminate\\Events\\NullDispatcher``.
    """

    def __init__(self, dispatcher: t.Any) -> None:
        self.dispatcher = dispatcher

    def dispatch(
        self, event: t.Any, payload: t.Any = None, halt: bool = False
    ) -> t.Any:
        """Dispatch nothing. Laravel: ``NullDispatcher::dispatch()``."""
        return None

    def push(self, event: str, payload: t.Any = None) -> None:
        """Push nothing. Laravel: ``NullDispatcher::push()``."""

    def until(self, event: t.Any, payload: t.Any = None) -> t.Any:
        """Dispatch nothing. Laravel: ``NullDispatcher::until()``."""
        return None

    def __getattr__(self, name: str) -> t.Any:
        """Forward listen/has_listeners/forget... to the real dispatcher."""
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.dispatcher, name)
