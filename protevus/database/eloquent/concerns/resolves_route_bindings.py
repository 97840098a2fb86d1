"""Resolve route parameters to models (implicit route model binding).

Laravel: ``Model::resolveRouteBinding()``, ``getRouteKeyName()``, ``resolveChildRouteBinding()``.
"""

from __future__ import annotations


class ResolvesRouteBindings:
    """Resolve route parameters to models (implicit route model binding).

    Laravel: ``Model::resolveRouteBinding()``, ``getRouteKeyName()``, ``resolveChildRouteBinding()``.
    """
