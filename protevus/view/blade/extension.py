"""A Jinja extension that compiles ``*.blade.html`` templates from Blade to Jinja before parsing.

Laravel: ``Illuminate\\View\\Engines\\CompilerEngine`` with the ``BladeCompiler``.
Add ``BladeExtension`` to a :class:`jinja2.Environment`; templates whose name ends in
``.blade.html`` are translated by ``environment.blade_compiler`` and every other
template is left alone. The extension also provides ``{% break %}``/``{% continue %}``
(it is a :class:`jinja2.ext.LoopControlExtension`) and the runtime helpers the
compiled source calls, and makes the environment's templates
:class:`~protevus.view.blade.stacks.BladeTemplate` so ``template.render()`` finishes
``@stack`` placeholders by itself.
"""

from __future__ import annotations

import typing as t

import jinja2
from jinja2.ext import LoopControlExtension
from markupsafe import Markup

from protevus.view.blade.compiler import BladeCompiler
from protevus.view.blade.component_runtime import install_component_runtime
from protevus.view.blade.loop import blade_classes
from protevus.view.blade.loop import blade_empty
from protevus.view.blade.loop import blade_escape
from protevus.view.blade.loop import blade_items
from protevus.view.blade.loop import blade_json
from protevus.view.blade.loop import blade_loop
from protevus.view.blade.loop import blade_raw
from protevus.view.blade.loop import blade_styles
from protevus.view.blade.loop import blade_while
from protevus.view.blade.runtime import blade_auth_check
from protevus.view.blade.runtime import blade_can
from protevus.view.blade.runtime import blade_each
from protevus.view.blade.runtime import blade_env
from protevus.view.blade.runtime import blade_error
from protevus.view.blade.runtime import blade_has_section
from protevus.view.blade.runtime import blade_session
from protevus.view.blade.runtime import blade_view
from protevus.view.blade.stacks import BladeTemplate
from protevus.view.blade.stacks import blade_once
from protevus.view.blade.stacks import blade_push
from protevus.view.blade.stacks import blade_stack

#: Templates with this suffix are Blade; everything else is plain Jinja.
BLADE_SUFFIX = ".blade.html"


@jinja2.pass_context
def blade_include(
    context: jinja2.runtime.Context,
    name: str | list[str | jinja2.Template],
    data: t.Mapping[str, t.Any],
    missing: bool = False,
) -> Markup:
    """Render a view (the first that exists, for a list) with the template's variables plus ``data``.

    Laravel: ``@include('view', $data)``/``@includeFirst``. ``data`` is a mapping computed at
    run time; loop variables of the including template are not passed here (dict
    literals compile to ``{% with %}``/``{% include %}``, which passes them).
    """
    try:
        template = context.environment.get_or_select_template(name, parent=context.name)
    except jinja2.TemplateNotFound:
        if missing:
            return Markup("")
        raise
    return Markup(template.render({**context.get_all(), **dict(data)}))


class BladeExtension(LoopControlExtension):
    """Compile Blade templates to Jinja in ``preprocess``, keeping line numbers.

    Laravel: ``BladeCompiler`` + ``CompilerEngine``. The compiler lives on
    ``environment.blade_compiler`` so apps can register ``directive()``/``if_()`` on it;
    ``version`` belongs in any compiled-template cache key.
    """

    def __init__(self, environment: jinja2.Environment) -> None:
        super().__init__(environment)
        compiler = BladeCompiler()
        environment.extend(blade_compiler=compiler)
        environment.globals.update(
            blade_loop=blade_loop,
            blade_empty=blade_empty,
            blade_items=blade_items,
            blade_while=blade_while,
            blade_json=blade_json,
            blade_classes=blade_classes,
            blade_styles=blade_styles,
            blade_view=blade_view,
            blade_include=blade_include,
            blade_condition=self._condition,
            blade_each=blade_each,
            blade_has_section=blade_has_section,
            blade_auth_check=blade_auth_check,
            blade_can=blade_can,
            blade_env=blade_env,
            blade_session=blade_session,
            blade_error=blade_error,
            blade_push=blade_push,
            blade_stack=blade_stack,
            blade_once=blade_once,
        )
        environment.filters.update(blade_e=blade_escape, blade_raw=blade_raw)
        if not issubclass(environment.template_class, BladeTemplate):
            base = environment.template_class
            environment.template_class = (
                BladeTemplate
                if base is jinja2.Template
                else type("BladeTemplate", (BladeTemplate, base), {})
            )
        install_component_runtime(environment)
        compiler.component_registry = environment.blade_components  # type: ignore[attr-defined]

    @property
    def compiler(self) -> BladeCompiler:
        """Return the environment's Blade compiler."""
        return t.cast(BladeCompiler, self.environment.blade_compiler)  # type: ignore[attr-defined]

    @property
    def version(self) -> str:
        """Return the translator version (with custom directives) for compiled-cache keys."""
        return self.compiler.version

    def _condition(self, name: str, *args: t.Any) -> bool:
        return bool(self.compiler.conditions[name](*args))

    def preprocess(
        self, source: str, name: str | None, filename: str | None = None
    ) -> str:
        """Return Jinja source for Blade templates (name ending ``.blade.html``); other sources unchanged."""
        label = name or filename
        if label is None or not label.endswith(BLADE_SUFFIX):
            return source
        return self.compiler.compile_string(source, label)
