"""The artisan console: commands, signatures and I/O (Laravel's ``Illuminate\\Console``)."""

from protevus.console.closure_command import ClosureCommand as ClosureCommand
from protevus.console.command import Command as Command
from protevus.console.generator_command import GeneratorCommand as GeneratorCommand
from protevus.console.output_style import OutputStyle as OutputStyle
from protevus.console.signature import Signature as Signature
