"""Generate the ``.pyi`` stubs that let an IDE complete facade calls.

``Cache.remember(...)`` is resolved at run time by the Facade metaclass, so editors
cannot see the methods. For each facade this script writes
``protevus/support/facades/<name>.pyi`` declaring the public methods of the service
behind it as static methods (Laravel regenerates its ``@method static`` docblocks the
same way). Run it after changing a service's public API::

    python tools/facade_stubs.py          # write the stubs
    python tools/facade_stubs.py --check  # exit 1 if a stub is out of date (CI)

A facade whose service does not exist yet gets a stub with no methods; the metaclass
still accepts any attribute for type checkers.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import sys
import typing as t
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FACADES_DIR = ROOT / "protevus" / "support" / "facades"

#: facade module → the class whose public methods the facade exposes.
TARGETS: dict[str, str] = {
    "app": "protevus.foundation.application.Application",
    "artisan": "protevus.foundation.console.kernel.Kernel",
    "auth": "protevus.auth.auth_manager.AuthManager",
    "blade": "protevus.view.blade.compiler.BladeCompiler",
    "bus": "protevus.queue.bus.dispatcher.Dispatcher",
    "cache": "protevus.cache.cache_manager.CacheManager",
    "config": "protevus.config.repository.Repository",
    "cookie": "protevus.cookie.cookie_jar.CookieJar",
    "crypt": "protevus.encryption.encrypter.Encrypter",
    "db": "protevus.database.database_manager.DatabaseManager",
    "event": "protevus.events.dispatcher.Dispatcher",
    "gate": "protevus.auth.access.gate.Gate",
    "hash": "protevus.hashing.hash_manager.HashManager",
    "http": "protevus.http.client.factory.Factory",
    "log": "protevus.log.log_manager.LogManager",
    "mail": "protevus.mail.mail_manager.MailManager",
    "queue": "protevus.queue.queue_manager.QueueManager",
    "rate_limiter": "protevus.cache.rate_limiter.RateLimiter",
    "redirect": "protevus.routing.redirector.Redirector",
    "request": "protevus.http.request.Request",
    "response": "protevus.routing.response_factory.ResponseFactory",
    "route": "protevus.routing.router.Router",
    "schedule": "protevus.console.scheduling.schedule.Schedule",
    "schema": "protevus.database.schema.builder.Builder",
    "session": "protevus.session.session_manager.SessionManager",
    "storage": "protevus.filesystem.filesystem_manager.FilesystemManager",
    "url": "protevus.routing.url_generator.UrlGenerator",
    "validator": "protevus.validation.factory.Factory",
    "view": "protevus.view.factory.Factory",
}

#: facade module → classes the service forwards unknown calls to (``DB.select`` reaches
#: the default connection, as Laravel's DB facade docblock lists Connection's methods).
FORWARDS: dict[str, tuple[str, ...]] = {
    "db": ("protevus.database.connection.Connection",),
}

_SIMPLE = {"str", "int", "float", "bool", "bytes", "None", "object"}


def _annotation(value: t.Any) -> str:
    """Render an annotation using only builtins; anything else becomes ``Any``."""
    if value is inspect.Parameter.empty:
        return "Any"
    name = value if isinstance(value, str) else getattr(value, "__name__", "")
    if name == "None":
        return name
    # Qualified, so a method named like a builtin (Config.float) cannot shadow it.
    return f"builtins.{name}" if name in _SIMPLE else "Any"


def _parameters(sig: inspect.Signature) -> str:
    parts: list[str] = []
    seen_kw_only = False
    for param in list(sig.parameters.values())[1:]:  # drop self
        ann = _annotation(param.annotation)
        default = "" if param.default is inspect.Parameter.empty else " = ..."
        if param.kind is param.VAR_POSITIONAL:
            parts.append(f"*{param.name}: {ann}")
            seen_kw_only = True
        elif param.kind is param.VAR_KEYWORD:
            parts.append(f"**{param.name}: {ann}")
        elif param.kind is param.KEYWORD_ONLY:
            if not seen_kw_only:
                parts.append("*")
                seen_kw_only = True
            parts.append(f"{param.name}: {ann}{default}")
        elif param.kind is param.POSITIONAL_ONLY:
            parts.append(f"{param.name}: {ann}{default}")
        else:
            parts.append(f"{param.name}: {ann}{default}")
    return ", ".join(parts)


def _on_facade(facade: type, name: str) -> bool:
    # Not hasattr(): the Facade metaclass would try to resolve a service.
    return any(name in klass.__dict__ for klass in facade.__mro__)


def _methods(target: type, skip: t.Container[str] = ()) -> list[str]:
    from protevus.support.facades.facade import Facade

    lines: list[str] = []
    for name in sorted(dir(target)):
        # camelCase twins would double every stub; the Facade's own class methods
        # (swap, fake...) win over the service's.
        if (
            name.startswith("_")
            or name != name.lower()
            or _on_facade(Facade, name)
            or name in skip
        ):
            continue
        raw = inspect.getattr_static(target, name)
        func = raw.__func__ if isinstance(raw, staticmethod | classmethod) else raw
        if not inspect.isfunction(func):
            continue
        try:
            sig = inspect.signature(func)
        except (TypeError, ValueError):
            continue
        if isinstance(raw, staticmethod):
            sig = sig.replace(
                parameters=[inspect.Parameter("_", inspect.Parameter.POSITIONAL_ONLY)]
                + list(sig.parameters.values())
            )
        ret = _annotation(sig.return_annotation)
        lines.append("    @staticmethod")
        lines.append(f"    def {name}({_parameters(sig)}) -> {ret}: ...")
    return lines


def render(module: str) -> str:
    """Render the stub text for one facade module."""
    source = importlib.import_module(f"protevus.support.facades.{module}")
    facade = next(
        obj
        for obj in vars(source).values()
        if inspect.isclass(obj) and obj.__module__ == source.__name__
    )
    target_path = TARGETS[module]
    mod_name, _, cls_name = target_path.rpartition(".")
    try:
        target: type | None = getattr(importlib.import_module(mod_name), cls_name)
    except (ImportError, AttributeError):
        target = None
    out = [
        f"# Generated by tools/facade_stubs.py from {target_path}; do not edit.",
        "import builtins",
        "from typing import Any",
        "",
        "from protevus.support.facades.facade import Facade",
        "",
        f"class {facade.__name__}(Facade):",
        f"    accessor = {facade.accessor!r}",
    ]
    if not facade.cached:
        out.append("    cached = False")
    if target is not None:
        out.extend(_methods(target))
        seen = {n for n in dir(target) if not n.startswith("_")}
        for forward in FORWARDS.get(module, ()):
            mod_name, _, cls_name = forward.rpartition(".")
            extra = getattr(importlib.import_module(mod_name), cls_name)
            out.extend(_methods(extra, skip=seen))
            seen |= set(dir(extra))
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a stub is stale")
    args = parser.parse_args(argv)
    stale: list[str] = []
    for module in sorted(TARGETS):
        path = FACADES_DIR / f"{module}.pyi"
        text = render(module)
        current = path.read_text() if path.exists() else None
        if current != text:
            stale.append(str(path.relative_to(ROOT)))
            if not args.check:
                path.write_text(text)
    if args.check and stale:
        print(
            "Stale facade stubs (run python tools/facade_stubs.py):", *stale, sep="\n  "
        )
        return 1
    if not args.check:
        print(f"{len(stale)} stub(s) written.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
