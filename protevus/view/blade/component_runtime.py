"""The run-time half of components: the Jinja globals compiled component tags call.

Laravel: ``Illuminate\\View\\Concerns\\ManagesComponents``.
"""

from __future__ import annotations

import jinja2


def install_component_runtime(environment: jinja2.Environment) -> None:
    """Add the component globals to ``environment``."""
