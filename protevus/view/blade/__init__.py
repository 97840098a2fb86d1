"""Blade templates compiled to Jinja (Laravel: ``Illuminate\\View\\Compilers\\BladeCompiler``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.view.blade.compiler import TRANSLATOR_VERSION as TRANSLATOR_VERSION
    from protevus.view.blade.compiler import BladeCompiler as BladeCompiler
    from protevus.view.blade.component_runtime import (
        ComponentRuntime as ComponentRuntime,
    )
    from protevus.view.blade.extension import BLADE_SUFFIX as BLADE_SUFFIX
    from protevus.view.blade.extension import BladeExtension as BladeExtension
    from protevus.view.blade.loop import Loop as Loop
    from protevus.view.blade.stacks import BladeTemplate as BladeTemplate
    from protevus.view.blade.stacks import RenderState as RenderState
    from protevus.view.blade.stacks import finish_render as finish_render
    from protevus.view.blade.stacks import rendering as rendering

__getattr__ = lazy_exports(
    __name__,
    {
        "BladeCompiler": "protevus.view.blade.compiler",
        "TRANSLATOR_VERSION": "protevus.view.blade.compiler",
        "BladeExtension": "protevus.view.blade.extension",
        "BLADE_SUFFIX": "protevus.view.blade.extension",
        "Loop": "protevus.view.blade.loop",
        "ComponentRuntime": "protevus.view.blade.component_runtime",
        "BladeTemplate": "protevus.view.blade.stacks",
        "RenderState": "protevus.view.blade.stacks",
        "rendering": "protevus.view.blade.stacks",
        "finish_render": "protevus.view.blade.stacks",
    },
)
