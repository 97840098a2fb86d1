"""The ``protevus`` installer command (``protevus --version``; ``protevus new`` comes with the skeleton).

Laravel: the ``laravel`` installer.
"""

from __future__ import annotations

import click

from protevus import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="Protevus")
def main() -> None:
    """Create and manage Protevus applications."""
