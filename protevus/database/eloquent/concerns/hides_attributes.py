"""Choose which attributes serialize (hidden, visible, appends).

Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HidesAttributes``.
"""

from __future__ import annotations


class HidesAttributes:
    """Choose which attributes serialize (hidden, visible, appends).

    Laravel: ``Illuminate\\Database\\Eloquent\\Concerns\\HidesAttributes``.
    """
