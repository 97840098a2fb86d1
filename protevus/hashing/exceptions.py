"""Errors raised by the hashing package.

Laravel raises plain ``RuntimeException``/``InvalidArgumentException`` from
``Illuminate\\Hashing``; here they are :class:`HashingError` (also a
``RuntimeError``) and :class:`~protevus.exceptions.InvalidArgumentError`.
"""

from __future__ import annotations

from protevus.exceptions import ProtevusError


class HashingError(ProtevusError, RuntimeError):
    """Signal a hash that cannot be made or checked with the configured algorithm.

    Laravel: the ``RuntimeException`` of ``BcryptHasher``/``ArgonHasher``.
    """
