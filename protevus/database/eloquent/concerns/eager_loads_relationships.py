"""Eager load relations (with_, without, eager_load_relations).

Laravel: the eager-loading part of ``Illuminate\\Database\\Eloquent\\Builder``.
"""

from __future__ import annotations


class EagerLoadsRelationships:
    """Eager load relations (with_, without, eager_load_relations).

    Laravel: the eager-loading part of ``Illuminate\\Database\\Eloquent\\Builder``.
    """
