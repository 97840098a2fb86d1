"""Errors raised while preparing an application for tests."""

from __future__ import annotations

from protevus.exceptions import ProtevusError


class ApplicationNotFoundError(ProtevusError):
    """Signal that no application could be built for a test (no ``bootstrap/app.py``)."""
