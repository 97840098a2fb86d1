"""Fire model events and register observers.

Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasEvents``.
"""

from __future__ import annotations


class HasEvents:
    """Fire model events and register observers.

    Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HasEvents``.
    """
