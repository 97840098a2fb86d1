"""The artisan console: commands, signatures and I/O (Laravel's ``Illuminate\\Console``)."""

import typing as t

from protevus.support.lazy import lazy_exports

if t.TYPE_CHECKING:
    from protevus.console.closure_command import ClosureCommand as ClosureCommand
    from protevus.console.command import Command as Command
    from protevus.console.generator_command import GeneratorCommand as GeneratorCommand
    from protevus.console.lazy_command import LazyCommand as LazyCommand
    from protevus.console.output_style import OutputStyle as OutputStyle
    from protevus.console.signature import Signature as Signature

__getattr__ = lazy_exports(
    __name__,
    {
        "ClosureCommand": "protevus.console.closure_command",
        "Command": "protevus.console.command",
        "GeneratorCommand": "protevus.console.generator_command",
        "LazyCommand": "protevus.console.lazy_command",
        "OutputStyle": "protevus.console.output_style",
        "Signature": "protevus.console.signature",
    },
)
