"""The contracts of custom cast classes.

A cast class turns a stored value into a richer one (``get``) and back (``set``).
Subclass :class:`CastsAttributes` (or just write both methods); subclass
:class:`CastsInboundAttributes` for a cast that only transforms writes; give a value
class a ``cast_using(arguments)`` classmethod (:class:`Castable`) to name the cast
that handles it.

Laravel: ``Illuminate\\Contracts\\Database\\Eloquent\\CastsAttributes``,
``CastsInboundAttributes``, ``Castable``, ``SerializesCastableAttributes`` and
``ComparesCastableAttributes``.
"""

from __future__ import annotations

import typing as t

from protevus.support.aliases import CamelAliases

if t.TYPE_CHECKING:
    from protevus.database.eloquent.model import Model


class CastsAttributes(CamelAliases):
    """Transform an attribute when it is read and when it is written.

    Optional extras, found by name: ``serialize(model, key, value, attributes)``
    gives the value for ``to_array()``/JSON; ``compare(model, key, first, second)``
    decides whether two stored values are equal for dirty checks; a class attribute
    ``without_object_caching = True`` stops the model caching the object ``get``
    returns.

    Laravel: ``Illuminate\\Contracts\\Database\\Eloquent\\CastsAttributes``.
    """

    #: Re-run ``get`` on every read instead of caching the object it returned.
    without_object_caching: t.ClassVar[bool] = False

    def get(
        self, model: Model, key: str, value: t.Any, attributes: dict[str, t.Any]
    ) -> t.Any:
        """Return the cast value of the stored ``value``. Laravel: ``get()``."""
        return value

    def set(
        self, model: Model, key: str, value: t.Any, attributes: dict[str, t.Any]
    ) -> t.Any:
        """Return the value to store, or a dict of attributes to store.

        Laravel: ``set()``.
        """
        return value


class CastsInboundAttributes(CamelAliases):
    """Transform an attribute only when it is written (reads give it unchanged).

    Laravel: ``Illuminate\\Contracts\\Database\\Eloquent\\CastsInboundAttributes``.
    """

    without_object_caching: t.ClassVar[bool] = False

    def set(
        self, model: Model, key: str, value: t.Any, attributes: dict[str, t.Any]
    ) -> t.Any:
        """Return the value to store, or a dict of attributes to store.

        Laravel: ``set()``.
        """
        return value


class Castable(CamelAliases):
    """Mark a value class that names the cast class handling it.

    Laravel: ``Illuminate\\Contracts\\Database\\Eloquent\\Castable``.
    """

    @classmethod
    def cast_using(cls, arguments: list[str]) -> t.Any:
        """Return the cast (a class or an instance) for this value class.

        Laravel: ``Castable::castUsing()``.
        """
        raise NotImplementedError(
            f"Castable [{cls.__module__}.{cls.__qualname__}] must define "
            "cast_using(arguments) returning a cast class or instance."
        )
