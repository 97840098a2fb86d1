"""Constrain a query by its relations (has, where_has, with_count...).

Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\QueriesRelationships``.
"""

from __future__ import annotations


class QueriesRelationships:
    """Constrain a query by its relations (has, where_has, with_count...).

    Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\QueriesRelationships``.
    """
