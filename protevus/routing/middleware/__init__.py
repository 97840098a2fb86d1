"""Routing middleware."""

from protevus.routing.middleware.substitute_bindings import (
    SubstituteBindings as SubstituteBindings,
)
