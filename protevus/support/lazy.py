"""Re-export names from a package without importing their modules up front.

A package's ``__init__`` runs whenever any of its modules is imported, so an
``__init__`` that re-exports everything makes every import pay for everything.
:func:`lazy_exports` builds a PEP 562 module ``__getattr__`` that imports a
re-exported name on first use (``from protevus.support import Collection`` still
works), which keeps ``python artisan.py --help`` fast. Type checkers read the
same names from an ``if t.TYPE_CHECKING:`` block of explicit imports.
"""

from __future__ import annotations

import importlib
import sys
import typing as t


def lazy_exports(
    package: str, exports: t.Mapping[str, str]
) -> t.Callable[[str], t.Any]:
    """Return a module ``__getattr__`` serving ``exports`` (name → defining module)."""

    def __getattr__(name: str) -> t.Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        # Cache on the package so the next lookup is a plain attribute read.
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
