"""``make:provider``: create a service provider and add it to ``bootstrap/providers.py``.

Laravel: ``Illuminate\\Foundation\\Console\\ProviderMakeCommand``.
"""

from __future__ import annotations

import os
import re

from protevus.console.generator_command import GeneratorCommand

STUBS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stubs")


class ProviderMakeCommand(GeneratorCommand):
    """Create a new service provider class and register it.

    Laravel: ``Illuminate\\Foundation\\Console\\ProviderMakeCommand``.
    """

    signature = (
        "make:provider {name : The name of the provider} "
        "{--f|force : Create the class even if the provider already exists}"
    )
    description = "Create a new service provider class"
    type = "Provider"
    directory = os.path.join("app", "providers")
    stub_directory = STUBS

    def get_stub(self) -> str:
        """Use the provider stub."""
        return self.stub_path("provider.stub")

    def after_write(self, parts: list[str], path: str) -> None:
        """Add the provider to ``bootstrap/providers.py``.

        Laravel: ``ServiceProvider::addProviderToBootstrapFile()``.
        """
        add_provider_to_bootstrap_file(
            self.laravel.bootstrap_path("providers.py"),
            self.module_name(parts),
            self.class_name(parts),
        )


def add_provider_to_bootstrap_file(file: str, module: str, cls: str) -> bool:
    """Import ``cls`` from ``module`` in the providers file and append it to ``providers``.

    Returns ``False`` when it is already listed. Creates the file if missing.
    """
    line = f"from {module} import {cls}"
    if not os.path.isfile(file):
        with open(file, "w", encoding="utf-8") as fh:
            fh.write(
                '"""The application\'s service providers, registered after the framework\'s."""\n\n'
                f"{line}\n\nproviders = [\n    {cls},\n]\n"
            )
        return True
    with open(file, encoding="utf-8") as fh:
        source = fh.read()
    if re.search(rf"^\s*{re.escape(line)}\s*$", source, re.M):
        return False
    lines = source.splitlines()
    last_import = max(
        (i for i, text in enumerate(lines) if text.startswith(("import ", "from "))),
        default=None,
    )
    if last_import is None:
        start = 1 if lines and lines[0].startswith(('"""', "'''")) else 0
        lines[start:start] = [line, ""] if start == 0 else ["", line]
    else:
        lines.insert(last_import + 1, line)
    source = "\n".join(lines) + "\n"
    match = re.search(r"providers\s*=\s*\[(.*?)\]", source, re.S)
    if match is None:
        source += f"\nproviders = [\n    {cls},\n]\n"
    else:
        body = match.group(1).rstrip()
        if body.strip():
            body = body if body.endswith(",") else body + ","
            new = f"{body}\n    {cls},\n"
        else:
            new = f"\n    {cls},\n"
        source = source[: match.start(1)] + new + source[match.end(1) :]
    with open(file, "w", encoding="utf-8") as fh:
        fh.write(source)
    return True
