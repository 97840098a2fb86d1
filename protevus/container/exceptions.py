"""Errors raised by the service container.

Laravel: ``Illuminate\\Contracts\\Container\\BindingResolutionException``,
``CircularDependencyException`` and ``Illuminate\\Container\\EntryNotFoundException``.
"""

from __future__ import annotations

from protevus.exceptions import ProtevusError


class ContainerError(ProtevusError):
    """Signal any error raised by the service container.

    Laravel: ``Psr\\Container\\ContainerExceptionInterface``.
    """


class BindingResolutionError(ContainerError):
    """Signal that the container could not build or find what was asked for.

    Laravel: ``Illuminate\\Contracts\\Container\\BindingResolutionException``.
    """


class CircularDependencyError(BindingResolutionError):
    """Signal that a class needs itself, directly or through its dependencies.

    Laravel: ``Illuminate\\Contracts\\Container\\CircularDependencyException``.
    """


class EntryNotFoundError(ContainerError, LookupError):
    """Signal that :meth:`Container.get` found no entry for an identifier.

    Laravel: ``Illuminate\\Container\\EntryNotFoundException`` (PSR-11).
    """
