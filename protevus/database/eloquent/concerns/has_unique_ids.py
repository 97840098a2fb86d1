"""Give models UUID or ULID primary keys.

Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasUniqueIds``, ``HasUuids``, ``HasUlids``.
"""

from __future__ import annotations


class HasUniqueIds:
    """Give models UUID or ULID primary keys.

    Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasUniqueIds``, ``HasUuids``, ``HasUlids``.
    """
