"""Errors raised by the translator and its loader.

Laravel: ``InvalidArgumentException`` thrown by ``Illuminate\\Translation``.
"""

from __future__ import annotations

from protevus.exceptions import InvalidArgumentError


class TranslationError(InvalidArgumentError):
    """Signal a bad lang file or locale name."""
