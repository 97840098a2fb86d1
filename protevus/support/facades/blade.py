"""Facade for the Blade compiler (container key ``'blade.compiler'``)."""

from __future__ import annotations

from protevus.support.facades.facade import Facade


class Blade(Facade):
    """Proxy static calls to the Blade compiler.

    Laravel: ``Illuminate\\Support\\Facades\\Blade``.
    """

    accessor = "blade.compiler"
