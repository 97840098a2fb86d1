"""Cast attributes, run accessors and mutators, and handle dates.

Laravel: the casting half of ``Illuminate\\Database\\Eloquent\\Concerns\\HasAttributes``.
"""

from __future__ import annotations


class HasCasts:
    """Cast attributes, run accessors and mutators, and handle dates.

    Laravel: the casting half of ``Illuminate\\Database\\Eloquent\\Concerns\\HasAttributes``.
    """
