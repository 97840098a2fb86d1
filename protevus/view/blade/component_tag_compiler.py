"""Turn ``<x-alert ...>`` component tags into Blade/Jinja before the directives compile.

Laravel: ``Illuminate\\View\\Compilers\\ComponentTagCompiler``.
"""

from __future__ import annotations


def compile_component_tags(source: str, name: str | None = None) -> str:
    """Return ``source`` with its component tags compiled (keeping every newline)."""
    return source
