"""Guard attributes against mass assignment (fillable, guarded, unguard).

Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\GuardsAttributes``.
"""

from __future__ import annotations


class GuardsAttributes:
    """Guard attributes against mass assignment (fillable, guarded, unguard).

    Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\GuardsAttributes``.
    """
