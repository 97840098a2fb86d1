"""Register and apply global scopes.

Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasGlobalScopes``.
"""

from __future__ import annotations


class HasGlobalScopes:
    """Register and apply global scopes.

    Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasGlobalScopes``.
    """
