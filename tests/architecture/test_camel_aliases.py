"""Every public class answers to camelCase through the one alias mechanism (DESIGN.md §3)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing as t

import protevus
from protevus.support.aliases import camel_name

# Modules whose import needs a dependency that is optional or heavy; none yet.
SKIP_MODULES: set[str] = set()


def public_classes() -> t.Iterator[type]:
    for info in pkgutil.walk_packages(protevus.__path__, "protevus."):
        name = info.name
        if name in SKIP_MODULES or any(
            part.startswith("_") for part in name.split(".")
        ):
            continue
        module = importlib.import_module(name)
        for cls_name, cls in vars(module).items():
            if (
                inspect.isclass(cls)
                and cls.__module__ == name
                and not cls_name.startswith("_")
                and not issubclass(cls, BaseException)
                and not getattr(cls, "_is_protocol", False)
            ):
                yield cls


def _overrides_third_party(cls: type, name: str) -> bool:
    return any(
        name in vars(base)
        for base in cls.__mro__[1:]
        if not base.__module__.startswith("protevus") and base is not object
    )


def test_every_public_snake_case_method_has_its_camel_case_twin() -> None:
    missing: list[str] = []
    for cls in public_classes():
        for name, attr in vars(cls).items():
            alias = camel_name(name)
            if alias is None or isinstance(attr, type):
                continue
            if not (
                callable(attr)
                or isinstance(attr, staticmethod | classmethod | property)
            ):
                continue
            if _overrides_third_party(cls, name):
                continue  # a hook of Click/Flask/logging; callers use its own name
            if not hasattr(cls, alias):
                missing.append(f"{cls.__module__}.{cls.__qualname__}.{name}")
    assert missing == [], "Inherit CamelAliases (or use @camel_aliases): " + ", ".join(
        missing
    )
