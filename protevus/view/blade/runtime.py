"""Run-time helpers behind ``@auth``/``@can``/``@env``/``@session``/``@error``/``@each``/``@hasSection``.

Laravel: what the compiled PHP calls (``auth()->guard()->check()``, ``Gate::check()``,
``app()->environment()``, ``session()->get()``, ``$errors->getBag()``,
``$__env->renderEach()``). Services are resolved per call through the current
container, never captured when the environment is built: ``'auth'``, ``'gate'`` and
``'session'`` are optional (unbound → a guest with no abilities and no session).
"""

from __future__ import annotations

import fnmatch
import typing as t

import jinja2
from markupsafe import Markup

from protevus.container.container import Container


def blade_view(name: t.Any) -> t.Any:
    """Return the template file for a dotted view name computed at run time (``'a.b'`` → ``'a/b.blade.html'``).

    A list of names (``@includeFirst``) maps each name.
    """
    if isinstance(name, (list, tuple)):
        return [blade_view(item) for item in name]
    name = str(name)
    if name.endswith((".html", ".jinja")):
        return name
    return name.replace(".", "/") + ".blade.html"


def blade_auth_check(guard: str | None = None) -> bool:
    """Tell whether a user is logged in on ``guard`` (False when no ``'auth'`` service is bound).

    Laravel: ``@auth``/``@guest`` → ``auth()->guard($guard)->check()``.
    """
    container = Container.get_instance()
    if not container.bound("auth"):
        return False
    return bool(container.make("auth").guard(guard).check())


def blade_can(abilities: t.Any, *arguments: t.Any, any_: bool = False) -> bool:
    """Tell whether the gate allows every ability (any with ``any_``); False without a ``'gate'`` service.

    Laravel: ``@can`` → ``Gate::check()``, ``@canany`` → ``Gate::any()``. The gate is
    called as ``gate.allows(ability, arguments)`` / ``gate.any(abilities, arguments)``
    with ``arguments`` a list (``@can('update', post)`` → ``[post]``; a single list
    argument is used as it is, as Laravel's ``Arr::wrap`` does).
    """
    container = Container.get_instance()
    if not container.bound("gate"):
        return False
    gate = container.make("gate")
    if len(arguments) == 1 and isinstance(arguments[0], (list, tuple)):
        args = list(arguments[0])
    else:
        args = list(arguments)
    names = [abilities] if isinstance(abilities, str) else list(abilities)
    if any_:
        if hasattr(gate, "any"):
            return bool(gate.any(names, args))
        return any(bool(gate.allows(name, args)) for name in names)
    return bool(names) and all(bool(gate.allows(name, args)) for name in names)


def blade_env(*environments: str | t.Iterable[str]) -> bool:
    """Tell whether the application's environment matches one of the names (``*`` wildcards allowed).

    Laravel: ``@env``/``@production`` → ``app()->environment(...)``. Without an
    application the environment counts as ``production``, as ``Application`` does.
    """
    container = Container.get_instance()
    app: t.Any = container if hasattr(container, "environment") else None
    if app is None and container.bound("app"):
        app = container.make("app")
    if app is not None and hasattr(app, "environment"):
        return bool(app.environment(*environments))
    patterns: list[str] = []
    for entry in environments:
        patterns.extend([entry] if isinstance(entry, str) else list(entry))
    return any(fnmatch.fnmatchcase("production", pattern) for pattern in patterns)


def blade_session(key: str) -> t.Any:
    """Return the session value ``key`` for ``@session``, or None when it is missing (or no session is bound).

    Laravel: ``session()->has($key)`` then ``session()->get($key)``.
    """
    container = Container.get_instance()
    if not container.bound("session"):
        return None
    store = container.make("session")
    if not store.has(key):
        return None
    return store.get(key)


def blade_error(errors: t.Any, field: str, bag: str = "default") -> str | None:
    """Return the first error message of ``field`` in error bag ``bag``, or None when it has none.

    Laravel: ``@error`` → ``$errors->getBag($bag)->has($field)`` / ``->first($field)``.
    ``errors`` may be a ``ViewErrorBag``, a ``MessageBag`` or missing (undefined).
    """
    if errors is None or isinstance(errors, jinja2.Undefined):
        return None
    if hasattr(errors, "get_bag"):
        errors = errors.get_bag(bag)
    elif callable(errors) and not hasattr(errors, "has"):
        return blade_error(errors(), field, bag)
    if not errors.has(field):
        return None
    return str(errors.first(field))


@jinja2.pass_context
def blade_each(
    context: jinja2.runtime.Context,
    view: str,
    items: t.Any,
    iterator: str,
    empty: str = "raw|",
) -> Markup:
    """Render ``view`` once per item with ``key`` and the item under ``iterator``; ``empty`` when there are none.

    Laravel: ``@each`` → ``Factory::renderEach()``. As in Laravel the view sees only
    ``key``, the item and the shared (global) data, not the calling template's
    variables. ``empty`` is a view name or ``'raw|text'`` printed as it is.
    """
    environment = context.environment
    if items is None:
        items = ()
    pairs = items.items() if isinstance(items, t.Mapping) else enumerate(items)
    parts: list[str] = []
    template: jinja2.Template | None = None
    for key, value in pairs:
        if template is None:
            template = environment.get_template(blade_view(view), parent=context.name)
        parts.append(template.render({"key": key, str(iterator): value}))
    if parts:
        return Markup("".join(parts))
    if not empty:
        return Markup("")
    if empty.startswith("raw|"):
        return Markup(empty[4:])
    return Markup(
        environment.get_template(blade_view(empty), parent=context.name).render()
    )


@jinja2.pass_context
def blade_has_section(
    context: jinja2.runtime.Context, name: str, template: str | None
) -> bool:
    """Tell whether a template other than ``template`` (the one asking) defines section ``name``.

    Laravel: ``@hasSection``/``@sectionMissing`` → ``Factory::hasSection()``. A layout's own
    ``@yield``/``@section`` of that name does not count; a child's ``@section`` does.
    """
    blocks = context.blocks.get(name)
    if not blocks:
        return False
    if template is None:
        return len(blocks) > 1
    try:
        own = context.environment.get_template(template).blocks.get(name)
    except jinja2.TemplateNotFound:
        return len(blocks) > 1
    return any(block is not own for block in blocks)
