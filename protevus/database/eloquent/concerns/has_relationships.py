"""Define relationships and read loaded relations as attributes.

Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasRelationships``.
"""

from __future__ import annotations


class HasRelationships:
    """Define relationships and read loaded relations as attributes.

    Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasRelationships``.
    """
