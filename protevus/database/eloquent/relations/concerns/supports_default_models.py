"""Give a to-one relation a default model instead of ``None``.

Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\Concerns\\SupportsDefaultModels``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import camel_aliases

if t.TYPE_CHECKING:
    from protevus.database.eloquent.model import Model


@camel_aliases
class SupportsDefaultModels:
    """Return a default related model when none exists (``with_default()``).

    Laravel: ``Illuminate\\Database\\Eloquent\\Relations\\Concerns\\SupportsDefaultModels``.
    """

    _with_default: t.Any = None

    if t.TYPE_CHECKING:

        def new_related_instance_for(self, parent: Model) -> Model: ...

    def with_default(self, callback: t.Any = True) -> t.Self:
        """Return a new related model instead of ``None`` when there is none.

        ``callback`` is ``True``, a dict of attributes (force-filled), or a callable
        ``(instance, parent)`` that fills the instance or returns another one.
        Laravel: ``SupportsDefaultModels::withDefault()``.
        """
        self._with_default = callback
        return self

    def get_default_for(self, parent: Model) -> Model | None:
        """Get the default model for ``parent``, or ``None`` without ``with_default()``.

        Laravel: ``SupportsDefaultModels::getDefaultFor()``.
        """
        default = self._with_default
        if not default:
            return None
        instance = self.new_related_instance_for(parent)
        if callable(default):
            return t.cast("Model", default(instance, parent) or instance)
        if isinstance(default, dict):
            instance.force_fill(default)
        return instance
