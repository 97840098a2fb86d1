"""The component directives (``@props``...), registered with the built-in directives.

Laravel: ``Illuminate\\View\\Compilers\\Concerns\\CompilesComponents``.
"""

from __future__ import annotations
