"""The per-render store behind ``@push``/``@prepend``/``@stack`` and ``@once``.

Laravel: ``Illuminate\\View\\Concerns\\ManagesStacks`` and ``ManagesComponents``'
``renderOnce``. Laravel renders a child view before its layout, so a layout's
``@stack`` in ``<head>`` sees pushes made by the child's sections. Jinja renders a
child's blocks when the layout reaches them, so ``@stack`` prints a placeholder and
the outermost render replaces the placeholders once the whole page is done.

The store lives in a :class:`contextvars.ContextVar` for the duration of the
outermost ``Template.render()``: templates rendered inside it (includes, ``@each``,
components, nested ``view()`` calls) share it, and each thread or task has its own.
:class:`BladeTemplate` (installed as the environment's ``template_class`` by
:class:`~protevus.view.blade.extension.BladeExtension`) opens and finishes it, so
callers just use ``template.render(...)``.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
import secrets
import typing as t

import jinja2
from markupsafe import Markup

from protevus.support.aliases import CamelAliases


class RenderState(CamelAliases):
    """Hold the stacks and ``@once`` ids of one render.

    Laravel: the ``$pushes``/``$prepends``/``$renderedOnce`` arrays of the view factory.
    """

    def __init__(self) -> None:
        self.pushes: dict[str, list[str]] = {}
        self.prepends: dict[str, list[str]] = {}
        self.rendered_once: set[str] = set()
        # Made on the first @stack only: most renders have none, and a fresh
        # pattern per render would miss re's cache.
        self._nonce = ""
        self._placeholders: list[tuple[str, str]] = []

    def push(self, name: str, content: str, prepend: bool = False) -> None:
        """Add ``content`` to the end of stack ``name`` (its start when ``prepend``).

        Laravel: ``ManagesStacks::extendPush()``/``extendPrepend()`` (the latest prepend comes first).
        """
        if prepend:
            self.prepends.setdefault(str(name), []).insert(0, str(content))
        else:
            self.pushes.setdefault(str(name), []).append(str(content))

    def content(self, name: str, default: str = "") -> str:
        """Return what was pushed onto stack ``name`` so far. Laravel: ``yieldPushContent()``."""
        name = str(name)
        if name not in self.pushes and name not in self.prepends:
            return str(default)
        return "".join(self.prepends.get(name, ())) + "".join(self.pushes.get(name, ()))

    def placeholder(self, name: str, default: str = "") -> str:
        """Return a marker for stack ``name`` that :meth:`finish` replaces with its final content."""
        if not self._nonce:
            self._nonce = secrets.token_hex(8)
        self._placeholders.append((str(name), str(default)))
        return f"__blade_stack_{self._nonce}_{len(self._placeholders) - 1}__"

    def once(self, key: str) -> bool:
        """Return True the first time ``key`` is seen in this render. Laravel: ``hasRenderedOnce()``."""
        if key in self.rendered_once:
            return False
        self.rendered_once.add(key)
        return True

    def finish(self, text: str) -> str:
        """Return ``text`` with every stack placeholder replaced by the stack's content."""
        if not self._placeholders:
            return text

        def replace(match: re.Match[str]) -> str:
            name, default = self._placeholders[int(match.group(1))]
            return self.content(name, default)

        pattern = re.compile(r"__blade_stack_" + self._nonce + r"_(\d+)__")
        return pattern.sub(replace, text)


_STATE: contextvars.ContextVar[RenderState | None] = contextvars.ContextVar(
    "protevus_blade_render_state", default=None
)


def current_state() -> RenderState | None:
    """Return the store of the render in progress (None outside a render)."""
    return _STATE.get()


@contextlib.contextmanager
def rendering() -> t.Iterator[tuple[RenderState, bool]]:
    """Open a render scope: yield ``(state, outermost)``; only the outermost render finishes the stacks.

    Use it around code that renders through ``root_render_func`` instead of ``Template.render``.
    """
    state = _STATE.get()
    if state is not None:
        yield state, False
        return
    state = RenderState()
    token = _STATE.set(state)
    try:
        yield state, True
    finally:
        _STATE.reset(token)


def finish_render(text: str, state: RenderState | None = None) -> str:
    """Replace the stack placeholders in ``text`` (the outermost render's output)."""
    state = state or _STATE.get()
    return text if state is None else state.finish(text)


class BladeTemplate(jinja2.Template):
    """A Jinja template whose outermost render opens the stack store and fills the ``@stack`` placeholders.

    Laravel: ``Factory::flushStateIfDoneRendering()`` (state lives until the outermost view is rendered).
    """

    def new_context(
        self,
        vars: dict[str, t.Any] | None = None,
        shared: bool = False,
        locals: t.Mapping[str, t.Any] | None = None,
    ) -> jinja2.runtime.Context:
        """Build the render context from a C-level copy of the globals.

        Jinja merges ``vars`` over ``self.globals``, a ``ChainMap``, key by key in
        Python; with the view layer's few dozen globals that cost more than rendering a
        small template. Same result, copied with ``dict()`` instead.
        """
        if shared:
            return super().new_context(vars, shared, locals)
        parent = dict(self.environment.globals)
        maps = getattr(self.globals, "maps", None)
        if maps is None:
            parent.update(self.globals)
        elif maps[0]:
            parent.update(maps[0])
        if vars:
            parent.update(vars)
        return super().new_context(parent, True, locals)

    def render(self, *args: t.Any, **kwargs: t.Any) -> str:
        """Render the template, finishing the stacks when this is the outermost render."""
        with rendering() as (state, outermost):
            text = super().render(*args, **kwargs)
            return state.finish(text) if outermost else text

    async def render_async(self, *args: t.Any, **kwargs: t.Any) -> str:
        """Render the template asynchronously, finishing the stacks when this is the outermost render."""
        with rendering() as (state, outermost):
            text = await super().render_async(*args, **kwargs)
            return state.finish(text) if outermost else text

    def generate(self, *args: t.Any, **kwargs: t.Any) -> t.Iterator[str]:
        """Yield the output; an outermost render yields it whole, because stacks finish at the end."""
        if _STATE.get() is not None:
            yield from super().generate(*args, **kwargs)
        else:
            yield self.render(*args, **kwargs)


def blade_push(name: str, content: t.Any, prepend: bool = False) -> bool:
    """Add rendered ``content`` to stack ``name`` of the current render (returns False for ``{% if %}``)."""
    state = _STATE.get()
    if state is not None:
        state.push(name, content, prepend)
    return False


def blade_stack(name: str, default: str = "") -> Markup:
    """Return the placeholder ``@stack`` prints (the stack's content when no render is open)."""
    state = _STATE.get()
    if state is None:
        return Markup(default)
    return Markup(state.placeholder(name, default))


def blade_once(key: str) -> bool:
    """Tell whether the ``@once`` block ``key`` renders (True only the first time per render)."""
    state = _STATE.get()
    return True if state is None else state.once(str(key))
