"""Store a model's attributes and track what changed (get, set, fill, dirty, original).

Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasAttributes`` (storage and dirty tracking).
"""

from __future__ import annotations


class HasAttributes:
    """Store a model's attributes and track what changed (get, set, fill, dirty, original).

    Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasAttributes`` (storage and dirty tracking).
    """
