"""Let a user model ask the gate about itself: ``user.can('update', post)``.

Laravel: ``Illuminate\\Foundation\\Auth\\Access\\Authorizable``.
"""

from __future__ import annotations

import typing as t

from protevus.container.container import Container
from protevus.container.exceptions import BindingResolutionError
from protevus.support.aliases import camel_aliases


@camel_aliases
class Authorizable:
    """Mix ``can``/``can_any``/``cant``/``cannot`` into the user model.

    Each call asks the ``'gate'`` service for this user (``Gate.for_user(self)``),
    whoever is logged in.

    Laravel: ``Illuminate\\Foundation\\Auth\\Access\\Authorizable``.
    """

    __slots__ = ()

    def can(self, abilities: t.Any, arguments: t.Any = None) -> bool:
        """Tell whether the user has every ability. Laravel: ``Authorizable::can()``."""
        return bool(current_gate().for_user(self).check(abilities, arguments))

    def can_any(self, abilities: t.Any, arguments: t.Any = None) -> bool:
        """Tell whether the user has any of the abilities. Laravel: ``Authorizable::canAny()``."""
        return bool(current_gate().for_user(self).any(abilities, arguments))

    def cant(self, abilities: t.Any, arguments: t.Any = None) -> bool:
        """Tell whether the user lacks an ability. Laravel: ``Authorizable::cant()``."""
        return not self.can(abilities, arguments)

    def cannot(self, abilities: t.Any, arguments: t.Any = None) -> bool:
        """Tell whether the user lacks an ability. Laravel: ``Authorizable::cannot()``."""
        return not self.can(abilities, arguments)


def current_gate() -> t.Any:
    """Get the ``'gate'`` service of the current application."""
    container = Container.get_instance()
    if not container.bound("gate"):
        raise BindingResolutionError(
            "No authorization gate is bound under [gate]: register "
            "protevus.auth.access.access_service_provider.AccessServiceProvider "
            "in the application's providers."
        )
    return container.make("gate")
