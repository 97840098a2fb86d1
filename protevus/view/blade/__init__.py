"""Blade templates compiled to Jinja (Laravel: ``Illuminate\\View\\Compilers\\BladeCompiler``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.view.blade.compiler import TRANSLATOR_VERSION as TRANSLATOR_VERSION
    from protevus.view.blade.compiler import BladeCompiler as BladeCompiler
    from protevus.view.blade.extension import BLADE_SUFFIX as BLADE_SUFFIX
    from protevus.view.blade.extension import BladeExtension as BladeExtension
    from protevus.view.blade.loop import Loop as Loop

__getattr__ = lazy_exports(
    __name__,
    {
        "BladeCompiler": "protevus.view.blade.compiler",
        "TRANSLATOR_VERSION": "protevus.view.blade.compiler",
        "BladeExtension": "protevus.view.blade.extension",
        "BLADE_SUFFIX": "protevus.view.blade.extension",
        "Loop": "protevus.view.blade.loop",
    },
)
