"""Errors raised while building and booting an application."""

from __future__ import annotations

from protevus.exceptions import ProtevusError


class ProviderError(ProtevusError):
    """Signal a service provider that cannot be imported or registered."""
