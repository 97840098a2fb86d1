"""Maintain created_at and updated_at.

Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasTimestamps``.
"""

from __future__ import annotations


class HasTimestamps:
    """Maintain created_at and updated_at.

    Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasTimestamps``.
    """
